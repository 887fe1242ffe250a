import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { FormErrors, TextField, TextareaField } from '~/components/form-field'
import { CheckboxGroupField } from '~/components/choice-fields'
import { actorOf, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { createProcurement } from '~/domain/catalogue/catalogue.server'
import { LAW_LABELS, LAWS } from '~/domain/catalogue/product-categories'
import { procurementSchema } from '~/domain/catalogue/schemas'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Nieuw inkooptraject | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  return { region }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const submission = parseWithZod(await request.formData(), { schema: procurementSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const id = await createProcurement(
    { regionId: region.id, actor: actorOf(viewer, request) },
    submission.value,
  )
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/inkoop/${id}`,
    'Het inkooptraject is aangemaakt. Voeg nu de percelen toe.',
  )
}

export default function NieuwInkooptraject() {
  const { region } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: procurementSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Nieuw inkooptraject</Heading1>
      <Paragraph>
        Het traject blijft een concept van {region.name} tot u het publiceert. Daarna staat het in de openbare
        inkoopagenda.
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.name} label="Naam van het inkooptraject" />
        <TextareaField field={fields.description} label="Omschrijving" optional />
        <CheckboxGroupField
          field={fields.laws}
          legend="Wetten"
          options={LAWS.map((l) => ({ value: l, label: LAW_LABELS[l] }))}
        />
        <TextField field={fields.contractStart} label="Begin contractperiode" type="date" />
        <TextField field={fields.contractEnd} label="Einde contractperiode" type="date" />
        <TextField
          field={fields.extensionOptions}
          label="Verlengingsopties"
          description='Bijvoorbeeld "2 x 3 jaar".'
          optional
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Inkooptraject aanmaken
          </Button>
        </div>
      </Form>
    </>
  )
}
