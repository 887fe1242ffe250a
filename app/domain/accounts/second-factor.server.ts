import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { hashToken } from '~/utils/ids.server'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { verifyTotp } from './totp.server'
import type { Viewer } from './permissions.server'

/** Accepts a TOTP code or an unused recovery code and marks the session as having passed the second factor. */
export async function completeSecondFactor(viewer: Viewer, code: string, actor: Actor): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: viewer.user.id }, select: { totpSecret: true } })
  if (!user?.totpSecret) return false
  let method = 'app'
  if (!verifyTotp(user.totpSecret, code, now())) {
    const normalised = code.replace(/[\s-]/g, '').toLowerCase()
    const used = await db.recoveryCode.updateMany({
      where: { userId: viewer.user.id, codeHash: hashToken(normalised), usedAt: null },
      data: { usedAt: now() },
    })
    if (used.count !== 1) return false
    method = 'herstelcode'
  }
  await db.$transaction(async (tx) => {
    await tx.userSession.update({ where: { id: viewer.session.id }, data: { secondFactorAt: now() } })
    await recordAudit(tx, {
      actor,
      action: 'aanmelding.tweestaps',
      subjectType: 'gebruiker',
      subjectId: viewer.user.id,
      summary: `Tweede stap voltooid met ${method}`,
    })
  })
  return true
}
