import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
  Alert,
  Button,
  ButtonLink,
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
} from '@utrecht/component-library-react'
import { StatusText } from '~/components/admissions'
import { actorOf, maySubmitFor } from '~/domain/accounts/permissions.server'
import { requireProvider } from '~/domain/admissions/guards.server'
import { openHousePercelen, providerDashboard } from '~/domain/admissions/queries.server'
import { confirmRevalidation } from '~/domain/admissions/admissions.server'
import { partnerRequests } from '~/domain/admissions/partners.server'
import { partnerRoleLabel } from '~/domain/admissions/partners'
import { AdmissionError, admissionStateLabel, entryStateLabel } from '~/domain/admissions/state'
import { now } from '~/utils/clock'
import { redirectWithFlash } from '~/utils/session.server'
import { addDays, formatDate, formatDateTime } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Toetredingen en toelatingen | Aanbiederspoort' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisationId, membership } = await requireProvider(request)
  const [dashboard, percelen, requests] = await Promise.all([
    providerDashboard(organisationId),
    openHousePercelen(),
    partnerRequests(organisationId),
  ])
  return { ...dashboard, percelen, requests, organisationName: membership.name, today: now() }
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, organisationId, membership } = await requireProvider(request)
  const form = await request.formData()
  if (form.get('intent') !== 'bevestigen') return data({ error: 'Onbekende actie.' }, { status: 400 })
  // Confirming (or stopping) speaks for the organisation, like submitting an entry.
  if (!maySubmitFor(membership)) {
    return data(
      { error: 'Alleen een beheerder, of een medewerker die mag indienen, bevestigt de toelatingen.' },
      { status: 403 },
    )
  }
  const remark = String(form.get('toelichting') ?? '')
  if (remark.length > 2000)
    return data({ error: 'Gebruik hoogstens 2000 tekens voor de toelichting.' }, { status: 400 })
  let result
  try {
    result = await confirmRevalidation({
      actor: actorOf(viewer, request),
      organisationId,
      perceelId: String(form.get('perceelId') ?? ''),
      stopAdmissionIds: form.getAll('stoppen').map(String),
      remark,
    })
  } catch (error) {
    if (error instanceof AdmissionError) return data({ error: error.message }, { status: 400 })
    throw error
  }
  return redirectWithFlash(
    request,
    '/aanbieder/toetredingen',
    result.stopped
      ? `Bedankt. ${result.confirmed} toelating(en) bevestigd voor een jaar; ${result.stopped} beëindigd. De inkoper is op de hoogte gebracht.`
      : 'Bedankt. Uw toelating is bevestigd voor een jaar.',
  )
}

export default function Toetredingen() {
  const { entries, admissionGroups, percelen, requests, organisationName, today } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const soon = addDays(new Date(today), 30)
  return (
    <>
      <Heading1>Toetredingen en toelatingen</Heading1>
      <Paragraph>
        Hier vraagt {organisationName} toelating tot open-house-percelen en ziet u de status van uw verzoeken
        en toelatingen.
      </Paragraph>
      {actionData && 'error' in actionData ? <Alert type="error">{actionData.error}</Alert> : null}

      <Heading2>Uw toetredingen</Heading2>
      {entries.length === 0 ? (
        <Paragraph>U heeft nog geen toetredingen.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableCaption>Toetredingen van uw organisatie</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Perceel</TableHeaderCell>
                <TableHeaderCell scope="col">Gemeenten</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Ingediend</TableHeaderCell>
                <TableHeaderCell scope="col">Besluit uiterlijk</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>
                    <Link href={`/aanbieder/toetredingen/${e.id}`}>{e.perceel.name}</Link>
                    <br />
                    {e.perceel.procurement.name}
                  </TableCell>
                  <TableCell>{e.gemeenten.map((g) => g.gemeente.name).join(', ')}</TableCell>
                  <TableCell>
                    <StatusText>{entryStateLabel(e.status)}</StatusText>
                  </TableCell>
                  <TableCell>
                    {e.submittedAt ? formatDateTime(new Date(e.submittedAt)) : 'Nog niet'}
                  </TableCell>
                  <TableCell>
                    {e.decidedAt
                      ? `Besloten op ${formatDate(new Date(e.decidedAt))}`
                      : e.decisionDueAt
                        ? formatDate(new Date(e.decisionDueAt))
                        : '–'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {requests.length > 0 ? (
        <section aria-labelledby="verzoeken-als-partner">
          <Heading2 id="verzoeken-als-partner">Verzoeken als partner</Heading2>
          <Paragraph>
            Andere aanbieders noemen {organisationName} als onderaannemer of combinatiepartner in hun
            toetreding. Bevestig of weiger uw deel.
          </Paragraph>
          <div className="portaal-table-wrap">
            <Table>
              <TableCaption>Toetredingen waarin uw organisatie partner is</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Hoofdaanbieder en perceel</TableHeaderCell>
                  <TableHeaderCell scope="col">Rol</TableHeaderCell>
                  <TableHeaderCell scope="col">Producten</TableHeaderCell>
                  <TableHeaderCell scope="col">Uw bevestiging</TableHeaderCell>
                  <TableHeaderCell scope="col">Toetreding</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {requests.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <Link href={`/aanbieder/toetredingen/partner/${r.id}`}>
                        {r.leadName}: {r.perceelName}
                      </Link>
                      <br />
                      {r.procurementName}
                    </TableCell>
                    <TableCell>{partnerRoleLabel(r.role)}</TableCell>
                    <TableCell>{r.products.join(', ')}</TableCell>
                    <TableCell>
                      <StatusText>
                        {r.confirmedAt
                          ? `Bevestigd op ${formatDate(new Date(r.confirmedAt))}`
                          : r.actionable
                            ? 'Wacht op uw bevestiging'
                            : 'Niet bevestigd'}
                      </StatusText>
                    </TableCell>
                    <TableCell>{entryStateLabel(r.entryStatus)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      ) : null}

      <Heading2>Toetreden tot een perceel</Heading2>
      {percelen.length === 0 ? (
        <Paragraph>Er staan nu geen open-house-percelen open.</Paragraph>
      ) : (
        percelen.map((p) => (
          <section key={p.id} aria-labelledby={`perceel-${p.id}`}>
            <Heading3 id={`perceel-${p.id}`}>
              {p.name} ({p.regionName})
            </Heading3>
            <Paragraph>
              {p.procurementName}.{' '}
              {p.regime === 'doorlopend'
                ? `U kunt altijd toetreden; u krijgt binnen ${p.decisionTermDays ?? 30} werkdagen een besluit.`
                : p.moment
                  ? `Registratiemoment van ${formatDateTime(new Date(p.moment.opensAt))} tot ${formatDateTime(
                      new Date(p.moment.closesAt),
                    )}; besluit uiterlijk ${formatDate(new Date(p.moment.decisionDate))}.`
                  : 'Er is geen komend registratiemoment.'}
            </Paragraph>
            <Paragraph>
              <ButtonLink
                appearance="secondary-action-button"
                href={`/aanbieder/toetredingen/nieuw?perceel=${p.id}`}
              >
                Toetreding starten voor {p.name}
              </ButtonLink>{' '}
              <Link href={`/register/${p.id}`}>Register van toegelaten aanbieders</Link>
            </Paragraph>
          </section>
        ))
      )}

      <Heading2>Uw toelatingen</Heading2>
      {admissionGroups.length === 0 ? (
        <Paragraph>U heeft nog geen toelatingen.</Paragraph>
      ) : (
        admissionGroups.map((g) => (
          <section key={g.perceelId} aria-labelledby={`toelating-${g.perceelId}`}>
            <Heading3 id={`toelating-${g.perceelId}`}>{g.perceelName}</Heading3>
            {g.revalidationDueAt ? (
              <Form method="post" className="portaal-form" id={`bevestigen-${g.perceelId}`}>
                <input type="hidden" name="intent" value="bevestigen" />
                <input type="hidden" name="perceelId" value={g.perceelId} />
                <Paragraph>
                  {new Date(g.revalidationDueAt) < soon ? <strong>Actie nodig: </strong> : null}
                  Bevestig uiterlijk {formatDate(new Date(g.revalidationDueAt))} dat u nog aan de eisen
                  voldoet. Stopt u met een product of in een gemeente? Vink dat aan in de tabel hieronder en
                  licht het toe. Wilt u meer leveren? Start dan een nieuwe toetreding.
                </Paragraph>
                <div className="utrecht-form-field utrecht-form-field--text">
                  <div className="utrecht-form-field__label">
                    <label className="utrecht-form-label" htmlFor={`toelichting-${g.perceelId}`}>
                      Toelichting voor de inkoper (niet verplicht)
                    </label>
                  </div>
                  <div className="utrecht-form-field__input">
                    <textarea
                      id={`toelichting-${g.perceelId}`}
                      name="toelichting"
                      rows={2}
                      maxLength={2000}
                      className="utrecht-textarea utrecht-textarea--html-textarea"
                    />
                  </div>
                </div>
                <div>
                  <Button type="submit" appearance="secondary-action-button">
                    Bevestigen ({g.perceelName})
                  </Button>
                </div>
              </Form>
            ) : null}
            <div className="portaal-table-wrap">
              <Table>
                <TableCaption>Toelatingen op {g.perceelName}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Product</TableHeaderCell>
                    <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                    <TableHeaderCell scope="col">Sinds</TableHeaderCell>
                    <TableHeaderCell scope="col">Vorm</TableHeaderCell>
                    {g.revalidationDueAt ? <TableHeaderCell scope="col">Stoppen</TableHeaderCell> : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {g.rows.map((a) => (
                    <TableRow key={a.id}>
                      <TableCell>
                        {a.product.code} {a.product.name}
                      </TableCell>
                      <TableCell>{a.gemeente.name}</TableCell>
                      <TableCell>
                        <StatusText>{admissionStateLabel(a.status)}</StatusText>
                      </TableCell>
                      <TableCell>{formatDate(new Date(a.since))}</TableCell>
                      <TableCell>{a.source === 'gunning' ? 'Gegund (aanbesteding)' : 'Open house'}</TableCell>
                      {g.revalidationDueAt ? (
                        <TableCell>
                          {a.status === 'actief' && a.source === 'openhouse' ? (
                            // Tied to the confirmation form above by its id, so it also works without JavaScript.
                            <label className="portaal-checkbox-option">
                              <input
                                type="checkbox"
                                name="stoppen"
                                value={a.id}
                                form={`bevestigen-${g.perceelId}`}
                                className="utrecht-checkbox utrecht-checkbox--html-input"
                              />
                              Stoppen met {a.product.code} in {a.gemeente.name}
                            </label>
                          ) : null}
                        </TableCell>
                      ) : null}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
        ))
      )}
    </>
  )
}
