import { db } from '~/utils/db.server'
import { recordAudit } from '~/domain/audit/audit.server'
import { verifyPassword, dummyPasswordHash } from './password.server'

/**
 * Checks an e-mail address and password. Answers the same way, in about the same time, whether or not the
 * account exists, so the sign-in form does not reveal who has an account.
 */
export async function authenticate(email: string, password: string, ip: string | null) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: {
      id: true,
      name: true,
      email: true,
      passwordHash: true,
      totpEnabledAt: true,
      emailVerifiedAt: true,
    },
  })
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password)
    return null
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordAudit(db, {
      actor: { userId: user.id, label: user.email, ip },
      action: 'aanmelding.mislukt',
      subjectType: 'gebruiker',
      subjectId: user.id,
      summary: 'Onjuist wachtwoord',
    })
    return null
  }
  await recordAudit(db, {
    actor: { userId: user.id, label: user.email, ip },
    action: 'aanmelding',
    subjectType: 'gebruiker',
    subjectId: user.id,
    summary: user.totpEnabledAt ? 'Wachtwoord juist; tweede stap gevraagd' : 'Ingelogd',
  })
  return user
}
