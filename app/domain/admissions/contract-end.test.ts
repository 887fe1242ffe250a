import { afterEach, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'

await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { setClockForTests } = await import('~/utils/clock')
const { fromAmsterdamLocal } = await import('~/utils/time')
const f = await import('~/domain/contracts/test-factories')
const { endAdmissionsAfterContract } = await import('./admissions.server')

const db = getDb()
const day = (y: number, m: number, d: number, h = 0) => fromAmsterdamLocal(y, m, d, h)

afterEach(() => setClockForTests(null))

describe('admissions end with their contract', () => {
  it('on the day after the end date, extensions included; audited, not e-mailed', async () => {
    // The scenario's contract and procurement run to 31 December 2025.
    const s = await f.makeContractScenario(db)
    const extended = await f.makeContractScenario(db)
    await db.contract.update({
      where: { id: extended.contract.id },
      data: { endDate: day(2028, 12, 31) },
    })
    const status = async (id: string) => (await db.admission.findUniqueOrThrow({ where: { id } })).status

    setClockForTests(day(2025, 12, 31, 23))
    await endAdmissionsAfterContract()
    expect(await status(s.admission.id)).toBe('actief')

    const mailsBefore = await db.outboxMessage.count()
    setClockForTests(day(2026, 1, 1, 0))
    expect(await endAdmissionsAfterContract()).toBeGreaterThanOrEqual(1)
    expect(await status(s.admission.id)).toBe('beeindigd')
    expect(await status(extended.admission.id)).toBe('actief')
    const [event] = await db.auditEvent.findMany({
      where: { subjectId: s.admission.id, action: 'toelating.beeindigen' },
    })
    expect(event).toMatchObject({
      actorLabel: 'systeem: contracteinde',
      reason: 'Het contract is afgelopen.',
    })
    expect(await db.outboxMessage.count()).toBe(mailsBefore)
    // Running again changes nothing.
    await endAdmissionsAfterContract()
    expect(await db.auditEvent.count({ where: { subjectId: s.admission.id } })).toBe(1)
  })

  it('ends every expired admission in one run, batch after batch', async () => {
    const scenarios = [await f.makeContractScenario(db), await f.makeContractScenario(db)]
    setClockForTests(day(2026, 1, 1, 3))
    expect(await endAdmissionsAfterContract(undefined, 1)).toBeGreaterThanOrEqual(2)
    for (const s of scenarios)
      expect((await db.admission.findUniqueOrThrow({ where: { id: s.admission.id } })).status).toBe(
        'beeindigd',
      )
  })

  it("without contract terms of its own, a perceel follows its procurement's contract period", async () => {
    const p = await f.makePerceel(db)
    const org = await f.makeOrganisation(db)
    const admission = await f.makeAdmission(db, {
      organisationId: org.id,
      perceelId: p.perceelId,
      productId: p.productId,
      gemeenteCode: p.gemeenteCode,
      status: 'geschorst',
    })
    setClockForTests(day(2026, 1, 2))
    await endAdmissionsAfterContract()
    expect((await db.admission.findUniqueOrThrow({ where: { id: admission.id } })).status).toBe('beeindigd')
  })
})
