import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
  Alert,
  ButtonLink,
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
import { requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { listCurrentEvidence } from '~/domain/evidence/evidence.server'
import { evidenceStatus, professionalCountsLabel } from '~/domain/evidence/rules'
import { now } from '~/utils/clock'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Bewijsstukken | Aanbiederspoort' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisationId, membership } = await requireCurrentOrganisation(request)
  const today = now()
  const items = await listCurrentEvidence(organisationId)
  return {
    organisationName: membership.name,
    items: items.map((i) => ({
      id: i.id,
      typeName: i.type.name,
      issuer: i.issuer,
      number: i.number,
      validFrom: i.validFrom,
      validUntil: i.validUntil,
      counts: professionalCountsLabel(i.professionalsTotal, i.professionalsRegistered),
      files: i.files.length,
      status: evidenceStatus(i, today),
    })),
  }
}

export default function Bewijsstukken() {
  const { organisationName, items } = useLoaderData<typeof loader>()
  const attention = items.filter(
    (i) =>
      i.status.validity === 'verlopen' ||
      i.status.validity === 'verloopt_binnenkort' ||
      i.status.verification === 'afgekeurd',
  )
  return (
    <>
      <Heading1>Bewijsstukken van {organisationName}</Heading1>
      <Paragraph>
        Uw kwaliteitsbewijzen staan hier één keer. Elke regio en elk perceel gebruikt dezelfde bewijsstukken.
      </Paragraph>
      <Paragraph>
        <ButtonLink href="/aanbieder/bewijsstukken/nieuw" appearance="primary-action-button">
          Bewijsstuk toevoegen
        </ButtonLink>{' '}
        <ButtonLink href="/aanbieder/bewijsstukken/eisen" appearance="secondary-action-button">
          Eisen per perceel
        </ButtonLink>
      </Paragraph>
      {attention.length > 0 ? (
        <Alert type="warning">
          <Heading2>Let op</Heading2>
          <ul>
            {attention.map((i) => (
              <li key={i.id}>
                {i.typeName}: {i.status.label}.{' '}
                <Link href={`/aanbieder/bewijsstukken/${i.id}/vervangen`}>Nieuwe versie toevoegen</Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <Paragraph>U hebt nog geen bewijsstukken toegevoegd.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableCaption>Huidige bewijsstukken</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col">Afgegeven door</TableHeaderCell>
                <TableHeaderCell scope="col">Geldig</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((i) => (
                <TableRow key={i.id}>
                  <TableCell>
                    <Link href={`/aanbieder/bewijsstukken/${i.id}`}>{i.typeName}</Link>
                  </TableCell>
                  <TableCell>
                    {i.issuer}
                    {i.number ? ` (${i.number})` : ''}
                    {i.counts ? (
                      <>
                        <br />
                        {i.counts}
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    {formatDate(i.validFrom)}
                    {i.validUntil ? ` tot en met ${formatDate(i.validUntil)}` : ' (geen einddatum)'}
                  </TableCell>
                  <TableCell>{i.status.label}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  )
}
