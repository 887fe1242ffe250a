import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Alert,
  Button,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { Documents } from '~/components/documents'
import { TextField, TextareaField, FormErrors } from '~/components/form-field'
import { actorOf, notFound, requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { roundViewer } from '~/domain/consultations/access.server'
import {
  getOwnParticipation,
  getPublicRound,
  publishedAttendees,
  seatAvailabilityFor,
} from '~/domain/consultations/queries.server'
import { cancelRegistration, registerForSession } from '~/domain/consultations/registrations.server'
import { askQuestion } from '~/domain/consultations/rounds.server'
import { questionSchema, registerSchema } from '~/domain/consultations/schemas'
import {
  mayAskQuestion,
  mayGiveInput,
  mayRegister,
  questionsCloseAt,
  REGISTRATION_STATUS_LABELS,
  seatAvailabilityText,
  sessionStarted,
  ROUND_PHASE_LABELS,
  SESSION_KIND_LABELS,
  type RegistrationStatus,
  type SessionKind,
} from '~/domain/consultations/rules'
import { now } from '~/utils/clock'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDateTime, formatTime, formatWeekdayDate } from '~/utils/time'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.title ?? 'Consultatie'} | Aanbiederspoort` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const round = await getPublicRound(params.roundId!)
  if (!round) notFound()
  const { viewer, membership, isCouncil, staffSlug } = await roundViewer(request, round.regionId, round.id)
  const own = membership ? await getOwnParticipation(round.id, membership.organisationId) : null
  const attendees = round.publishAttendees ? await publishedAttendees(round.id) : {}
  const seats = await seatAvailabilityFor(round.id, membership?.organisationId ?? null)
  const at = now()
  const seatSessions = new Set(own?.registrations.filter((r) => r.status === 'zeker').map((r) => r.sessionId))
  return {
    round: {
      ...round,
      // The online link only for organisations with a seat, and never for a cancelled session.
      sessions: round.sessions.map((s) => {
        const seat = seats[s.id]
        const cancelled = !!s.cancelledAt
        return {
          ...s,
          cancelled,
          onlineUrl: seatSessions.has(s.id) && !cancelled ? s.onlineUrl : null,
          hasOnline: !!s.onlineUrl && !cancelled,
          open: mayRegister(round, s, at),
          started: sessionStarted(s, at),
          // Seats this visitor's organisation can get: free seats held for invited organisations do not count.
          available: seat?.available ?? 0,
          full: (seat?.free ?? 0) === 0,
          seatText: seat ? seatAvailabilityText(seat) : `0 van ${s.seats} plaatsen vrij`,
        }
      }),
    },
    attendees,
    signedIn: !!viewer,
    organisationName: membership?.name ?? null,
    own,
    isCouncil: isCouncil && round.inviteCouncils,
    staffSlug,
    mayAsk: mayAskQuestion(round, at),
    mayInput: mayGiveInput(round, at),
    questionsCloseAt: questionsCloseAt(round),
  }
}

type ActionResult = {
  intent: string
  sessionId?: string
  registrationId?: string
  result: SubmissionResult<string[]>
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, organisationId } = await requireCurrentOrganisation(request)
  const round = await getPublicRound(params.roundId!)
  if (!round) notFound()
  const formData = await request.formData()
  const intent = formData.get('intent')
  const actor = actorOf(viewer, request)
  const here = `/consultaties/${round.id}`

  if (intent === 'aanmelden') {
    const submission = parseWithZod(formData, { schema: registerSchema })
    const sessionId = String(formData.get('sessionId') ?? '')
    if (submission.status !== 'success') {
      return data<ActionResult>({ intent, sessionId, result: submission.reply() }, { status: 400 })
    }
    if (!round.sessions.some((s) => s.id === submission.value.sessionId)) notFound()
    const result = await registerForSession({
      sessionId: submission.value.sessionId,
      organisationId,
      attendeeName: submission.value.attendeeName,
      attendeeEmail: submission.value.attendeeEmail,
      actor,
    })
    if (!result.ok) {
      const message = {
        gesloten: 'Aanmelden voor deze sessie is niet meer mogelijk: de aanmeldtermijn is voorbij.',
        limiet: 'Uw organisatie heeft het maximale aantal plaatsen voor deze sessie al gebruikt.',
        dubbel: 'Deze deelnemer is al aangemeld voor deze sessie.',
        geannuleerd: 'Aanmelden is niet mogelijk: deze sessie is geannuleerd.',
      }[result.reason]
      return data<ActionResult>(
        { intent, sessionId, result: submission.reply({ formErrors: [message] }) },
        { status: 400 },
      )
    }
    return redirectWithFlash(
      request,
      here,
      result.status === 'zeker'
        ? `${submission.value.attendeeName} is aangemeld. De bevestiging met agenda-afspraak is verstuurd naar ${submission.value.attendeeEmail}.`
        : `De sessie is vol. ${submission.value.attendeeName} staat op de wachtlijst en krijgt automatisch een plaats als er een vrijkomt.`,
    )
  }

  if (intent === 'afmelden') {
    const registrationId = String(formData.get('registrationId') ?? '')
    const result = await cancelRegistration({ registrationId, organisationId, actor })
    if (!result.ok && result.reason !== 'onbekend') {
      const message = {
        begonnen: 'Afmelden kan niet meer: de sessie is al begonnen.',
        geannuleerd: 'Afmelden is niet nodig: de sessie is geannuleerd en uw aanmelding is vervallen.',
      }[result.reason]
      return data<ActionResult>(
        { intent, registrationId, result: { status: 'error', error: { '': [message] } } },
        { status: 409 },
      )
    }
    if (!result.ok) notFound()
    return redirectWithFlash(request, here, 'De deelnemer is afgemeld.')
  }

  if (intent === 'vraag') {
    const submission = parseWithZod(formData, { schema: questionSchema })
    if (submission.status !== 'success') {
      return data<ActionResult>({ intent, result: submission.reply() }, { status: 400 })
    }
    const ok = await askQuestion({
      roundId: round.id,
      organisationId,
      userId: viewer.user.id,
      text: submission.value.text,
      actor,
    })
    if (!ok) {
      return data<ActionResult>(
        {
          intent,
          result: submission.reply({
            formErrors: ['Vragen stellen is niet meer mogelijk: de termijn voor vragen is voorbij.'],
          }),
        },
        { status: 400 },
      )
    }
    return redirectWithFlash(
      request,
      here,
      'Uw vraag is ontvangen. Het antwoord verschijnt voor iedereen tegelijk in de nota van inlichtingen.',
    )
  }
  throw new Response('Onbekende handeling', { status: 400 })
}

function RegisterForm({ sessionId, last }: { sessionId: string; last: ActionResult | undefined }) {
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: `aanmelden-${sessionId}`,
    lastResult: last?.intent === 'aanmelden' && last.sessionId === sessionId ? last.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registerSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="portaal-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="aanmelden" />
      <input type="hidden" name="sessionId" value={sessionId} />
      <TextField field={fields.attendeeName} label="Naam deelnemer" autoComplete="name" />
      <TextField
        field={fields.attendeeEmail}
        label="E-mailadres deelnemer"
        type="email"
        autoComplete="email"
      />
      <div>
        <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
          Aanmelden
        </Button>
      </div>
    </Form>
  )
}

function QuestionForm({ last }: { last: ActionResult | undefined }) {
  const [form, fields] = useForm({
    id: 'vraag',
    lastResult: last?.intent === 'vraag' ? last.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: questionSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="portaal-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="vraag" />
      <TextareaField
        field={fields.text}
        label="Uw vraag"
        description="Uw naam en organisatie worden niet bij de vraag gepubliceerd."
      />
      <div>
        <Button type="submit" appearance="primary-action-button">
          Vraag versturen
        </Button>
      </div>
    </Form>
  )
}

export default function ConsultatieRonde() {
  const d = useLoaderData<typeof loader>()
  const last = useActionData<typeof action>()
  const { round, own } = d
  return (
    <>
      <Heading1>{round.title}</Heading1>
      <Paragraph>
        <span className="portaal-status">{ROUND_PHASE_LABELS[round.phase]}</span> {round.region.name}
      </Paragraph>
      {d.staffSlug ? (
        <Paragraph>
          <RemixLink to={`/regio/${d.staffSlug}/consultaties/${round.id}`}>Beheer deze ronde</RemixLink>
        </Paragraph>
      ) : null}
      <dl className="portaal-facts">
        <dt>Inbreng mogelijk</dt>
        <dd>
          van {formatDateTime(new Date(round.opensAt))} tot {formatDateTime(new Date(round.closesAt))}
        </dd>
        <dt>Vragen stellen tot</dt>
        <dd>{formatDateTime(new Date(d.questionsCloseAt))}</dd>
        <dt>Gemeenten</dt>
        <dd>{round.gemeenten.map((g) => g.gemeente.name).join(', ') || 'Niet opgegeven'}</dd>
        {round.segments.length ? (
          <>
            <dt>Segmenten</dt>
            <dd>{round.segments.map((s) => s.segment.name).join(', ')}</dd>
          </>
        ) : null}
        {round.procurement ? (
          <>
            <dt>Inkooptraject</dt>
            <dd>{round.procurement.name}</dd>
          </>
        ) : null}
      </dl>
      <Paragraph className="portaal-prewrap">{round.description}</Paragraph>

      {round.documents.length ? (
        <>
          <Heading2>Documenten</Heading2>
          <Documents
            documents={round.documents}
            href={(id) => `/consultaties/${round.id}/documenten/${id}`}
            caption={`Documenten van ${round.title}`}
            empty=""
          />
        </>
      ) : null}

      {round.writtenPrompts.length ? (
        <>
          <Heading2>Vragen voor schriftelijke inbreng</Heading2>
          <ol>
            {round.writtenPrompts.map((p) => (
              <li key={p.id}>{p.text}</li>
            ))}
          </ol>
        </>
      ) : null}
      {own || d.isCouncil ? (
        <Paragraph>
          <RemixLink to={`/consultaties/${round.id}/inbreng`}>
            {d.mayInput ? 'Schriftelijke inbreng geven of wijzigen' : 'Uw schriftelijke inbreng bekijken'}
          </RemixLink>
          {d.isCouncil
            ? ' (als lid van de adviesraad of cliëntenraad; apart van de inbreng van aanbieders)'
            : null}
        </Paragraph>
      ) : !d.signedIn ? (
        <Paragraph>
          <RemixLink to={`/inloggen?redirectTo=/consultaties/${round.id}`}>Log in</RemixLink> om u aan te
          melden voor een sessie, een vraag te stellen of inbreng te geven.
        </Paragraph>
      ) : null}

      <Heading2>Sessies</Heading2>
      {round.sessions.length === 0 ? <Paragraph>Er zijn (nog) geen sessies.</Paragraph> : null}
      {round.sessions.map((s) => {
        const mine = own?.registrations.filter((r) => r.sessionId === s.id) ?? []
        return (
          <section key={s.id} className="portaal-card" aria-labelledby={`sessie-${s.id}`}>
            <Heading3 id={`sessie-${s.id}`}>{s.title}</Heading3>
            {s.cancelled ? (
              <Paragraph>
                <span className="portaal-status">Geannuleerd</span> Deze sessie gaat niet door. Reden:{' '}
                {s.cancelReason}
              </Paragraph>
            ) : null}
            <dl className="portaal-facts">
              <dt>Soort</dt>
              <dd>{SESSION_KIND_LABELS[s.kind as SessionKind] ?? s.kind}</dd>
              <dt>Wanneer</dt>
              <dd>
                {formatWeekdayDate(new Date(s.startsAt))}, {formatTime(new Date(s.startsAt))} tot{' '}
                {formatTime(new Date(new Date(s.startsAt).getTime() + s.durationMinutes * 60_000))}
              </dd>
              <dt>Waar</dt>
              <dd>
                {s.address ?? 'Online'}
                {s.onlineUrl ? (
                  <>
                    {' '}
                    · online: <a href={s.onlineUrl}>{s.onlineUrl}</a>
                  </>
                ) : s.hasOnline ? (
                  ' · de online link ziet u na aanmelding'
                ) : null}
              </dd>
              {s.cancelled ? null : (
                <>
                  <dt>Plaatsen</dt>
                  <dd>
                    {s.seatText} · hoogstens {s.seatsPerOrganisation} per organisatie
                  </dd>
                  <dt>Aanmelden tot</dt>
                  <dd>{formatDateTime(new Date(s.registrationDeadline))}</dd>
                </>
              )}
            </dl>
            {s.cancelled ? null : (
              <Paragraph>
                <a href={`/consultaties/${round.id}/sessies/${s.id}/agenda.ics`} download>
                  Zet in uw agenda (.ics)
                </a>
              </Paragraph>
            )}
            {d.attendees[s.id]?.length ? (
              <Paragraph>Deelnemende organisaties: {d.attendees[s.id]!.join(', ')}</Paragraph>
            ) : null}
            {s.minutes ? (
              <>
                <Heading3>Verslag van de sessie</Heading3>
                <Paragraph className="portaal-prewrap">{s.minutes}</Paragraph>
              </>
            ) : null}
            {last?.intent === 'afmelden' && mine.some((r) => r.id === last.registrationId) ? (
              <Alert type="error">
                <Paragraph>{last.result.error?.['']?.join(' ')}</Paragraph>
              </Alert>
            ) : null}
            {s.cancelled && mine.length ? (
              <Paragraph>De aanmeldingen van uw organisatie voor deze sessie zijn vervallen.</Paragraph>
            ) : null}
            {mine.length && !s.cancelled ? (
              <Table>
                <caption className="utrecht-table__caption">Aanmeldingen van {d.organisationName}</caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Deelnemer</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    {s.started ? null : <TableHeaderCell>Afmelden</TableHeaderCell>}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {mine.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell>
                        {r.attendeeName} ({r.attendeeEmail})
                      </TableCell>
                      <TableCell>{REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus]}</TableCell>
                      {s.started ? null : (
                        <TableCell>
                          <Form method="post">
                            <input type="hidden" name="intent" value="afmelden" />
                            <input type="hidden" name="registrationId" value={r.id} />
                            <Button type="submit" appearance="secondary-action-button">
                              {r.attendeeName} afmelden
                            </Button>
                          </Form>
                        </TableCell>
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
            {own && s.open && !s.cancelled ? (
              <>
                <Heading3>Collega aanmelden voor {s.title}</Heading3>
                {s.available === 0 ? (
                  <Paragraph>
                    {s.full ? 'Deze sessie is vol.' : 'Er is geen plaats vrij voor uw organisatie.'} Wie zich
                    nu aanmeldt, komt op de wachtlijst.
                  </Paragraph>
                ) : null}
                <RegisterForm sessionId={s.id} last={last} />
              </>
            ) : null}
            {own && !s.open && !s.cancelled ? <Paragraph>Aanmelden is niet meer mogelijk.</Paragraph> : null}
          </section>
        )
      })}

      <Heading2>Vragen en antwoorden</Heading2>
      {round.notas.length === 0 ? (
        <Paragraph>Er is nog geen nota van inlichtingen gepubliceerd.</Paragraph>
      ) : (
        <ul>
          {round.notas.map((n) => (
            <li key={n.nummer}>
              <RemixLink to={`/consultaties/${round.id}/nvi/${n.nummer}`}>
                Nota van inlichtingen {n.nummer}
              </RemixLink>{' '}
              ({n.questions.length} vragen, gepubliceerd {formatDateTime(new Date(n.publishedAt))})
            </li>
          ))}
        </ul>
      )}
      {own ? (
        <>
          <Heading3>Een vraag stellen</Heading3>
          {d.mayAsk ? (
            <QuestionForm last={last} />
          ) : (
            <Alert type="info">
              <Paragraph>Vragen stellen kan tot {formatDateTime(new Date(d.questionsCloseAt))}.</Paragraph>
            </Alert>
          )}
          {own.questions.length ? (
            <>
              <Heading3>Vragen van uw organisatie</Heading3>
              <ul>
                {own.questions.map((q) => (
                  <li key={q.id}>
                    {q.text}{' '}
                    <span className="portaal-status">
                      {q.publishedAt ? `Beantwoord in de nota (vraag ${q.number})` : 'Nog niet beantwoord'}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}

      {round.report ? (
        <>
          <Heading2>Consultatieverslag</Heading2>
          <Paragraph className="portaal-prewrap">{round.report}</Paragraph>
        </>
      ) : null}

      <Heading2>Wijzigingen</Heading2>
      {round.changes.length === 0 ? (
        <Paragraph>Deze ronde is sinds de publicatie niet gewijzigd.</Paragraph>
      ) : (
        <ul>
          {round.changes.map((c) => (
            <li key={c.id}>
              <strong>{formatDateTime(new Date(c.at))}</strong>: {c.summary}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
