import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import {
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
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { regionDashboard } from '~/domain/capacity/queries.server'
import { momentAxisLabel, momentLabel, weeksCell } from '~/domain/capacity/labels'
import { CAPACITY_READERS, REMINDER_AFTER_DAYS } from '~/domain/capacity/rules'
import { CapacityTrendChart } from '~/components/capacity-trend-chart'
import { db } from '~/utils/db.server'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Capaciteit en wachttijden | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, [...CAPACITY_READERS])
  const query = new URL(request.url).searchParams
  const dashboard = await regionDashboard(db, region.id, {
    segmentId: query.get('segment'),
    gemeenteCode: query.get('gemeente'),
  })
  const last = dashboard.trend.length - 1
  return {
    region,
    today: formatDate(dashboard.today),
    figures: dashboard.figures,
    segments: dashboard.segments,
    segmentId: dashboard.segmentId,
    gemeenten: dashboard.gemeenten,
    gemeenteCode: dashboard.gemeenteCode,
    trend: dashboard.trend.map((t, i) => ({
      label: momentLabel(t.at, i === last),
      axis: momentAxisLabel(t.at, i === last),
      providers: t.providers,
      accepting: t.accepting,
      median: t.medianWaitingWeeks,
      longest: t.longestWaitingWeeks,
      notConfirmed: t.notConfirmed,
    })),
  }
}

export default function CapaciteitDashboard() {
  const { region, today, figures, segments, segmentId, gemeenten, gemeenteCode, trend } =
    useLoaderData<typeof loader>()
  const scope = [
    segmentId ? (segments.find((s) => s.id === segmentId)?.name ?? '') : 'alle segmenten',
    gemeenteCode ? gemeenten.find((g) => g.code === gemeenteCode)?.name : null,
  ]
    .filter(Boolean)
    .join(', ')
  const base = `/regio/${region.slug}/capaciteit`
  const first = trend[0]
  const last = trend[trend.length - 1]
  return (
    <>
      <Heading1>Capaciteit en wachttijden in {region.name}</Heading1>
      <Paragraph>
        Wat toegelaten aanbieders opgeven over nieuwe cliënten en wachttijden, op {today}. Per aanbieder
        tellen wij de kortste wachttijd van de producten van het segment waarvoor zij in de gemeente zijn
        toegelaten. Werkt een aanbieder voor een product niet in de gemeente (werkgebied), dan telt die wel
        als toegelaten, maar niet mee bij nieuwe cliënten en wachttijden. Aanbieders die langer dan{' '}
        {REMINDER_AFTER_DAYS} dagen niet hebben bevestigd, krijgen een herinnering.
      </Paragraph>
      <UnorderedList>
        <UnorderedListItem>
          <Link href={`${base}/cijfers.csv`} download>
            Download de cijfers per segment en gemeente (CSV)
          </Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={`${base}/aanbieders.csv`} download>
            Download de actuele capaciteit per aanbieder (CSV)
          </Link>
        </UnorderedListItem>
      </UnorderedList>

      <Heading2>Per segment en gemeente</Heading2>
      {figures.length === 0 ? (
        <Paragraph>Er zijn nog geen aanbieders toegelaten in deze regio.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableCaption>Capaciteit per segment en gemeente op {today}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Segment</TableHeaderCell>
                <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
                <TableHeaderCell scope="col">Toegelaten aanbieders</TableHeaderCell>
                <TableHeaderCell scope="col">Nemen nieuwe cliënten aan</TableHeaderCell>
                <TableHeaderCell scope="col">Mediaan wachttijd</TableHeaderCell>
                <TableHeaderCell scope="col">Langste wachttijd</TableHeaderCell>
                <TableHeaderCell scope="col">
                  Langer dan {REMINDER_AFTER_DAYS} dagen niet bevestigd
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {figures.map((f) => (
                <TableRow key={`${f.segmentId}-${f.gemeenteCode}`}>
                  <TableHeaderCell scope="row">{f.segmentName}</TableHeaderCell>
                  <TableCell>{f.gemeenteName}</TableCell>
                  <TableCell>{f.providers}</TableCell>
                  <TableCell>{f.accepting}</TableCell>
                  <TableCell>{weeksCell(f.medianWaitingWeeks)}</TableCell>
                  <TableCell>{weeksCell(f.longestWaitingWeeks)}</TableCell>
                  <TableCell>{f.notConfirmed}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <Heading2>Wachttijden in de afgelopen 6 maanden</Heading2>
      <Form method="get" className="portaal-form portaal-inline-form">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="segment">
            Segment
          </label>
          <select id="segment" name="segment" defaultValue={segmentId ?? ''} className="utrecht-select">
            <option value="">Alle segmenten</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="gemeente">
            Gemeente
          </label>
          <select id="gemeente" name="gemeente" defaultValue={gemeenteCode ?? ''} className="utrecht-select">
            <option value="">Alle gemeenten</option>
            {gemeenten.map((g) => (
              <option key={g.code} value={g.code}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            Toon ontwikkeling
          </Button>
        </div>
      </Form>
      <figure className="portaal-figure">
        <CapacityTrendChart
          id="wachttijd-trend"
          title={`Wachttijd in weken, ${scope}, afgelopen 6 maanden`}
          description={
            first && last
              ? `Mediaan wachttijd van ${weeksCell(first.median)} (${first.label}) naar ${weeksCell(last.median)} (${last.label}); langste wachttijd van ${weeksCell(first.longest)} naar ${weeksCell(last.longest)}. De cijfers staan in de tabel hieronder.`
              : 'Geen gegevens.'
          }
          points={trend.map((t) => ({ label: t.axis, median: t.median, longest: t.longest }))}
        />
        <figcaption>
          Doorgetrokken lijn met rondjes: mediaan wachttijd. Gestreepte lijn met vierkantjes: langste
          wachttijd.
        </figcaption>
      </figure>
      <Paragraph>
        <Link
          href={`${base}/ontwikkeling.csv?${new URLSearchParams({ segment: segmentId ?? '', gemeente: gemeenteCode ?? '' })}`}
          download
        >
          Download de ontwikkeling, {scope} (CSV)
        </Link>
      </Paragraph>
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption>Ontwikkeling, {scope}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Moment</TableHeaderCell>
              <TableHeaderCell scope="col">Toegelaten aanbieders</TableHeaderCell>
              <TableHeaderCell scope="col">Nemen nieuwe cliënten aan</TableHeaderCell>
              <TableHeaderCell scope="col">Mediaan wachttijd</TableHeaderCell>
              <TableHeaderCell scope="col">Langste wachttijd</TableHeaderCell>
              <TableHeaderCell scope="col">
                Langer dan {REMINDER_AFTER_DAYS} dagen niet bevestigd
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {trend.map((t) => (
              <TableRow key={t.label}>
                <TableHeaderCell scope="row">{t.label}</TableHeaderCell>
                <TableCell>{t.providers}</TableCell>
                <TableCell>{t.accepting}</TableCell>
                <TableCell>{weeksCell(t.median)}</TableCell>
                <TableCell>{weeksCell(t.longest)}</TableCell>
                <TableCell>{t.notConfirmed}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  )
}
