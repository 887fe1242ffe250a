import { describe, expect, it } from 'vitest'
import { db } from '../../app/utils/db.server'
import { getEnv } from '../../app/utils/env.server'
import { seedScale } from './scale'

describe('schaaldata (npm run db:seed:scale)', () => {
  it('maakt op grootte 0,01 een samenhangende set: eindige toelatingen met einddatum, capaciteitsgeschiedenis als keten', async () => {
    const counts = await seedScale(db, getEnv().DATABASE_URL, 0.01)
    expect(counts.organisations).toBe(200)
    expect(counts.regions).toBe(40)
    expect(counts.admissions).toBeGreaterThan(1000)

    const admissions = await db.admission.findMany({
      where: { id: { startsWith: 'scale-' } },
      select: { status: true, since: true, endedAt: true },
    })
    const ended = admissions.filter((a) => a.status === 'beeindigd')
    expect(ended.length).toBeGreaterThan(0)
    for (const a of ended) {
      expect(a.endedAt).not.toBeNull()
      expect(a.endedAt!.getTime()).toBeGreaterThanOrEqual(a.since.getTime())
      expect(a.endedAt!.getTime()).toBeLessThanOrEqual(Date.now())
    }
    expect(admissions.filter((a) => a.status !== 'beeindigd').every((a) => a.endedAt === null)).toBe(true)

    // Per provider and product: one current report, and every older one superseded at the next one's confirmation.
    const reports = await db.capacityReport.findMany({
      where: { id: { startsWith: 'scale-' } },
      select: {
        organisationId: true,
        productId: true,
        confirmedAt: true,
        supersededAt: true,
        isCurrent: true,
      },
      orderBy: { confirmedAt: 'asc' },
    })
    const chains = new Map<string, typeof reports>()
    for (const r of reports) {
      const key = `${r.organisationId}:${r.productId}`
      chains.set(key, [...(chains.get(key) ?? []), r])
    }
    expect(chains.size).toBeGreaterThan(100)
    for (const chain of chains.values()) {
      expect(chain.filter((r) => r.isCurrent)).toEqual([chain.at(-1)])
      expect(chain.at(-1)!.supersededAt).toBeNull()
      for (let i = 0; i < chain.length - 1; i++) {
        expect(chain[i].supersededAt).toEqual(chain[i + 1].confirmedAt)
      }
    }
  })
})
