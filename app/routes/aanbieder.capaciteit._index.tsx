import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  Heading1,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react'
import { SelectField, TextField, TextareaField, FormErrors } from '~/components/form-field'
import { RadioGroupField } from '~/components/choice-fields'
import { actorOf, requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { providerCapacityOverview, type ProviderProduct } from '~/domain/capacity/queries.server'
import { confirmUnchanged, saveCapacity } from '~/domain/capacity/save.server'
import {
  ACCEPTING,
  ACCEPTING_LABELS,
  MAX_FREE_PLACES,
  MAX_REMARK,
  MAX_WAITING_WEEKS,
} from '~/domain/capacity/rules'
import { CAPACITY_FOR, capacityDefaults, capacitySchema as schema } from '~/domain/capacity/form'
import { db } from '~/utils/db.server'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate } from '~/utils/time'
import { now } from '~/utils/clock'

export const meta: MetaFunction = () => [{ title: 'Werkgebied en capaciteit | Aanbiederspoort' }]

const COVERAGE_OPTIONS = [
  { value: 'geheel', label: 'In de hele gemeente' },
  { value: 'deels', label: 'Alleen in de postcodegebieden hieronder' },
  { value: 'niet', label: 'Niet in deze gemeente' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisationId, membership } = await requireCurrentOrganisation(request)
  const products = await providerCapacityOverview(db, organisationId)
  return { organisationName: membership.name, products }
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, organisationId } = await requireCurrentOrganisation(request)
  const formData = await request.formData()
  const actor = actorOf(viewer, request)
  if (formData.get('intent') === 'bevestigen') {
    const { confirmed, missing } = await confirmUnchanged(db, { organisationId, actor })
    const message =
      confirmed === 0
        ? 'Er was nog geen capaciteit om te bevestigen. Vul eerst de gegevens per product in.'
        : `U hebt de capaciteit van ${confirmed} product(en) ongewijzigd bevestigd.` +
          (missing ? ` Voor ${missing} product(en) ontbreken nog gegevens; vul die hieronder in.` : '')
    return redirectWithFlash(request, '/aanbieder/capaciteit', message)
  }
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const result = await saveCapacity(db, {
    organisationId,
    actor,
    products: submission.value.products,
  })
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  const message = [
    `Uw werkgebied en capaciteit zijn opgeslagen en bevestigd op ${formatDate(now())}.`,
    ...result.warnings,
  ].join(' ')
  return redirectWithFlash(request, '/aanbieder/capaciteit', message)
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

function defaultsOf(products: Loaded['products']) {
  return {
    products: products.map((p) => ({
      productId: p.productId,
      ...capacityDefaults(p.reports),
      gemeenten: p.gemeenten.map((g) => ({
        gemeenteCode: g.gemeenteCode,
        dekking: g.coversWhole ? 'geheel' : g.pc4s.length ? 'deels' : 'niet',
        pc4s: g.pc4s.join(', '),
      })),
    })),
  }
}

export default function Capaciteit() {
  const { organisationName, products } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  // A new id after each save resets the fields to what was stored (e.g. PC4 areas sorted).
  const savedAt = Math.max(
    0,
    ...products.flatMap((p) => p.reports.map((r) => new Date(r.confirmedAt).getTime())),
  )
  const [form, fields] = useForm({
    id: `capaciteit-${savedAt}`,
    lastResult,
    defaultValue: defaultsOf(products),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  // Disabled, not only busy (that is aria-busy alone): a double click would post the form twice.
  const busy = navigation.state === 'submitting'
  const productFields = fields.products.getFieldList()
  const anyReport = products.some((p) => p.reports.length)

  return (
    <>
      <Heading1>Werkgebied en capaciteit</Heading1>
      <Paragraph>
        Geef per product van {organisationName} aan waar u werkt en hoeveel ruimte u hebt. Verwijzers en
        inwoners zien dit in de keuzehulp; gemeenten zien het in hun overzicht. Bevestig uw gegevens minstens
        elke 30 dagen. Na 60 dagen zonder bevestiging tonen wij &quot;niet recent bevestigd&quot; in plaats
        van uw wachttijd.
      </Paragraph>
      {products.length === 0 ? (
        <Paragraph>
          U bent nog voor geen enkel product toegelaten. Zodra een gemeente u toelaat, vult u hier uw
          werkgebied en capaciteit in.
        </Paragraph>
      ) : (
        <>
          {anyReport ? (
            <Form method="post" className="portaal-form">
              <input type="hidden" name="intent" value="bevestigen" />
              <Paragraph>Is er niets veranderd sinds uw laatste bevestiging?</Paragraph>
              <div>
                <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
                  Alles ongewijzigd bevestigen
                </Button>
              </div>
            </Form>
          ) : null}
          <Form method="post" {...getFormProps(form)} className="portaal-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            {productFields.map((productField, i) => (
              <ProductSection key={productField.key} field={productField} product={products[i]!} index={i} />
            ))}
            <div>
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                Opslaan en bevestigen
              </Button>
            </div>
          </Form>
        </>
      )}
    </>
  )
}

type ProductValue = ReturnType<typeof defaultsOf>['products'][number]

function ProductSection(props: {
  field: FieldMetadata<ProductValue>
  product: ProviderProduct
  index: number
}) {
  const { product } = props
  const f = props.field.getFieldset()
  const gemeenten = f.gemeenten.getFieldList()
  const headingId = `product-${props.index}`
  return (
    <section aria-labelledby={headingId} className="portaal-card">
      <Heading2 id={headingId}>
        {product.name} ({product.code})
      </Heading2>
      <Paragraph>
        {product.perceel} · {product.region}
        <br />
        {product.reports[0] ? (
          <>
            Laatst bevestigd op {formatDate(new Date(product.reports[0].confirmedAt))}:{' '}
            {product.reports[0].freshness.label}
          </>
        ) : (
          'Nog niet ingevuld'
        )}
      </Paragraph>
      <FormErrors errors={props.field.errors} id={props.field.errorId} />
      <input {...getInputProps(f.productId, { type: 'hidden' })} key={f.productId.key} />
      <Fieldset>
        <FieldsetLegend>Werkgebied</FieldsetLegend>
        {gemeenten.map((gField, j) => {
          const g = gField.getFieldset()
          const info = product.gemeenten[j]!
          return (
            <div key={gField.key} className="portaal-werkgebied">
              <input {...getInputProps(g.gemeenteCode, { type: 'hidden' })} key={g.gemeenteCode.key} />
              <RadioGroupField
                field={g.dekking}
                legend={`Gemeente ${info.gemeenteName}`}
                options={COVERAGE_OPTIONS}
              />
              <TextareaField
                field={g.pc4s}
                rows={2}
                label={`Postcodegebieden in ${info.gemeenteName}`}
                optional
                description="Alleen als u niet in de hele gemeente werkt: de 4 cijfers van de postcodes, gescheiden door komma's of spaties, zoals 4001, 4002."
              />
              {info.elsewhere.length ? (
                <Alert type="warning">
                  <Paragraph>
                    Let op:{' '}
                    {info.elsewhere
                      .map(
                        (e) => `postcodegebied ${e.code} ligt volgens de postcodetabel in ${e.gemeenteName}`,
                      )
                      .join('; ')}
                    . Wij hebben het opgeslagen, omdat postcodegebieden over gemeentegrenzen kunnen lopen.
                  </Paragraph>
                </Alert>
              ) : null}
            </div>
          )
        })}
      </Fieldset>
      <Fieldset className="portaal-capaciteit">
        <FieldsetLegend>Capaciteit</FieldsetLegend>
        <RadioGroupField
          field={f.capacityFor}
          legend="Waarvoor geeft u de capaciteit op?"
          description="Hebt u meer vestigingen met elk een eigen wachtlijst? Kies dan per locatie."
          options={CAPACITY_FOR.map((c) => ({ value: c.value, label: c.label }))}
        />
        <div className="portaal-capaciteit-product">
          <RadioGroupField
            field={f.accepting}
            legend="Neemt u nieuwe cliënten aan?"
            options={ACCEPTING.map((a) => ({ value: a, label: ACCEPTING_LABELS[a] }))}
          />
          <TextField
            field={f.waitingWeeks}
            label="Verwachte wachttijd tot de start, in weken"
            description={`Een heel getal van 0 tot en met ${MAX_WAITING_WEEKS}. Vul 0 in als een cliënt direct kan starten.`}
            inputMode="numeric"
          />
          <TextField
            field={f.freePlaces}
            label="Aantal vrije plekken"
            optional
            description={`Een heel getal van 0 tot en met ${MAX_FREE_PLACES}.`}
            inputMode="numeric"
          />
        </div>
        <div className="portaal-capaciteit-locaties">
          <Paragraph>
            Alleen als u per locatie kiest. Lege regels slaan wij over; hebt u meer locaties, sla dan op en
            vul de nieuwe lege regels in.
          </Paragraph>
          {f.locations.getFieldList().map((lField, k) => (
            <LocationRow key={lField.key} field={lField} number={k + 1} productName={product.name} />
          ))}
        </div>
        <TextareaField
          field={f.remark}
          label="Korte toelichting"
          optional
          rows={2}
          description={`Hoogstens ${MAX_REMARK} tekens, bijvoorbeeld: "Wachttijd korter voor jongeren tot 12 jaar".`}
        />
      </Fieldset>
    </section>
  )
}

type LocationValue = ProductValue['locations'][number]

function LocationRow(props: { field: FieldMetadata<LocationValue>; number: number; productName: string }) {
  const l = props.field.getFieldset()
  return (
    <Fieldset className="portaal-locatie">
      <FieldsetLegend>
        Locatie {props.number}
        <span className="utrecht-visually-hidden"> voor {props.productName}</span>
      </FieldsetLegend>
      <TextField
        field={l.name}
        label="Naam of plaats van de locatie"
        description="Bijvoorbeeld: Vestiging Zeist."
      />
      <SelectField
        field={l.accepting}
        label="Neemt deze locatie nieuwe cliënten aan?"
        placeholder="Kies"
        options={ACCEPTING.map((a) => ({ value: a, label: ACCEPTING_LABELS[a] }))}
      />
      <TextField
        field={l.waitingWeeks}
        label="Verwachte wachttijd op deze locatie, in weken"
        description={`0 tot en met ${MAX_WAITING_WEEKS}.`}
        inputMode="numeric"
      />
      <TextField
        field={l.freePlaces}
        label="Vrije plekken op deze locatie"
        optional
        description={`0 tot en met ${MAX_FREE_PLACES}.`}
        inputMode="numeric"
      />
    </Fieldset>
  )
}
