import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setClockForTests } from '~/utils/clock'
import { getDb } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { fromAmsterdamLocal } from '~/utils/time'
import { createRegionWithPerceel } from '~/domain/evidence/test-factories'
import { addTariff, getProductTariffs, removeTariff } from './tariffs.server'
import { periodsOverlap } from './tariff-form'

const db = getDb()
const actor = { userId: 'user-inkoper', label: 'Ingrid Inkoper' }
const day = (y: number, m: number, d: number) => fromAmsterdamLocal(y, m, d, 0, 0)

/** A published procurement with one product whose tariff runs from 1 January 2026 without an end date. */
async function product() {
  const p = await createRegionWithPerceel(db, { typeIds: [] })
  await db.tariff.create({
    data: { id: newId(), productId: p.product.id, amountCents: 6000, validFrom: day(2026, 1, 1) },
  })
  const where = { procurementId: p.procurementId, perceelId: p.perceelId, productId: p.product.id }
  return { scope: { regionId: p.regionId, actor }, where, ...p }
}

const periods = async (
  regionId: string,
  where: { procurementId: string; perceelId: string; productId: string },
) => (await getProductTariffs(regionId, where)).tariffs.map((t) => [t.amountCents, t.validFrom, t.validUntil])

describe('tariff periods', () => {
  beforeAll(() => setClockForTests(fromAmsterdamLocal(2026, 11, 23, 10, 0)))
  afterAll(() => setClockForTests(null))

  it('an indexed tariff ends the open-ended one the day before, and is published as a change', async () => {
    const { scope, where, procurementId } = await product()
    const before = await db.procurement.findUniqueOrThrow({ where: { id: procurementId } })
    const result = await addTariff(scope, where, {
      tariff: 6210,
      validFrom: day(2027, 1, 1),
      validUntil: undefined,
      indexation: 'OVA 2027',
    })
    expect(result.ok).toBe(true)
    expect(await periods(scope.regionId, where)).toEqual([
      [6000, day(2026, 1, 1), day(2026, 12, 31)],
      [6210, day(2027, 1, 1), null],
    ])
    const after = await db.procurement.findUniqueOrThrow({ where: { id: procurementId } })
    expect(after.version).toBe(before.version + 1)
    const change = await db.procurementChange.findFirstOrThrow({ where: { procurementId } })
    expect(change.summary).toContain('€ 62,10 vanaf 1 januari 2027')
    expect(change.summary).toContain('het vorige tarief geldt tot en met 31 december 2026')
    const audit = await db.auditEvent.findMany({
      where: { subjectId: procurementId, action: 'catalogue.tariff.added' },
    })
    expect(audit).toHaveLength(1)
  })

  it('refuses a period that overlaps another, naming it, and changes nothing', async () => {
    const { scope, where } = await product()
    await addTariff(scope, where, {
      tariff: 6210,
      validFrom: day(2027, 1, 1),
      validUntil: undefined,
      indexation: undefined,
    })
    const clash = await addTariff(scope, where, {
      tariff: 6100,
      validFrom: day(2026, 6, 1),
      validUntil: day(2027, 3, 1),
      indexation: undefined,
    })
    expect(clash).toEqual({
      ok: false,
      field: 'validFrom',
      message: expect.stringContaining('€ 60,00 vanaf 1 januari 2026 tot en met 31 december 2026'),
    })
    expect(await periods(scope.regionId, where)).toHaveLength(2)
  })

  it('keeps at least one tariff; removing the indexation reopens the tariff it had ended, as a published change', async () => {
    const { scope, where, procurementId } = await product()
    const [only] = (await getProductTariffs(scope.regionId, where)).tariffs
    expect(await removeTariff(scope, where, only.id)).toEqual({
      ok: false,
      field: null,
      message: expect.stringContaining('minstens één tarief'),
    })
    await addTariff(scope, where, {
      tariff: 6210,
      validFrom: day(2027, 1, 1),
      validUntil: undefined,
      indexation: undefined,
    })
    const newest = (await getProductTariffs(scope.regionId, where)).tariffs[1]
    const removed = await removeTariff(scope, where, newest.id)
    expect(removed.ok).toBe(true)
    // No gap: the 2026 tariff runs on without an end date again.
    expect(await periods(scope.regionId, where)).toEqual([[6000, day(2026, 1, 1), null]])
    const change = await db.procurementChange.findFirstOrThrow({
      where: { procurementId, summary: { contains: 'vervalt' } },
    })
    expect(change.summary).toContain(
      'het tarief van € 60,00 vanaf 1 januari 2026 geldt weer zonder einddatum',
    )
  })

  it('refuses removing a tariff that already applied on a published procurement, and keeps it', async () => {
    const { scope, where } = await product()
    await addTariff(scope, where, {
      tariff: 6210,
      validFrom: day(2027, 1, 1),
      validUntil: undefined,
      indexation: undefined,
    })
    const [applied] = (await getProductTariffs(scope.regionId, where)).tariffs
    expect(await removeTariff(scope, where, applied.id)).toEqual({
      ok: false,
      field: null,
      message:
        'Dit tarief geldt al sinds 1 januari 2026 en blijft daarom staan: contracten en overzichten tonen het. Wilt u een ander bedrag, voeg dan een nieuw tarief toe vanaf een latere datum.',
    })
    expect(await periods(scope.regionId, where)).toEqual([
      [6000, day(2026, 1, 1), day(2026, 12, 31)],
      [6210, day(2027, 1, 1), null],
    ])
  })

  it('on a concept procurement a past tariff may still go', async () => {
    const { scope, where, procurementId } = await product()
    await db.procurement.update({ where: { id: procurementId }, data: { status: 'concept' } })
    await addTariff(scope, where, {
      tariff: 6210,
      validFrom: day(2027, 1, 1),
      validUntil: undefined,
      indexation: undefined,
    })
    const [first] = (await getProductTariffs(scope.regionId, where)).tariffs
    expect((await removeTariff(scope, where, first.id)).ok).toBe(true)
  })

  it('stores one of two simultaneous submits of the same indexation and refuses the other', async () => {
    for (let round = 0; round < 4; round++) {
      const { scope, where } = await product()
      const add = () =>
        addTariff(scope, where, {
          tariff: 6210,
          validFrom: day(2027, 1, 1),
          validUntil: undefined,
          indexation: undefined,
        })
      const results = await Promise.all([add(), add()])
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(await periods(scope.regionId, where)).toEqual([
        [6000, day(2026, 1, 1), day(2026, 12, 31)],
        [6210, day(2027, 1, 1), null],
      ])
    }
  })

  it("is not reachable from another region's buyer", async () => {
    const mine = await product()
    const other = await product()
    await expect(getProductTariffs(other.regionId, mine.where)).rejects.toBeInstanceOf(Response)
    await expect(
      addTariff(other.scope, mine.where, {
        tariff: 1,
        validFrom: day(2030, 1, 1),
        validUntil: undefined,
        indexation: undefined,
      }),
    ).rejects.toBeInstanceOf(Response)
  })

  it('periods overlap when they share a day; open-ended runs on forever', () => {
    const p = (from: Date, until: Date | null) => ({ validFrom: from, validUntil: until })
    expect(periodsOverlap(p(day(2026, 1, 1), day(2026, 12, 31)), p(day(2027, 1, 1), null))).toBe(false)
    expect(periodsOverlap(p(day(2026, 1, 1), day(2027, 1, 1)), p(day(2027, 1, 1), null))).toBe(true)
    expect(periodsOverlap(p(day(2026, 1, 1), null), p(day(2030, 1, 1), day(2030, 2, 1)))).toBe(true)
  })
})
