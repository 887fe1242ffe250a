import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Button, Heading1, Link, Paragraph } from '@utrecht/component-library-react'
import { TextField, FormErrors } from '~/components/form-field'
import { getViewer } from '~/domain/accounts/permissions.server'
import { checkMailFormLimit } from '~/domain/accounts/rate-limit.server'
import { signUp } from '~/domain/accounts/signup.server'
import { email, password, text } from '~/utils/validation'
import { clientIp } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Account aanmaken | Aanbiederspoort' }]

const schema = z.object({
  name: text({ max: 200, required: 'Vul uw naam in' }),
  email,
  password,
})

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) throw redirect('/account')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const limited = await checkMailFormLimit(request, 'registreren', submission.value.email)
  if (limited)
    return data(submission.reply({ formErrors: [limited], hideFields: ['password'] }), { status: 429 })
  // The same answer whether or not the address has an account: the e-mail tells the difference.
  await signUp(submission.value, clientIp(request))
  return redirect(`/registreren/verstuurd?email=${encodeURIComponent(submission.value.email)}`)
}

export default function Registreren() {
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Account aanmaken</Heading1>
      <Paragraph>
        Met een account kunt u uw organisatie registreren en meedoen aan inkopen van gemeenten. Werkt u bij
        een gemeente? Dan nodigt uw regiobeheerder u uit.
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.name} label="Uw naam" autoComplete="name" />
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="email" />
        <TextField
          field={fields.password}
          label="Wachtwoord"
          type="password"
          autoComplete="new-password"
          description="Minstens 12 tekens. Een zin van een paar woorden is goed te onthouden."
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Account aanmaken
          </Button>
        </div>
      </Form>
      <Paragraph>
        Heeft u al een account? <Link href="/inloggen">Log in</Link>.
      </Paragraph>
    </>
  )
}
