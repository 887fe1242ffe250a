import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import {
  Button,
  ButtonLink,
  Heading1,
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
import { StatusText } from '~/components/admissions'
import { requireRegionStaff } from '~/domain/admissions/guards.server'
import { buyerAdmissions } from '~/domain/admissions/queries.server'
import { admissionStateLabel } from '~/domain/admissions/state'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Toelatingen | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region, membership } = await requireRegionStaff(request, params.slug, [
    'inkoper',
    'contractmanager',
  ])
  const perceelId = new URL(request.url).searchParams.get('perceel') || undefined
  const result = await buyerAdmissions(region.id, perceelId)
  return { region, ...result, perceelId: perceelId ?? '', mayAward: membership.roles.includes('inkoper') }
}

export default function Toelatingen() {
  const { region, percelen, rows, perceelId, mayAward } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Toelatingen</Heading1>
      <Paragraph>
        Wie in {region.name} welke producten mag leveren, per gemeente. Open house en gegunde aanbestedingen
        staan samen in dit overzicht.
      </Paragraph>
      {mayAward ? (
        <Paragraph>
          <ButtonLink appearance="secondary-action-button" href={`/regio/${region.slug}/toelatingen/gunning`}>
            Gunning vastleggen
          </ButtonLink>
        </Paragraph>
      ) : null}
      <Form method="get" className="portaal-form portaal-filter">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="perceel">
            Perceel
          </label>
          <select
            className="utrecht-select utrecht-select--html-select"
            id="perceel"
            name="perceel"
            defaultValue={perceelId}
          >
            <option value="">Alle percelen</option>
            {percelen.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            Filteren
          </Button>
        </div>
      </Form>
      {rows.length === 0 ? (
        <Paragraph>Er zijn geen toelatingen.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableCaption>Toelatingen ({rows.length})</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                <TableHeaderCell scope="col">Perceel</TableHeaderCell>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Sinds</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <Link href={`/regio/${region.slug}/toelatingen/${a.id}`}>{a.organisation.name}</Link>
                  </TableCell>
                  <TableCell>
                    {a.perceel.name}
                    {a.source === 'gunning' ? ' (gegund)' : ''}
                  </TableCell>
                  <TableCell>
                    {a.product.code} {a.product.name}
                  </TableCell>
                  <TableCell>{a.gemeente.name}</TableCell>
                  <TableCell>
                    <StatusText>{admissionStateLabel(a.status)}</StatusText>
                    {a.atRisk ? ' Let op: bewijsstuk verlopen' : ''}
                  </TableCell>
                  <TableCell>{formatDate(new Date(a.since))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  )
}
