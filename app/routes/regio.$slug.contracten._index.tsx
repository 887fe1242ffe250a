import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
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
import { listRegionPercelen } from '~/domain/contracts/contracts.server'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Contracten | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper', 'contractmanager'])
  const percelen = await listRegionPercelen(region.id)
  return { region, percelen }
}

export default function ContractenIndex() {
  const { region, percelen } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Contracten van {region.name}</Heading1>
      <Paragraph>
        Per perceel legt u de looptijd, de verlengingsopties en de verplichtingen van de aanbieders vast. In
        het nalevingsoverzicht ziet u wie achterloopt.
      </Paragraph>
      {percelen.length === 0 ? (
        <Paragraph>Deze regio heeft nog geen percelen.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Perceel</TableHeaderCell>
                <TableHeaderCell scope="col">Inkooptraject</TableHeaderCell>
                <TableHeaderCell scope="col">Looptijd</TableHeaderCell>
                <TableHeaderCell scope="col">Verplichtingen</TableHeaderCell>
                <TableHeaderCell scope="col">Actieve toelatingen</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {percelen.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <Link href={`/regio/${region.slug}/contracten/${p.id}`}>{p.name}</Link>
                  </TableCell>
                  <TableCell>{p.procurement.name}</TableCell>
                  <TableCell>
                    {p.contract
                      ? `${formatDate(new Date(p.contract.startDate))} tot en met ${formatDate(new Date(p.contract.endDate))}`
                      : 'Nog niet vastgelegd'}
                  </TableCell>
                  <TableCell>{p.contract ? p.contract._count.templates : '–'}</TableCell>
                  <TableCell>{p._count.admissions}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  )
}
