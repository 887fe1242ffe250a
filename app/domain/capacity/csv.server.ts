/**
 * The CSV exports of the capacity dashboard (`/regio/<slug>/capaciteit/cijfers.csv`, `ontwikkeling.csv` and
 * `aanbieders.csv`):
 * the body and file name, so the routes only check access and `npm run bench:capacity` times the same work.
 */
import type { DbOrTx } from '~/utils/db.server'
import { toDateInputValue } from '~/utils/time'
import { regionDashboard, regionProviderCapacity } from './queries.server'
import { ACCEPTING_SHORT, REMINDER_AFTER_DAYS, isAccepting, toCsv } from './rules'

export type CsvExport = { filename: string; body: string }

/** Today's figures per segment × municipality (no trend). */
export async function regionFiguresCsv(
  db: DbOrTx,
  region: { id: string; slug: string },
  today: Date,
): Promise<CsvExport> {
  const { figures } = await regionDashboard(db, region.id, { today, trend: false })
  const date = toDateInputValue(today)
  const body = toCsv(
    [
      'Peildatum',
      'Segment',
      'Gemeente',
      'CBS-code',
      'Toegelaten aanbieders',
      'Nemen nieuwe cliënten aan',
      'Mediaan wachttijd (weken)',
      'Langste wachttijd (weken)',
      `Langer dan ${REMINDER_AFTER_DAYS} dagen niet bevestigd`,
    ],
    figures.map((f) => [
      date,
      f.segmentName,
      f.gemeenteName,
      f.gemeenteCode,
      f.providers,
      f.accepting,
      f.medianWaitingWeeks,
      f.longestWaitingWeeks,
      f.notConfirmed,
    ]),
  )
  return { filename: `capaciteit-${region.slug}-${date}.csv`, body }
}

/** The trend of the dashboard (end of each of the last six months, and today), as the chart and its table show it. */
export async function regionTrendCsv(
  db: DbOrTx,
  region: { id: string; slug: string },
  today: Date,
  choice: { segmentId: string | null; gemeenteCode: string | null },
): Promise<CsvExport> {
  const dashboard = await regionDashboard(db, region.id, { today, ...choice })
  const segment = dashboard.segments.find((s) => s.id === dashboard.segmentId)?.name ?? 'alle segmenten'
  const gemeente = dashboard.gemeenten.find((g) => g.code === dashboard.gemeenteCode)
  const body = toCsv(
    [
      'Moment',
      'Segment',
      'Gemeente',
      'CBS-code',
      'Toegelaten aanbieders',
      'Nemen nieuwe cliënten aan',
      'Mediaan wachttijd (weken)',
      'Langste wachttijd (weken)',
      `Langer dan ${REMINDER_AFTER_DAYS} dagen niet bevestigd`,
    ],
    dashboard.trend.map((t) => [
      toDateInputValue(t.at),
      segment,
      gemeente?.name ?? 'alle gemeenten',
      gemeente?.code ?? '',
      t.providers,
      t.accepting,
      t.medianWaitingWeeks,
      t.longestWaitingWeeks,
      t.notConfirmed,
    ]),
  )
  return { filename: `capaciteit-ontwikkeling-${region.slug}-${toDateInputValue(today)}.csv`, body }
}

/** The current capacity per provider × product × municipality. */
export async function regionProvidersCsv(
  db: DbOrTx,
  region: { id: string; slug: string },
  today: Date,
): Promise<CsvExport> {
  const rows = await regionProviderCapacity(db, region.id, today)
  const date = toDateInputValue(today)
  const body = toCsv(
    [
      'Aanbieder',
      'Perceel',
      'Productcode',
      'Product',
      'Gemeente',
      'Werkgebied',
      'Neemt nieuwe cliënten aan',
      'Vrije plekken',
      'Wachttijd (weken)',
      'Locatie',
      'Toelichting',
      'Bevestigd op',
      'Status bevestiging',
    ],
    rows.map((r) => [
      r.organisation,
      r.perceel,
      r.productCode,
      r.productName,
      r.gemeente,
      r.werkgebied,
      r.report
        ? isAccepting(r.report.accepting)
          ? ACCEPTING_SHORT[r.report.accepting]
          : r.report.accepting
        : null,
      r.report?.freePlaces ?? null,
      r.report?.waitingWeeks ?? null,
      r.report?.location || null,
      r.report?.remark || null,
      r.report ? toDateInputValue(r.report.confirmedAt) : null,
      r.report ? r.report.freshness.label : 'Nog niet bevestigd',
    ]),
  )
  return { filename: `capaciteit-aanbieders-${region.slug}-${date}.csv`, body }
}

/** The response for a CSV export: a download, never cached. */
export function csvResponse({ filename, body }: CsvExport): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
