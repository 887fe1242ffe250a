import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Button, Heading1, Link, Paragraph } from '@utrecht/component-library-react'
import { FormErrors, TextField } from '~/components/form-field'
import { currentOrganisationCookie, getViewer, signInStepLeft } from '~/domain/accounts/permissions.server'
import {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  describeInvitation,
} from '~/domain/accounts/invitations.server'
import { db } from '~/utils/db.server'
import { password, text } from '~/utils/validation'
import { clientIp, createUserSession, redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Uitnodiging | Aanbiederspoort' }]

const GONE = 'Deze uitnodiging werkt niet meer. Vraag om een nieuwe uitnodiging.'

const newAccountSchema = z.object({
  intent: z.literal('account'),
  name: text({ max: 200, required: 'Vul uw naam in' }),
  password,
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await describeInvitation(params.token ?? '')
  if (!invitation) return data({ invitation: null, signedInAs: null, finishSignIn: null }, { status: 404 })
  const viewer = await getViewer(request)
  // Only a finished sign-in (e-mail confirmed, second factor given) counts; the invitee is sent to finish it first.
  const step = viewer ? signInStepLeft(viewer) : null
  const here = `/uitnodiging/${params.token ?? ''}`
  return {
    invitation,
    signedInAs: viewer && !step ? viewer.user.email : null,
    finishSignIn:
      viewer && step && viewer.user.email === invitation.email
        ? `${step}?redirectTo=${encodeURIComponent(here)}`
        : null,
  }
}

async function destinationFor(result: { organisationId: string | null; regionId: string | null }) {
  if (result.organisationId) {
    return {
      to: '/aanbieder',
      cookie: await currentOrganisationCookie.serialize(result.organisationId),
    }
  }
  const region = await db.region.findUnique({ where: { id: result.regionId ?? '' }, select: { slug: true } })
  return { to: region ? `/regio/${region.slug}` : '/', cookie: null }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  // An unknown or spent link answers as the page does, whatever is posted.
  if (!(await describeInvitation(token))) return data({ reply: null, error: GONE }, { status: 404 })
  const here = `/uitnodiging/${token}`
  const formData = await request.formData()
  const intent = formData.get('intent')
  const ip = clientIp(request)
  if (intent === 'aannemen') {
    const viewer = await getViewer(request)
    if (!viewer) throw redirect(`/inloggen?redirectTo=${encodeURIComponent(here)}`)
    // A session that passed only the password, or with an unconfirmed address, finishes signing in first.
    const step = signInStepLeft(viewer)
    if (step) throw redirect(`${step}?redirectTo=${encodeURIComponent(here)}`)
    const result = await acceptInvitation(token, viewer.user, ip)
    if (!result.ok) {
      return data(
        {
          reply: null,
          error:
            result.reason === 'other-account'
              ? 'Deze uitnodiging is voor een ander e-mailadres. Log uit en log in met dat adres.'
              : GONE,
        },
        { status: 400 },
      )
    }
    const dest = await destinationFor(result)
    return redirectWithFlash(request, dest.to, 'U heeft de uitnodiging aangenomen.', {
      headers: dest.cookie ? { 'Set-Cookie': dest.cookie } : undefined,
    })
  }
  const submission = parseWithZod(formData, { schema: newAccountSchema })
  if (submission.status !== 'success') {
    return data({ reply: submission.reply({ hideFields: ['password'] }), error: null }, { status: 400 })
  }
  const userId = await acceptInvitationWithNewAccount(token, submission.value, ip)
  if (!userId) {
    return data(
      {
        reply: submission.reply({
          formErrors: [
            'Deze uitnodiging werkt niet meer, of er is al een account met dit e-mailadres. Log in.',
          ],
          hideFields: ['password'],
        }),
        error: null,
      },
      { status: 400 },
    )
  }
  const membership = await db.organisationMembership.findFirst({
    where: { userId },
    select: { organisationId: true },
  })
  const regionMembership = await db.regionMembership.findFirst({
    where: { userId },
    select: { regionId: true },
  })
  const dest = await destinationFor({
    organisationId: membership?.organisationId ?? null,
    regionId: regionMembership?.regionId ?? null,
  })
  const headers = new Headers()
  headers.append('Set-Cookie', await createUserSession(request, userId, { secondFactorDone: false }))
  if (dest.cookie) headers.append('Set-Cookie', dest.cookie)
  return redirectWithFlash(request, dest.to, 'Welkom! Uw account is aangemaakt.', { headers })
}

export default function Uitnodiging() {
  const { invitation, signedInAs, finishSignIn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const params = useParams()
  const [form, fields] = useForm({
    lastResult: actionData?.reply ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newAccountSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  if (!invitation) {
    return (
      <>
        <Heading1>Deze uitnodiging werkt niet meer</Heading1>
        <Paragraph>
          De link is al gebruikt, ingetrokken of ouder dan 7 dagen. Vraag degene die u uitnodigde om een
          nieuwe uitnodiging.
        </Paragraph>
      </>
    )
  }
  const what = `${invitation.role.toLowerCase()} bij ${invitation.name}`
  return (
    <>
      <Heading1>Uitnodiging voor {invitation.name}</Heading1>
      <Paragraph>
        U bent uitgenodigd als {what}. De uitnodiging is voor <strong>{invitation.email}</strong>.
      </Paragraph>
      <FormErrors errors={actionData?.error ? [actionData.error] : undefined} />
      {signedInAs === invitation.email ? (
        <Form method="post">
          <input type="hidden" name="intent" value="aannemen" />
          <Button type="submit" appearance="primary-action-button">
            Uitnodiging aannemen
          </Button>
        </Form>
      ) : signedInAs ? (
        <Paragraph>
          U bent ingelogd als {signedInAs}. Log uit en log in met {invitation.email} om de uitnodiging aan te
          nemen.
        </Paragraph>
      ) : finishSignIn ? (
        <Paragraph>
          U bent nog niet helemaal ingelogd. <Link href={finishSignIn}>Rond het inloggen af</Link> om de
          uitnodiging aan te nemen.
        </Paragraph>
      ) : invitation.accountExists ? (
        <Paragraph>
          Er is al een account met dit e-mailadres.{' '}
          <Link href={`/inloggen?redirectTo=${encodeURIComponent(`/uitnodiging/${params.token ?? ''}`)}`}>
            Log in
          </Link>{' '}
          om de uitnodiging aan te nemen.
        </Paragraph>
      ) : (
        <>
          <Paragraph>Maak een account aan om de uitnodiging aan te nemen.</Paragraph>
          <Form method="post" {...getFormProps(form)} className="portaal-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="account" />
            <TextField field={fields.name} label="Uw naam" autoComplete="name" />
            <TextField
              field={fields.password}
              label="Kies een wachtwoord"
              type="password"
              autoComplete="new-password"
              description="Minstens 12 tekens."
            />
            <div>
              <Button
                type="submit"
                appearance="primary-action-button"
                busy={navigation.state === 'submitting'}
              >
                Account aanmaken en uitnodiging aannemen
              </Button>
            </div>
          </Form>
        </>
      )}
    </>
  )
}
