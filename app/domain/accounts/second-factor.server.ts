import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { hashToken } from '~/utils/ids.server'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { totpStep } from './totp.server'
import type { Viewer } from './permissions.server'

/** `reused`: a right app code that was already used (someone may have watched it being typed). */
export type SecondFactorResult = 'ok' | 'wrong' | 'reused'

/** Accepts a TOTP code once, or an unused recovery code, and marks the session as having passed the second factor. */
export async function completeSecondFactor(
  viewer: Viewer,
  code: string,
  actor: Actor,
): Promise<SecondFactorResult> {
  const user = await db.user.findUnique({ where: { id: viewer.user.id }, select: { totpSecret: true } })
  if (!user?.totpSecret) return 'wrong'
  let method = 'app'
  const step = totpStep(user.totpSecret, code, now())
  if (step !== null) {
    // One conditional write, so two requests with the same code cannot both pass.
    const claimed = await db.user.updateMany({
      where: { id: viewer.user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    })
    if (claimed.count !== 1) return 'reused'
  } else {
    const normalised = code.replace(/[\s-]/g, '').toLowerCase()
    const used = await db.recoveryCode.updateMany({
      where: { userId: viewer.user.id, codeHash: hashToken(normalised), usedAt: null },
      data: { usedAt: now() },
    })
    if (used.count !== 1) return 'wrong'
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
  return 'ok'
}
