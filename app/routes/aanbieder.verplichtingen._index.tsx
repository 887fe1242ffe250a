import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
  Heading1,
  Heading2,
  Heading3,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { ObligationStatus } from '~/components/obligation-status'
import { requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { getProviderOverview } from '~/domain/contracts/provider.server'
import type { DisplayStatus } from '~/domain/contracts/recurrence'
import { formatEuro } from '~/domain/catalogue/rules'
import { unitName } from '~/domain/catalogue/product-categories'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Mijn verplichtingen | Aanbiederspoort' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership, organisationId } = await requireCurrentOrganisation(request)
  const overview = await getProviderOverview(organisationId)
  return { organisation: { name: membership.name }, ...overview }
}

const ADMISSION_STATUS: Record<string, string> = {
  actief: 'Actief',
  geschorst: 'Geschorst',
  beeindigd: 'Beëindigd',
  afgelopen: 'Afgelopen',
}

type Row = {
  id: string
  title: string
  dueDate: string | Date
  status: DisplayStatus
  perceel: string
  region: string
}

function ObligationTable({ rows, caption }: { rows: Row[]; caption: string }) {
  if (rows.length === 0) return <Paragraph>Geen.</Paragraph>
  return (
    <div className="portaal-table-wrap">
      <Table>
        <caption className="portaal-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Verplichting</TableHeaderCell>
            <TableHeaderCell scope="col">Perceel</TableHeaderCell>
            <TableHeaderCell scope="col">Uiterste datum</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell>
                <Link href={`/aanbieder/verplichtingen/${r.id}`}>{r.title}</Link>
              </TableCell>
              <TableCell>
                {r.perceel} ({r.region})
              </TableCell>
              <TableCell>{formatDate(new Date(r.dueDate))}</TableCell>
              <TableCell>
                <ObligationStatus status={r.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}

export default function MijnVerplichtingen() {
  const { organisation, contracts, tariffs, late, dueSoon, later, submitted, accepted } =
    useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Mijn verplichtingen</Heading1>
      <Paragraph>
        De contracten van {organisation.name} in alle regio's, de tarieven en wat u wanneer moet doen.
      </Paragraph>

      <Heading2>Te laat ({late.length})</Heading2>
      <ObligationTable rows={late} caption="Verplichtingen die te laat zijn" />
      <Heading2>In de komende 30 dagen ({dueSoon.length})</Heading2>
      <ObligationTable rows={dueSoon} caption="Verplichtingen in de komende 30 dagen" />
      <Heading2>Ingediend, wacht op beoordeling ({submitted.length})</Heading2>
      <ObligationTable rows={submitted} caption="Ingediende verplichtingen" />
      <Heading2>Later ({later.length})</Heading2>
      <ObligationTable rows={later} caption="Verplichtingen na de komende 30 dagen" />
      <Heading2>Geaccepteerd</Heading2>
      <ObligationTable rows={accepted} caption="Geaccepteerde verplichtingen" />

      <Heading2>Mijn contracten</Heading2>
      {contracts.length === 0 ? (
        <Paragraph>Uw organisatie is nog niet toegelaten tot een perceel.</Paragraph>
      ) : (
        contracts.map((c) => (
          <section key={c.perceelId} className="portaal-card" aria-labelledby={`contract-${c.perceelId}`}>
            <Heading3 id={`contract-${c.perceelId}`}>
              {c.perceel} ({c.region})
            </Heading3>
            <Paragraph>
              {c.procurement}. Status: {ADMISSION_STATUS[c.status] ?? c.status}.
            </Paragraph>
            <Paragraph>Gemeenten: {c.gemeenten.join(', ')}</Paragraph>
            {c.contract ? (
              <>
                <Paragraph>
                  Looptijd: {formatDate(new Date(c.contract.startDate))} tot en met{' '}
                  <strong>{formatDate(new Date(c.contract.endDate))}</strong>
                  {c.contract.maxEndDate
                    ? ` (met alle verlengingen uiterlijk tot en met ${formatDate(new Date(c.contract.maxEndDate))})`
                    : ''}
                </Paragraph>
                {c.contract.extensions.length > 0 ? (
                  <ul>
                    {c.contract.extensions.map((e) => (
                      <li key={e.id}>
                        {e.label}: tot en met {formatDate(new Date(e.newEndDate))},{' '}
                        {e.decision === 'verlengd'
                          ? 'verlengd'
                          : e.decision === 'niet_verlengd'
                            ? 'niet verlengd'
                            : `besluit uiterlijk ${formatDate(new Date(e.decideBy))}`}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <Paragraph>De gemeente heeft de looptijd nog niet vastgelegd.</Paragraph>
            )}
          </section>
        ))
      )}

      <Heading2>Tarieven</Heading2>
      {tariffs.length === 0 ? (
        <Paragraph>Geen tarieven: u bent nog niet toegelaten tot een product.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Perceel</TableHeaderCell>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Tarief</TableHeaderCell>
                <TableHeaderCell scope="col">Eenheid</TableHeaderCell>
                <TableHeaderCell scope="col">Geldig</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tariffs.flatMap((t) =>
                (t.product.tariffs.length > 0 ? t.product.tariffs : [null]).map((tariff, i) => (
                  <TableRow key={`${t.product.id}-${tariff?.id ?? i}`}>
                    <TableCell>{t.perceel}</TableCell>
                    <TableCell>
                      {t.product.code} {t.product.name}
                    </TableCell>
                    <TableCell>{tariff ? formatEuro(tariff.amountCents) : 'Nog niet vastgesteld'}</TableCell>
                    <TableCell>{unitName(t.product.unit)}</TableCell>
                    <TableCell>
                      {tariff
                        ? `${formatDate(new Date(tariff.validFrom))} ${
                            tariff.validUntil
                              ? `tot en met ${formatDate(new Date(tariff.validUntil))}`
                              : 'en later'
                          }`
                        : '–'}
                    </TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  )
}
