import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { TextField, FormErrors } from '~/components/form-field'
import { requireUser, actorOf, secondFactorPassed } from '~/domain/accounts/permissions.server'
import { completeSecondFactor } from '~/domain/accounts/second-factor.server'
import { safeRedirect } from '~/utils/redirect'
import { hit } from '~/domain/accounts/rate-limit.server'

export const meta: MetaFunction = () => [{ title: 'Tweestapsverificatie | Aanbiederspoort' }]

const schema = z.object({
  code: z
    .string({ error: 'Vul de code uit uw app of een herstelcode in' })
    .trim()
    .min(6, 'Vul de code van 6 cijfers of een herstelcode in'),
  redirectTo: z.string().optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, { stage: 'second-factor' })
  if (secondFactorPassed(viewer)) throw redirect('/')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request, { stage: 'second-factor' })
  const submission = parseWithZod(await request.formData(), { schema })
  if (submission.status !== 'success') return submission.reply()
  if (await hit(`tweestaps:${viewer.user.id}`, 10)) {
    return submission.reply({ formErrors: ['U heeft het te vaak geprobeerd. Wacht 15 minuten.'] })
  }
  const result = await completeSecondFactor(viewer, submission.value.code, actorOf(viewer, request))
  if (result !== 'ok')
    return submission.reply({
      fieldErrors: {
        code: [
          result === 'reused'
            ? 'Deze code is al gebruikt. Wacht tot uw app een nieuwe code toont en vul die in.'
            : 'Deze code klopt niet. Vul de code in die uw app nu toont.',
        ],
      },
    })
  return redirect(safeRedirect(submission.value.redirectTo))
}

export default function Tweestaps() {
  const lastResult = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <>
      <Heading1>Tweestapsverificatie</Heading1>
      <Paragraph>
        Vul de code van 6 cijfers in die uw authenticator-app nu toont. Geen toegang tot uw app? Gebruik een
        herstelcode.
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <TextField field={fields.code} label="Code" autoComplete="one-time-code" inputMode="numeric" />
        <div>
          <Button type="submit" appearance="primary-action-button">
            Bevestigen
          </Button>
        </div>
      </Form>
    </>
  )
}
