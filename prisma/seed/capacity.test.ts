import { describe, expect, it } from 'vitest'
import { getDb } from '../../app/utils/db.server'
import { capacityFreshness } from '../../app/domain/capacity/rules'
import * as f from '../../app/domain/capacity/test-factories'
import { seedCapacity } from './capacity'

const db = getDb()

describe('seedCapacity', () => {
  it('does nothing without admissions', async () => {
    await seedCapacity(db)
    expect(await db.capacityReport.count()).toBe(0)
  })

  it('gives every admitted product a six-month history with a realistic spread', async () => {
    const g = await f.ensureGemeente(db, 'GM0281', 'Tiel')
    for (const code of ['4001', '4002', '4003', '4004', '4005']) await f.ensurePc4(db, code, g)
    const regionId = await f.createRegion(db, [g])
    const seg = await f.createSegmentWithProducts(db, regionId, { products: 3 })
    const orgs = []
    for (let i = 0; i < 25; i++) {
      const org = await f.createOrganisation(db)
      orgs.push(org.id)
      for (const productId of seg.productIds) {
        await f.createAdmission(db, { organisationId: org.id, productId, gemeenteCode: g })
      }
    }
    await seedCapacity(db)
    const current = await db.capacityReport.findMany({ where: { isCurrent: true } })
    // Every organisation × product has current capacity: for the whole product, or per location (some two).
    const locationsOf = new Map<string, string[]>()
    for (const r of current) {
      const key = `${r.organisationId}|${r.productId}`
      locationsOf.set(key, [...(locationsOf.get(key) ?? []), r.location])
    }
    expect(locationsOf.size).toBe(25 * 3)
    const perLocation = [...locationsOf.values()].filter((l) => l[0] !== '')
    expect(perLocation.length).toBeGreaterThan(5)
    expect(perLocation.some((l) => l.length === 2)).toBe(true)
    expect([...locationsOf.values()].every((l) => l.length === 1 || !l.includes(''))).toBe(true)
    const history = await db.capacityReport.findMany({ where: { isCurrent: false } })
    expect(history.length).toBeGreaterThan(75)
    expect(history.every((r) => r.supersededAt !== null && r.supersededAt > r.confirmedAt)).toBe(true)
    const today = new Date()
    const statuses = current.map((r) => capacityFreshness(r.confirmedAt, today).status)
    expect(statuses).toContain('actueel')
    expect(statuses).toContain('herinnering')
    expect(statuses).toContain('verouderd')
    const waits = [...current, ...history].map((r) => r.waitingWeeks!)
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...waits)).toBeLessThanOrEqual(30)
    const accepting = current.filter((r) => r.accepting !== 'nee').length
    expect(accepting / current.length).toBeGreaterThan(0.6)
    const oldest = Math.min(...history.map((r) => r.confirmedAt.getTime()))
    expect(today.getTime() - oldest).toBeLessThanOrEqual(186 * 24 * 60 * 60 * 1000)
    expect(await db.admission.count({ where: { coversWhole: false } })).toBeGreaterThan(0)
  }, 120_000)
})
