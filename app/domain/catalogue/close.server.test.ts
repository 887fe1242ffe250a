import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { fromAmsterdamLocal } from '~/utils/time'
import { createRegionWithPerceel } from '~/domain/evidence/test-factories'
import { publicRegister } from '~/domain/admissions/queries.server'
import { addMilestone, closeProcurement, getPublicProcurement, publishProcurement } from './catalogue.server'
import { addTariff } from './tariffs.server'

const db = getDb()
const actor = { userId: 'user-inkoper', label: 'Ingrid Inkoper' }

describe('closing a procurement', () => {
  it('publishes the closing as a change and refuses every later change, while it stays public', async () => {
    const p = await createRegionWithPerceel(db, { typeIds: [] })
    const scope = { regionId: p.regionId, actor }
    const before = await db.procurement.findUniqueOrThrow({ where: { id: p.procurementId } })

    const closed = await closeProcurement(scope, p.procurementId, 'De looptijd is voorbij.')
    expect(closed.ok).toBe(true)
    const after = await db.procurement.findUniqueOrThrow({ where: { id: p.procurementId } })
    expect(after.status).toBe('gesloten')
    expect(after.version).toBe(before.version + 1)
    const change = await db.procurementChange.findFirstOrThrow({ where: { procurementId: p.procurementId } })
    expect(change.summary).toContain('De looptijd is voorbij.')
    expect(
      await db.auditEvent.count({
        where: { subjectId: p.procurementId, action: 'catalogue.procurement.closed' },
      }),
    ).toBe(1)

    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (e: unknown) => (e instanceof Response ? e.status : e),
      )
    expect(
      await refused(
        addMilestone(scope, p.procurementId, {
          label: 'Later',
          at: fromAmsterdamLocal(2030, 1, 1, 9, 0),
          ifNeeded: false,
        }),
      ),
    ).toBe(409)
    expect(await refused(publishProcurement(scope, p.procurementId, 'Nog iets'))).toBe(409)
    expect(
      await refused(
        addTariff(
          scope,
          { procurementId: p.procurementId, perceelId: p.perceelId, productId: p.product.id },
          {
            tariff: 100,
            validFrom: fromAmsterdamLocal(2030, 1, 1, 0, 0),
            validUntil: undefined,
            indexation: undefined,
          },
        ),
      ),
    ).toBe(409)
    expect(await refused(closeProcurement(scope, p.procurementId, 'Nogmaals'))).toBe(409)

    // Still public: the agenda page and the register of what it admitted.
    expect((await getPublicProcurement(p.procurementId))?.status).toBe('gesloten')
    expect(await publicRegister(p.perceelId)).not.toBeNull()
  })

  it('only closes a published procurement', async () => {
    const p = await createRegionWithPerceel(db, { typeIds: [] })
    await db.procurement.update({ where: { id: p.procurementId }, data: { status: 'concept' } })
    expect(await closeProcurement({ regionId: p.regionId, actor }, p.procurementId, 'Te vroeg')).toEqual({
      ok: false,
      message: expect.stringContaining('Alleen een gepubliceerd'),
    })
  })
})
