import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
  ButtonLink,
  Heading1,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { listProcurements } from '~/domain/catalogue/catalogue.server'
import { lawsLabel } from '~/domain/catalogue/product-categories'
import { PROCUREMENT_STATUS_LABELS } from '~/domain/catalogue/rules'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Inkooptrajecten | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const procurements = await listProcurements(region.id)
  return { region, procurements }
}

export default function InkoopIndex() {
  const { region, procurements } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Inkooptrajecten van {region.name}</Heading1>
      <Paragraph>
        <ButtonLink href={`/regio/${region.slug}/inkoop/nieuw`} appearance="primary-action-button">
          Nieuw inkooptraject
        </ButtonLink>
      </Paragraph>
      {procurements.length === 0 ? (
        <Paragraph>Deze regio heeft nog geen inkooptrajecten.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Wetten</TableHeaderCell>
                <TableHeaderCell scope="col">Contractperiode</TableHeaderCell>
                <TableHeaderCell scope="col">Percelen</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {procurements.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <Link href={`/regio/${region.slug}/inkoop/${p.id}`}>{p.name}</Link>
                  </TableCell>
                  <TableCell>{lawsLabel(p.laws)}</TableCell>
                  <TableCell>
                    {formatDate(new Date(p.contractStart))} tot en met {formatDate(new Date(p.contractEnd))}
                  </TableCell>
                  <TableCell>{p._count.percelen}</TableCell>
                  <TableCell>
                    {PROCUREMENT_STATUS_LABELS[p.status] ?? p.status}
                    {p.version > 0 ? ` (versie ${p.version})` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  )
}
