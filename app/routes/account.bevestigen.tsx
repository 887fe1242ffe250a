import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { TextField, FormErrors } from '~/components/form-field'
import { getViewer, requireUser } from '~/domain/accounts/permissions.server'
import { hit } from '~/domain/accounts/rate-limit.server'
import { confirmEmailByCode, confirmEmailByToken, sendConfirmation } from '~/domain/accounts/signup.server'
import { db } from '~/utils/db.server'
import { clientIp, redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'E-mailadres bevestigen | Aanbiederspoort' }]

const codeSchema = z.object({
  intent: z.literal('code'),
  code: z
    .string({ error: 'Vul de code van 6 cijfers uit de e-mail in' })
    .trim()
    .regex(/^\d{6}$/, 'Vul de code van 6 cijfers uit de e-mail in'),
})

/**
 * Two ways in: the link from the e-mail (`?token=`; confirming takes a button press, so mail scanners that open
 * links do not use up the token), or the code typed by the signed-in user. Both are single use.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token')
  if (token) return { mode: 'link' as const, email: null, token }
  const viewer = await requireUser(request, { stage: 'unconfirmed' })
  if (viewer.user.emailVerifiedAt) throw redirect('/account')
  return { mode: 'code' as const, email: viewer.user.email, token: null }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const intent = formData.get('intent')
  const ip = clientIp(request)
  if (intent === 'link') {
    const token = String(formData.get('token') ?? new URL(request.url).searchParams.get('token') ?? '')
    const userId = await confirmEmailByToken(token, ip)
    if (!userId) {
      return data(
        {
          intent: 'link' as const,
          error: 'Deze link werkt niet meer. Log in en vraag een nieuwe e-mail aan.',
        },
        { status: 400 },
      )
    }
    const viewer = await getViewer(request)
    return redirectWithFlash(
      request,
      viewer?.user.id === userId ? '/' : '/inloggen',
      viewer?.user.id === userId
        ? 'Uw e-mailadres is bevestigd.'
        : 'Uw e-mailadres is bevestigd. U kunt nu inloggen.',
    )
  }
  const viewer = await requireUser(request, { stage: 'unconfirmed' })
  if (viewer.user.emailVerifiedAt) throw redirect('/account')
  if (intent === 'opnieuw') {
    if (await hit(`bevestigen-opnieuw:${viewer.user.id}`, 5)) {
      return data(
        { intent: 'opnieuw' as const, error: 'U heeft al een paar e-mails gevraagd. Wacht 15 minuten.' },
        { status: 429 },
      )
    }
    await db.$transaction((tx) => sendConfirmation(tx, viewer.user))
    return redirectWithFlash(
      request,
      '/account/bevestigen',
      `We hebben een nieuwe e-mail gestuurd naar ${viewer.user.email}.`,
    )
  }
  const submission = parseWithZod(formData, { schema: codeSchema })
  if (submission.status !== 'success')
    return data({ intent: 'code' as const, reply: submission.reply() }, { status: 400 })
  if (await hit(`bevestigen-code:${viewer.user.id}`, 10)) {
    return data(
      {
        intent: 'code' as const,
        reply: submission.reply({ formErrors: ['U heeft het te vaak geprobeerd. Wacht 15 minuten.'] }),
      },
      { status: 429 },
    )
  }
  if (!(await confirmEmailByCode(viewer.user, submission.value.code, ip))) {
    return data(
      {
        intent: 'code' as const,
        reply: submission.reply({
          fieldErrors: { code: ['Deze code klopt niet of is verlopen. Vraag een nieuwe e-mail aan.'] },
        }),
      },
      { status: 400 },
    )
  }
  return redirectWithFlash(request, '/', 'Uw e-mailadres is bevestigd.')
}

export default function Bevestigen() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: actionData && 'reply' in actionData ? actionData.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const error = actionData && 'error' in actionData ? actionData.error : null
  if (loaderData.mode === 'link') {
    return (
      <>
        <Heading1>E-mailadres bevestigen</Heading1>
        <FormErrors errors={error ? [error] : undefined} />
        <Paragraph>Klik op de knop om uw e-mailadres te bevestigen.</Paragraph>
        <Form method="post">
          <input type="hidden" name="intent" value="link" />
          <input type="hidden" name="token" value={loaderData.token ?? ''} />
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Bevestig mijn e-mailadres
          </Button>
        </Form>
      </>
    )
  }
  return (
    <>
      <Heading1>E-mailadres bevestigen</Heading1>
      <Paragraph>
        We hebben een e-mail gestuurd naar <strong>{loaderData.email}</strong>. Klik op de link in die e-mail,
        of vul hieronder de code uit de e-mail in.
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="code" />
        <TextField
          field={fields.code}
          label="Code uit de e-mail"
          inputMode="numeric"
          autoComplete="one-time-code"
        />
        <div>
          <Button type="submit" appearance="primary-action-button">
            Bevestigen
          </Button>
        </div>
      </Form>
      <Heading2>Geen e-mail gekregen?</Heading2>
      <FormErrors errors={error ? [error] : undefined} />
      <Form method="post">
        <input type="hidden" name="intent" value="opnieuw" />
        <Button type="submit" appearance="secondary-action-button">
          Stuur de e-mail opnieuw
        </Button>
      </Form>
    </>
  )
}
