import { db } from '~/utils/db.server'
import { hashToken, newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { getEnv } from '~/utils/env.server'
import { queueEmail } from '~/utils/email.server'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { hashPassword, verifyPassword } from './password.server'
import { TOKEN_PURPOSES, consumeToken, issueToken, revokeEmailChanges } from './tokens.server'
import { newTotpSecret, totpFor, totpStep } from './totp.server'
import { randomBytes } from 'node:crypto'

type Who = { userId: string; actor: Actor }

async function checkPassword(userId: string, password: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
  return verifyPassword(user.passwordHash, password)
}

export async function changeName({ userId, actor }: Who, name: string) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name } })
    await recordAudit(tx, {
      actor,
      action: 'account.naam-gewijzigd',
      subjectType: 'gebruiker',
      subjectId: userId,
      summary: `Naam gewijzigd in ${name}`,
    })
  })
}

/** Changes the password after checking the current one, and ends every other session. */
export async function changePassword(
  { userId, actor }: Who,
  currentSessionId: string,
  current: string,
  next: string,
): Promise<boolean> {
  if (!(await checkPassword(userId, current))) return false
  const passwordHash = await hashPassword(next)
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } })
    await tx.userSession.deleteMany({ where: { userId, id: { not: currentSessionId } } })
    await revokeEmailChanges(tx, userId)
    await recordAudit(tx, {
      actor,
      action: 'wachtwoord.gewijzigd',
      subjectType: 'gebruiker',
      subjectId: userId,
      summary: 'Wachtwoord gewijzigd; andere sessies beëindigd',
    })
  })
  return true
}

/**
 * Starts an e-mail change: a link goes to the NEW address; the address changes only when that link is followed.
 * Returns 'wrong-password', or 'sent' (also when the new address is taken: we then tell nobody anything new).
 */
export async function requestEmailChange(
  { userId, actor }: Who,
  password: string,
  newEmail: string,
): Promise<'wrong-password' | 'sent'> {
  if (!(await checkPassword(userId, password))) return 'wrong-password'
  const email = newEmail.trim().toLowerCase()
  const taken = await db.user.findUnique({ where: { email }, select: { id: true } })
  await db.$transaction(async (tx) => {
    // Only the latest request counts.
    await revokeEmailChanges(tx, userId)
    if (!taken) {
      const token = await issueToken(tx, TOKEN_PURPOSES.changeEmail, { email, userId })
      await queueEmail(tx, {
        to: email,
        subject: 'Bevestig uw nieuwe e-mailadres voor Aanbiederspoort',
        text: [
          'U wilt dit e-mailadres gebruiken voor uw account bij Aanbiederspoort. Bevestig dat met deze link:',
          `${getEnv().APP_URL.replace(/\/$/, '')}/account/email-wijzigen/${token}`,
          '',
          'De link is 24 uur geldig. Heeft u dit niet gevraagd? Dan hoeft u niets te doen.',
        ].join('\n'),
      })
    }
    await recordAudit(tx, {
      actor,
      action: 'account.email-wijziging-gevraagd',
      subjectType: 'gebruiker',
      subjectId: userId,
      summary: taken
        ? 'Wijziging e-mailadres gevraagd; het nieuwe adres is al in gebruik'
        : 'Wijziging e-mailadres gevraagd; bevestigingslink gestuurd',
    })
  })
  return 'sent'
}

/** Follows the link from the new address. Returns the new address, or null for a wrong/used/expired link. */
export async function confirmEmailChange(token: string, ip: string | null): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const row = await consumeToken(tx, TOKEN_PURPOSES.changeEmail, token)
    if (!row?.userId) return null
    const taken = await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })
    if (taken) return null
    const before = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { email: true } })
    await tx.user.update({ where: { id: row.userId }, data: { email: row.email, emailVerifiedAt: now() } })
    await queueEmail(tx, {
      to: before.email,
      subject: 'Uw e-mailadres bij Aanbiederspoort is gewijzigd',
      text: `Uw account gebruikt vanaf nu het e-mailadres ${row.email}. Was u dit niet? Neem dan direct contact met ons op.`,
    })
    await recordAudit(tx, {
      actor: { userId: row.userId, label: row.email, ip },
      action: 'account.email-gewijzigd',
      subjectType: 'gebruiker',
      subjectId: row.userId,
      summary: `E-mailadres gewijzigd van ${before.email} in ${row.email}`,
    })
    return row.email
  })
}

export async function listSessions(userId: string) {
  return db.userSession.findMany({
    where: { userId, expiresAt: { gt: now() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
  })
}

/** Ends one of the user's own sessions. Someone else's session id does nothing. */
export async function endSession({ userId, actor }: Who, sessionId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ended = await tx.userSession.deleteMany({ where: { id: sessionId, userId } })
    if (ended.count === 0) return false
    await recordAudit(tx, {
      actor,
      action: 'sessie.beeindigd',
      subjectType: 'gebruiker',
      subjectId: userId,
      summary: 'Een sessie beëindigd',
    })
    return true
  })
}

// --- TOTP ------------------------------------------------------------------------------------------------------------

export const RECOVERY_CODE_COUNT = 10

/** Recovery codes as people read them ("abcd-efgh-ijkl"); stored as the hash of the code without dashes. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12)
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('')
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`
  })
}

/** A secret to set up, kept on the user but not yet active (totpEnabledAt stays empty until a code is confirmed). */
export async function startTotpSetup(userId: string, email: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  })
  let secret = user.totpSecret
  if (!secret || user.totpEnabledAt) {
    if (user.totpEnabledAt) throw new Error('Tweestapsverificatie staat al aan')
    secret = newTotpSecret()
    await db.user.update({ where: { id: userId }, data: { totpSecret: secret } })
  }
  return { secret, uri: totpFor(secret, email).toString() }
}

/**
 * Switches TOTP on after the user typed a valid code from their app. Returns the recovery codes to show ONCE (only
 * their hashes are stored), or null when the code is wrong. The current session counts as having passed the factor.
 */
export async function enableTotp(
  { userId, actor }: Who,
  sessionId: string,
  code: string,
): Promise<string[] | null> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  })
  if (!user.totpSecret || user.totpEnabledAt) return null
  const step = totpStep(user.totpSecret, code, now())
  if (step === null) return null
  const codes = newRecoveryCodes()
  const enabledAt = now()
  await db.$transaction(async (tx) => {
    // The code that switched it on is used up: the next sign-in needs the app's next code.
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: enabledAt, totpLastStep: step } })
    await tx.recoveryCode.deleteMany({ where: { userId } })
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ id: newId(), userId, codeHash: hashToken(c.replace(/-/g, '')) })),
    })
    // Only this session has shown a code; the user's other sessions must pass the second factor (secondFactorPassed).
    await tx.userSession.updateMany({ where: { id: sessionId, userId }, data: { secondFactorAt: enabledAt } })
    await recordAudit(tx, {
      actor,
      action: 'tweestaps.aangezet',
      subjectType: 'gebruiker',
      subjectId: userId,
      summary: 'Tweestapsverificatie aangezet; herstelcodes aangemaakt',
    })
  })
  return codes
}

/** Switches TOTP off after checking the password. Staff may not (the caller checks); codes and secret are removed. */
export async function disableTotp({ userId, actor }: Who, password: string): Promise<boolean> {
  if (!(await checkPassword(userId, password))) return false
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpEnabledAt: null, totpSecret: null, totpLastStep: null },
    })
    await tx.recoveryCode.deleteMany({ where: { userId } })
    await recordAudit(tx, {
      actor,
      action: 'tweestaps.uitgezet',
      subjectType: 'gebruiker',
      subjectId: userId,
      summary: 'Tweestapsverificatie uitgezet',
    })
  })
  return true
}

export async function unusedRecoveryCodeCount(userId: string) {
  return db.recoveryCode.count({ where: { userId, usedAt: null } })
}
