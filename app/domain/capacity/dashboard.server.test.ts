/**
 * The dashboard's SQL (`regionDashboard`) against the definition (`regionDashboardByRules`: every row into
 * `figuresAt` / `totalsAt`), on generated data sets: so an optimisation of the query cannot drift from the rules.
 * Each data set is random but seeded (reproducible), with the awkward cases on purpose: admissions that start,
 * end or are suspended inside the window, a perceel in two segments, reports without `supersededAt` (older
 * writers: the latest confirmation wins), a report replaced in the same millisecond, reports without a waiting
 * time, reports confirmed later today, confirmations around the 30-day line, providers that never confirmed and
 * admissions whose werkgebied says "niet in deze gemeente".
 */
import { describe, expect, it } from 'vitest'
import { getDb, type Prisma } from '~/utils/db.server'
import { searchKey } from '~/utils/search'
import { regionDashboard, regionDashboardByRules } from './queries.server'
import { medianOfCounts, median } from './rules'
import * as f from './test-factories'

const db = getDb()
const DAY = 24 * 60 * 60 * 1000

/** Mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A region with 3 segments and 4 municipalities, `orgs` providers and their history; returns its id. */
async function generate(seed: number, today: Date, orgs: number) {
  const random = rng(seed)
  const int = (n: number) => Math.floor(random() * n)
  const pick = <T>(list: T[]) => list[int(list.length)]!
  const tag = `p${seed}`
  const gemeenten: string[] = []
  for (let g = 0; g < 4; g++) gemeenten.push(await f.ensureGemeente(db, `GM9${seed % 10}${g}${int(10)}`))
  const regionId = await f.createRegion(db, [...new Set(gemeenten)])
  const a = await f.createSegmentWithProducts(db, regionId, { name: `A ${tag}`, products: 3 })
  const b = await f.createSegmentWithProducts(db, regionId, {
    name: `B ${tag}`,
    products: 2,
    procurementId: a.procurementId,
  })
  const c = await f.createSegmentWithProducts(db, regionId, {
    name: `C ${tag}`,
    products: 1,
    procurementId: a.procurementId,
  })
  // Perceel B also belongs to segment C: a perceel in two segments.
  await db.perceelSegment.create({ data: { perceelId: b.perceelId, segmentId: c.segmentId } })
  const products = [
    ...a.productIds.map((id) => ({ id, perceelId: a.perceelId })),
    ...b.productIds.map((id) => ({ id, perceelId: b.perceelId })),
    ...c.productIds.map((id) => ({ id, perceelId: c.perceelId })),
  ]
  // A moment between ~8 months ago and tomorrow, to the millisecond.
  const moment = () => new Date(today.getTime() - int(240 * DAY) + int(DAY * 1.5))

  const organisations = Array.from({ length: orgs }, (_, i) => ({
    id: `${tag}-org-${i}`,
    name: `Zorg ${tag} ${i}`,
    searchName: searchKey(`Zorg ${tag} ${i}`),
    kvkNummer: String(60_000_000 + seed * 1000 + i),
    street: 'Straat',
    houseNumber: '1',
    postcode: '4001 AA',
    city: 'Tiel',
    email: `${tag}-${i}@zorg.example`,
    phone: '+31344000000',
  }))
  await db.organisation.createMany({ data: organisations })

  const admissions: Prisma.AdmissionCreateManyInput[] = []
  const reports: Prisma.CapacityReportCreateManyInput[] = []
  for (const org of organisations) {
    const mine = products.filter(() => random() < 0.5)
    for (const product of mine) {
      for (const gemeenteCode of new Set(gemeenten)) {
        if (random() < 0.4) continue
        const s = random()
        const since = moment()
        const status = s < 0.75 ? 'actief' : s < 0.85 ? 'geschorst' : 'beeindigd'
        // Werkgebied: mostly the whole municipality, some PC4 areas, some "niet in deze gemeente".
        const w = random()
        admissions.push({
          coversWhole: w < 0.7,
          pc4s: w < 0.7 ? '' : w < 0.85 ? '4001,4002' : '',
          id: `${tag}-adm-${admissions.length}`,
          organisationId: org.id,
          perceelId: product.perceelId,
          productId: product.id,
          gemeenteCode,
          since,
          status,
          // Ended (or, for actief, a stale value that must be ignored) some time after the start.
          endedAt:
            random() < 0.7 && status !== 'geschorst' ? new Date(since.getTime() + int(200 * DAY)) : null,
        })
      }
      // History: 0-5 reports. Well-formed (supersededAt = the next confirmation) or, for some pairs, written
      // by an older writer without supersededAt; sometimes a report replaced in the same millisecond.
      const legacy = random() < 0.3
      const times = Array.from({ length: int(6) }, moment).sort((x, y) => x.getTime() - y.getTime())
      // Distinct confirmations per pair (ties have no defined winner in the rules either).
      const distinct = times.filter((t, i) => i === 0 || t.getTime() !== times[i - 1]!.getTime())
      distinct.forEach((confirmedAt, h) => {
        const next = distinct[h + 1]
        const accepting = pick(['ja', 'beperkt', 'nee', 'nee'])
        const row = {
          organisationId: org.id,
          productId: product.id,
          accepting,
          waitingWeeks: random() < 0.2 ? null : int(30),
          confirmedAt,
          isCurrent: !next,
          supersededAt: legacy ? null : (next ?? null),
        }
        if (random() < 0.15) {
          // Saved twice in the same millisecond: the first row is superseded at once and never in force.
          reports.push({
            ...row,
            id: `${tag}-rep-${reports.length}`,
            accepting: 'ja',
            waitingWeeks: 0,
            isCurrent: false,
            supersededAt: confirmedAt,
          })
        }
        reports.push({ ...row, id: `${tag}-rep-${reports.length}` })
        // Sometimes saved per location: more reports of the same confirmation, each with its own figures.
        if (random() < 0.2) {
          for (const location of ['Locatie B', 'Locatie C'].slice(0, 1 + int(2))) {
            reports.push({
              ...row,
              id: `${tag}-rep-${reports.length}`,
              location,
              accepting: pick(['ja', 'beperkt', 'nee']),
              waitingWeeks: random() < 0.2 ? null : int(30),
            })
          }
        }
      })
    }
  }
  await db.admission.createMany({ data: admissions })
  await db.capacityReport.createMany({ data: reports })
  return { regionId, segmentIds: [a.segmentId, b.segmentId, c.segmentId], admissions, reports }
}

describe('regionDashboard (SQL) equals the rules (figuresAt)', () => {
  const cases = [
    { seed: 1, today: '2026-11-23T10:00:00Z', orgs: 25 },
    { seed: 2, today: '2026-03-29T00:30:00Z', orgs: 25 },
    { seed: 3, today: '2026-07-01T21:59:59.999Z', orgs: 40 },
    { seed: 4, today: '2027-01-01T12:00:00Z', orgs: 15 },
  ]
  for (const { seed, today: todayText, orgs } of cases) {
    it(`data set ${seed}: today ${todayText}, ${orgs} providers`, async () => {
      const today = new Date(todayText)
      const data = await generate(seed, today, orgs)
      expect(data.admissions.length).toBeGreaterThan(20)
      expect(data.reports.length).toBeGreaterThan(20)
      for (const segmentId of [null, ...data.segmentIds]) {
        const fast = await regionDashboard(db, data.regionId, { today, segmentId })
        const rules = await regionDashboardByRules(db, data.regionId, { today, segmentId })
        expect(fast).toEqual(rules)
        expect(fast.figures.length).toBeGreaterThan(0)
        expect(fast.trend.some((t) => t.providers > 0)).toBe(true)
      }
      // The trend of one municipality, with and without a segment.
      const gemeenteCode = data.admissions[0]!.gemeenteCode
      for (const segmentId of [null, data.segmentIds[0]!]) {
        const fast = await regionDashboard(db, data.regionId, { today, segmentId, gemeenteCode })
        expect(fast).toEqual(
          await regionDashboardByRules(db, data.regionId, { today, segmentId, gemeenteCode }),
        )
        expect(fast.gemeenteCode).toBe(gemeenteCode)
        const whole = await regionDashboard(db, data.regionId, { today, segmentId })
        for (const [i, t] of fast.trend.entries())
          expect(t.providers).toBeLessThanOrEqual(whole.trend[i]!.providers)
      }
      const elsewhere = await regionDashboard(db, data.regionId, { today, gemeenteCode: 'GM-elders' })
      expect(elsewhere.gemeenteCode).toBeNull()
      // Without the trend (CSV): the same figures.
      const csv = await regionDashboard(db, data.regionId, { today, trend: false })
      expect(csv.trend).toEqual([])
      expect(csv.figures).toEqual((await regionDashboardByRules(db, data.regionId, { today })).figures)
    })
  }

  it('counts a new provider without a report as fresh, and one "niet in deze gemeente" only as admitted', async () => {
    const today = new Date('2026-11-23T10:00:00Z')
    const g = await f.ensureGemeente(db, 'GM9801', 'Buren')
    const regionId = await f.createRegion(db, [g])
    const seg = await f.createSegmentWithProducts(db, regionId, { products: 1 })
    const [p] = seg.productIds as [string]
    const admit = async (since: string, werkgebied: { coversWhole?: boolean; pc4s?: string } = {}) => {
      const org = await f.createOrganisation(db)
      await f.createAdmission(db, {
        organisationId: org.id,
        productId: p,
        gemeenteCode: g,
        since: new Date(since),
        ...werkgebied,
      })
      return org.id
    }
    // Admitted yesterday, no report yet: not "langer dan 30 dagen niet bevestigd" (the reminder job agrees).
    await admit('2026-11-22T00:00:00Z')
    // Admitted long ago, never confirmed: stale.
    await admit('2026-01-01T00:00:00Z')
    // Works elsewhere ("niet in deze gemeente"): admitted, but its "ja, 1 week" does not count here.
    const elsewhere = await admit('2026-01-01T00:00:00Z', { coversWhole: false, pc4s: '' })
    await f.createReport(db, {
      organisationId: elsewhere,
      productId: p,
      accepting: 'ja',
      waitingWeeks: 1,
      confirmedAt: new Date('2026-11-20T10:00:00Z'),
    })
    // Some PC4 areas: counts as usual.
    const partly = await admit('2026-01-01T00:00:00Z', { coversWhole: false, pc4s: '4001' })
    await f.createReport(db, {
      organisationId: partly,
      productId: p,
      accepting: 'nee',
      waitingWeeks: 8,
      confirmedAt: new Date('2026-11-20T10:00:00Z'),
    })

    const fast = await regionDashboard(db, regionId, { today })
    expect(fast).toEqual(await regionDashboardByRules(db, regionId, { today }))
    const expected = {
      providers: 4,
      accepting: 0,
      medianWaitingWeeks: 8,
      longestWaitingWeeks: 8,
      notConfirmed: 1,
    }
    expect(fast.figures).toEqual([expect.objectContaining({ gemeenteCode: g, ...expected })])
    expect(fast.trend.at(-1)).toMatchObject(expected)
  })

  it('gives an empty trend for a segment that no perceel serves yet', async () => {
    const today = new Date('2026-11-23T10:00:00Z')
    const data = await generate(5, today, 10)
    const segmentId = `leeg-${data.regionId}`
    await db.segment.create({
      data: { id: segmentId, regionId: data.regionId, name: 'Nog zonder perceel', law: 'wmo' },
    })
    const fast = await regionDashboard(db, data.regionId, { today, segmentId })
    expect(fast).toEqual(await regionDashboardByRules(db, data.regionId, { today, segmentId }))
    expect(fast.segmentId).toBe(segmentId)
    expect(fast.trend.length).toBeGreaterThan(0)
    expect(fast.trend.every((t) => t.providers === 0)).toBe(true)
  })

  it('gives empty figures for a region without segments or municipalities', async () => {
    const regionId = await f.createRegion(db, [])
    const today = new Date('2026-11-23T10:00:00Z')
    expect(await regionDashboard(db, regionId, { today })).toEqual(
      await regionDashboardByRules(db, regionId, { today }),
    )
  })
})

describe('medianOfCounts', () => {
  it('equals median on the values written out', () => {
    const random = rng(99)
    for (let i = 0; i < 200; i++) {
      const counts = Array.from({ length: Math.floor(random() * 6) }, () => ({
        value: Math.floor(random() * 20),
        count: Math.floor(random() * 4),
      }))
      const values = counts.flatMap((c) => Array.from({ length: c.count }, () => c.value))
      expect(medianOfCounts(counts)).toBe(median(values))
    }
  })
})
