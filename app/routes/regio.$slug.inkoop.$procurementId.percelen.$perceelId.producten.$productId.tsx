import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
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
} from '@utrecht/component-library-react'
import { FormErrors, TextField } from '~/components/form-field'
import { actorOf, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { formatEuro } from '~/domain/catalogue/rules'
import { tariffSchema } from '~/domain/catalogue/tariff-form'
import { addTariff, getProductTariffs, removeTariff } from '~/domain/catalogue/tariffs.server'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Tarieven van ${data?.product.code ?? ''} | Aanbiederspoort` },
]

function where(params: { procurementId?: string; perceelId?: string; productId?: string }) {
  return { procurementId: params.procurementId!, perceelId: params.perceelId!, productId: params.productId! }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  return { region, product: await getProductTariffs(region.id, where(params)) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const scope = { regionId: region.id, actor: actorOf(viewer, request) }
  const formData = await request.formData()
  const here = `/regio/${region.slug}/inkoop/${params.procurementId}/percelen/${params.perceelId}/producten/${params.productId}`
  if (formData.get('intent') === 'verwijderen') {
    const removed = await removeTariff(scope, where(params), String(formData.get('tariffId') ?? ''))
    if (!removed.ok) return data({ result: undefined, message: removed.message }, { status: 400 })
    return redirectWithFlash(request, here, 'Het tarief is verwijderd.')
  }
  const submission = parseWithZod(formData, { schema: tariffSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), message: null }, { status: 400 })
  const added = await addTariff(scope, where(params), submission.value)
  if (!added.ok) {
    const result = submission.reply(
      added.field ? { fieldErrors: { [added.field]: [added.message] } } : { formErrors: [added.message] },
    )
    return data({ result, message: null }, { status: 400 })
  }
  return redirectWithFlash(request, here, 'Het tarief is toegevoegd.')
}

export default function ProductTarieven() {
  const { region, product } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: tariffSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const perceelUrl = `/regio/${region.slug}/inkoop/${product.perceel.procurement.id}/percelen/${product.perceelId}`
  const published = product.perceel.procurement.status === 'gepubliceerd'
  return (
    <>
      <Paragraph>
        <Link href={`${perceelUrl}#producten`}>Terug naar perceel {product.perceel.name}</Link>
      </Paragraph>
      <Heading1>
        Tarieven van {product.code} {product.name}
      </Heading1>
      {published ? (
        <Paragraph>
          Dit inkooptraject is gepubliceerd. Een nieuw of verwijderd tarief wordt meteen als wijziging
          gepubliceerd en gemaild aan wie het traject volgt.
        </Paragraph>
      ) : null}
      {actionData?.message ? <Alert type="error">{actionData.message}</Alert> : null}
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption>Tariefperiodes</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Tarief</TableHeaderCell>
              <TableHeaderCell scope="col">Geldig vanaf</TableHeaderCell>
              <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
              <TableHeaderCell scope="col">Indexatie</TableHeaderCell>
              <TableHeaderCell scope="col">Actie</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {product.tariffs.map((t) => (
              <TableRow key={t.id}>
                <TableCell>{formatEuro(t.amountCents)}</TableCell>
                <TableCell>{formatDate(new Date(t.validFrom))}</TableCell>
                <TableCell>{t.validUntil ? formatDate(new Date(t.validUntil)) : 'geen einddatum'}</TableCell>
                <TableCell>{t.indexation || '—'}</TableCell>
                <TableCell>
                  <Form method="post" className="portaal-inline-form">
                    <input type="hidden" name="intent" value="verwijderen" />
                    <input type="hidden" name="tariffId" value={t.id} />
                    <Button type="submit" appearance="subtle-button">
                      Verwijder
                      <span className="portaal-visually-hidden">
                        {' '}
                        tarief vanaf {formatDate(new Date(t.validFrom))}
                      </span>
                    </Button>
                  </Form>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Heading2>Tarief toevoegen</Heading2>
      <Paragraph>
        Voor een geïndexeerd tarief: vul het nieuwe bedrag en de ingangsdatum in. Het lopende tarief zonder
        einddatum stopt dan de dag ervoor.
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.tariff} label="Tarief in euro" description="Zoals 62,50" />
        <TextField field={fields.validFrom} label="Geldig vanaf" type="date" />
        <TextField field={fields.validUntil} label="Geldig tot en met" type="date" optional />
        <TextField
          field={fields.indexation}
          label="Indexatie"
          optional
          description="Bijvoorbeeld: jaarlijks met de OVA-index"
        />
        <div>
          <Button type="submit" appearance="primary-action-button">
            Tarief toevoegen
          </Button>
        </div>
      </Form>
    </>
  )
}
