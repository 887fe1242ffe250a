import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import {
  Button,
  FormField,
  FormLabel,
  Heading1,
  Link,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { ObligationStatus } from '~/components/obligation-status'
import { notFound, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { getCompliance } from '~/domain/contracts/compliance.server'
import { findRegionPerceel } from '~/domain/contracts/contracts.server'
import { STATUS_LABELS } from '~/domain/contracts/recurrence'
import { readComplianceFilters, STATUS_OPTIONS } from '~/domain/contracts/compliance-filters'
import { formatShortDate } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Naleving ${data?.perceel.name ?? ''} | Aanbiederspoort` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper', 'contractmanager'])
  const perceel = await findRegionPerceel(region.id, params.perceelId!)
  if (!perceel?.contract) notFound()
  const url = new URL(request.url)
  const filters = readComplianceFilters(url)
  const overview = await getCompliance(perceel.id, filters)
  return {
    region,
    perceel: { id: perceel.id, name: perceel.name },
    filters,
    query: url.search,
    columns: overview.columns,
    providers: overview.providers,
    counts: overview.counts,
    organisations: overview.organisations,
    years: overview.years,
  }
}

export default function Naleving() {
  const { region, perceel, filters, query, columns, providers, counts, organisations, years } =
    useLoaderData<typeof loader>()
  const base = `/regio/${region.slug}/contracten/${perceel.id}`
  return (
    <>
      <Paragraph>
        <Link href={base}>Terug naar contract {perceel.name}</Link>
      </Paragraph>
      <Heading1>Naleving {perceel.name}</Heading1>
      <Paragraph>
        Per aanbieder en per verplichting de stand van zaken in {filters.year}. "Te laat" betekent: de
        uiterste datum is voorbij en de aanbieder heeft nog niets (goeds) ingediend.
      </Paragraph>
      <Paragraph>
        {STATUS_OPTIONS.filter((s) => counts[s])
          .map((s) => `${STATUS_LABELS[s]}: ${counts[s]}`)
          .join(' · ') || 'Nog geen verplichtingen in dit jaar.'}
      </Paragraph>
      <Form method="get" className="portaal-filters">
        <FormField>
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="filter-jaar">Jaar</FormLabel>
          </div>
          <div className="utrecht-form-field__input">
            <Select id="filter-jaar" name="jaar" defaultValue={String(filters.year)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </div>
        </FormField>
        <FormField>
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="filter-status">Status</FormLabel>
          </div>
          <div className="utrecht-form-field__input">
            <Select id="filter-status" name="status" defaultValue={filters.status ?? ''}>
              <option value="">Alle statussen</option>
              {STATUS_OPTIONS.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </div>
        </FormField>
        <FormField>
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="filter-aanbieder">Aanbieder</FormLabel>
          </div>
          <div className="utrecht-form-field__input">
            <Select id="filter-aanbieder" name="aanbieder" defaultValue={filters.organisationId ?? ''}>
              <option value="">Alle aanbieders</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </div>
        </FormField>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            Filteren
          </Button>
        </div>
      </Form>
      <Paragraph>
        <Link href={`${base}/naleving.csv${query}`} download>
          Download als CSV (voor Excel)
        </Link>
      </Paragraph>
      {providers.length === 0 ? (
        <Paragraph>Geen aanbieders met verplichtingen die bij deze filters passen.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table className="portaal-matrix">
            <TableCaption>
              Aanbieders (rijen) en verplichtingen met hun uiterste datum (kolommen), {filters.year}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                {columns.map((c) => (
                  <TableHeaderCell scope="col" key={c.key}>
                    {c.title}
                    <br />
                    {formatShortDate(new Date(c.dueDate))}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {providers.map((p) => (
                <TableRow key={p.id}>
                  <TableHeaderCell scope="row">{p.name}</TableHeaderCell>
                  {p.cells.map((cell, i) => (
                    <TableCell key={columns[i]!.key}>
                      {cell ? (
                        <Link
                          href={`/regio/${region.slug}/contracten/verplichting/${cell.id}`}
                          aria-label={`${p.name}, ${columns[i]!.title} ${formatShortDate(new Date(columns[i]!.dueDate))}: ${STATUS_LABELS[cell.status]}`}
                        >
                          <ObligationStatus status={cell.status} />
                        </Link>
                      ) : (
                        <span>
                          –<span className="portaal-visually-hidden">geen</span>
                        </span>
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  )
}
