import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading1,
  Heading2,
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
import { PartnersTable, StatusText } from '~/components/admissions'
import { FormErrors, TextField, TextareaField } from '~/components/form-field'
import { actorOf, maySubmitFor, notFound } from '~/domain/accounts/permissions.server'
import { requireProvider } from '~/domain/admissions/guards.server'
import { isOwnEntry, providerEntryView } from '~/domain/admissions/queries.server'
import {
  alignConceptForView,
  moveEntryToNextMoment,
  saveEntryDraft,
} from '~/domain/admissions/entries.server'
import { transitionEntry } from '~/domain/admissions/lifecycle.server'
import { addPartner, PartnerInputError, removePartner } from '~/domain/admissions/partners.server'
import { PARTNER_ROLES, PARTNER_ROLE_LABELS } from '~/domain/admissions/partners'
import { AdmissionError, EDITABLE_STATES, entryStateLabel, isOpenEntryState } from '~/domain/admissions/state'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate, formatDateTime } from '~/utils/time'
import { kvkNummer, optionalText } from '~/utils/validation'

export const meta: MetaFunction = () => [{ title: 'Toetreding | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, organisationId, membership } = await requireProvider(request)
  // A concept shows the requirements it will be judged against (they may have changed since it was saved).
  await alignConceptForView(params.entryId ?? '', organisationId, actorOf(viewer, request))
  const view = await providerEntryView(organisationId, params.entryId ?? '')
  if (!view) notFound()
  return { ...view, maySubmit: maySubmitFor(membership) }
}

/** Adding a partner organisation to the entry (combinations). */
const partnerSchema = z.object({
  intent: z.literal('partner-toevoegen'),
  kvkNummer,
  rol: z.enum(PARTNER_ROLES, { error: 'Kies of de partner onderaannemer of combinatiepartner is' }),
  producten: z
    .array(z.string(), { error: 'Kies minstens één product dat de partner levert' })
    .min(1, 'Kies minstens één product dat de partner levert'),
  toelichting: optionalText({ max: 1000 }),
})

type ActionResult = {
  intent: string
  error?: string
  problems?: string[]
  answerProblems?: Record<string, string>
  saved?: boolean
  partnerResult?: SubmissionResult<string[]>
}

function readDraft(form: FormData) {
  const answers: Record<string, string> = {}
  const evidence: Record<string, string> = {}
  for (const [key, value] of form.entries()) {
    if (key.startsWith('vraag-')) answers[key.slice(6)] = String(value)
    if (key.startsWith('bewijs-')) evidence[key.slice(7)] = String(value)
  }
  return {
    gemeenten: form.getAll('gemeenten').map(String),
    products: form.getAll('producten').map(String),
    answers,
    evidence,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, organisationId, membership } = await requireProvider(request)
  const entryId = params.entryId ?? ''
  if (!(await isOwnEntry(organisationId, entryId))) notFound()
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const actor = actorOf(viewer, request)
  const as = { party: 'aanbieder' as const, organisationId }
  try {
    if (intent === 'intrekken') {
      await transitionEntry({ entryId, action: 'intrekken', actor, as })
      return redirectWithFlash(request, '/aanbieder/toetredingen', 'Uw toetreding is ingetrokken.')
    }
    if (intent === 'verplaatsen') {
      const { moment, requirements } = await moveEntryToNextMoment({ actor, organisationId, entryId })
      return redirectWithFlash(
        request,
        `/aanbieder/toetredingen/${entryId}`,
        `Uw concept is verplaatst naar het registratiemoment van ${formatDateTime(moment.opensAt)} tot ${formatDateTime(moment.closesAt)}.` +
          (requirements
            ? ` De eisen van dat moment zijn anders (versie ${requirements.to}); controleer uw antwoorden en bewijsstukken.`
            : ''),
      )
    }
    if (intent === 'partner-toevoegen') {
      const submission = parseWithZod(form, { schema: partnerSchema })
      if (submission.status !== 'success')
        return data<ActionResult>({ intent, partnerResult: submission.reply() }, { status: 400 })
      const v = submission.value
      try {
        const { name } = await addPartner({
          actor,
          organisationId,
          entryId,
          kvkNummer: v.kvkNummer,
          role: v.rol,
          productIds: v.producten,
          note: v.toelichting,
        })
        return redirectWithFlash(
          request,
          `/aanbieder/toetredingen/${entryId}`,
          `${name} is toegevoegd als ${v.rol}. De beheerders van ${name} krijgen een e-mail om de deelname te bevestigen.`,
        )
      } catch (error) {
        if (error instanceof PartnerInputError) {
          return data<ActionResult>(
            {
              intent,
              partnerResult: submission.reply({ fieldErrors: { [error.field]: [error.message] } }),
            },
            { status: 400 },
          )
        }
        if (error instanceof AdmissionError && error.code !== 'not_allowed')
          return data<ActionResult>(
            { intent, partnerResult: submission.reply({ formErrors: [error.message] }) },
            { status: 409 },
          )
        throw error
      }
    }
    if (intent === 'partner-verwijderen') {
      const { name } = await removePartner({
        actor,
        organisationId,
        entryId,
        partnerId: String(form.get('partnerId') ?? ''),
        reason: String(form.get('reden') ?? ''),
      })
      return redirectWithFlash(
        request,
        `/aanbieder/toetredingen/${entryId}`,
        `${name} staat niet meer als partner bij deze toetreding.`,
      )
    }
    if (intent !== 'opslaan' && intent !== 'indienen')
      return data<ActionResult>({ intent, error: 'Onbekende actie.' }, { status: 400 })
    const { answerProblems, requirements } = await saveEntryDraft({
      actor,
      organisationId,
      entryId,
      ...readDraft(form),
    })
    if (intent === 'opslaan') {
      if (requirements)
        return redirectWithFlash(
          request,
          `/aanbieder/toetredingen/${entryId}`,
          `Uw concept is opgeslagen. De eisen zijn intussen gewijzigd (nu versie ${requirements.to}); ` +
            'antwoorden en bewijsstukken die nog passen zijn overgenomen. Controleer de vragen en bewijsstukken.',
        )
      if (Object.keys(answerProblems).length > 0)
        return data<ActionResult>({ intent, saved: true, answerProblems }, { status: 400 })
      return redirectWithFlash(request, `/aanbieder/toetredingen/${entryId}`, 'Uw concept is opgeslagen.')
    }
    if (!maySubmitFor(membership)) {
      return data<ActionResult>(
        {
          intent,
          saved: true,
          answerProblems,
          error:
            'Uw gegevens zijn opgeslagen, maar u mag niet namens uw organisatie indienen. Vraag een beheerder van uw organisatie om in te dienen.',
        },
        { status: 403 },
      )
    }
    await transitionEntry({ entryId, action: 'indienen', actor, as })
    return redirectWithFlash(
      request,
      `/aanbieder/toetredingen/${entryId}`,
      'Uw toetreding is ingediend. U ontvangt een bevestiging per e-mail.',
    )
  } catch (error) {
    if (error instanceof AdmissionError) {
      const status =
        error.code === 'not_allowed'
          ? 404
          : error.code === 'forbidden'
            ? 403
            : error.code === 'duplicate' || error.code === 'conflict'
              ? 409
              : 400
      if (status === 404) notFound()
      return data<ActionResult>({ intent, error: error.message, problems: error.problems }, { status })
    }
    throw error
  }
}

function verificationLabel(v: string) {
  return v === 'goedgekeurd' ? 'goedgekeurd' : v === 'afgekeurd' ? 'afgekeurd' : 'wordt gecontroleerd'
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Coverage = LoaderData['coverage'][number]

/** One line per partner under a required evidence type: whose item counts, or what is still missing. */
function partnerSupplyText(c: Coverage | undefined): string {
  if (!c || c.partners.length === 0) return ''
  const parts = c.partners.map((p) => {
    const products = c.products
      .filter((x) => x.delivered && x.suppliedBy?.kind === 'partner' && x.suppliedBy.name === p.name)
      .map((x) => x.name)
    if (p.status === 'wacht') return `${p.name}: telt mee zodra ${p.name} de deelname heeft bevestigd.`
    if (p.status === 'ontbreekt') return `${p.name}: heeft geen geldig bewijsstuk van dit soort.`
    return `${p.name}: heeft een geldig bewijsstuk${
      p.validUntil ? ` (tot ${formatDate(new Date(p.validUntil))})` : ''
    }${products.length ? `; dat telt voor ${products.join(', ')}` : ''}.`
  })
  return ` Partners: ${parts.join(' ')}${c.satisfied ? ' Deze eis is vervuld.' : ''}`
}

function Partners({
  entry,
  coverage,
  editable,
  busy,
  lastResult,
}: {
  entry: LoaderData['entry']
  coverage: LoaderData['coverage']
  editable: boolean
  busy: boolean
  lastResult: ActionResult | undefined
}) {
  const mine = lastResult?.intent === 'partner-toevoegen' ? lastResult.partnerResult : undefined
  const [form, fields] = useForm({
    id: 'form-partner-toevoegen',
    lastResult: mine,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: partnerSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const requirementNames = new Map(entry.requirementSet.evidence.map((r) => [r.id, r.evidenceType.name]))
  return (
    <section aria-labelledby="partners-kop">
      <Heading2 id="partners-kop">Onderaannemers en combinatiepartners</Heading2>
      <Paragraph>
        Levert een andere organisatie een deel van de zorg? Noem die hier, met de producten die zij levert. De
        partner bevestigt zijn deel vanuit het eigen account; de geldige bewijsstukken van de partner tellen
        dan mee voor die producten. Uw organisatie blijft als hoofdaanbieder verantwoordelijk.
      </Paragraph>
      {entry.partners.length === 0 ? (
        <Paragraph>Er staan geen partners bij deze toetreding.</Paragraph>
      ) : (
        <PartnersTable caption="Partners bij deze toetreding" partners={entry.partners} />
      )}
      {entry.partners.length > 0 && coverage.length > 0 ? (
        <div className="portaal-table-wrap">
          <Table>
            <TableCaption>Wie levert welk bewijsstuk</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Gevraagd</TableHeaderCell>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Bewijsstuk van</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {coverage.flatMap((c) =>
                c.products.map((x) => (
                  <TableRow key={`${c.requiredId}-${x.productId}`}>
                    <TableCell>{requirementNames.get(c.requiredId)}</TableCell>
                    <TableCell>{x.name}</TableCell>
                    <TableCell>
                      {x.suppliedBy
                        ? x.suppliedBy.kind === 'lead'
                          ? 'Uw organisatie'
                          : `${x.suppliedBy.name} (partner)`
                        : 'Ontbreekt nog'}
                    </TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {editable
        ? entry.partners.map((p) => (
            <Form method="post" className="portaal-form" key={p.id}>
              <input type="hidden" name="intent" value="partner-verwijderen" />
              <input type="hidden" name="partnerId" value={p.id} />
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor={`reden-${p.id}`}>
                  Reden om {p.organisation.name} te verwijderen (niet verplicht)
                </label>
                <textarea
                  className="utrecht-textarea utrecht-textarea--html-textarea"
                  id={`reden-${p.id}`}
                  name="reden"
                  rows={2}
                />
              </div>
              <div>
                <Button type="submit" appearance="secondary-action-button" busy={busy}>
                  {p.organisation.name} verwijderen als partner
                </Button>
              </div>
            </Form>
          ))
        : null}
      {editable ? (
        <Form method="post" {...getFormProps(form)} className="portaal-form">
          <Fieldset>
            <FieldsetLegend>Partner toevoegen</FieldsetLegend>
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="partner-toevoegen" />
            <TextField
              field={fields.kvkNummer}
              label="KvK-nummer van de partner"
              description="De partner moet een account in het portaal hebben."
              inputMode="numeric"
            />
            <Fieldset
              invalid={!!fields.rol.errors?.length}
              aria-describedby={fields.rol.errors?.length ? fields.rol.errorId : undefined}
            >
              <FieldsetLegend>Rol van de partner</FieldsetLegend>
              {fields.rol.errors?.length ? (
                <FormFieldErrorMessage id={fields.rol.errorId}>
                  {fields.rol.errors.join(' ')}
                </FormFieldErrorMessage>
              ) : null}
              {PARTNER_ROLES.map((role) => (
                <div key={role} className="utrecht-form-field utrecht-form-field--radio">
                  <input
                    type="radio"
                    className="utrecht-radio-button utrecht-radio-button--html-input"
                    id={`${fields.rol.id}-${role}`}
                    name={fields.rol.name}
                    value={role}
                    defaultChecked={fields.rol.initialValue === role}
                  />{' '}
                  <label
                    className="utrecht-form-label utrecht-form-label--radio"
                    htmlFor={`${fields.rol.id}-${role}`}
                  >
                    {PARTNER_ROLE_LABELS[role]}
                  </label>
                </div>
              ))}
            </Fieldset>
            <Fieldset
              invalid={!!fields.producten.errors?.length}
              aria-describedby={fields.producten.errors?.length ? fields.producten.errorId : undefined}
            >
              <FieldsetLegend>Producten die de partner levert</FieldsetLegend>
              {fields.producten.errors?.length ? (
                <FormFieldErrorMessage id={fields.producten.errorId}>
                  {fields.producten.errors.join(' ')}
                </FormFieldErrorMessage>
              ) : null}
              {entry.products.map((p) => (
                <div key={p.productId} className="utrecht-form-field utrecht-form-field--checkbox">
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    id={`partner-product-${p.productId}`}
                    name={fields.producten.name}
                    value={p.productId}
                    defaultChecked={
                      Array.isArray(fields.producten.initialValue)
                        ? fields.producten.initialValue.includes(p.productId)
                        : fields.producten.initialValue === p.productId
                    }
                  />{' '}
                  <label
                    className="utrecht-form-label utrecht-form-label--checkbox"
                    htmlFor={`partner-product-${p.productId}`}
                  >
                    {p.product.code} {p.product.name}
                  </label>
                </div>
              ))}
            </Fieldset>
            <TextareaField
              field={fields.toelichting}
              label="Toelichting voor de partner"
              description="Staat in de e-mail aan de partner en in de geschiedenis van de toetreding."
              optional
              rows={3}
            />
            <div>
              <Button type="submit" appearance="secondary-action-button" busy={busy}>
                Partner toevoegen
              </Button>
            </div>
          </Fieldset>
        </Form>
      ) : null}
    </section>
  )
}

export default function Toetreding() {
  const {
    entry,
    decisionDate,
    options,
    problems,
    coverage,
    expiring,
    audit,
    maySubmit,
    stale,
    nextMoment,
    momentFrozen,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionResult | undefined
  const navigation = useNavigation()
  const editable = (EDITABLE_STATES as readonly string[]).includes(entry.status)
  const chosenG = new Set(entry.gemeenten.map((g) => g.gemeenteCode))
  const chosenP = new Set(entry.products.map((p) => p.productId))
  const answers = new Map(entry.answers.map((a) => [a.questionId, a.value]))
  const attached = new Map(entry.evidence.map((e) => [e.requiredEvidenceId, e.evidenceItem]))
  const answerProblems = actionData?.answerProblems ?? {}
  const problemList = actionData?.problems?.length ? actionData.problems : []
  const busy = navigation.state === 'submitting'
  return (
    <>
      <Heading1>Toetreding: {entry.perceel.name}</Heading1>
      <Paragraph>
        {entry.perceel.procurement.name} van {entry.perceel.procurement.region.name}.{' '}
        <Link href="/aanbieder/toetredingen">Terug naar het overzicht</Link>
      </Paragraph>
      <dl className="portaal-dl">
        <dt>Status</dt>
        <dd>
          <StatusText>{entryStateLabel(entry.status)}</StatusText>
        </dd>
        {entry.registrationMoment ? (
          <>
            <dt>Registratiemoment</dt>
            <dd>
              {formatDateTime(new Date(entry.registrationMoment.opensAt))} tot{' '}
              {formatDateTime(new Date(entry.registrationMoment.closesAt))}
            </dd>
          </>
        ) : null}
        <dt>{entry.decidedAt ? 'Besluit genomen op' : 'Besluit verwacht uiterlijk'}</dt>
        <dd>{formatDate(new Date(entry.decidedAt ?? decisionDate))}</dd>
        {entry.submittedAt ? (
          <>
            <dt>Ingediend op</dt>
            <dd>{formatDateTime(new Date(entry.submittedAt))}</dd>
          </>
        ) : null}
        <dt>Eisen</dt>
        <dd>
          Versie {entry.requirementSet.version}{' '}
          {!entry.registrationMoment
            ? entry.status === 'concept'
              ? '(de nu gepubliceerde eisen; ze worden vastgelegd als u indient)'
              : ''
            : momentFrozen
              ? '(vastgelegd bij de opening van dit registratiemoment)'
              : '(de nu gepubliceerde eisen; bij de opening van het registratiemoment worden de eisen vastgelegd)'}
        </dd>
      </dl>

      {entry.status === 'aanvulling_gevraagd' && entry.infoRequest ? (
        <Alert type="warning">
          <Heading2>De inkoper vraagt om een aanvulling</Heading2>
          <Paragraph>{entry.infoRequest}</Paragraph>
          <Paragraph>
            Pas uw toetreding aan en dien haar opnieuw in. De beslistermijn begint dan opnieuw.
          </Paragraph>
        </Alert>
      ) : null}
      {entry.decisionReason && (entry.status === 'toegelaten' || entry.status === 'afgewezen') ? (
        <Alert type={entry.status === 'toegelaten' ? 'ok' : 'error'}>
          <Heading2>
            {entry.status === 'toegelaten' ? 'U bent toegelaten' : 'Uw toetreding is afgewezen'}
          </Heading2>
          <Paragraph className="portaal-preline">{entry.decisionReason}</Paragraph>
          {entry.status === 'toegelaten' ? (
            <Paragraph>
              Wilt u meer gemeenten of producten?{' '}
              <Link href={`/aanbieder/toetredingen/nieuw?perceel=${entry.perceelId}`}>
                Start een nieuwe toetreding
              </Link>
              ; uw toelating blijft gewoon bestaan.
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}

      {stale ? (
        <Alert type="warning">
          <Heading2>Het registratiemoment van dit concept is gesloten</Heading2>
          {nextMoment ? (
            <>
              <Paragraph>
                U kunt dit concept niet meer indienen voor het registratiemoment dat gesloten is. Verplaats
                het naar het volgende registratiemoment ({formatDateTime(new Date(nextMoment.opensAt))} tot{' '}
                {formatDateTime(new Date(nextMoment.closesAt))}). Uw antwoorden en bewijsstukken gaan mee,
                voor zover ze passen bij de eisen van dat moment.
              </Paragraph>
              <Form method="post">
                <input type="hidden" name="intent" value="verplaatsen" />
                <Button type="submit" appearance="primary-action-button" busy={busy}>
                  Verplaatsen naar het volgende registratiemoment
                </Button>
              </Form>
            </>
          ) : (
            <Paragraph>
              Er is voor dit perceel nog geen volgend registratiemoment. U kunt het concept bewaren tot er een
              is, of het intrekken.
            </Paragraph>
          )}
        </Alert>
      ) : null}

      {actionData?.error ? (
        <div role="alert" className="portaal-form-alert">
          <Alert type="error">
            <Paragraph>{actionData.error}</Paragraph>
            {problemList.length ? (
              <UnorderedList>
                {problemList.map((p) => (
                  <UnorderedListItem key={p}>{p}</UnorderedListItem>
                ))}
              </UnorderedList>
            ) : null}
          </Alert>
        </div>
      ) : null}
      {actionData?.saved && !actionData.error ? (
        <div role="alert">
          <Alert type="warning">
            <Paragraph>
              Uw concept is opgeslagen. Let op: met een of meer antwoorden voldoet u niet aan de eisen. Zie de
              toelichting bij de vragen.
            </Paragraph>
          </Alert>
        </div>
      ) : null}

      {editable ? (
        <>
          {problems.length > 0 && !actionData?.error ? (
            <Alert type="info">
              <Paragraph>Nog te doen voordat u kunt indienen:</Paragraph>
              <UnorderedList>
                {problems.map((p) => (
                  <UnorderedListItem key={p.key + p.message}>{p.message}</UnorderedListItem>
                ))}
              </UnorderedList>
            </Alert>
          ) : null}
          <Form method="post" className="portaal-form" id="toetreding-form">
            <Fieldset>
              <FieldsetLegend>Gemeenten</FieldsetLegend>
              {entry.perceel.gemeenten.map((g) => (
                <div key={g.gemeenteCode} className="utrecht-form-field utrecht-form-field--checkbox">
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    id={`gemeente-${g.gemeenteCode}`}
                    name="gemeenten"
                    value={g.gemeenteCode}
                    defaultChecked={chosenG.has(g.gemeenteCode)}
                  />{' '}
                  <label
                    className="utrecht-form-label utrecht-form-label--checkbox"
                    htmlFor={`gemeente-${g.gemeenteCode}`}
                  >
                    {g.gemeente.name}
                  </label>
                </div>
              ))}
            </Fieldset>
            <Fieldset>
              <FieldsetLegend>Producten</FieldsetLegend>
              {entry.perceel.products.map((p) => (
                <div key={p.id} className="utrecht-form-field utrecht-form-field--checkbox">
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    id={`product-${p.id}`}
                    name="producten"
                    value={p.id}
                    defaultChecked={chosenP.has(p.id)}
                  />{' '}
                  <label
                    className="utrecht-form-label utrecht-form-label--checkbox"
                    htmlFor={`product-${p.id}`}
                  >
                    {p.code} {p.name}
                  </label>
                </div>
              ))}
            </Fieldset>

            <Heading2>Vragen</Heading2>
            {entry.requirementSet.questions.length === 0 ? <Paragraph>Er zijn geen vragen.</Paragraph> : null}
            {entry.requirementSet.questions.map((q) => {
              const problem = answerProblems[q.id]
              const errorId = `vraag-${q.id}-fout`
              if (q.kind === 'knockout_yesno') {
                return (
                  <Fieldset key={q.id} invalid={!!problem} aria-describedby={problem ? errorId : undefined}>
                    <FieldsetLegend>{q.text}</FieldsetLegend>
                    <FormFieldDescription>
                      Dit is een knock-outvraag: het antwoord moet {q.requiredAnswer ? '"ja"' : '"nee"'} zijn.
                    </FormFieldDescription>
                    {problem ? <FormFieldErrorMessage id={errorId}>{problem}</FormFieldErrorMessage> : null}
                    {['ja', 'nee'].map((v) => (
                      <div key={v} className="utrecht-form-field utrecht-form-field--radio">
                        <input
                          type="radio"
                          className="utrecht-radio-button utrecht-radio-button--html-input"
                          id={`vraag-${q.id}-${v}`}
                          name={`vraag-${q.id}`}
                          value={v}
                          defaultChecked={answers.get(q.id) === v}
                        />{' '}
                        <label
                          className="utrecht-form-label utrecht-form-label--radio"
                          htmlFor={`vraag-${q.id}-${v}`}
                        >
                          {v === 'ja' ? 'Ja' : 'Nee'}
                        </label>
                      </div>
                    ))}
                  </Fieldset>
                )
              }
              return (
                <div
                  key={q.id}
                  className={`utrecht-form-field${problem ? ' utrecht-form-field--invalid' : ''}`}
                >
                  <label className="utrecht-form-label" htmlFor={`vraag-${q.id}`}>
                    {q.text}
                  </label>
                  {q.kind === 'knockout_number' ? (
                    <FormFieldDescription id={`vraag-${q.id}-uitleg`}>
                      Knock-outvraag: minimaal {q.minimum}.
                    </FormFieldDescription>
                  ) : null}
                  {problem ? <FormFieldErrorMessage id={errorId}>{problem}</FormFieldErrorMessage> : null}
                  {q.kind === 'knockout_number' ? (
                    <input
                      className="utrecht-textbox utrecht-textbox--html-input"
                      id={`vraag-${q.id}`}
                      name={`vraag-${q.id}`}
                      inputMode="numeric"
                      defaultValue={answers.get(q.id) ?? ''}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={[`vraag-${q.id}-uitleg`, problem ? errorId : '']
                        .filter(Boolean)
                        .join(' ')}
                    />
                  ) : (
                    <textarea
                      className="utrecht-textarea utrecht-textarea--html-textarea"
                      id={`vraag-${q.id}`}
                      name={`vraag-${q.id}`}
                      rows={4}
                      defaultValue={answers.get(q.id) ?? ''}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? errorId : undefined}
                    />
                  )}
                </div>
              )
            })}

            <Heading2>Bewijsstukken</Heading2>
            <Paragraph>
              Kies per gevraagd bewijsstuk een geldig exemplaar uit de bewijsstukken van uw organisatie. Nog
              niet toegevoegd? Voeg het toe bij <Link href="/aanbieder/bewijsstukken">Bewijsstukken</Link>.
            </Paragraph>
            {entry.requirementSet.evidence.map((r) => {
              const mine = options.filter((o) => o.typeId === r.evidenceTypeId)
              const current = attached.get(r.id)
              return (
                <div key={r.id} className="utrecht-form-field">
                  <label className="utrecht-form-label" htmlFor={`bewijs-${r.id}`}>
                    {r.evidenceType.name}
                  </label>
                  <FormFieldDescription id={`bewijs-${r.id}-status`}>
                    {current
                      ? `Toegevoegd: ${current.issuer}${current.number ? ` ${current.number}` : ''}${
                          current.validUntil ? `, geldig tot ${formatDate(new Date(current.validUntil))}` : ''
                        }.`
                      : 'Ontbreekt nog.'}
                    {expiring.includes(r.id)
                      ? ` Let op: dit bewijsstuk verloopt vóór de verwachte besluitdatum (${formatDate(new Date(decisionDate))}).`
                      : ''}
                    {partnerSupplyText(coverage.find((c) => c.requiredId === r.id))}
                  </FormFieldDescription>
                  <select
                    className="utrecht-select utrecht-select--html-select"
                    id={`bewijs-${r.id}`}
                    name={`bewijs-${r.id}`}
                    defaultValue={current?.id ?? ''}
                    aria-describedby={`bewijs-${r.id}-status`}
                  >
                    <option value="">
                      {mine.length ? 'Kies een bewijsstuk' : 'U heeft nog geen bewijsstuk van dit soort'}
                    </option>
                    {mine.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.issuer} {o.number}
                        {o.validUntil
                          ? `, geldig tot ${formatDate(new Date(o.validUntil))}`
                          : ', onbeperkt geldig'}{' '}
                        ({verificationLabel(o.verification)})
                      </option>
                    ))}
                  </select>
                </div>
              )
            })}
            <div className="portaal-button-row">
              <Button
                type="submit"
                name="intent"
                value="opslaan"
                appearance="secondary-action-button"
                busy={busy}
              >
                Concept opslaan
              </Button>{' '}
              {maySubmit ? (
                <Button
                  type="submit"
                  name="intent"
                  value="indienen"
                  appearance="primary-action-button"
                  busy={busy}
                >
                  {entry.status === 'aanvulling_gevraagd'
                    ? 'Opslaan en opnieuw indienen'
                    : 'Opslaan en indienen'}
                </Button>
              ) : (
                <Paragraph>
                  U kunt het concept opslaan. Indienen doet een beheerder van uw organisatie.
                </Paragraph>
              )}
            </div>
          </Form>
        </>
      ) : (
        <>
          <Heading2>Uw gegevens</Heading2>
          <Paragraph>Gemeenten: {entry.gemeenten.map((g) => g.gemeente.name).join(', ')}</Paragraph>
          <Paragraph>
            Producten: {entry.products.map((p) => `${p.product.code} ${p.product.name}`).join(', ')}
          </Paragraph>
          <UnorderedList>
            {entry.requirementSet.questions.map((q) => (
              <UnorderedListItem key={q.id}>
                {q.text} <strong>{answers.get(q.id) ?? 'niet beantwoord'}</strong>
              </UnorderedListItem>
            ))}
            {entry.requirementSet.evidence.map((r) => {
              const item = attached.get(r.id)
              return (
                <UnorderedListItem key={r.id}>
                  {r.evidenceType.name}:{' '}
                  {item
                    ? `${item.issuer} ${item.number}${item.validUntil ? `, geldig tot ${formatDate(new Date(item.validUntil))}` : ''}.`
                    : coverage.find((c) => c.requiredId === r.id)?.partners.length
                      ? 'geen eigen bewijsstuk.'
                      : 'ontbreekt'}
                  {partnerSupplyText(coverage.find((c) => c.requiredId === r.id))}
                </UnorderedListItem>
              )
            })}
          </UnorderedList>
        </>
      )}

      <Partners entry={entry} coverage={coverage} editable={editable} busy={busy} lastResult={actionData} />

      {isOpenEntryState(entry.status) && !maySubmit ? (
        <>
          <Heading2>Toetreding intrekken</Heading2>
          <Paragraph>Intrekken doet een beheerder van uw organisatie, net als indienen.</Paragraph>
        </>
      ) : null}
      {isOpenEntryState(entry.status) && maySubmit ? (
        <Form method="post" className="portaal-form">
          <input type="hidden" name="intent" value="intrekken" />
          <Heading2>Toetreding intrekken</Heading2>
          <Paragraph>
            Wilt u niet meer toetreden? Dan kunt u deze toetreding intrekken zolang er geen besluit is.
          </Paragraph>
          <div>
            <Button type="submit" appearance="secondary-action-button" busy={busy}>
              Toetreding intrekken
            </Button>
          </div>
        </Form>
      ) : null}

      <Heading2>Geschiedenis</Heading2>
      <UnorderedList>
        {audit.map((a) => (
          <UnorderedListItem key={a.id}>
            {formatDateTime(new Date(a.at))}: {a.summary}
            {a.reason ? ` Toelichting: ${a.reason}` : ''}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  )
}
