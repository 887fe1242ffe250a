import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useLocation } from '@remix-run/react'
import {
  Button,
  ButtonLink,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Heading3,
  Heading4,
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
import { Documents } from '~/components/documents'
import { actorOf, getViewer, notFound, requireUser } from '~/domain/accounts/permissions.server'
import { getPublicProcurement, isFollowing, setFollowing } from '~/domain/catalogue/catalogue.server'
import { categoryName, lawsLabel, unitName } from '~/domain/catalogue/product-categories'
import {
  INKOOPVORM_LABELS,
  MOMENT_STATE_LABELS,
  PROCUREMENT_STATUS_LABELS,
  QUESTION_KIND_LABELS,
  REGIME_LABELS,
  formatEuro,
  momentState,
  type Inkoopvorm,
  type QuestionKind,
  type Regime,
} from '~/domain/catalogue/rules'
import { now } from '~/utils/clock'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate, formatDateTime } from '~/utils/time'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.procurement.name ?? 'Inkooptraject'} | Inkoopagenda | Aanbiederspoort` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const procurement = await getPublicProcurement(params.procurementId!)
  const viewer = await getViewer(request)
  const organisations = await Promise.all(
    (viewer?.organisations ?? []).map(async (o) => ({
      organisationId: o.organisationId,
      name: o.name,
      following: await isFollowing(procurement.id, o.organisationId),
    })),
  )
  return { procurement, signedIn: !!viewer, organisations, now: now() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request)
  const formData = await request.formData()
  const organisationId = String(formData.get('organisationId') ?? '')
  if (!viewer.organisations.some((o) => o.organisationId === organisationId)) notFound()
  const follow = formData.get('intent') === 'volgen'
  await setFollowing(actorOf(viewer, request), params.procurementId!, organisationId, follow)
  return redirectWithFlash(
    request,
    `/inkoopagenda/${params.procurementId}`,
    follow
      ? 'U volgt dit traject. U krijgt een e-mail als er een wijziging wordt gepubliceerd.'
      : 'U volgt dit traject niet meer.',
  )
}

type RequirementSet = ReturnType<
  typeof useLoaderData<typeof loader>
>['procurement']['percelen'][number]['requirementSets'][number]

function Requirements({ set }: { set: RequirementSet }) {
  return (
    <>
      <Paragraph>
        Versie {set.version}, gepubliceerd op {formatDate(new Date(set.publishedAt!))}.{' '}
        {set.requireAgb ? 'Een AGB-code is verplicht.' : 'Een AGB-code is niet verplicht.'}
      </Paragraph>
      {set.evidence.length > 0 ? (
        <UnorderedList>
          {set.evidence.map((e) => (
            <UnorderedListItem key={e.id}>
              {e.evidenceType.name}
              {e.validUntilAtLeast
                ? `, geldig tot minstens ${formatDate(new Date(e.validUntilAtLeast))}`
                : ''}
              {e.issuedWithinMonths ? `, afgegeven in de laatste ${e.issuedWithinMonths} maanden` : ''}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
      {set.questions.length > 0 ? (
        <UnorderedList>
          {set.questions.map((q) => (
            <UnorderedListItem key={q.id}>
              {q.text} ({QUESTION_KIND_LABELS[q.kind as QuestionKind] ?? q.kind}
              {q.kind === 'knockout_yesno' ? `; vereist antwoord: ${q.requiredAnswer ? 'ja' : 'nee'}` : ''}
              {q.kind === 'knockout_number' ? `; minimaal ${q.minimum}` : ''})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </>
  )
}

export default function InkooptrajectPubliek() {
  const { procurement, signedIn, organisations, now } = useLoaderData<typeof loader>()
  const location = useLocation()
  const at = new Date(now)
  return (
    <>
      <Paragraph>
        <Link href="/inkoopagenda">Terug naar de inkoopagenda</Link>
      </Paragraph>
      <Heading1>{procurement.name}</Heading1>
      <DataList>
        <DataListItem>
          <DataListKey>Regio</DataListKey>
          <DataListValue>{procurement.region.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Wetten</DataListKey>
          <DataListValue>{lawsLabel(procurement.laws)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Contractperiode</DataListKey>
          <DataListValue>
            {formatDate(new Date(procurement.contractStart))} tot en met{' '}
            {formatDate(new Date(procurement.contractEnd))}
            {procurement.extensionOptions ? `, met verlenging ${procurement.extensionOptions}` : ''}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Status</DataListKey>
          <DataListValue>
            {PROCUREMENT_STATUS_LABELS[procurement.status] ?? procurement.status}, versie{' '}
            {procurement.version}
            {procurement.publishedAt
              ? `, gepubliceerd op ${formatDate(new Date(procurement.publishedAt))}`
              : ''}
          </DataListValue>
        </DataListItem>
      </DataList>
      {procurement.description ? <Paragraph>{procurement.description}</Paragraph> : null}

      {signedIn ? (
        organisations.map((o) => (
          <Form method="post" key={o.organisationId}>
            <input type="hidden" name="organisationId" value={o.organisationId} />
            <input type="hidden" name="intent" value={o.following ? 'ontvolgen' : 'volgen'} />
            <Paragraph>
              {o.following ? `${o.name} volgt dit traject. ` : null}
              <Button
                type="submit"
                appearance={o.following ? 'secondary-action-button' : 'primary-action-button'}
              >
                {o.following ? 'Niet meer volgen' : 'Volg dit traject'}
                {organisations.length > 1 ? ` (${o.name})` : ''}
              </Button>
            </Paragraph>
          </Form>
        ))
      ) : (
        <Paragraph>
          <ButtonLink
            href={`/inloggen?redirectTo=${encodeURIComponent(location.pathname)}`}
            appearance="secondary-action-button"
          >
            Log in om dit traject te volgen
          </ButtonLink>
        </Paragraph>
      )}

      {procurement.documents.length > 0 ? (
        <>
          <Heading2>Documenten</Heading2>
          <Documents
            documents={procurement.documents}
            href={(id) => `/inkoopagenda/${procurement.id}/documenten/${id}`}
            caption={`Documenten van ${procurement.name}`}
            empty=""
          />
        </>
      ) : null}

      <Heading2>Percelen</Heading2>
      {procurement.percelen.map((perceel) => {
        const requirements = perceel.requirementSets[0]
        const older = perceel.requirementSets.slice(1)
        return (
          <section key={perceel.id} aria-labelledby={`perceel-${perceel.id}`} className="portaal-card">
            <Heading3 id={`perceel-${perceel.id}`}>{perceel.name}</Heading3>
            {perceel.description ? <Paragraph>{perceel.description}</Paragraph> : null}
            <DataList>
              <DataListItem>
                <DataListKey>Inkoopvorm</DataListKey>
                <DataListValue>
                  {INKOOPVORM_LABELS[perceel.inkoopvorm as Inkoopvorm] ?? perceel.inkoopvorm}
                  {perceel.registrationRegime
                    ? `, ${REGIME_LABELS[perceel.registrationRegime as Regime].toLowerCase()}`
                    : ''}
                  {perceel.registrationRegime === 'doorlopend' && perceel.decisionTermDays
                    ? `, besluit binnen ${perceel.decisionTermDays} werkdagen`
                    : ''}
                </DataListValue>
              </DataListItem>
              {perceel.segments.length > 0 ? (
                <DataListItem>
                  <DataListKey>Segmenten</DataListKey>
                  <DataListValue>{perceel.segments.map((s) => s.segment.name).join(', ')}</DataListValue>
                </DataListItem>
              ) : null}
              <DataListItem>
                <DataListKey>Gemeenten die meedoen</DataListKey>
                <DataListValue>
                  {perceel.gemeenten.length > 0
                    ? perceel.gemeenten.map((g) => g.gemeente.name).join(', ')
                    : 'Nog geen gemeenten'}
                </DataListValue>
              </DataListItem>
              {perceel.tenderNedUrl ? (
                <DataListItem>
                  <DataListKey>TenderNed</DataListKey>
                  <DataListValue>
                    <Link href={perceel.tenderNedUrl}>Aankondiging op TenderNed</Link>
                  </DataListValue>
                </DataListItem>
              ) : null}
              {perceel.tenderDeadlines ? (
                <DataListItem>
                  <DataListKey>Belangrijke data</DataListKey>
                  <DataListValue>{perceel.tenderDeadlines}</DataListValue>
                </DataListItem>
              ) : null}
            </DataList>
            {perceel.inkoopvorm === 'openhouse' && perceel.justification ? (
              <>
                <Heading4>Waarom open house</Heading4>
                <Paragraph>{perceel.justification}</Paragraph>
                {perceel.justificationAt ? (
                  <Paragraph className="portaal-muted">
                    Onderbouwing vastgesteld op {formatDate(new Date(perceel.justificationAt))}.
                  </Paragraph>
                ) : null}
              </>
            ) : null}
            {perceel.inkoopvorm === 'openhouse' || perceel._count.admissions > 0 ? (
              <Paragraph>
                <Link href={`/register/${perceel.id}`}>
                  {perceel.inkoopvorm === 'openhouse'
                    ? 'Register van toegelaten aanbieders'
                    : 'Register van gecontracteerde aanbieders'}
                  <span className="portaal-visually-hidden"> voor {perceel.name}</span>
                </Link>
              </Paragraph>
            ) : null}
            {perceel.registrationMoments.length > 0 ? (
              <div className="portaal-table-wrap">
                <Table>
                  <TableCaption>Inschrijfmomenten {perceel.name}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">Opent</TableHeaderCell>
                      <TableHeaderCell scope="col">Sluit</TableHeaderCell>
                      <TableHeaderCell scope="col">Besluit uiterlijk</TableHeaderCell>
                      <TableHeaderCell scope="col">Status</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {perceel.registrationMoments.map((m) => (
                      <TableRow key={m.id}>
                        <TableCell>{formatDateTime(new Date(m.opensAt))}</TableCell>
                        <TableCell>{formatDateTime(new Date(m.closesAt))}</TableCell>
                        <TableCell>{formatDate(new Date(m.decisionDate))}</TableCell>
                        <TableCell>
                          {
                            MOMENT_STATE_LABELS[
                              momentState(
                                { opensAt: new Date(m.opensAt), closesAt: new Date(m.closesAt) },
                                at,
                              )
                            ]
                          }
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : null}
            <Heading4>Eisen</Heading4>
            {requirements ? (
              <Requirements set={requirements} />
            ) : (
              <Paragraph>Er zijn nog geen eisen gepubliceerd.</Paragraph>
            )}
            {older.length > 0 ? (
              <details>
                <summary>Eerdere versies van de eisen</summary>
                {older.map((set) => (
                  <Requirements key={set.id} set={set} />
                ))}
              </details>
            ) : null}
            <Heading4>Producten en tarieven</Heading4>
            {perceel.products.length === 0 ? (
              <Paragraph>Er zijn nog geen producten.</Paragraph>
            ) : (
              <div className="portaal-table-wrap">
                <Table>
                  <TableCaption>Producten en tarieven {perceel.name}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">Code</TableHeaderCell>
                      <TableHeaderCell scope="col">Product</TableHeaderCell>
                      <TableHeaderCell scope="col">Categorie</TableHeaderCell>
                      <TableHeaderCell scope="col">Eenheid</TableHeaderCell>
                      <TableHeaderCell scope="col">Tarief</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {perceel.products.map((p) => (
                      <TableRow key={p.id}>
                        <TableCell>{p.code}</TableCell>
                        <TableCell>
                          {p.name}
                          {p.intensity ? ` (${p.intensity})` : ''}
                        </TableCell>
                        <TableCell>
                          {p.categoryCode} {categoryName(p.categoryCode)}
                        </TableCell>
                        <TableCell>{unitName(p.unit)}</TableCell>
                        <TableCell>
                          {p.tariffs.map((t) => (
                            <div key={t.id}>
                              {formatEuro(t.amountCents)} vanaf {formatDate(new Date(t.validFrom))}
                              {t.validUntil ? ` tot en met ${formatDate(new Date(t.validUntil))}` : ''}
                              {t.indexation ? ` (indexatie: ${t.indexation})` : ''}
                            </div>
                          ))}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
        )
      })}

      <Heading2>Tijdlijn</Heading2>
      {procurement.milestones.length === 0 ? (
        <Paragraph>Er zijn geen mijlpalen gepubliceerd.</Paragraph>
      ) : (
        <UnorderedList>
          {procurement.milestones.map((m) => (
            <UnorderedListItem key={m.id}>
              {formatDateTime(new Date(m.at))}: {m.label}
              {m.ifNeeded ? ' (indien nodig)' : ''}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}

      <Heading2>Wijzigingen</Heading2>
      {procurement.changes.length === 0 ? (
        <Paragraph>Er zijn geen wijzigingen.</Paragraph>
      ) : (
        <UnorderedList>
          {procurement.changes.map((c) => (
            <UnorderedListItem key={c.id}>
              {formatDate(new Date(c.at))}, versie {c.version}: {c.summary}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </>
  )
}
