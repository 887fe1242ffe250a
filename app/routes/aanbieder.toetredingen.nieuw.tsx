import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading1,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { FormErrors } from '~/components/form-field'
import { actorOf, notFound } from '~/domain/accounts/permissions.server'
import { requireProvider } from '~/domain/admissions/guards.server'
import { findOpenHousePerceel, isStaleConcept, startEntry } from '~/domain/admissions/entries.server'
import { AdmissionError } from '~/domain/admissions/state'
import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'

export const meta: MetaFunction = () => [{ title: 'Toetreding starten | Aanbiederspoort' }]

const schema = z.object({
  perceelId: z.string({ error: 'Kies een perceel' }),
  gemeenten: z
    .array(z.string(), { error: 'Kies minstens één gemeente' })
    .min(1, 'Kies minstens één gemeente'),
  producten: z.array(z.string(), { error: 'Kies minstens één product' }).min(1, 'Kies minstens één product'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisationId } = await requireProvider(request)
  const perceelId = new URL(request.url).searchParams.get('perceel') ?? ''
  const perceel = await findOpenHousePerceel(db, perceelId)
  if (!perceel) notFound()
  const open = await db.entryGemeente.findMany({
    where: {
      entry: {
        organisationId,
        perceelId,
        status: { in: ['concept', 'ingediend', 'in_behandeling', 'aanvulling_gevraagd'] },
      },
    },
    select: {
      gemeenteCode: true,
      entryId: true,
      entry: { select: { status: true, registrationMoment: { select: { closesAt: true } } } },
    },
  })
  const at = now()
  return {
    perceel,
    open: open.map((o) => ({
      gemeenteCode: o.gemeenteCode,
      entryId: o.entryId,
      stale: isStaleConcept(o.entry, at),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, organisationId } = await requireProvider(request)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  try {
    const { entryId } = await startEntry({
      actor: actorOf(viewer, request),
      userId: viewer.user.id,
      organisationId,
      perceelId: submission.value.perceelId,
      gemeenten: submission.value.gemeenten,
      products: submission.value.producten,
    })
    return redirect(`/aanbieder/toetredingen/${entryId}`)
  } catch (error) {
    if (error instanceof AdmissionError) {
      return data(submission.reply({ formErrors: [error.message] }), {
        status: error.code === 'duplicate' ? 409 : 400,
      })
    }
    throw error
  }
}

export default function NieuweToetreding() {
  const { perceel, open } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  })
  const openCodes = new Set(open.map((o) => o.gemeenteCode))
  const staleCodes = new Set(open.filter((o) => o.stale).map((o) => o.gemeenteCode))
  const staleEntries = [...new Set(open.filter((o) => o.stale).map((o) => o.entryId))]
  return (
    <>
      <Heading1>Toetreding starten: {perceel.name}</Heading1>
      <Paragraph>
        {perceel.procurement.name} van {perceel.procurement.region.name}. Kies de gemeenten waar u wilt werken
        en de producten die u wilt leveren. Daarna beantwoordt u de vragen en voegt u uw bewijsstukken toe. U
        kunt tussendoor opslaan.
      </Paragraph>
      {staleEntries.length ? (
        <Alert type="info">
          <Paragraph>
            U heeft voor dit perceel nog een concept uit een registratiemoment dat gesloten is. U hoeft niet
            opnieuw te beginnen: open het concept en verplaats het naar het volgende registratiemoment.
          </Paragraph>
          <UnorderedList>
            {staleEntries.map((id) => (
              <UnorderedListItem key={id}>
                <Link href={`/aanbieder/toetredingen/${id}`}>
                  {`Concept openen voor ${perceel.gemeenten
                    .filter((g) => open.some((o) => o.entryId === id && o.gemeenteCode === g.gemeenteCode))
                    .map((g) => g.gemeente.name)
                    .join(', ')}`}
                </Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="perceelId" value={perceel.id} />
        <Fieldset
          invalid={!!fields.gemeenten.errors?.length}
          aria-describedby={fields.gemeenten.errors ? fields.gemeenten.errorId : undefined}
        >
          <FieldsetLegend>Gemeenten</FieldsetLegend>
          {fields.gemeenten.errors ? (
            <FormFieldErrorMessage id={fields.gemeenten.errorId}>
              {fields.gemeenten.errors.join(' ')}
            </FormFieldErrorMessage>
          ) : null}
          {perceel.gemeenten.map((g) => (
            <div key={g.gemeenteCode} className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                id={`gemeente-${g.gemeenteCode}`}
                name="gemeenten"
                value={g.gemeenteCode}
                disabled={openCodes.has(g.gemeenteCode)}
              />{' '}
              <label
                className="utrecht-form-label utrecht-form-label--checkbox"
                htmlFor={`gemeente-${g.gemeenteCode}`}
              >
                {g.gemeente.name}
                {staleCodes.has(g.gemeenteCode)
                  ? ' (in uw concept uit een gesloten registratiemoment)'
                  : openCodes.has(g.gemeenteCode)
                    ? ' (u heeft hier al een open toetreding)'
                    : ''}
              </label>
            </div>
          ))}
        </Fieldset>
        <Fieldset invalid={!!fields.producten.errors?.length}>
          <FieldsetLegend>Producten</FieldsetLegend>
          {fields.producten.errors ? (
            <FormFieldErrorMessage id={fields.producten.errorId}>
              {fields.producten.errors.join(' ')}
            </FormFieldErrorMessage>
          ) : null}
          {perceel.products.map((p) => (
            <div key={p.id} className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                id={`product-${p.id}`}
                name="producten"
                value={p.id}
              />{' '}
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`product-${p.id}`}>
                {p.code} {p.name}
              </label>
            </div>
          ))}
        </Fieldset>
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Toetreding starten
          </Button>
        </div>
      </Form>
    </>
  )
}
