import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Alert,
  Button,
  Heading1,
  Heading2,
  Heading3,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import {
  PartnersTable,
  ReasonForm,
  StatusText,
  reasonSchema,
  type IntentResult,
} from '~/components/admissions'
import { actorOf, notFound } from '~/domain/accounts/permissions.server'
import { requireRegionStaff } from '~/domain/admissions/guards.server'
import { buyerEntryView } from '~/domain/admissions/queries.server'
import { transitionEntry } from '~/domain/admissions/lifecycle.server'
import { answerProblem } from '~/domain/admissions/requirements'
import { partnerRoleWord } from '~/domain/admissions/partners'
import {
  AdmissionError,
  admissionStateLabel,
  allowedEntryActions,
  entryStateLabel,
  isDecisionOverdue,
  type EntryAction,
} from '~/domain/admissions/state'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate, formatDateTime } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Toetreding beoordelen | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionStaff(request, params.slug, ['inkoper'])
  const view = await buyerEntryView(region.id, params.entryId ?? '')
  if (!view) notFound()
  return { region, ...view, actions: allowedEntryActions(view.entry.status, 'inkoper') }
}

const FLASH: Partial<Record<EntryAction, string>> = {
  in_behandeling_nemen: 'De toetreding is in behandeling genomen.',
  aanvulling_vragen: 'De aanbieder is gevraagd de toetreding aan te vullen.',
  toelaten: 'De aanbieder is toegelaten. Het besluit is per e-mail verstuurd.',
  afwijzen: 'De toetreding is afgewezen. Het besluit is per e-mail verstuurd.',
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionStaff(request, params.slug, ['inkoper'])
  const entryId = params.entryId ?? ''
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '') as EntryAction
  if (!['in_behandeling_nemen', 'aanvulling_vragen', 'toelaten', 'afwijzen'].includes(intent))
    return data<IntentResult>({ intent, error: 'Onbekende actie.' }, { status: 400 })
  let reason: string | null = null
  let unmet: string[] = []
  if (intent !== 'in_behandeling_nemen') {
    const submission = parseWithZod(formData, { schema: reasonSchema })
    if (submission.status !== 'success')
      return data<IntentResult>({ intent, result: submission.reply() }, { status: 400 })
    reason = submission.value.reason
    unmet = [...(submission.value.unmet ?? []), ...String(formData.get('unmetOther') ?? '').split('\n')]
      .map((u) => u.trim())
      .filter(Boolean)
    if (intent === 'afwijzen' && unmet.length === 0) {
      return data<IntentResult>(
        {
          intent,
          result: submission.reply({
            formErrors: ['Kies of beschrijf de eisen waaraan de aanbieder niet voldoet.'],
          }),
        },
        { status: 400 },
      )
    }
  }
  try {
    await transitionEntry({
      entryId,
      action: intent,
      actor: actorOf(viewer, request),
      as: { party: 'inkoper', regionId: region.id },
      reason,
      unmet,
    })
  } catch (error) {
    if (error instanceof AdmissionError) {
      if (error.code === 'not_allowed') notFound()
      return data<IntentResult>({ intent, error: error.message }, { status: 409 })
    }
    throw error
  }
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/toetredingen/${entryId}`,
    FLASH[intent] ?? 'Opgeslagen.',
  )
}

function verificationLabel(v: string) {
  return v === 'goedgekeurd' ? 'Goedgekeurd' : v === 'afgekeurd' ? 'Afgekeurd' : 'Nog niet gecontroleerd'
}

export default function ToetredingBeoordelen() {
  const { region, entry, problems, coverage, history, admissions, audit, actions, at } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as IntentResult | undefined
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const answers = new Map(entry.answers.map((a) => [a.questionId, a.value]))
  const partnerById = new Map(entry.partners.map((p) => [p.id, p]))
  // Requirements whose attached item the provider has since replaced: the table shows the newest version.
  const renewed = new Set(
    entry.evidence.filter((e) => e.attachedItemId !== e.evidenceItem.id).map((e) => e.requiredEvidenceId),
  )
  const overdue =
    entry.decisionDueAt &&
    isDecisionOverdue(new Date(entry.decisionDueAt), new Date(at)) &&
    actions.includes('toelaten')
  return (
    <>
      <Heading1>
        Toetreding van {entry.organisation.name}: {entry.perceel.name}
      </Heading1>
      <Paragraph>
        <Link href={`/regio/${region.slug}/toetredingen?perceel=${entry.perceelId}`}>
          Terug naar de wachtrij
        </Link>
      </Paragraph>
      <dl className="portaal-dl">
        <dt>Status</dt>
        <dd>
          <StatusText>{entryStateLabel(entry.status)}</StatusText>
        </dd>
        <dt>Aanbieder</dt>
        <dd>
          {entry.organisation.name} (KvK {entry.organisation.kvkNummer}
          {entry.organisation.agbCode ? `, AGB ${entry.organisation.agbCode}` : ''})
        </dd>
        <dt>Gemeenten</dt>
        <dd>{entry.gemeenten.map((g) => g.gemeente.name).join(', ')}</dd>
        <dt>Producten</dt>
        <dd>{entry.products.map((p) => `${p.product.code} ${p.product.name}`).join(', ')}</dd>
        <dt>Ingediend op</dt>
        <dd>{entry.submittedAt ? formatDateTime(new Date(entry.submittedAt)) : '–'}</dd>
        <dt>Besluit uiterlijk</dt>
        <dd>
          {entry.decisionDueAt ? formatDate(new Date(entry.decisionDueAt)) : '–'}
          {overdue ? <strong> (termijn verstreken)</strong> : null}
        </dd>
        <dt>Eisen</dt>
        <dd>Versie {entry.requirementSet.version}, vastgelegd voor het registratiemoment</dd>
      </dl>
      {entry.decisionReason ? (
        <Alert type="info">
          <Paragraph className="portaal-preline">Besluit: {entry.decisionReason}</Paragraph>
        </Alert>
      ) : null}
      {entry.infoRequest && entry.status === 'aanvulling_gevraagd' ? (
        <Alert type="info">
          <Paragraph>Gevraagde aanvulling: {entry.infoRequest}</Paragraph>
        </Alert>
      ) : null}

      <Heading2>Antwoorden</Heading2>
      <UnorderedList>
        {entry.requirementSet.questions.map((q) => {
          const problem = answerProblem(q, answers.get(q.id))
          return (
            <UnorderedListItem key={q.id}>
              {q.text} Antwoord: <strong>{answers.get(q.id) ?? 'niet beantwoord'}</strong>.{' '}
              {problem ? <strong>Voldoet niet.</strong> : 'Voldoet.'}
            </UnorderedListItem>
          )
        })}
      </UnorderedList>

      <Heading2>Partners</Heading2>
      {entry.partners.length === 0 ? (
        <Paragraph>{entry.organisation.name} dient deze toetreding alleen in, zonder partners.</Paragraph>
      ) : (
        <>
          <Paragraph>
            {entry.organisation.name} is hoofdaanbieder en blijft verantwoordelijk. Voor de producten die een
            bevestigde partner levert, tellen ook de geldige bewijsstukken van die partner.
          </Paragraph>
          <PartnersTable
            caption="Onderaannemers en combinatiepartners"
            partners={entry.partners}
            extra={{
              header: 'Bewijsstukken',
              cell: (p) =>
                coverage
                  .map((c) => {
                    const own = c.partners.find((x) => x.partnerId === p.id)
                    if (!own) return `${c.typeName}: –`
                    return own.item
                      ? `${c.typeName}: voldoet`
                      : `${c.typeName}: voldoet niet (${own.problem ?? 'ontbreekt'})`
                  })
                  .join('; '),
            }}
          />
        </>
      )}

      <Heading2>Bewijsstukken</Heading2>
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption>Gevraagde en geleverde bewijsstukken</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Gevraagd</TableHeaderCell>
              <TableHeaderCell scope="col">Van</TableHeaderCell>
              <TableHeaderCell scope="col">Geleverd</TableHeaderCell>
              <TableHeaderCell scope="col">Geldig tot</TableHeaderCell>
              <TableHeaderCell scope="col">Controle</TableHeaderCell>
              <TableHeaderCell scope="col">Voldoet</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {coverage.flatMap((c) => {
              const rows = [
                {
                  key: 'lead',
                  who: `${entry.organisation.name} (hoofdaanbieder)`,
                  item: c.lead.item ?? null,
                  verdict: !c.lead.item
                    ? 'Nee: ontbreekt'
                    : c.lead.problem
                      ? `Nee: ${c.lead.problem}`
                      : 'Ja, voor alle producten',
                },
                ...c.partners.map((x) => {
                  const partner = partnerById.get(x.partnerId)
                  const products = c.products
                    .filter((pr) => pr.partnerIds.includes(x.partnerId))
                    .map((pr) => pr.name)
                    .join(', ')
                  return {
                    key: x.partnerId,
                    who: `${x.name} (${partnerRoleWord(partner?.role ?? '')} voor ${products})`,
                    item: x.item,
                    verdict: !x.confirmed
                      ? 'Telt niet: de partner heeft niet bevestigd'
                      : x.item
                        ? `Ja, voor ${products}`
                        : `Nee: ${x.problem ?? 'ontbreekt'}`,
                  }
                }),
              ]
              return rows.map((row, i) => (
                <TableRow key={`${c.requiredId}-${row.key}`}>
                  <TableCell>
                    {i === 0 ? c.typeName : <span className="portaal-visually-hidden">{c.typeName}</span>}
                    {i === 0 && c.partners.length ? (
                      <>
                        <br />
                        {c.satisfied ? 'Vervuld' : 'Niet vervuld'}
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>{row.who}</TableCell>
                  <TableCell>
                    {row.item ? `${row.item.issuer ?? ''} ${row.item.number ?? ''}` : 'Ontbreekt'}
                    {row.key === 'lead' && renewed.has(c.requiredId) ? (
                      <>
                        <br />
                        Nieuwere versie van het bewijsstuk dat bij de toetreding is gevoegd
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    {row.item?.validUntil
                      ? formatDate(new Date(row.item.validUntil))
                      : row.item
                        ? 'Onbeperkt'
                        : '–'}
                  </TableCell>
                  <TableCell>{row.item ? verificationLabel(row.item.verification) : '–'}</TableCell>
                  <TableCell>{row.verdict}</TableCell>
                </TableRow>
              ))
            })}
          </TableBody>
        </Table>
      </div>

      {actions.length > 0 ? (
        <>
          <Heading2>Beoordelen</Heading2>
          {problems.length > 0 ? (
            <Alert type="warning">
              <Paragraph>Op dit moment voldoet de toetreding niet aan:</Paragraph>
              <UnorderedList>
                {problems.map((p) => (
                  <UnorderedListItem key={p.key + p.message}>{p.message}</UnorderedListItem>
                ))}
              </UnorderedList>
            </Alert>
          ) : (
            <Paragraph>De toetreding voldoet op dit moment aan alle eisen.</Paragraph>
          )}
          {actionData?.error ? (
            <div role="alert">
              <Alert type="error">
                <Paragraph>{actionData.error}</Paragraph>
              </Alert>
            </div>
          ) : null}
          {actions.includes('in_behandeling_nemen') ? (
            <Form method="post" className="portaal-form">
              <input type="hidden" name="intent" value="in_behandeling_nemen" />
              <Button type="submit" appearance="secondary-action-button" busy={busy}>
                In behandeling nemen
              </Button>
            </Form>
          ) : null}
          {actions.includes('aanvulling_vragen') ? (
            <ReasonForm
              intent="aanvulling_vragen"
              legend="Om aanvulling vragen"
              label="Wat moet de aanbieder aanvullen?"
              description="De aanbieder krijgt dit bericht per e-mail. De beslistermijn begint opnieuw als de aanbieder opnieuw indient."
              button="Aanvulling vragen"
              lastResult={actionData}
              busy={busy}
            />
          ) : null}
          {actions.includes('toelaten') ? (
            <ReasonForm
              intent="toelaten"
              legend="Toelaten"
              label="Motivering van het besluit"
              button="Toelaten"
              lastResult={actionData}
              busy={busy}
            />
          ) : null}
          {actions.includes('afwijzen') ? (
            <ReasonForm
              intent="afwijzen"
              legend="Afwijzen"
              label="Motivering van het besluit"
              button="Afwijzen"
              lastResult={actionData}
              busy={busy}
            >
              <fieldset className="utrecht-form-fieldset">
                <legend className="utrecht-form-fieldset__legend">Niet voldaan aan</legend>
                {problems.map((p, i) => (
                  <div key={p.key + p.message} className="utrecht-form-field utrecht-form-field--checkbox">
                    <input
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input"
                      id={`unmet-${i}`}
                      name="unmet"
                      value={p.message}
                      defaultChecked
                    />{' '}
                    <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`unmet-${i}`}>
                      {p.message}
                    </label>
                  </div>
                ))}
                <div className="utrecht-form-field">
                  <label className="utrecht-form-label" htmlFor="unmetOther">
                    Andere eisen waaraan niet is voldaan, één per regel
                    {problems.length ? ' (niet verplicht)' : ''}
                  </label>
                  <textarea
                    className="utrecht-textarea utrecht-textarea--html-textarea"
                    id="unmetOther"
                    name="unmetOther"
                    rows={3}
                  />
                </div>
              </fieldset>
            </ReasonForm>
          ) : null}
        </>
      ) : null}

      <Heading2>Geschiedenis van de aanbieder</Heading2>
      <Heading3>Toelatingen in deze regio</Heading3>
      {admissions.length === 0 ? (
        <Paragraph>Nog geen toelatingen.</Paragraph>
      ) : (
        <UnorderedList>
          {admissions.map((a) => (
            <UnorderedListItem key={a.id}>
              {a.perceel.name}: {a.product.code} {a.product.name} in {a.gemeente.name},{' '}
              {admissionStateLabel(a.status)} sinds {formatDate(new Date(a.since))}
              {a.source === 'gunning' ? ' (gegund)' : ''}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Heading3>Andere toetredingen in deze regio</Heading3>
      {history.length === 0 ? (
        <Paragraph>Geen andere toetredingen in deze regio.</Paragraph>
      ) : (
        <UnorderedList>
          {history.map((h) => (
            <UnorderedListItem key={h.id}>
              <Link href={`/regio/${region.slug}/toetredingen/${h.id}`}>{h.perceel.name}</Link>:{' '}
              {entryStateLabel(h.status)}
              {h.submittedAt ? `, ingediend ${formatDate(new Date(h.submittedAt))}` : ''}
              {h.decidedAt ? `, besloten ${formatDate(new Date(h.decidedAt))}` : ''}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}

      <Heading2>Audittrail</Heading2>
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption>Alle stappen van deze toetreding</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
              <TableHeaderCell scope="col">Wie</TableHeaderCell>
              <TableHeaderCell scope="col">Wat</TableHeaderCell>
              <TableHeaderCell scope="col">Toelichting</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {audit.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{formatDateTime(new Date(a.at))}</TableCell>
                <TableCell>{a.actorLabel}</TableCell>
                <TableCell>{a.summary}</TableCell>
                <TableCell className="portaal-preline">{a.reason ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  )
}
