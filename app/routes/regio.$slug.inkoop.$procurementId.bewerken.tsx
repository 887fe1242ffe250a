import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button, Heading1, Link, Paragraph } from '@utrecht/component-library-react'
import { FormErrors, TextField, TextareaField } from '~/components/form-field'
import { CheckboxGroupField } from '~/components/choice-fields'
import { actorOf, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { getProcurementForBuyer, updateProcurement } from '~/domain/catalogue/catalogue.server'
import { LAW_LABELS, LAWS } from '~/domain/catalogue/product-categories'
import { savedMessage } from '~/domain/catalogue/rules'
import { procurementSchema } from '~/domain/catalogue/schemas'
import { redirectWithFlash } from '~/utils/session.server'
import { toDateInputValue } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Inkooptraject wijzigen | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const procurement = await getProcurementForBuyer(region.id, params.procurementId!)
  return { region, procurement }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const submission = parseWithZod(await request.formData(), { schema: procurementSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const saved = await updateProcurement(
    { regionId: region.id, actor: actorOf(viewer, request) },
    params.procurementId!,
    submission.value,
  )
  if (!saved.ok) return data(submission.reply({ fieldErrors: saved.errors }), { status: 400 })
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/inkoop/${params.procurementId}`,
    savedMessage('De gegevens van het inkooptraject zijn opgeslagen.', saved.published),
  )
}

export default function InkooptrajectWijzigen() {
  const { region, procurement } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      name: procurement.name,
      description: procurement.description,
      // Checkbox groups take a list; Conform types the defaults by the schema's input.
      laws: procurement.laws.split(',') as unknown as string,
      contractStart: toDateInputValue(new Date(procurement.contractStart)),
      contractEnd: toDateInputValue(new Date(procurement.contractEnd)),
      extensionOptions: procurement.extensionOptions,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: procurementSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const back = `/regio/${region.slug}/inkoop/${procurement.id}`
  return (
    <>
      <Paragraph>
        <Link href={back}>Terug naar {procurement.name}</Link>
      </Paragraph>
      <Heading1>Inkooptraject wijzigen</Heading1>
      {procurement.status !== 'concept' ? (
        <Paragraph>
          Dit traject is gepubliceerd. Uw wijziging wordt meteen gepubliceerd als nieuwe versie: ze komt met
          datum in de openbare lijst van wijzigingen en organisaties die het traject volgen of zich hebben
          ingeschreven krijgen een e-mail.
        </Paragraph>
      ) : null}
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
            Gegevens opslaan
          </Button>
        </div>
      </Form>
    </>
  )
}
