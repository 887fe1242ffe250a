import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormLabel,
  Fieldset,
  FieldsetLegend,
  Heading1,
  Paragraph,
} from '@utrecht/component-library-react'
import { FormErrors } from '~/components/form-field'
import { OrganisationFields } from '~/components/organisation-fields'
import { actorOf, requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { listForInput, organisationSchema } from '~/domain/accounts/organisation-schema'
import { getOrganisation, updateOrganisation } from '~/domain/accounts/organisations.server'
import { checkbox, phoneToNational } from '~/utils/validation'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Organisatiegegevens wijzigen | Aanbiederspoort' }]

const schema = organisationSchema.extend({ medewerkersMaySubmit: checkbox() })

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisationId } = await requireCurrentOrganisation(request, ['beheerder'])
  const org = await getOrganisation(organisationId)
  return {
    name: org.name,
    defaults: {
      name: org.name,
      kvkNummer: org.kvkNummer,
      vestigingsnummer: org.vestigingsnummer ?? '',
      agbCode: org.agbCode ?? '',
      street: org.street,
      houseNumber: org.houseNumber,
      postcode: org.postcode,
      city: org.city,
      website: org.website ?? '',
      email: org.email,
      phone: phoneToNational(org.phone),
      description: org.description,
      targetGroups: listForInput(org.targetGroups),
      languages: listForInput(org.languages),
      identity: org.identity ?? '',
      medewerkersMaySubmit: org.medewerkersMaySubmit ? 'on' : undefined,
    },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, organisationId } = await requireCurrentOrganisation(request, ['beheerder'])
  const submission = parseWithZod(await request.formData(), { schema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const result = await updateOrganisation(organisationId, actorOf(viewer, request), submission.value)
  if (!result.ok)
    return data(submission.reply({ fieldErrors: { kvkNummer: [result.message] } }), { status: 409 })
  return redirectWithFlash(request, '/aanbieder', 'De gegevens van uw organisatie zijn opgeslagen.')
}

export default function OrganisatieWijzigen() {
  const { name, defaults } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const { key, ...maySubmitProps } = getInputProps(fields.medewerkersMaySubmit, { type: 'checkbox' })
  return (
    <>
      <Heading1>Gegevens van {name} wijzigen</Heading1>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <OrganisationFields fields={fields} />
        <Fieldset>
          <FieldsetLegend>Indienen</FieldsetLegend>
          <FormField type="checkbox">
            <Checkbox
              key={key}
              {...maySubmitProps}
              aria-describedby={`${fields.medewerkersMaySubmit.id}-uitleg`}
            />
            <FormLabel htmlFor={fields.medewerkersMaySubmit.id} type="checkbox">
              Medewerkers mogen namens de organisatie indienen
            </FormLabel>
            <FormFieldDescription id={`${fields.medewerkersMaySubmit.id}-uitleg`}>
              Zonder dit vinkje bereiden medewerkers voor en dient een beheerder in.
            </FormFieldDescription>
          </FormField>
        </Fieldset>
        <Paragraph>Wijzigingen in het profiel zien inwoners direct in de keuzehulp.</Paragraph>
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Opslaan
          </Button>
        </div>
      </Form>
    </>
  )
}
