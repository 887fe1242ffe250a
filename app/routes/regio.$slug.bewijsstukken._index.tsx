import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
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
import { requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { regionEvidenceLists } from '~/domain/evidence/evidence.server'
import { evidenceStatus } from '~/domain/evidence/rules'
import { REGION_EVIDENCE_ROLES } from '~/domain/evidence/roles'
import { now } from '~/utils/clock'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Bewijsstukken controleren | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, REGION_EVIDENCE_ROLES.view)
  const today = now()
  const lists = await regionEvidenceLists(region.id, today)
  const present = (i: (typeof lists.awaiting)[number]) => ({
    id: i.id,
    typeName: i.type.name,
    organisationName: i.organisation.name,
    issuer: i.issuer,
    validUntil: i.validUntil,
    createdAt: i.createdAt,
    status: evidenceStatus(i, today).label,
  })
  return { region, awaiting: lists.awaiting.map(present), expiring: lists.expiring.map(present) }
}

function ItemTable(props: {
  caption: string
  slug: string
  items: {
    id: string
    typeName: string
    organisationName: string
    issuer: string
    validUntil: Date | null
    createdAt: Date
    status: string
  }[]
  dateLabel: string
  date: (i: { validUntil: Date | null; createdAt: Date }) => string
}) {
  return (
    <div className="portaal-table-wrap">
      <Table>
        <TableCaption className="portaal-visually-hidden">{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
            <TableHeaderCell scope="col">Bewijsstuk</TableHeaderCell>
            <TableHeaderCell scope="col">{props.dateLabel}</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.items.map((i) => (
            <TableRow key={i.id}>
              <TableCell>{i.organisationName}</TableCell>
              <TableCell>
                <Link href={`/regio/${props.slug}/bewijsstukken/${i.id}`}>
                  {i.typeName} ({i.issuer})
                </Link>
              </TableCell>
              <TableCell>{props.date(i)}</TableCell>
              <TableCell>{i.status}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}

export default function RegioBewijsstukken() {
  const { region, awaiting, expiring } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Bewijsstukken van aanbieders in {region.name}</Heading1>
      <Paragraph>
        Bewijsstukken van aanbieders met een toetreding of toelating in uw regio. Open een bewijsstuk om het
        bestand te bekijken en het goed of af te keuren.
      </Paragraph>
      <Heading2>Wacht op controle ({awaiting.length})</Heading2>
      {awaiting.length === 0 ? (
        <Paragraph>Er wacht niets op controle.</Paragraph>
      ) : (
        <ItemTable
          caption="Wacht op controle"
          slug={region.slug}
          items={awaiting}
          dateLabel="Toegevoegd op"
          date={(i) => formatDate(i.createdAt)}
        />
      )}
      <Heading2>Verloopt binnen 90 dagen ({expiring.length})</Heading2>
      {expiring.length === 0 ? (
        <Paragraph>Er verloopt de komende 90 dagen niets.</Paragraph>
      ) : (
        <ItemTable
          caption="Verloopt binnen 90 dagen"
          slug={region.slug}
          items={expiring}
          dateLabel="Geldig tot en met"
          date={(i) => (i.validUntil ? formatDate(i.validUntil) : '')}
        />
      )}
    </>
  )
}
