import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading1,
  Link,
  Paragraph,
} from '@utrecht/component-library-react'
import { FormErrors, TextField } from '~/components/form-field'
import { actorOf } from '~/domain/accounts/permissions.server'
import { requireRegionStaff } from '~/domain/admissions/guards.server'
import { recordAward } from '~/domain/admissions/admissions.server'
import { AdmissionError } from '~/domain/admissions/state'
import { db } from '~/utils/db.server'
import { redirectWithFlash } from '~/utils/session.server'
import { dateInput, kvkNummer, url } from '~/utils/validation'

export const meta: MetaFunction = () => [{ title: 'Gunning vastleggen | Aanbiederspoort' }]

const schema = z.object({
  perceelId: z.string({ error: 'Kies een perceel' }),
  kvkNummer,
  awardedAt: dateInput(),
  tenderNedUrl: url,
  producten: z.array(z.string(), { error: 'Kies minstens één product' }).min(1, 'Kies minstens één product'),
  gemeenten: z
    .array(z.string(), { error: 'Kies minstens één gemeente' })
    .min(1, 'Kies minstens één gemeente'),
})

async function tenderPercelen(regionId: string) {
  return db.perceel.findMany({
    where: { inkoopvorm: 'aanbesteding', procurement: { regionId } },
    select: {
      id: true,
      name: true,
      tenderNedUrl: true,
      products: { select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } },
      gemeenten: {
        select: { gemeenteCode: true, gemeente: { select: { name: true } } },
        orderBy: { gemeenteCode: 'asc' },
      },
    },
    orderBy: [{ procurement: { name: 'asc' } }, { sortOrder: 'asc' }],
  })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionStaff(request, params.slug, ['inkoper'])
  const percelen = await tenderPercelen(region.id)
  const chosen = new URL(request.url).searchParams.get('perceel') ?? ''
  return { region, percelen, perceel: percelen.find((p) => p.id === chosen) ?? null }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionStaff(request, params.slug, ['inkoper'])
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const v = submission.value
  const org = await db.organisation.findUnique({ where: { kvkNummer: v.kvkNummer }, select: { id: true } })
  if (!org) {
    return data(
      submission.reply({
        fieldErrors: { kvkNummer: ['Er is geen aanbieder met dit KvK-nummer in het portaal.'] },
      }),
      { status: 400 },
    )
  }
  try {
    const { count, skipped } = await recordAward({
      actor: actorOf(viewer, request),
      regionId: region.id,
      perceelId: v.perceelId,
      organisationId: org.id,
      productIds: v.producten,
      gemeenteCodes: v.gemeenten,
      awardedAt: v.awardedAt,
      tenderNedUrl: v.tenderNedUrl,
    })
    return redirectWithFlash(
      request,
      `/regio/${region.slug}/toelatingen?perceel=${v.perceelId}`,
      `De gunning is vastgelegd: ${count} nieuwe toelating(en).` +
        (skipped
          ? ` ${skipped} toelating(en) bestond(en) al en zijn niet gewijzigd; een geschorste of beëindigde toelating herstelt u op de pagina van die toelating.`
          : ''),
    )
  } catch (error) {
    if (error instanceof AdmissionError)
      return data(submission.reply({ formErrors: [error.message] }), { status: 400 })
    throw error
  }
}

export default function Gunning() {
  const { region, percelen, perceel } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { tenderNedUrl: perceel?.tenderNedUrl ?? '' },
  })
  return (
    <>
      <Heading1>Gunning vastleggen</Heading1>
      <Paragraph>
        Bij een aanbesteding legt u vast aan wie is gegund. Die aanbieders worden toegelaten op dezelfde
        manier als bij open house.{' '}
        <Link href={`/regio/${region.slug}/toelatingen`}>Terug naar de toelatingen</Link>
      </Paragraph>
      <Form method="get" className="portaal-form portaal-filter">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="perceel-kiezen">
            Perceel (aanbesteding)
          </label>
          <select
            className="utrecht-select utrecht-select--html-select"
            id="perceel-kiezen"
            name="perceel"
            defaultValue={perceel?.id ?? ''}
          >
            <option value="">Kies een perceel</option>
            {percelen.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            Perceel kiezen
          </Button>
        </div>
      </Form>
      {perceel ? (
        <Form method="post" {...getFormProps(form)} className="portaal-form">
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="perceelId" value={perceel.id} />
          <TextField field={fields.kvkNummer} label="KvK-nummer van de aanbieder" inputMode="numeric" />
          <TextField field={fields.awardedAt} label="Datum van gunning" type="date" />
          <TextField field={fields.tenderNedUrl} label="Link naar de aankondiging op TenderNed" type="url" />
          <Fieldset invalid={!!fields.producten.errors?.length}>
            <FieldsetLegend>Gegunde producten</FieldsetLegend>
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
                <label
                  className="utrecht-form-label utrecht-form-label--checkbox"
                  htmlFor={`product-${p.id}`}
                >
                  {p.code} {p.name}
                </label>
              </div>
            ))}
          </Fieldset>
          <Fieldset invalid={!!fields.gemeenten.errors?.length}>
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
                  defaultChecked
                />{' '}
                <label
                  className="utrecht-form-label utrecht-form-label--checkbox"
                  htmlFor={`gemeente-${g.gemeenteCode}`}
                >
                  {g.gemeente.name}
                </label>
              </div>
            ))}
          </Fieldset>
          <div>
            <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
              Gunning vastleggen
            </Button>
          </div>
        </Form>
      ) : percelen.length === 0 ? (
        <Paragraph>Deze regio heeft geen percelen met een aanbesteding.</Paragraph>
      ) : null}
    </>
  )
}
