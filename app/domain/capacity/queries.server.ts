/**
 * Queries of werkgebied and capacity. Everything is scoped by the organisation or region passed in.
 *
 * For other capabilities (keuzehulp):
 * - Werkgebied: `Admission.coversWhole` (the whole municipality) or else the PC4 areas in `Admission.pc4s`
 *   (comma-separated, e.g. "4001,4002"). `coversWhole = false` with empty `pc4s` means: admitted, but the provider
 *   does not work in that municipality for this product. Use `coversPc4(admission, pc4)`.
 * - Capacity: the current `CapacityReport`s per organisation × product have `isCurrent = true` (and
 *   `supersededAt = null`): one for the whole product (location "") or one per named location, all confirmed at the
 *   same instant. Read them with `currentCapacity(...)`, and decide what to show with `capacityFreshness` from
 *   `./rules` (after 60 days: "niet recent bevestigd" instead of a waiting time).
 */
import type { DbOrTx } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { dashboardFigures, type Totals } from './dashboard.server'
import {
  capacityFreshness,
  figuresAt,
  totalsAt,
  trendMoments,
  type AdmissionFact,
  type FigureRow,
  type Freshness,
  type ReportFact,
} from './rules'

export type CurrentCapacity = {
  organisationId: string
  productId: string
  accepting: string
  freePlaces: number | null
  waitingWeeks: number | null
  remark: string
  location: string
  confirmedAt: Date
  freshness: Freshness
}

/**
 * The current capacity reports per organisation × product (one, or one per location, the whole product first and
 * then the locations by name), for the given organisations and/or products (pass at least one filter).
 * `freshness` is computed for `today`.
 */
export async function currentCapacity(
  db: DbOrTx,
  filter: { organisationIds?: string[]; productIds?: string[] },
  today: Date = now(),
): Promise<CurrentCapacity[]> {
  const rows = await db.capacityReport.findMany({
    where: {
      isCurrent: true,
      ...(filter.organisationIds ? { organisationId: { in: filter.organisationIds } } : {}),
      ...(filter.productIds ? { productId: { in: filter.productIds } } : {}),
    },
    select: {
      organisationId: true,
      productId: true,
      accepting: true,
      freePlaces: true,
      waitingWeeks: true,
      remark: true,
      location: true,
      confirmedAt: true,
    },
    orderBy: [{ organisationId: 'asc' }, { productId: 'asc' }, { location: 'asc' }],
  })
  return rows.map((r) => ({ ...r, freshness: capacityFreshness(r.confirmedAt, today) }))
}

/** Does this admission's werkgebied include the PC4 area? */
export function coversPc4(admission: { coversWhole: boolean; pc4s: string }, pc4: string): boolean {
  return admission.coversWhole || admission.pc4s.split(',').includes(pc4)
}

/** The capacity reports that were in force for organisation × product on `at` ("what was true on date X"). */
export async function capacityOn(db: DbOrTx, organisationId: string, productId: string, at: Date) {
  const rows = await db.capacityReport.findMany({
    where: {
      organisationId,
      productId,
      confirmedAt: { lte: at },
      OR: [{ supersededAt: null }, { supersededAt: { gt: at } }],
    },
    orderBy: [{ confirmedAt: 'desc' }, { location: 'asc' }],
  })
  // Rows without supersededAt from older writers may look in force too: the latest confirmation wins.
  return rows.filter((r) => r.confirmedAt.getTime() === rows[0]!.confirmedAt.getTime())
}

/** Groups current reports per organisation × product. */
function reportsByKey(reports: CurrentCapacity[]): Map<string, CurrentCapacity[]> {
  const byKey = new Map<string, CurrentCapacity[]>()
  for (const r of reports) {
    const key = `${r.organisationId}|${r.productId}`
    byKey.set(key, [...(byKey.get(key) ?? []), r])
  }
  return byKey
}

// --- provider screen -----------------------------------------------------------------------------------------------

export type ProviderProduct = Awaited<ReturnType<typeof providerCapacityOverview>>[number]

/** Every product the organisation is actively admitted to, with its municipalities and current capacity. */
export async function providerCapacityOverview(db: DbOrTx, organisationId: string, today: Date = now()) {
  const admissions = await db.admission.findMany({
    where: { organisationId, status: 'actief' },
    select: {
      id: true,
      gemeenteCode: true,
      coversWhole: true,
      pc4s: true,
      gemeente: { select: { name: true } },
      product: {
        select: {
          id: true,
          name: true,
          code: true,
          perceel: {
            select: {
              name: true,
              procurement: { select: { name: true, region: { select: { name: true } } } },
            },
          },
        },
      },
    },
    orderBy: [{ productId: 'asc' }, { gemeenteCode: 'asc' }],
  })
  const productIds = [...new Set(admissions.map((a) => a.product.id))]
  const reports = await currentCapacity(db, { organisationIds: [organisationId], productIds }, today)
  const reportsOf = reportsByKey(reports)
  // Codes the postcode table places in another municipality, to warn about after saving.
  const allCodes = [...new Set(admissions.flatMap((a) => (a.pc4s ? a.pc4s.split(',') : [])))]
  const pc4Rows = allCodes.length
    ? await db.pc4.findMany({
        where: { code: { in: allCodes } },
        select: { code: true, gemeenteCode: true, gemeente: { select: { name: true } } },
      })
    : []
  const pc4Of = new Map(pc4Rows.map((p) => [p.code, p]))

  const byProduct = new Map<
    string,
    {
      productId: string
      name: string
      code: string
      perceel: string
      region: string
      gemeenten: {
        admissionId: string
        gemeenteCode: string
        gemeenteName: string
        coversWhole: boolean
        pc4s: string[]
        elsewhere: { code: string; gemeenteName: string }[]
      }[]
      /** The current reports: one for the whole product, or one per location. */
      reports: CurrentCapacity[]
    }
  >()
  for (const a of admissions) {
    const p = a.product
    let entry = byProduct.get(p.id)
    if (!entry) {
      entry = {
        productId: p.id,
        name: p.name,
        code: p.code,
        perceel: p.perceel.name,
        region: p.perceel.procurement.region.name,
        gemeenten: [],
        reports: reportsOf.get(`${organisationId}|${p.id}`) ?? [],
      }
      byProduct.set(p.id, entry)
    }
    const codes = a.pc4s ? a.pc4s.split(',') : []
    entry.gemeenten.push({
      admissionId: a.id,
      gemeenteCode: a.gemeenteCode,
      gemeenteName: a.gemeente.name,
      coversWhole: a.coversWhole,
      pc4s: codes,
      elsewhere: codes.flatMap((code) => {
        const row = pc4Of.get(code)
        return row && row.gemeenteCode !== a.gemeenteCode ? [{ code, gemeenteName: row.gemeente.name }] : []
      }),
    })
  }
  return [...byProduct.values()].sort(
    (a, b) =>
      a.region.localeCompare(b.region) || a.perceel.localeCompare(b.perceel) || a.code.localeCompare(b.code),
  )
}

// --- region dashboard -------------------------------------------------------------------------------------------------

export type DashboardData = Awaited<ReturnType<typeof regionDashboard>>

type DashboardOptions = {
  today?: Date
  segmentId?: string | null
  /** Narrows the trend to one municipality of the region. */
  gemeenteCode?: string | null
  trend?: boolean
}

/** What the dashboard covers: the region's municipalities and segments, and which segments each perceel is in. */
async function dashboardScope(db: DbOrTx, regionId: string) {
  const [gemeenten, segments] = await Promise.all([
    db.regionGemeente.findMany({
      where: { regionId },
      select: { gemeenteCode: true, gemeente: { select: { name: true } } },
    }),
    db.segment.findMany({
      where: { regionId },
      select: {
        id: true,
        name: true,
        law: true,
        percelen: {
          select: { perceelId: true, perceel: { select: { products: { select: { id: true } } } } },
        },
      },
      orderBy: { name: 'asc' },
    }),
  ])
  const productIds = [
    ...new Set(segments.flatMap((s) => s.percelen.flatMap((p) => p.perceel.products.map((x) => x.id)))),
  ]
  const segmentsOfPerceel = new Map<string, string[]>()
  for (const s of segments) {
    for (const { perceelId } of s.percelen) {
      segmentsOfPerceel.set(perceelId, [...(segmentsOfPerceel.get(perceelId) ?? []), s.id])
    }
  }
  return {
    gemeenten,
    segments,
    segmentsOfPerceel,
    perceelIds: [...segmentsOfPerceel.keys()],
    productIds,
    gemeenteCodes: gemeenten.map((g) => g.gemeenteCode),
  }
}
type DashboardScope = Awaited<ReturnType<typeof dashboardScope>>

/** Names, sort order and the chosen segment: the same for both ways of computing the figures. */
function assembleDashboard(
  scope: DashboardScope,
  today: Date,
  chosen: { segmentId: string | null; gemeenteCode: string | null },
  rows: FigureRow[],
  trend: ({ at: Date } & Totals)[],
) {
  const gemeenteName = new Map(scope.gemeenten.map((g) => [g.gemeenteCode, g.gemeente.name]))
  const segmentName = new Map(scope.segments.map((s) => [s.id, s.name]))
  const figures = rows
    .map((r: FigureRow) => ({
      ...r,
      segmentName: segmentName.get(r.segmentId) ?? r.segmentId,
      gemeenteName: gemeenteName.get(r.gemeenteCode) ?? r.gemeenteCode,
    }))
    .sort(
      (a, b) => a.segmentName.localeCompare(b.segmentName) || a.gemeenteName.localeCompare(b.gemeenteName),
    )
  return {
    today,
    figures,
    trend,
    segments: scope.segments.map((s) => ({ id: s.id, name: s.name, law: s.law })),
    gemeenten: scope.gemeenten
      .map((g) => ({ code: g.gemeenteCode, name: g.gemeente.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    ...chosen,
  }
}

function chosenSegment(scope: DashboardScope, segmentId: string | null | undefined) {
  return segmentId && scope.segments.some((s) => s.id === segmentId) ? segmentId : null
}

function chosenGemeente(scope: DashboardScope, gemeenteCode: string | null | undefined) {
  return gemeenteCode && scope.gemeenteCodes.includes(gemeenteCode) ? gemeenteCode : null
}

/**
 * The buyer's dashboard of a region: today's figures per segment × municipality, and the trend over the last six
 * months (end of each month and today) for the whole region or one segment. Both come from the same history, in
 * one SQL statement (`dashboardFigures`) that follows the rules of `figuresAt`; `trend: false` skips the trend
 * (the CSV export).
 */
export async function regionDashboard(db: DbOrTx, regionId: string, options: DashboardOptions = {}) {
  const today = options.today ?? now()
  const moments = options.trend === false ? [] : trendMoments(today)
  const scope = await dashboardScope(db, regionId)
  const segmentId = chosenSegment(scope, options.segmentId)
  const gemeenteCode = chosenGemeente(scope, options.gemeenteCode)
  const { figures, trend } = await dashboardFigures(db, {
    segmentIds: scope.segments.map((s) => s.id),
    perceelIds: scope.perceelIds,
    productIds: scope.productIds,
    gemeenteCodes: scope.gemeenteCodes,
    today,
    trendMoments: moments,
    trendPerceelIds: segmentId
      ? scope.perceelIds.filter((p) => scope.segmentsOfPerceel.get(p)!.includes(segmentId))
      : scope.perceelIds,
    trendGemeenteCodes: gemeenteCode ? [gemeenteCode] : scope.gemeenteCodes,
  })
  return assembleDashboard(
    scope,
    today,
    { segmentId, gemeenteCode },
    figures,
    moments.map((at, i) => ({ at, ...trend[i]! })),
  )
}

/**
 * The same dashboard computed the straightforward way: load every admission and report that matters in the window
 * and apply `figuresAt` / `totalsAt` (the definition). Tests and `npm run bench:capacity` compare `regionDashboard`
 * with it.
 *
 * Reads only what the window needs: running admissions of the region's percelen in its municipalities, and the
 * reports in force at some moment of the window (confirmedAt <= end and supersededAt null or after the start).
 */
export async function regionDashboardByRules(db: DbOrTx, regionId: string, options: DashboardOptions = {}) {
  const today = options.today ?? now()
  const moments = trendMoments(today)
  const windowStart = moments[0]!
  const windowEnd = moments[moments.length - 1]!
  const scope = await dashboardScope(db, regionId)
  const { segmentsOfPerceel, perceelIds, gemeenteCodes } = scope

  const [admissionRows, products] = await Promise.all([
    db.admission.findMany({
      where: {
        perceelId: { in: perceelIds },
        gemeenteCode: { in: gemeenteCodes },
        since: { lte: windowEnd },
        OR: [{ status: 'actief' }, { status: 'beeindigd', endedAt: { gt: windowStart } }],
      },
      select: {
        organisationId: true,
        productId: true,
        perceelId: true,
        gemeenteCode: true,
        since: true,
        endedAt: true,
        status: true,
        coversWhole: true,
        pc4s: true,
      },
    }),
    db.product.findMany({ where: { perceelId: { in: perceelIds } }, select: { id: true } }),
  ])
  const admissions: AdmissionFact[] = admissionRows.map((a) => ({
    organisationId: a.organisationId,
    productId: a.productId,
    perceelId: a.perceelId,
    gemeenteCode: a.gemeenteCode,
    since: a.since,
    endedAt: a.status === 'actief' ? null : a.endedAt,
    servesGemeente: a.coversWhole || a.pc4s !== '',
  }))
  const reports: ReportFact[] = await db.capacityReport.findMany({
    where: {
      productId: { in: products.map((p) => p.id) },
      confirmedAt: { lte: windowEnd },
      OR: [{ supersededAt: null }, { supersededAt: { gt: windowStart } }],
    },
    select: {
      organisationId: true,
      productId: true,
      accepting: true,
      waitingWeeks: true,
      confirmedAt: true,
      supersededAt: true,
    },
  })

  const rows = figuresAt(today, admissions, reports, segmentsOfPerceel)
  const segmentId = chosenSegment(scope, options.segmentId)
  const gemeenteCode = chosenGemeente(scope, options.gemeenteCode)
  const trendAdmissions = gemeenteCode
    ? admissions.filter((a) => a.gemeenteCode === gemeenteCode)
    : admissions
  const trendPercelen = segmentId
    ? new Map([...segmentsOfPerceel].filter(([, ids]) => ids.includes(segmentId)))
    : segmentsOfPerceel
  const trend =
    options.trend === false
      ? []
      : moments.map((at) => ({ at, ...totalsAt(at, trendAdmissions, reports, trendPercelen) }))
  return assembleDashboard(scope, today, { segmentId, gemeenteCode }, rows, trend)
}

/** The current capacity per provider, product and location in the region, for the CSV export. */
export async function regionProviderCapacity(db: DbOrTx, regionId: string, today: Date = now()) {
  const gemeenten = await db.regionGemeente.findMany({ where: { regionId }, select: { gemeenteCode: true } })
  const admissions = await db.admission.findMany({
    where: {
      status: 'actief',
      gemeenteCode: { in: gemeenten.map((g) => g.gemeenteCode) },
      perceel: { procurement: { regionId } },
    },
    select: {
      organisationId: true,
      productId: true,
      coversWhole: true,
      pc4s: true,
      gemeente: { select: { name: true } },
      organisation: { select: { name: true } },
      product: { select: { code: true, name: true, perceel: { select: { name: true } } } },
    },
    orderBy: [{ organisation: { name: 'asc' } }, { product: { code: 'asc' } }, { gemeente: { name: 'asc' } }],
  })
  const reports = await currentCapacity(
    db,
    { productIds: [...new Set(admissions.map((a) => a.productId))] },
    today,
  )
  const reportsOf = reportsByKey(reports)
  // One row per admission and location (a product without any report yet: one row without figures).
  return admissions.flatMap((a) => {
    const row = {
      organisation: a.organisation.name,
      perceel: a.product.perceel.name,
      productCode: a.product.code,
      productName: a.product.name,
      gemeente: a.gemeente.name,
      werkgebied: a.coversWhole ? 'hele gemeente' : a.pc4s ? a.pc4s.split(',').join(' ') : 'niet',
    }
    const productReports: (CurrentCapacity | null)[] =
      reportsOf.get(`${a.organisationId}|${a.productId}`) ?? []
    return (productReports.length ? productReports : [null]).map((report) => ({ ...row, report }))
  })
}
