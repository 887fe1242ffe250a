/**
 * The dashboard's figures computed in the database: one SQL statement gives, for today per segment × municipality
 * and for each trend moment over the whole scope, the number of providers per shortest waiting time (a histogram),
 * with how many of them accept new clients and how many have not confirmed for more than 30 days. From that the
 * median and the longest waiting time follow exactly (`medianOfCounts`). A few hundred rows travel instead of every
 * admission and report of the region.
 *
 * It is the same definition as `figuresAt` / `totalsAt` in `./rules` (tests and `npm run bench:capacity -- --check`
 * compare both on generated and scale data):
 * - an admission runs at X when `since <= X` and it is `actief`, or `beeindigd` with `endedAt > X`;
 * - the reports of an organisation × product at X are those in force (`confirmedAt <= X < supersededAt`) with the
 *   latest confirmation: one for the whole product, or one per location, saved at the same instant (rows written
 *   without `supersededAt` by older writers look in force for ever, so the latest confirmation wins);
 * - per segment × municipality (today) or per moment (trend) a provider counts once: it accepts when any of its
 *   products' reports says ja/beperkt, its waiting time is the shortest, its confirmation the latest;
 * - an admission whose werkgebied says "niet in deze gemeente" (`coversWhole` false, `pc4s` '') counts the provider
 *   as admitted, but its product's reports do not count for accepting or the waiting time there;
 * - without any confirmation a provider is stale 30 days after the earliest `since` of those running admissions
 *   (the reminder job's base), not from the day it is admitted.
 *
 * Plain SQL that SQLite and PostgreSQL both run: quoted identifiers, `?`/`$n` placeholders through Prisma's `sql`
 * tag, moments only ever compared with a DateTime column or aggregate (so PostgreSQL infers `timestamp` for them and
 * SQLite compares the adapter's ISO text with the stored ISO text). The moments are columns (c0…c7), not rows: a row
 * per moment would need a typed timestamp literal, which the two engines spell differently.
 */
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client'
import type { DbOrTx } from '~/utils/db.server'
import { ACCEPTS_NEW_CLIENTS, confirmedFreshFrom, longest, medianOfCounts, type FigureRow } from './rules'

export type Totals = Omit<FigureRow, 'segmentId' | 'gemeenteCode'>

export type DashboardQuery = {
  /** The region's segments: a perceel counts in each of these it belongs to (`PerceelSegment`). */
  segmentIds: string[]
  /** Percelen in at least one of those segments, and their products. */
  perceelIds: string[]
  productIds: string[]
  gemeenteCodes: string[]
  /** Today's figures are taken at this moment. */
  today: Date
  /** Trend moments, oldest first; none to skip the trend. */
  trendMoments: Date[]
  /** Percelen the trend counts (all of `perceelIds`, or those of one segment). */
  trendPerceelIds: string[]
  /** Municipalities the trend counts (all of `gemeenteCodes`, or one). */
  trendGemeenteCodes: string[]
}

type Row = {
  k: unknown
  segmentId: string | null
  gemeenteCode: string | null
  waiting: unknown
  providers: unknown
  accepting: unknown
  notConfirmed: unknown
}

const EMPTY_TOTALS: Totals = {
  providers: 0,
  accepting: 0,
  medianWaitingWeeks: null,
  longestWaitingWeeks: null,
  notConfirmed: 0,
}

/** Today's figures per segment × municipality (unsorted) and the totals per trend moment. */
export async function dashboardFigures(
  db: DbOrTx,
  q: DashboardQuery,
): Promise<{ figures: FigureRow[]; trend: Totals[] }> {
  if ([q.segmentIds, q.perceelIds, q.productIds, q.gemeenteCodes].some((ids) => ids.length === 0)) {
    return { figures: [], trend: q.trendMoments.map(() => ({ ...EMPTY_TOTALS })) }
  }
  // A segment no perceel serves has an empty trend (and `join([])` is not valid SQL).
  const noTrend = q.trendPerceelIds.length === 0 || q.trendGemeenteCodes.length === 0
  const rows = await db.$queryRaw<Row[]>(dashboardSql(noTrend ? { ...q, trendMoments: [] } : q))

  // Group the histogram rows: k = 0 is today per cell, k = 1… the trend moments.
  type Acc = {
    providers: number
    accepting: number
    notConfirmed: number
    waits: { value: number; count: number }[]
  }
  const cells = new Map<string, Acc & { segmentId: string; gemeenteCode: string }>()
  const moments: Acc[] = q.trendMoments.map(() => ({
    providers: 0,
    accepting: 0,
    notConfirmed: 0,
    waits: [],
  }))
  for (const r of rows) {
    const k = Number(r.k)
    let acc: Acc
    if (k === 0) {
      const key = `${r.segmentId}\u0000${r.gemeenteCode}`
      let cell = cells.get(key)
      if (!cell) {
        cell = {
          segmentId: r.segmentId!,
          gemeenteCode: r.gemeenteCode!,
          providers: 0,
          accepting: 0,
          notConfirmed: 0,
          waits: [],
        }
        cells.set(key, cell)
      }
      acc = cell
    } else {
      acc = moments[k - 1]!
    }
    const count = Number(r.providers)
    acc.providers += count
    acc.accepting += Number(r.accepting)
    acc.notConfirmed += Number(r.notConfirmed)
    if (r.waiting !== null && r.waiting !== undefined) acc.waits.push({ value: Number(r.waiting), count })
  }
  const totals = (a: Acc): Totals => ({
    providers: a.providers,
    accepting: a.accepting,
    medianWaitingWeeks: medianOfCounts(a.waits),
    longestWaitingWeeks: longest(a.waits.map((w) => w.value)),
    notConfirmed: a.notConfirmed,
  })
  return {
    figures: [...cells.values()].map((c) => ({
      segmentId: c.segmentId,
      gemeenteCode: c.gemeenteCode,
      ...totals(c),
    })),
    trend: moments.map(totals),
  }
}

/** `a, b, c` for a list of names or SQL fragments. */
const list = (parts: Sql[]) => join(parts, ', ')
/** A quoted identifier or a number, written into the SQL text (only constants from this file). */
const id = (name: string) => raw(`"${name}"`)
const num = (n: number) => raw(String(n))

/** The statement (exported to inspect it, e.g. with EXPLAIN; use `dashboardFigures`). */
export function dashboardSql(q: DashboardQuery): Sql {
  // Moment 0 is today (the figures), 1… the trend moments.
  const at = [q.today, ...q.trendMoments]
  const K = at.map((_, k) => k)
  const T = K.slice(1)
  const windowStart = at.reduce((a, b) => (b < a ? b : a))
  const windowEnd = at.reduce((a, b) => (b > a ? b : a))
  const accepting = join(ACCEPTS_NEW_CLIENTS.map((a) => sql`${a}`))
  const c = (k: number) => id(`c${k}`)
  const a = (k: number) => id(`a${k}`)
  const w = (k: number) => id(`w${k}`)
  const v = (k: number) => id(`v${k}`)
  const s = (k: number) => id(`s${k}`)
  /** The report row `r` is in force at moment k. */
  const inForce = (k: number) =>
    sql`r."confirmedAt" <= ${at[k]} AND (r."supersededAt" IS NULL OR r."supersededAt" > ${at[k]})`
  /** The same for a row confirmed at the latest confirmation in force (so not after moment k). */
  const stillInForce = (k: number) => sql`("supersededAt" IS NULL OR "supersededAt" > ${at[k]})`
  /** Per organisation × product at moment k: some running admission serves its municipality; the earliest start. */
  const u = (k: number) => id(`u${k}`)
  const b = (k: number) => id(`b${k}`)
  /** The admission row `ad` runs at moment k. */
  const runs = (k: number) =>
    sql`ad."since" <= ${at[k]} AND (ad."status" = 'actief' OR (ad."status" = 'beeindigd' AND ad."endedAt" > ${at[k]}))`
  /** The admission row `ad`'s werkgebied includes its municipality (not "niet in deze gemeente"). */
  const serves = sql`(ad."coversWhole" = true OR ad."pc4s" <> '')`
  /** Stale: the latest confirmation, or without one the earliest admission start, is over 30 days before `at`. */
  const stale = (confirmed: Sql, since: Sql, at: Date) =>
    sql`CASE WHEN COALESCE(${confirmed}, ${since}) >= ${confirmedFreshFrom(at)} THEN 0 ELSE 1 END`
  /**
   * Reports in force at some time of the window (the range the indexes can use); of those only the ones in force
   * at one of the moments count (a report replaced between two moments never shows).
   */
  const inWindow = sql`r."confirmedAt" <= ${windowEnd} AND (r."supersededAt" IS NULL OR r."supersededAt" > ${windowStart})`

  const trend = T.length
    ? sql`,
"pairs" AS (
  SELECT ad."organisationId" AS "o", ad."productId" AS "p",
    ${list(
      T.map(
        (k) => sql`MAX(CASE WHEN ${runs(k)} THEN 1 ELSE 0 END) AS ${v(k)},
    MAX(CASE WHEN ${runs(k)} AND ${serves} THEN 1 ELSE 0 END) AS ${u(k)},
    MIN(CASE WHEN ${runs(k)} THEN ad."since" END) AS ${b(k)}`,
      ),
    )}
  FROM "Admission" ad
  WHERE ad."perceelId" IN (${join(q.trendPerceelIds)}) AND ad."gemeenteCode" IN (${join(q.trendGemeenteCodes)})
    AND ad."since" <= ${windowEnd}
    AND (ad."status" = 'actief' OR (ad."status" = 'beeindigd' AND ad."endedAt" > ${windowStart}))
  GROUP BY ad."organisationId", ad."productId"
),
"perMoment" AS (
  SELECT pr."o",
    ${list(
      T.map(
        (k) => sql`MAX(pr.${v(k)}) AS ${v(k)},
    MAX(CASE WHEN pr.${u(k)} = 1 THEN COALESCE(ch.${a(k)}, 0) ELSE 0 END) AS ${a(k)},
    MIN(CASE WHEN pr.${u(k)} = 1 THEN ch.${w(k)} END) AS ${w(k)},
    ${stale(sql`MAX(CASE WHEN pr.${v(k)} = 1 THEN ch.${c(k)} END)`, sql`MIN(pr.${b(k)})`, at[k]!)} AS ${s(k)}`,
      ),
    )}
  FROM "pairs" pr LEFT JOIN "chosen" ch ON ch."o" = pr."o" AND ch."p" = pr."p"
  GROUP BY pr."o"
),
"moments" ("k") AS (VALUES ${list(T.map((k) => sql`(${num(k)})`))}),
"trend" AS (
  SELECT m."k",
    CASE m."k" ${join(
      T.map((k) => sql`WHEN ${num(k)} THEN pm.${v(k)}`),
      ' ',
    )} END AS "running",
    CASE m."k" ${join(
      T.map((k) => sql`WHEN ${num(k)} THEN pm.${a(k)}`),
      ' ',
    )} END AS "acc",
    CASE m."k" ${join(
      T.map((k) => sql`WHEN ${num(k)} THEN pm.${w(k)}`),
      ' ',
    )} END AS "waiting",
    CASE m."k" ${join(
      T.map((k) => sql`WHEN ${num(k)} THEN pm.${s(k)}`),
      ' ',
    )} END AS "stale"
  FROM "perMoment" pm CROSS JOIN "moments" m
)`
    : empty
  const trendSelect = T.length
    ? sql`
UNION ALL
SELECT "k", NULL, NULL, "waiting", CAST(COUNT(*) AS INTEGER), CAST(SUM("acc") AS INTEGER), CAST(SUM("stale") AS INTEGER)
FROM "trend" WHERE "running" = 1
GROUP BY "k", "waiting"`
    : empty

  return sql`
WITH "ranked" AS (
  SELECT r."organisationId" AS "o", r."productId" AS "p", r."confirmedAt", r."supersededAt",
    CASE WHEN r."accepting" IN (${accepting}) THEN 1 ELSE 0 END AS "acc", r."waitingWeeks",
    ${list(
      K.map(
        (k) =>
          sql`MAX(CASE WHEN ${inForce(k)} THEN r."confirmedAt" END) OVER (PARTITION BY r."organisationId", r."productId") AS ${c(k)}`,
      ),
    )}
  FROM "CapacityReport" r
  WHERE r."productId" IN (${join(q.productIds)}) AND ${inWindow}
    AND (${join(
      K.map((k) => sql`(${inForce(k)})`),
      ' OR ',
    )})
),
"chosen" AS (
  SELECT "o", "p",
    ${list(
      K.map(
        (k) => sql`MAX(${c(k)}) AS ${c(k)},
    MAX(CASE WHEN "confirmedAt" = ${c(k)} AND ${stillInForce(k)} THEN "acc" ELSE 0 END) AS ${a(k)},
    MIN(CASE WHEN "confirmedAt" = ${c(k)} AND ${stillInForce(k)} THEN "waitingWeeks" END) AS ${w(k)}`,
      ),
    )}
  FROM "ranked"
  GROUP BY "o", "p"
),
"today" AS (
  SELECT ps."segmentId", ad."gemeenteCode", ad."organisationId",
    MAX(CASE WHEN ${serves} THEN COALESCE(ch."a0", 0) ELSE 0 END) AS "acc",
    MIN(CASE WHEN ${serves} THEN ch."w0" END) AS "waiting",
    ${stale(sql`MAX(ch."c0")`, sql`MIN(ad."since")`, q.today)} AS "stale"
  FROM "Admission" ad
  JOIN "PerceelSegment" ps ON ps."perceelId" = ad."perceelId" AND ps."segmentId" IN (${join(q.segmentIds)})
  LEFT JOIN "chosen" ch ON ch."o" = ad."organisationId" AND ch."p" = ad."productId"
  WHERE ad."perceelId" IN (${join(q.perceelIds)}) AND ad."gemeenteCode" IN (${join(q.gemeenteCodes)}) AND ${runs(0)}
  GROUP BY ps."segmentId", ad."gemeenteCode", ad."organisationId"
)${trend}
SELECT 0 AS "k", "segmentId", "gemeenteCode", "waiting", CAST(COUNT(*) AS INTEGER) AS "providers",
  CAST(SUM("acc") AS INTEGER) AS "accepting", CAST(SUM("stale") AS INTEGER) AS "notConfirmed"
FROM "today"
GROUP BY "segmentId", "gemeenteCode", "waiting"${trendSelect}`
}
