import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { TextField, FormErrors } from '~/components/form-field'
import { checkMailFormLimit } from '~/domain/accounts/rate-limit.server'
import { requestPasswordReset } from '~/domain/accounts/signup.server'
import { email } from '~/utils/validation'
import { clientIp } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Wachtwoord vergeten | Aanbiederspoort' }]

const schema = z.object({ email })

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema })
  if (submission.status !== 'success') return data({ sent: null, reply: submission.reply() }, { status: 400 })
  const limited = await checkMailFormLimit(request, 'wachtwoord-herstel', submission.value.email)
  if (limited)
    return data({ sent: null, reply: submission.reply({ formErrors: [limited] }) }, { status: 429 })
  // The same answer whether or not the address has an account.
  await requestPasswordReset(submission.value.email, clientIp(request))
  return { sent: submission.value.email, reply: submission.reply({ resetForm: true }) }
}

export default function WachtwoordVergeten() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: actionData?.reply,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Wachtwoord vergeten</Heading1>
      {actionData?.sent ? (
        <Alert type="ok">
          <Paragraph>
            Als er een account is met het e-mailadres {actionData.sent}, dan hebben we daar een link naartoe
            gestuurd. Met die link kiest u een nieuw wachtwoord. De link is 1 uur geldig.
          </Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        Vul het e-mailadres van uw account in. U krijgt een e-mail met een link om een nieuw wachtwoord te
        kiezen.
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="email" />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Stuur de link
          </Button>
        </div>
      </Form>
    </>
  )
}
