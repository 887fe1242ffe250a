import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Alert,
  Button,
  ButtonLink,
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
import { FormErrors, TextareaField } from '~/components/form-field'
import { actorOf, notFound } from '~/domain/accounts/permissions.server'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { getRegionRound } from '~/domain/consultations/queries.server'
import {
  answerQuestion,
  publishAnswers,
  publishMinutes,
  publishReport,
  publishRound,
} from '~/domain/consultations/rounds.server'
import {
  REGISTRATION_STATUS_LABELS,
  ROUND_PHASE_LABELS,
  SESSION_KIND_LABELS,
  type RegistrationStatus,
  type SessionKind,
} from '~/domain/consultations/rules'
import { answerSchema, minutesSchema, reportSchema } from '~/domain/consultations/schemas'
import { now } from '~/utils/clock'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDateTime } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Beheer: ${data?.round.title ?? 'consultatieronde'} | Aanbiederspoort` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireConsultationStaff(request, params.slug!)
  const round = await getRegionRound(region.id, params.roundId!)
  if (!round) notFound()
  const at = now().getTime()
  return {
    region,
    round: {
      ...round,
      sessions: round.sessions.map((s) => ({ ...s, started: new Date(s.startsAt).getTime() <= at })),
    },
  }
}

type ActionResult = { intent: string; id?: string; result: SubmissionResult<string[]> }

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireConsultationStaff(request, params.slug!)
  const roundId = params.roundId!
  const round = await getRegionRound(region.id, roundId)
  if (!round) notFound()
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const actor = actorOf(viewer, request)
  const here = `/regio/${region.slug}/consultaties/${roundId}`

  if (intent === 'publiceren') {
    const ok = await publishRound(region.id, roundId, actor)
    return redirectWithFlash(
      request,
      here,
      ok ? 'De ronde is gepubliceerd. Abonnees krijgen een melding.' : 'De ronde is al gepubliceerd.',
    )
  }
  if (intent === 'antwoord') {
    const submission = parseWithZod(formData, { schema: answerSchema })
    const id = String(formData.get('questionId') ?? '')
    if (submission.status !== 'success') {
      return data<ActionResult>({ intent, id, result: submission.reply() }, { status: 400 })
    }
    const answered = await answerQuestion(
      region.id,
      roundId,
      submission.value.questionId,
      submission.value.answer,
      actor,
    )
    if (!answered.ok && answered.reason === 'onbekend') notFound()
    if (!answered.ok) {
      return data<ActionResult>(
        { intent, id, result: submission.reply({ formErrors: [answered.message] }) },
        { status: 409 },
      )
    }
    return redirectWithFlash(
      request,
      here,
      'Het antwoord is opgeslagen. Het wordt zichtbaar als u de nota publiceert.',
    )
  }
  if (intent === 'nvi') {
    const count = await publishAnswers(region.id, roundId, actor)
    return redirectWithFlash(
      request,
      here,
      count
        ? `De nota van inlichtingen is gepubliceerd met ${count} ${count === 1 ? 'vraag' : 'vragen'}. Iedereen ziet de antwoorden nu tegelijk.`
        : 'Er waren geen beantwoorde vragen om te publiceren.',
    )
  }
  if (intent === 'verslag') {
    const submission = parseWithZod(formData, { schema: reportSchema })
    if (submission.status !== 'success') {
      return data<ActionResult>({ intent, result: submission.reply() }, { status: 400 })
    }
    const ok = await publishReport(region.id, roundId, submission.value.report, actor)
    if (!ok) {
      return data<ActionResult>(
        {
          intent,
          result: submission.reply({
            formErrors: ['Het verslag kan pas na de sluiting worden gepubliceerd.'],
          }),
        },
        { status: 400 },
      )
    }
    return redirectWithFlash(request, here, 'Het consultatieverslag is gepubliceerd.')
  }
  if (intent === 'notulen') {
    const submission = parseWithZod(formData, { schema: minutesSchema })
    const id = String(formData.get('sessionId') ?? '')
    if (submission.status !== 'success') {
      return data<ActionResult>({ intent, id, result: submission.reply() }, { status: 400 })
    }
    const ok = await publishMinutes(region.id, submission.value.sessionId, submission.value.minutes, actor)
    if (!ok) {
      return data<ActionResult>(
        {
          intent,
          id,
          result: submission.reply({ formErrors: ['Het verslag kan pas na de start van de sessie.'] }),
        },
        { status: 400 },
      )
    }
    return redirectWithFlash(request, here, 'Het verslag van de sessie is gepubliceerd.')
  }
  throw new Response('Onbekende handeling', { status: 400 })
}

function TextForm(props: {
  intent: 'antwoord' | 'verslag' | 'notulen'
  id?: string
  idField?: 'questionId' | 'sessionId'
  name: 'answer' | 'report' | 'minutes'
  label: string
  defaultValue?: string | null
  submit: string
  last: ActionResult | undefined
}) {
  const schema =
    props.intent === 'antwoord' ? answerSchema : props.intent === 'verslag' ? reportSchema : minutesSchema
  const mine = props.last?.intent === props.intent && (props.id === undefined || props.last.id === props.id)
  const [form, fields] = useForm({
    id: `${props.intent}-${props.id ?? 'ronde'}`,
    lastResult: mine ? props.last?.result : undefined,
    defaultValue: { [props.name]: props.defaultValue ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const field = (fields as unknown as Record<string, Parameters<typeof TextareaField>[0]['field']>)[
    props.name
  ]!
  return (
    <Form method="post" {...getFormProps(form)} className="portaal-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value={props.intent} />
      {props.idField ? <input type="hidden" name={props.idField} value={props.id} /> : null}
      <TextareaField field={field} label={props.label} rows={4} />
      <div>
        <Button type="submit" appearance="secondary-action-button">
          {props.submit}
        </Button>
      </div>
    </Form>
  )
}

export default function BeheerRonde() {
  const { region, round } = useLoaderData<typeof loader>()
  const last = useActionData<typeof action>()
  const base = `/regio/${region.slug}/consultaties/${round.id}`
  const unpublished = round.questions.filter((q) => !q.publishedAt)
  const answered = unpublished.filter((q) => (q.answer ?? '').trim() !== '')
  const closed = round.phase === 'gesloten'
  return (
    <>
      <Heading1>{round.title}</Heading1>
      <Paragraph>
        <span className="portaal-status">{ROUND_PHASE_LABELS[round.phase]}</span> · opent{' '}
        {formatDateTime(new Date(round.opensAt))} · sluit {formatDateTime(new Date(round.closesAt))}
        {round.questionsDeadline ? ` · vragen tot ${formatDateTime(new Date(round.questionsDeadline))}` : ''}
      </Paragraph>
      <div className="portaal-actions">
        {round.status === 'concept' ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publiceren" />
            <Button type="submit" appearance="primary-action-button">
              Ronde publiceren
            </Button>
          </Form>
        ) : (
          <ButtonLink href={`/consultaties/${round.id}`} appearance="secondary-action-button">
            Publieke pagina bekijken
          </ButtonLink>
        )}
        <ButtonLink href={`${base}/wijzigen`} appearance="secondary-action-button">
          Ronde wijzigen
        </ButtonLink>
        <ButtonLink href={`${base}/sessies/nieuw`} appearance="secondary-action-button">
          Sessie toevoegen
        </ButtonLink>
        <ButtonLink href={`${base}/documenten`} appearance="secondary-action-button">
          Documenten beheren
        </ButtonLink>
      </div>
      {round.inviteCouncils ? (
        <Paragraph>De adviesraad en cliëntenraad zijn uitgenodigd om inbreng te geven.</Paragraph>
      ) : null}

      <Heading2>Documenten</Heading2>
      <Documents
        documents={round.documents}
        href={(id) => `${base}/documenten/${id}`}
        caption={`Documenten van ${round.title}`}
        empty="Er zijn nog geen documenten. Voeg ze toe via Documenten beheren."
      />

      <Heading2>Sessies</Heading2>
      {round.sessions.length === 0 ? <Paragraph>Er zijn nog geen sessies.</Paragraph> : null}
      {round.sessions.map((s) => {
        const zeker = s.registrations.filter((r) => r.status === 'zeker').length
        return (
          <section key={s.id} className="portaal-card" aria-labelledby={`sessie-${s.id}`}>
            <Heading3 id={`sessie-${s.id}`}>{s.title}</Heading3>
            {s.cancelledAt ? (
              <Paragraph>
                <span className="portaal-status">Geannuleerd</span> op{' '}
                {formatDateTime(new Date(s.cancelledAt))}. Reden: {s.cancelReason}
              </Paragraph>
            ) : null}
            <Paragraph>
              {SESSION_KIND_LABELS[s.kind as SessionKind] ?? s.kind} · {formatDateTime(new Date(s.startsAt))}{' '}
              · {s.durationMinutes} minuten · {s.address ?? 'online'}
              {s.onlineUrl ? ` · ${s.onlineUrl}` : ''}
            </Paragraph>
            {s.cancelledAt ? (
              s.registrations.length ? (
                <Paragraph>
                  De aanmeldingen hieronder zijn bewaard zoals ze waren bij de annulering; de deelnemers
                  hebben bericht gekregen.
                </Paragraph>
              ) : null
            ) : (
              <Paragraph>
                {zeker} van {s.seats} plaatsen bezet · hoogstens {s.seatsPerOrganisation} per organisatie ·
                aanmelden tot {formatDateTime(new Date(s.registrationDeadline))}
              </Paragraph>
            )}
            {s.reservations.length ? (
              <Paragraph>
                Gereserveerd: {s.reservations.map((r) => `${r.organisation.name} (${r.seats})`).join(', ')}
              </Paragraph>
            ) : null}
            {s.started || s.cancelledAt ? null : (
              <Paragraph>
                <RemixLink to={`${base}/sessies/${s.id}`}>{s.title} wijzigen of annuleren</RemixLink>
              </Paragraph>
            )}
            {s.registrations.length ? (
              <div className="portaal-table-wrap">
                <Table>
                  <caption className="utrecht-table__caption">Deelnemers aan {s.title}</caption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Plaats</TableHeaderCell>
                      <TableHeaderCell>Organisatie</TableHeaderCell>
                      <TableHeaderCell>Deelnemer</TableHeaderCell>
                      <TableHeaderCell>Status</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {s.registrations.map((r) => (
                      <TableRow key={r.id}>
                        <TableCell>{r.seatNumber ?? '–'}</TableCell>
                        <TableCell>{r.organisation.name}</TableCell>
                        <TableCell>
                          {r.attendeeName} ({r.attendeeEmail})
                        </TableCell>
                        <TableCell>{REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus]}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : (
              <Paragraph>
                {s.cancelledAt ? 'Er waren geen aanmeldingen.' : 'Nog geen aanmeldingen.'}
              </Paragraph>
            )}
            {s.started && !s.cancelledAt && round.status !== 'concept' ? (
              <TextForm
                intent="notulen"
                id={s.id}
                idField="sessionId"
                name="minutes"
                label={`Verslag van ${s.title}`}
                defaultValue={s.minutes}
                submit="Verslag publiceren"
                last={last}
              />
            ) : null}
          </section>
        )
      })}

      <Heading2>Vragen</Heading2>
      {unpublished.length === 0 ? <Paragraph>Er zijn geen vragen die op antwoord wachten.</Paragraph> : null}
      {unpublished.map((q) => (
        <section key={q.id} className="portaal-card" aria-label={`Vraag van ${q.organisation.name}`}>
          <Paragraph className="portaal-prewrap">{q.text}</Paragraph>
          <Paragraph className="portaal-muted">
            Gesteld door {q.organisation.name} op {formatDateTime(new Date(q.createdAt))}. De naam wordt niet
            gepubliceerd.
          </Paragraph>
          <TextForm
            intent="antwoord"
            id={q.id}
            idField="questionId"
            name="answer"
            label="Antwoord"
            defaultValue={q.answer}
            submit="Antwoord opslaan"
            last={last}
          />
        </section>
      ))}
      {round.status !== 'concept' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="nvi" />
          <Paragraph>
            {answered.length} beantwoorde {answered.length === 1 ? 'vraag wacht' : 'vragen wachten'} op
            publicatie. Alle antwoorden worden tegelijk gepubliceerd, zonder de naam van de vragensteller.
          </Paragraph>
          <Button type="submit" appearance="primary-action-button" disabled={answered.length === 0}>
            Nota van inlichtingen {round.notas.length + 1} publiceren
          </Button>
        </Form>
      ) : null}
      {round.notas.length ? (
        <ul>
          {round.notas.map((n) => (
            <li key={n.nummer}>
              <RemixLink to={`/consultaties/${round.id}/nvi/${n.nummer}`}>
                Nota van inlichtingen {n.nummer}
              </RemixLink>{' '}
              ({n.questions.length} vragen, {formatDateTime(new Date(n.publishedAt))}) ·{' '}
              <a href={`/consultaties/${round.id}/nvi/${n.nummer}/nota.pdf`}>PDF</a>
            </li>
          ))}
        </ul>
      ) : null}

      <Heading2>Schriftelijke inbreng</Heading2>
      <Paragraph>
        {round.inputCounts.aanbieder ?? 0} inbreng van zorgaanbieders
        {round.inviteCouncils
          ? `, ${round.inputCounts.adviesraad ?? 0} van de adviesraad of cliëntenraad`
          : ''}
        .
      </Paragraph>
      {closed ? (
        <ul>
          <li>
            <a href={`${base}/inbreng.csv`}>Alle inbreng als CSV</a>
          </li>
          <li>
            <a href={`${base}/inbreng.zip`}>Alle inbreng met bijlagen (zip)</a>
          </li>
        </ul>
      ) : (
        <Alert type="info">
          <Paragraph>U kunt de inbreng exporteren zodra de ronde gesloten is.</Paragraph>
        </Alert>
      )}

      {closed ? (
        <>
          <Heading2>Consultatieverslag</Heading2>
          <TextForm
            intent="verslag"
            name="report"
            label="Verslag van de consultatie"
            defaultValue={round.report}
            submit="Verslag publiceren"
            last={last}
          />
        </>
      ) : null}

      <Heading2>Wijzigingen na publicatie</Heading2>
      {round.changes.length === 0 ? (
        <Paragraph>Geen wijzigingen.</Paragraph>
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
