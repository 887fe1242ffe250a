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
import { requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { requirementsOverview } from '~/domain/evidence/evidence.server'
import { now } from '~/utils/clock'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Eisen per perceel | Aanbiederspoort' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisationId } = await requireCurrentOrganisation(request)
  return { percelen: await requirementsOverview(organisationId, now()) }
}

function requirementText(r: {
  typeName: string
  validUntilAtLeast: Date | null
  issuedWithinMonths: number | null
}) {
  const parts = [r.typeName]
  if (r.validUntilAtLeast) parts.push(`geldig tot ten minste ${formatDate(r.validUntilAtLeast)}`)
  if (r.issuedWithinMonths !== null) parts.push(`afgegeven in de laatste ${r.issuedWithinMonths} maanden`)
  return parts.join(', ')
}

export default function EisenPerPerceel() {
  const { percelen } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Eisen per perceel</Heading1>
      <Paragraph>
        Per gepubliceerd perceel ziet u welke bewijsstukken gevraagd worden en welke van uw bewijsstukken
        daaraan voldoen. Wat ontbreekt staat erbij.
      </Paragraph>
      {percelen.length === 0 ? (
        <Paragraph>Er zijn nog geen gepubliceerde percelen die bewijsstukken vragen.</Paragraph>
      ) : (
        percelen.map((p) => (
          <section key={p.perceelId} aria-labelledby={`perceel-${p.perceelId}`}>
            <Heading2 id={`perceel-${p.perceelId}`}>
              {p.perceelName} ({p.regionName})
            </Heading2>
            <Paragraph>
              {p.procurementName}.{' '}
              {p.gaps === 0
                ? 'U levert alles wat gevraagd wordt.'
                : `Er ${p.gaps === 1 ? 'ontbreekt 1 bewijsstuk' : `ontbreken ${p.gaps} bewijsstukken`}.`}
            </Paragraph>
            <div className="portaal-table-wrap">
              <Table>
                <TableCaption className="portaal-visually-hidden">Eisen voor {p.perceelName}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Gevraagd</TableHeaderCell>
                    <TableHeaderCell scope="col">Aangeleverd</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {p.rows.map((r) => (
                    <TableRow key={r.requiredEvidenceId}>
                      <TableCell>{requirementText(r)}</TableCell>
                      <TableCell>
                        {r.match ? (
                          <>
                            Voldoet:{' '}
                            <Link href={`/aanbieder/bewijsstukken/${r.match.id}`}>{r.match.label}</Link>
                          </>
                        ) : (
                          <>
                            Ontbreekt: {r.gap}{' '}
                            <Link href={`/aanbieder/bewijsstukken/nieuw?soort=${r.typeId}`}>Toevoegen</Link>
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
        ))
      )}
      <Paragraph>
        <Link href="/aanbieder/bewijsstukken">Terug naar de bewijsstukken</Link>
      </Paragraph>
    </>
  )
}
