import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { FormErrors } from '~/components/form-field'
import { OrganisationFields } from '~/components/organisation-fields'
import { actorOf, currentOrganisationCookie, requireUser } from '~/domain/accounts/permissions.server'
import { organisationSchema } from '~/domain/accounts/organisation-schema'
import { createOrganisation } from '~/domain/accounts/organisations.server'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Organisatie registreren | Aanbiederspoort' }]

/** Any signed-in user may register an organisation (also someone who already has one: an administrative office). */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  return { hasOrganisation: viewer.organisations.length > 0 }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: organisationSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const result = await createOrganisation(viewer.user.id, actorOf(viewer, request), submission.value)
  if (!result.ok) {
    // The form keeps what was typed; the KvK field explains whom to ask.
    return data(submission.reply({ fieldErrors: { kvkNummer: [result.message] } }), { status: 409 })
  }
  return redirectWithFlash(
    request,
    '/aanbieder',
    `${submission.value.name} is geregistreerd. U bent beheerder.`,
    {
      headers: { 'Set-Cookie': await currentOrganisationCookie.serialize(result.id) },
    },
  )
}

export default function AanbiederNieuw() {
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Organisatie registreren</Heading1>
      <Paragraph>
        Registreer uw zorgorganisatie om mee te doen aan inkopen van gemeenten. U wordt beheerder van de
        organisatie en kunt daarna collega&apos;s uitnodigen.
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <OrganisationFields fields={fields} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Organisatie registreren
          </Button>
        </div>
      </Form>
    </>
  )
}
