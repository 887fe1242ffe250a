import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { listAuditForSubject, recordAudit } from './audit.server'

const db = getDb()

describe('the audit trail', () => {
  it('records who did what, and the database refuses to change or remove an event', async () => {
    const subjectId = `onderwerp-${Date.now()}`
    await recordAudit(db, {
      actor: { userId: 'u-audit', label: 'Inkoper <inkoper@example.org>', ip: '192.0.2.7' },
      action: 'toetreding.toegelaten',
      subjectType: 'Entry',
      subjectId,
      summary: 'Toegelaten voor Tiel',
      reason: 'Voldoet aan alle eisen',
      regionId: 'regio-test',
    })
    const [event] = await listAuditForSubject(db, 'Entry', subjectId)
    expect(event).toMatchObject({
      actorLabel: 'Inkoper <inkoper@example.org>',
      action: 'toetreding.toegelaten',
      reason: 'Voldoet aan alle eisen',
    })

    // Each engine words the refusal its own way (SQLite's trigger abort reaches Prisma as a constraint error).
    await expect(
      db.auditEvent.update({ where: { id: event!.id }, data: { summary: 'Afgewezen' } }),
    ).rejects.toThrow()
    await expect(db.auditEvent.delete({ where: { id: event!.id } })).rejects.toThrow()
    await expect(db.auditEvent.deleteMany({ where: { subjectId } })).rejects.toThrow()
    expect(await listAuditForSubject(db, 'Entry', subjectId)).toEqual([event])
  })
})
