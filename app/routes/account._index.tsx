import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import {
  Button,
  ButtonLink,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { TextField, FormErrors } from '~/components/form-field'
import { actorOf, needsSecondFactor, requireUser } from '~/domain/accounts/permissions.server'
import {
  changeName,
  changePassword,
  disableTotp,
  endSession,
  listSessions,
  requestEmailChange,
  unusedRecoveryCodeCount,
} from '~/domain/accounts/account.server'
import { hit } from '~/domain/accounts/rate-limit.server'
import { ROLE_LABELS } from '~/domain/accounts/roles'
import { currentPassword, email, password, text } from '~/utils/validation'
import { formatDateTime } from '~/utils/time'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Mijn account | Aanbiederspoort' }]

const nameSchema = z.object({
  intent: z.literal('naam'),
  name: text({ max: 200, required: 'Vul uw naam in' }),
})
const passwordSchema = z.object({
  intent: z.literal('wachtwoord'),
  current: currentPassword,
  next: password,
})
const emailSchema = z.object({ intent: z.literal('email'), email, current: currentPassword })
const totpOffSchema = z.object({ intent: z.literal('tweestaps-uit'), current: currentPassword })

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  const [sessions, recoveryLeft] = await Promise.all([
    listSessions(viewer.user.id),
    viewer.user.totpEnabledAt ? unusedRecoveryCodeCount(viewer.user.id) : Promise.resolve(0),
  ])
  return {
    user: { name: viewer.user.name, email: viewer.user.email, totpOn: !!viewer.user.totpEnabledAt },
    totpRequired: needsSecondFactor(viewer),
    recoveryLeft,
    memberships: [
      ...viewer.organisations.map((o) => ({ where: o.name, role: ROLE_LABELS[o.role] })),
      ...viewer.regions.flatMap((r) => r.roles.map((role) => ({ where: r.name, role: ROLE_LABELS[role] }))),
    ],
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.id === viewer.session.id,
      device: describeAgent(s.userAgent),
      ip: s.ip,
      since: formatDateTime(s.createdAt),
      lastSeen: formatDateTime(s.lastSeenAt),
    })),
  }
}

function describeAgent(agent: string | null): string {
  if (!agent) return 'Onbekend apparaat'
  const browser = /Firefox\//.test(agent)
    ? 'Firefox'
    : /Edg\//.test(agent)
      ? 'Edge'
      : /Chrome\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'Browser'
  const os = /Windows/.test(agent)
    ? 'Windows'
    : /Android/.test(agent)
      ? 'Android'
      : /iPhone|iPad/.test(agent)
        ? 'iOS'
        : /Mac OS X/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : ''
  return os ? `${browser} op ${os}` : browser
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request)
  const who = { userId: viewer.user.id, actor: actorOf(viewer, request) }
  const formData = await request.formData()
  const intent = formData.get('intent')

  if (intent === 'sessie-beeindigen') {
    const sessionId = String(formData.get('sessionId') ?? '')
    if (sessionId === viewer.session.id) {
      return redirectWithFlash(request, '/account', 'Gebruik "Uitloggen" om deze sessie te beëindigen.')
    }
    await endSession(who, sessionId)
    return redirectWithFlash(request, '/account', 'De sessie is beëindigd.')
  }
  if (intent === 'naam') {
    const submission = parseWithZod(formData, { schema: nameSchema })
    if (submission.status !== 'success') return data({ intent, reply: submission.reply() }, { status: 400 })
    await changeName(who, submission.value.name)
    return redirectWithFlash(request, '/account', 'Uw naam is gewijzigd.')
  }
  // The forms below ask for the current password: limit guessing.
  const limited = await hit(`account-wachtwoord:${viewer.user.id}`, 10)
  if (intent === 'wachtwoord') {
    const submission = parseWithZod(formData, { schema: passwordSchema })
    const hide = { hideFields: ['current', 'next'] }
    if (submission.status !== 'success')
      return data({ intent, reply: submission.reply(hide) }, { status: 400 })
    if (limited)
      return data({ intent, reply: submission.reply({ ...hide, formErrors: [TOO_MANY] }) }, { status: 429 })
    const ok = await changePassword(who, viewer.session.id, submission.value.current, submission.value.next)
    if (!ok)
      return data(
        { intent, reply: submission.reply({ ...hide, fieldErrors: { current: [WRONG] } }) },
        { status: 400 },
      )
    return redirectWithFlash(
      request,
      '/account',
      'Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.',
    )
  }
  if (intent === 'email') {
    const submission = parseWithZod(formData, { schema: emailSchema })
    const hide = { hideFields: ['current'] }
    if (submission.status !== 'success')
      return data({ intent, reply: submission.reply(hide) }, { status: 400 })
    if (limited)
      return data({ intent, reply: submission.reply({ ...hide, formErrors: [TOO_MANY] }) }, { status: 429 })
    const result = await requestEmailChange(who, submission.value.current, submission.value.email)
    if (result === 'wrong-password') {
      return data(
        { intent, reply: submission.reply({ ...hide, fieldErrors: { current: [WRONG] } }) },
        { status: 400 },
      )
    }
    return redirectWithFlash(
      request,
      '/account',
      `We hebben een link gestuurd naar ${submission.value.email}. Uw e-mailadres verandert zodra u op die link klikt.`,
    )
  }
  if (intent === 'tweestaps-uit') {
    const submission = parseWithZod(formData, { schema: totpOffSchema })
    const hide = { hideFields: ['current'] }
    if (submission.status !== 'success')
      return data({ intent, reply: submission.reply(hide) }, { status: 400 })
    if (needsSecondFactor(viewer)) {
      return data(
        {
          intent,
          reply: submission.reply({
            ...hide,
            formErrors: ['Voor medewerkers van gemeenten is tweestapsverificatie verplicht.'],
          }),
        },
        { status: 403 },
      )
    }
    if (limited)
      return data({ intent, reply: submission.reply({ ...hide, formErrors: [TOO_MANY] }) }, { status: 429 })
    if (!(await disableTotp(who, submission.value.current))) {
      return data(
        { intent, reply: submission.reply({ ...hide, fieldErrors: { current: [WRONG] } }) },
        { status: 400 },
      )
    }
    return redirectWithFlash(request, '/account', 'Tweestapsverificatie staat uit.')
  }
  throw new Response('Onbekende actie', { status: 400 })
}

const WRONG = 'Dit wachtwoord klopt niet. Vul uw huidige wachtwoord in.'
const TOO_MANY = 'U heeft het te vaak geprobeerd. Wacht 15 minuten.'

export default function Account() {
  const { user, sessions, totpRequired, recoveryLeft, memberships } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const replyFor = (intent: string) => (actionData?.intent === intent ? actionData.reply : undefined)
  const [nameForm, nameFields] = useForm({
    id: 'naam',
    lastResult: replyFor('naam'),
    defaultValue: { name: user.name },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: nameSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const [pwForm, pwFields] = useForm({
    id: 'wachtwoord',
    lastResult: replyFor('wachtwoord'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const [emailForm, emailFields] = useForm({
    id: 'email',
    lastResult: replyFor('email'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: emailSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const [offForm, offFields] = useForm({
    id: 'tweestaps-uit',
    lastResult: replyFor('tweestaps-uit'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: totpOffSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Mijn account</Heading1>
      <Paragraph>
        U bent ingelogd als <strong>{user.name}</strong> ({user.email}).
      </Paragraph>
      {memberships.length ? (
        <Paragraph>Uw rollen: {memberships.map((m) => `${m.role} bij ${m.where}`).join('; ')}.</Paragraph>
      ) : null}

      <Heading2>Naam</Heading2>
      <Form method="post" {...getFormProps(nameForm)} className="portaal-form">
        <FormErrors errors={nameForm.errors} id={nameForm.errorId} />
        <input type="hidden" name="intent" value="naam" />
        <TextField field={nameFields.name} label="Uw naam" autoComplete="name" />
        <div>
          <Button type="submit" appearance="secondary-action-button">
            Naam opslaan
          </Button>
        </div>
      </Form>

      <Heading2>Wachtwoord wijzigen</Heading2>
      <Paragraph>Na het wijzigen wordt u op uw andere apparaten uitgelogd.</Paragraph>
      <Form method="post" {...getFormProps(pwForm)} className="portaal-form">
        <FormErrors errors={pwForm.errors} id={pwForm.errorId} />
        <input type="hidden" name="intent" value="wachtwoord" />
        <TextField
          field={pwFields.current}
          label="Huidig wachtwoord"
          type="password"
          autoComplete="current-password"
        />
        <TextField
          field={pwFields.next}
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          description="Minstens 12 tekens."
        />
        <div>
          <Button type="submit" appearance="secondary-action-button">
            Wachtwoord wijzigen
          </Button>
        </div>
      </Form>

      <Heading2>E-mailadres wijzigen</Heading2>
      <Paragraph>
        U krijgt een link op het nieuwe adres. Uw e-mailadres verandert pas als u op die link klikt.
      </Paragraph>
      <Form method="post" {...getFormProps(emailForm)} className="portaal-form">
        <FormErrors errors={emailForm.errors} id={emailForm.errorId} />
        <input type="hidden" name="intent" value="email" />
        <TextField field={emailFields.email} label="Nieuw e-mailadres" type="email" autoComplete="email" />
        <TextField
          field={emailFields.current}
          label="Huidig wachtwoord"
          type="password"
          autoComplete="current-password"
        />
        <div>
          <Button type="submit" appearance="secondary-action-button">
            Link sturen
          </Button>
        </div>
      </Form>

      <Heading2>Tweestapsverificatie</Heading2>
      {user.totpOn ? (
        <>
          <Paragraph>
            Status: <strong>aan</strong>. U logt in met uw wachtwoord en een code uit uw authenticator-app. U
            heeft nog {recoveryLeft} ongebruikte herstelcodes.
          </Paragraph>
          {totpRequired ? (
            <Paragraph>Voor medewerkers van gemeenten is tweestapsverificatie verplicht.</Paragraph>
          ) : (
            <Form method="post" {...getFormProps(offForm)} className="portaal-form">
              <FormErrors errors={offForm.errors} id={offForm.errorId} />
              <input type="hidden" name="intent" value="tweestaps-uit" />
              <TextField
                field={offFields.current}
                label="Huidig wachtwoord"
                type="password"
                autoComplete="current-password"
              />
              <div>
                <Button type="submit" appearance="secondary-action-button">
                  Tweestapsverificatie uitzetten
                </Button>
              </div>
            </Form>
          )}
        </>
      ) : (
        <>
          <Paragraph>
            Status: <strong>uit</strong>. Met een code uit een authenticator-app is uw account beter
            beschermd.
          </Paragraph>
          <ButtonLink href="/account/tweestaps/instellen" appearance="secondary-action-button">
            Tweestapsverificatie aanzetten
          </ButtonLink>
        </>
      )}

      <Heading2>Waar u bent ingelogd</Heading2>
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption>Uw open sessies</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Apparaat</TableHeaderCell>
              <TableHeaderCell scope="col">IP-adres</TableHeaderCell>
              <TableHeaderCell scope="col">Ingelogd op</TableHeaderCell>
              <TableHeaderCell scope="col">Laatst actief</TableHeaderCell>
              <TableHeaderCell scope="col">Actie</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sessions.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  {s.device}
                  {s.current ? ' (deze sessie)' : ''}
                </TableCell>
                <TableCell>{s.ip ?? 'onbekend'}</TableCell>
                <TableCell>{s.since}</TableCell>
                <TableCell>{s.lastSeen}</TableCell>
                <TableCell>
                  {s.current ? (
                    'U bent hier ingelogd'
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="sessie-beeindigen" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <Button type="submit" appearance="subtle-button">
                        Beëindig deze sessie
                        <span className="portaal-visually-hidden">
                          {' '}
                          ({s.device}, {s.since})
                        </span>
                      </Button>
                    </Form>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  )
}
