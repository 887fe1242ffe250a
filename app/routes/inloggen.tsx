import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useSearchParams, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Button, Heading1, Paragraph, Link } from '@utrecht/component-library-react'
import { TextField, FormErrors } from '~/components/form-field'
import { authenticate } from '~/domain/accounts/login.server'
import { getViewer, secondFactorPassed } from '~/domain/accounts/permissions.server'
import { clientIp, createUserSession } from '~/utils/session.server'
import { safeRedirect } from '~/utils/redirect'
import { checkSignInLimit } from '~/domain/accounts/rate-limit.server'

export const meta: MetaFunction = () => [{ title: 'Inloggen | Aanbiederspoort' }]

const schema = z.object({
  email: z.string({ error: 'Vul uw e-mailadres in' }).trim().email('Vul een geldig e-mailadres in'),
  password: z.string({ error: 'Vul uw wachtwoord in' }),
  redirectTo: z.string().optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request)
  if (viewer && secondFactorPassed(viewer)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')))
  }
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return submission.reply({ hideFields: ['password'] })
  const { email, password, redirectTo } = submission.value
  const limited = await checkSignInLimit(request, email)
  if (limited) {
    return submission.reply({ formErrors: [limited], hideFields: ['password'] })
  }
  const user = await authenticate(email, password, clientIp(request))
  if (!user) {
    return submission.reply({
      formErrors: [
        'Deze combinatie van e-mailadres en wachtwoord kennen wij niet. Controleer beide en probeer het opnieuw.',
      ],
      hideFields: ['password'],
    })
  }
  const cookie = await createUserSession(request, user.id, { secondFactorDone: !user.totpEnabledAt })
  const next = user.emailVerifiedAt ? safeRedirect(redirectTo, '/') : '/account/bevestigen'
  const to = user.totpEnabledAt ? `/inloggen/tweestaps?redirectTo=${encodeURIComponent(next)}` : next
  return redirect(to, { headers: { 'Set-Cookie': cookie } })
}

export default function Inloggen() {
  const lastResult = useActionData<typeof action>()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Inloggen</Heading1>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="username" />
        <TextField
          field={fields.password}
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Inloggen
          </Button>
        </div>
      </Form>
      <Paragraph>
        <Link href="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
      </Paragraph>
      <Paragraph>
        Nog geen account? <Link href="/registreren">Maak een account aan</Link>.
      </Paragraph>
    </>
  )
}
