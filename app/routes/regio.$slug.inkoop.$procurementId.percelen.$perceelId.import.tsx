import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import {
  Alert,
  Button,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { actorOf, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { existingProductCodes, getPerceelForBuyer, importProducts } from '~/domain/catalogue/catalogue.server'
import { isLaw } from '~/domain/catalogue/product-categories'
import { CSV_COLUMNS, productLawError, readProductCsv, savedMessage } from '~/domain/catalogue/rules'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Producten inlezen uit CSV | Aanbiederspoort' }]

const MAX_BYTES = 1_000_000
const EXAMPLE = `${CSV_COLUMNS.join(';')}
jeugd;45;45A01;Ambulante behandeling licht;04;licht;95,50;01-01-2026;31-12-2026;jaarlijks OVA
jeugd;45;45A01;Ambulante behandeling licht;04;licht;98,20;01-01-2027;;jaarlijks OVA`

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const { perceel } = await getPerceelForBuyer(region.id, params.procurementId!, params.perceelId!)
  return { region, perceel: { id: perceel.id, name: perceel.name, procurement: perceel.procurement } }
}

type Preview = {
  csv: string
  headerError: string | null
  rows: { line: number; code: string; name: string; tariff: string; errors: string[] }[]
  errorCount: number
  /** Distinct product codes: rows with the same code are tariff periods of one product. */
  productCount: number
}

async function readCsvText(formData: FormData): Promise<string | { error: string }> {
  const file = formData.get('file')
  if (file && typeof file !== 'string' && file.size > 0) {
    if (file.size > MAX_BYTES)
      return { error: 'Het bestand is groter dan 1 MB. Splits het in kleinere bestanden.' }
    return await file.text()
  }
  const text = String(formData.get('csv') ?? '')
  if (text.length > MAX_BYTES) return { error: 'De tekst is groter dan 1 MB. Splits de lijst op.' }
  if (text.trim() === '') return { error: 'Kies een CSV-bestand of plak de regels in het tekstvak.' }
  return text
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const procurementId = params.procurementId!
  const perceelId = params.perceelId!
  const { perceel } = await getPerceelForBuyer(region.id, procurementId, perceelId)
  const formData = await request.formData()
  const text = await readCsvText(formData)
  if (typeof text !== 'string') return data({ error: text.error, preview: null }, { status: 400 })

  const parsed = readProductCsv(text)
  const existing = await existingProductCodes(perceelId)
  const rows = parsed.rows.map((r) => {
    const errors = [...r.errors]
    // An unknown law is already reported by readProductCsv.
    const law = r.input.law.trim().toLowerCase()
    const lawError = isLaw(law) ? productLawError(law, perceel.procurement.laws) : null
    if (lawError) errors.push(lawError)
    const code = r.input.code.trim()
    if (code && existing.has(code)) errors.push(`Productcode ${code} bestaat al in dit perceel`)
    return { ...r, errors }
  })
  const errorCount = rows.filter((r) => r.errors.length > 0).length
  const preview: Preview = {
    csv: text,
    headerError: parsed.headerError,
    rows: rows.map((r) => ({
      line: r.line,
      code: r.input.code,
      name: r.input.name,
      tariff: r.input.tariff,
      errors: r.errors,
    })),
    errorCount,
    productCount: new Set(rows.map((r) => r.input.code.trim())).size,
  }
  const valid = !parsed.headerError && errorCount === 0
  if (formData.get('intent') === 'bevestigen' && valid) {
    const result = await importProducts(
      { regionId: region.id, actor: actorOf(viewer, request) },
      procurementId,
      perceelId,
      rows.map((r) => r.value!),
    )
    if (!result.ok) return data({ error: result.message, preview }, { status: 400 })
    return redirectWithFlash(
      request,
      `/regio/${region.slug}/inkoop/${procurementId}/percelen/${perceelId}#producten`,
      savedMessage(`${result.count} producten met hun tarieven zijn ingelezen.`, result.published),
    )
  }
  return data({ error: null, preview }, { status: valid ? 200 : 400 })
}

export default function ProductenImporteren() {
  const { region, perceel } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const preview = actionData?.preview
  const back = `/regio/${region.slug}/inkoop/${perceel.procurement.id}/percelen/${perceel.id}`
  const valid = preview && !preview.headerError && preview.errorCount === 0
  return (
    <>
      <Paragraph>
        <Link href={back}>Terug naar perceel {perceel.name}</Link>
      </Paragraph>
      <Heading1>Producten inlezen uit CSV</Heading1>
      <Paragraph>
        Lees producten met hun tarieven in voor perceel {perceel.name}. U ziet eerst een voorbeeld met de
        fouten per regel. Er wordt pas iets opgeslagen als u bevestigt, en alleen als alle regels kloppen.
      </Paragraph>
      <Paragraph>
        De eerste regel noemt de kolommen, gescheiden door puntkomma&apos;s: {CSV_COLUMNS.join(', ')}.
        Bedragen in euro met een komma (62,50), datums als 01-01-2026. Intensiteit, geldig_tot en indexatie
        mogen leeg blijven. Heeft een product meer tarieven, zet dan elk tarief op een eigen regel met
        dezelfde productcode en dezelfde productgegevens, met perioden die elkaar niet overlappen. Zo ziet ook
        de download eruit, dus een gedownloade lijst kunt u in een ander perceel weer inlezen.
      </Paragraph>
      <pre className="portaal-code">{EXAMPLE}</pre>

      {actionData?.error ? <Alert type="error">{actionData.error}</Alert> : null}

      {preview ? (
        <>
          <Heading2>Voorbeeld</Heading2>
          {preview.headerError ? <Alert type="error">{preview.headerError}</Alert> : null}
          {preview.errorCount > 0 ? (
            <Alert type="error">
              {preview.errorCount === 1 ? '1 regel bevat' : `${preview.errorCount} regels bevatten`} fouten.
              Er is niets opgeslagen. Verbeter het bestand en lees het opnieuw in.
            </Alert>
          ) : null}
          {valid ? (
            <Alert type="ok">
              Alle {preview.rows.length} regels zijn in orde. Bevestig om ze op te slaan.
            </Alert>
          ) : null}
          {preview.rows.length > 0 ? (
            <div className="portaal-table-wrap">
              <Table>
                <TableCaption>Regels uit het bestand</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Regel</TableHeaderCell>
                    <TableHeaderCell scope="col">Productcode</TableHeaderCell>
                    <TableHeaderCell scope="col">Naam</TableHeaderCell>
                    <TableHeaderCell scope="col">Tarief</TableHeaderCell>
                    <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {preview.rows.map((r) => (
                    <TableRow key={r.line}>
                      <TableCell>{r.line}</TableCell>
                      <TableCell>{r.code}</TableCell>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>{r.tariff}</TableCell>
                      <TableCell>
                        {r.errors.length === 0 ? (
                          'In orde'
                        ) : (
                          <UnorderedList>
                            {r.errors.map((e) => (
                              <UnorderedListItem key={e}>Fout: {e}</UnorderedListItem>
                            ))}
                          </UnorderedList>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
          {valid ? (
            <Form method="post">
              <input type="hidden" name="intent" value="bevestigen" />
              <input type="hidden" name="csv" value={preview.csv} />
              <Button
                type="submit"
                appearance="primary-action-button"
                busy={navigation.state === 'submitting'}
              >
                {`Bevestig en sla ${preview.productCount} producten${preview.productCount === preview.rows.length ? '' : ` met ${preview.rows.length} tarieven`} op`}
              </Button>
            </Form>
          ) : null}
        </>
      ) : null}

      <Heading2>{preview ? 'Opnieuw inlezen' : 'Bestand of tekst kiezen'}</Heading2>
      <Form method="post" encType="multipart/form-data" className="portaal-form">
        <input type="hidden" name="intent" value="voorbeeld" />
        <div className="utrecht-form-field utrecht-form-field--text">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="csv-file">
              CSV-bestand (niet verplicht)
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <input id="csv-file" name="file" type="file" accept=".csv,text/csv" className="utrecht-textbox" />
          </div>
        </div>
        <div className="utrecht-form-field utrecht-form-field--text">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="csv-text">
              Of plak de regels hier (niet verplicht)
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <textarea
              id="csv-text"
              name="csv"
              rows={8}
              className="utrecht-textarea utrecht-textarea--html-textarea"
              defaultValue={preview && !valid ? preview.csv : ''}
            />
          </div>
        </div>
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={navigation.state === 'submitting'}>
            Controleren
          </Button>
        </div>
      </Form>
    </>
  )
}
