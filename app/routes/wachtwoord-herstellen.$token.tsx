import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Button, Heading1, Link, Paragraph } from '@utrecht/component-library-react'
import { TextField, FormErrors } from '~/components/form-field'
import { isResetTokenValid, resetPassword } from '~/domain/accounts/signup.server'
import { password } from '~/utils/validation'
import { clientIp, destroySessionCookie, redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Nieuw wachtwoord kiezen | Aanbiederspoort' }]

const schema = z.object({ password })

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await isResetTokenValid(params.token ?? '') }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema })
  if (submission.status !== 'success')
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const ok = await resetPassword(params.token ?? '', submission.value.password, clientIp(request))
  if (!ok) {
    return data(
      submission.reply({
        formErrors: ['Deze link werkt niet meer. Vraag een nieuwe link aan via "Wachtwoord vergeten".'],
        hideFields: ['password'],
      }),
      { status: 400 },
    )
  }
  // Every session of the account has ended, this browser's too.
  return redirectWithFlash(
    request,
    '/inloggen',
    'Uw nieuwe wachtwoord is ingesteld. Log in met uw nieuwe wachtwoord.',
    {
      headers: { 'Set-Cookie': await destroySessionCookie() },
    },
  )
}

export default function WachtwoordHerstellen() {
  const { valid } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  if (!valid) {
    return (
      <>
        <Heading1>Nieuw wachtwoord kiezen</Heading1>
        <Paragraph>
          Deze link werkt niet meer: hij is al gebruikt of ouder dan 1 uur.{' '}
          <Link href="/wachtwoord-vergeten">Vraag een nieuwe link aan</Link>.
        </Paragraph>
      </>
    )
  }
  return (
    <>
      <Heading1>Nieuw wachtwoord kiezen</Heading1>
      <Paragraph>
        Na het opslaan wordt u overal uitgelogd. Daarna logt u in met uw nieuwe wachtwoord.
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField
          field={fields.password}
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          description="Minstens 12 tekens."
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Wachtwoord opslaan
          </Button>
        </div>
      </Form>
    </>
  )
}
