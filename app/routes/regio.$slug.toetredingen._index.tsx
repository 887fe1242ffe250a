import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import {
  Button,
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
import { buyerQueue } from '~/domain/admissions/queries.server'
import { entryStateLabel } from '~/domain/admissions/state'
import { formatDate, formatDateTime, formatShortDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Toetredingen beoordelen | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionStaff(request, params.slug, ['inkoper'])
  const url = new URL(request.url)
  const perceelId = url.searchParams.get('perceel') || undefined
  const momentId = url.searchParams.get('moment') || undefined
  const all = url.searchParams.get('alle') === '1'
  const page = Number(url.searchParams.get('pagina') ?? '1') || 1
  const queue = await buyerQueue(region.id, { perceelId, momentId, all, page })
  return { region, ...queue, filter: { perceelId: perceelId ?? '', momentId: momentId ?? '', all } }
}

/** The queue's address with the current filters and another page. */
function pageHref(slug: string, filter: { perceelId: string; momentId: string; all: boolean }, page: number) {
  const params = new URLSearchParams()
  if (filter.perceelId) params.set('perceel', filter.perceelId)
  if (filter.momentId) params.set('moment', filter.momentId)
  if (filter.all) params.set('alle', '1')
  if (page > 1) params.set('pagina', String(page))
  const query = params.toString()
  return `/regio/${slug}/toetredingen${query ? `?${query}` : ''}`
}

export default function Wachtrij() {
  const { region, percelen, entries, filter, total, overdueTotal, page, pageCount, pageSize } =
    useLoaderData<typeof loader>()
  const moments = percelen.find((p) => p.id === filter.perceelId)?.registrationMoments ?? []
  const first = (page - 1) * pageSize + 1
  return (
    <>
      <Heading1>Toetredingen beoordelen</Heading1>
      <Paragraph>
        Toetredingen tot de open-house-percelen van {region.name}, de eerste uiterste besluitdatum bovenaan.{' '}
        <Link href={`/regio/${region.slug}/toelatingen`}>Naar de toelatingen</Link>
      </Paragraph>
      <Form method="get" className="portaal-form portaal-filter">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="perceel">
            Perceel
          </label>
          <select
            className="utrecht-select utrecht-select--html-select"
            id="perceel"
            name="perceel"
            defaultValue={filter.perceelId}
          >
            <option value="">Alle percelen</option>
            {percelen.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {moments.length ? (
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="moment">
              Registratiemoment
            </label>
            <select
              className="utrecht-select utrecht-select--html-select"
              id="moment"
              name="moment"
              defaultValue={filter.momentId}
            >
              <option value="">Alle registratiemomenten</option>
              {moments.map((m) => (
                <option key={m.id} value={m.id}>
                  {formatShortDate(new Date(m.opensAt))} tot {formatShortDate(new Date(m.closesAt))} (besluit{' '}
                  {formatShortDate(new Date(m.decisionDate))})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            id="alle"
            name="alle"
            value="1"
            defaultChecked={filter.all}
          />{' '}
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="alle">
            Ook besliste en ingetrokken toetredingen tonen
          </label>
        </div>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            Filteren
          </Button>
        </div>
      </Form>
      <Paragraph>
        {total} toetreding(en){overdueTotal ? `, waarvan ${overdueTotal} over de besluittermijn` : ''}.
        {pageCount > 1
          ? ` U ziet ${first} tot en met ${first + entries.length - 1} (pagina ${page} van ${pageCount}).`
          : ''}
      </Paragraph>
      {entries.length === 0 ? (
        <Paragraph>Er wachten geen toetredingen.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableCaption>Wachtrij van toetredingen</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                <TableHeaderCell scope="col">Perceel</TableHeaderCell>
                <TableHeaderCell scope="col">Gemeenten</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Ingediend</TableHeaderCell>
                <TableHeaderCell scope="col">Besluit uiterlijk</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>
                    <Link href={`/regio/${region.slug}/toetredingen/${e.id}`}>{e.organisation.name}</Link>
                  </TableCell>
                  <TableCell>{e.perceel.name}</TableCell>
                  <TableCell>{e.gemeenten.map((g) => g.gemeente.name).join(', ')}</TableCell>
                  <TableCell>
                    <StatusText>{entryStateLabel(e.status)}</StatusText>
                  </TableCell>
                  <TableCell>{e.submittedAt ? formatDateTime(new Date(e.submittedAt)) : '–'}</TableCell>
                  <TableCell>
                    {e.decisionDueAt ? formatDate(new Date(e.decisionDueAt)) : '–'}
                    {e.overdue ? (
                      <>
                        {' '}
                        <strong className="portaal-status portaal-te-laat">Termijn verstreken</strong>
                      </>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Paginering" className="portaal-actions">
          {page > 1 ? (
            <Link href={pageHref(region.slug, filter, page - 1)} rel="prev">
              Vorige pagina
            </Link>
          ) : null}
          <span>{`Pagina ${page} van ${pageCount}`}</span>
          {page < pageCount ? (
            <Link href={pageHref(region.slug, filter, page + 1)} rel="next">
              Volgende pagina
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}
