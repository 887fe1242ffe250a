import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { FormErrors, TextareaField } from '~/components/form-field'
import { SessionFields } from '~/components/consultation-session-fields'
import { actorOf, notFound } from '~/domain/accounts/permissions.server'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { getRegionSession } from '~/domain/consultations/queries.server'
import { sessionStarted } from '~/domain/consultations/rules'
import { sessionCancelSchema, sessionChangeSchema } from '~/domain/consultations/schemas'
import { cancelSession, updateSession } from '~/domain/consultations/sessions.server'
import { now } from '~/utils/clock'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDateTime, toDateTimeLocalValue } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.cancelled ? 'Geannuleerde sessie' : 'Sessie wijzigen'}: ${data?.session.title ?? 'sessie'} | Aanbiederspoort`,
  },
]

async function load(request: Request, params: LoaderFunctionArgs['params']) {
  const { viewer, region } = await requireConsultationStaff(request, params.slug!)
  const session = await getRegionSession(region.id, params.roundId!, params.sessionId!)
  if (!session) notFound()
  return { viewer, region, session }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region, session } = await load(request, params)
  return {
    region: { slug: region.slug },
    started: sessionStarted(session, now()),
    published: session.round.status !== 'concept',
    cancelled: session.cancelledAt ? { at: session.cancelledAt, reason: session.cancelReason ?? '' } : null,
    session: {
      id: session.id,
      roundId: session.roundId,
      roundTitle: session.round.title,
      title: session.title,
      startsAt: session.startsAt,
      seated: session.seated,
      waiting: session.waiting,
    },
    defaults: {
      kind: session.kind,
      title: session.title,
      startsAt: toDateTimeLocalValue(session.startsAt),
      durationMinutes: String(session.durationMinutes),
      address: session.address ?? '',
      onlineUrl: session.onlineUrl ?? '',
      seats: String(session.seats),
      seatsPerOrganisation: String(session.seatsPerOrganisation),
      registrationDeadline: toDateTimeLocalValue(session.registrationDeadline),
      reservations: session.reservations.map((r) => `${r.organisation.kvkNummer}: ${r.seats}`).join('\n'),
    },
  }
}

type ActionResult = { intent: 'wijzigen' | 'annuleren'; result: SubmissionResult<string[]> }

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region, session } = await load(request, params)
  const formData = await request.formData()
  const actor = actorOf(viewer, request)
  const back = `/regio/${region.slug}/consultaties/${session.roundId}`
  const started = 'De sessie is al begonnen. Wijzigen of annuleren kan niet meer.'
  const cancelled = 'De sessie is geannuleerd. Wijzigen of opnieuw annuleren kan niet meer.'
  const intent = formData.get('intent') === 'annuleren' ? 'annuleren' : 'wijzigen'
  // A form sent from an outdated page: refused before validation, whatever was filled in (the domain refuses too).
  if (session.cancelledAt) {
    return data<ActionResult>(
      { intent, result: { status: 'error', error: { '': [cancelled] } } },
      { status: 409 },
    )
  }

  if (intent === 'annuleren') {
    const submission = parseWithZod(formData, { schema: sessionCancelSchema })
    if (submission.status !== 'success') {
      return data<ActionResult>({ intent: 'annuleren', result: submission.reply() }, { status: 400 })
    }
    const result = await cancelSession(region.id, session.id, submission.value.reason, actor)
    if (!result.ok && result.reason === 'onbekend') notFound()
    if (!result.ok) {
      return data<ActionResult>(
        {
          intent: 'annuleren',
          result: submission.reply({
            formErrors: [result.reason === 'geannuleerd' ? cancelled : started],
          }),
        },
        { status: 409 },
      )
    }
    return redirectWithFlash(
      request,
      back,
      result.removed
        ? `De sessie "${session.title}" is verwijderd.`
        : `De sessie "${session.title}" is geannuleerd. De annulering staat op de pagina van de ronde en is gemaild naar ${result.attendees} aangemelde deelnemer(s).`,
    )
  }

  const submission = parseWithZod(formData, { schema: sessionChangeSchema })
  if (submission.status !== 'success') {
    return data<ActionResult>({ intent: 'wijzigen', result: submission.reply() }, { status: 400 })
  }
  const { reason, intent: _intent, ...v } = submission.value
  const result = await updateSession(
    region.id,
    session.id,
    { ...v, address: v.address ?? null, onlineUrl: v.onlineUrl ?? null },
    reason,
    actor,
  )
  if (!result.ok) {
    if (result.reason === 'onbekend') notFound()
    const reply =
      result.reason === 'plaatsen'
        ? submission.reply({
            fieldErrors: {
              seats: [
                `${result.seated} ${result.seated === 1 ? 'deelnemer heeft' : 'deelnemers hebben'} al een plaats. ` +
                  `Vul ${result.seated} of meer plaatsen in, of meld eerst deelnemers af.`,
              ],
            },
          })
        : result.reason === 'kvk'
          ? submission.reply({
              fieldErrors: {
                reservations: [`Geen organisatie gevonden met KvK-nummer ${result.unknownKvk.join(', ')}`],
              },
            })
          : result.reason === 'verleden'
            ? submission.reply({ fieldErrors: { startsAt: ['Kies een begintijd in de toekomst'] } })
            : submission.reply({ formErrors: [result.reason === 'geannuleerd' ? cancelled : started] })
    return data<ActionResult>(
      { intent: 'wijzigen', result: reply },
      { status: result.reason === 'begonnen' || result.reason === 'geannuleerd' ? 409 : 400 },
    )
  }
  const published = session.round.status !== 'concept'
  return redirectWithFlash(
    request,
    back,
    !result.changed
      ? 'Er was niets gewijzigd aan de sessie.'
      : published
        ? 'De sessie is gewijzigd. De wijziging staat op de pagina van de ronde en is gemaild naar de aangemelde deelnemers.'
        : 'De sessie is gewijzigd.',
  )
}

function ChangeForm({ last }: { last: ActionResult | undefined }) {
  const { defaults } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'sessie-wijzigen',
    lastResult: last?.intent === 'wijzigen' ? last.result : undefined,
    defaultValue: { ...defaults, reason: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sessionChangeSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'wijzigen'
  return (
    <Form method="post" {...getFormProps(form)} className="portaal-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="wijzigen" />
      <SessionFields fields={fields} change />
      <TextareaField
        field={fields.reason}
        label="Reden van de wijziging"
        description="Staat bij de wijziging op de pagina van de ronde en in de e-mail aan de deelnemers."
        rows={3}
      />
      <div>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          Wijziging opslaan
        </Button>
      </div>
    </Form>
  )
}

function CancelForm({ last, published }: { last: ActionResult | undefined; published: boolean }) {
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'sessie-annuleren',
    lastResult: last?.intent === 'annuleren' ? last.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sessionCancelSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'annuleren'
  return (
    <Form method="post" {...getFormProps(form)} className="portaal-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="annuleren" />
      <TextareaField
        field={fields.reason}
        label="Reden van de annulering"
        description={
          published
            ? 'Staat bij de annulering op de pagina van de ronde en in de e-mail aan de deelnemers.'
            : undefined
        }
        rows={3}
      />
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={busy}>
          Sessie annuleren
        </Button>
      </div>
    </Form>
  )
}

export default function SessieWijzigen() {
  const { region, session, started, published, cancelled } = useLoaderData<typeof loader>()
  const last = useActionData<typeof action>()
  const back = `/regio/${region.slug}/consultaties/${session.roundId}`
  if (cancelled) {
    return (
      <>
        <Heading1>Geannuleerde sessie</Heading1>
        <Paragraph>
          {session.title} op {formatDateTime(new Date(session.startsAt))} ·{' '}
          <RemixLink to={back}>{session.roundTitle}</RemixLink>
        </Paragraph>
        <Alert type="info">
          <Paragraph>
            Deze sessie is geannuleerd op {formatDateTime(new Date(cancelled.at))}. Reden: {cancelled.reason}
          </Paragraph>
          <Paragraph>Wijzigen of opnieuw annuleren kan niet meer.</Paragraph>
        </Alert>
        <Paragraph>
          Bij de annulering {session.seated === 1 ? 'had' : 'hadden'} {session.seated}{' '}
          {session.seated === 1 ? 'deelnemer' : 'deelnemers'} een plaats en{' '}
          {session.waiting === 1 ? 'stond' : 'stonden'} er {session.waiting} op de wachtlijst. De
          deelnemerslijst staat op de <RemixLink to={back}>pagina van de ronde</RemixLink>.
        </Paragraph>
      </>
    )
  }
  return (
    <>
      <Heading1>Sessie wijzigen</Heading1>
      <Paragraph>
        {session.title} · <RemixLink to={back}>{session.roundTitle}</RemixLink>. Tijden zijn Nederlandse tijd.
      </Paragraph>
      {started ? (
        <Alert type="info">
          <Paragraph>
            Deze sessie is begonnen op {formatDateTime(new Date(session.startsAt))}. Wijzigen of annuleren kan
            niet meer.
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>
            {session.seated} {session.seated === 1 ? 'deelnemer heeft' : 'deelnemers hebben'} een plaats,{' '}
            {session.waiting} {session.waiting === 1 ? 'staat' : 'staan'} op de wachtlijst.
            {published ? ' Zij krijgen een wijziging of annulering per e-mail.' : ''}
          </Paragraph>
          <ChangeForm last={last} />
          <Heading2>Sessie annuleren</Heading2>
          <Paragraph>
            {published
              ? 'De sessie gaat dan niet door: alle aanmeldingen vervallen en de deelnemers krijgen bericht, met een agenda-bestand dat de afspraak verwijdert. De sessie blijft als geannuleerd zichtbaar, met de deelnemerslijst.'
              : 'De ronde is nog niet gepubliceerd: de sessie wordt verwijderd.'}
          </Paragraph>
          <CancelForm last={last} published={published} />
        </>
      )}
    </>
  )
}
