import type { DbOrTx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'

/** Who did something: a signed-in user, or the system itself (jobs, reminders). */
export type Actor = { userId: string; label: string; ip?: string | null } | { system: string }

export type AuditInput = {
  actor: Actor
  action: string
  subjectType: string
  subjectId: string
  summary: string
  reason?: string | null
  organisationId?: string | null
  regionId?: string | null
}

/**
 * The one way every capability writes to the append-only audit trail. Pass the transaction client of the change
 * being recorded, so the event and the change are committed together or not at all.
 */
export async function recordAudit(tx: DbOrTx, input: AuditInput) {
  const isUser = 'userId' in input.actor
  await tx.auditEvent.create({
    data: {
      id: newId(),
      at: now(),
      actorUserId: isUser ? (input.actor as { userId: string }).userId : null,
      actorLabel: isUser
        ? (input.actor as { label: string }).label
        : `systeem: ${(input.actor as { system: string }).system}`,
      ip: isUser ? ((input.actor as { ip?: string | null }).ip ?? null) : null,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      summary: input.summary,
      reason: input.reason ?? null,
      organisationId: input.organisationId ?? null,
      regionId: input.regionId ?? null,
    },
  })
}

export async function listAuditForSubject(db: DbOrTx, subjectType: string, subjectId: string) {
  return db.auditEvent.findMany({
    where: { subjectType, subjectId },
    orderBy: { at: 'asc' },
    select: { id: true, at: true, actorLabel: true, action: true, summary: true, reason: true },
  })
}
