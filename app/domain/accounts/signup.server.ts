import { db, type DbOrTx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { getEnv } from '~/utils/env.server'
import { queueEmail } from '~/utils/email.server'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { hashPassword } from './password.server'
import {
  TOKEN_PURPOSES,
  codeTokenValue,
  consumeToken,
  findValidToken,
  issueToken,
  newConfirmationCode,
  revokeEmailChanges,
} from './tokens.server'

function appUrl(path: string) {
  return `${getEnv().APP_URL.replace(/\/$/, '')}${path}`
}

/**
 * Signs someone up. Answers the same either way: for a new address it creates the account and sends the
 * confirmation e-mail; for a known address it creates nothing and e-mails that person that they already have one.
 * Returns the new user's id (null when the address was known), so the route can sign the new user in.
 */
export async function signUp(
  input: { name: string; email: string; password: string },
  ip: string | null,
): Promise<string | null> {
  const email = input.email.trim().toLowerCase()
  // Hashed whether or not the address is known, so the response time does not tell either (argon2 dominates it).
  const passwordHash = await hashPassword(input.password)
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, name: true } })
  if (existing) {
    await db.$transaction(async (tx) => {
      await queueEmail(tx, {
        to: email,
        subject: 'U heeft al een account bij Aanbiederspoort',
        text: [
          `Beste ${existing.name},`,
          '',
          'Iemand wilde met dit e-mailadres een account aanmaken bij Aanbiederspoort. U heeft al een account.',
          `Inloggen: ${appUrl('/inloggen')}`,
          `Wachtwoord vergeten? ${appUrl('/wachtwoord-vergeten')}`,
          '',
          'Was u dit niet? Dan hoeft u niets te doen.',
        ].join('\n'),
      })
      await recordAudit(tx, {
        actor: { userId: existing.id, label: email, ip },
        action: 'account.registratie-bestaand',
        subjectType: 'gebruiker',
        subjectId: existing.id,
        summary: 'Registratie met een bestaand e-mailadres; melding gestuurd',
      })
    })
    return null
  }
  const id = newId()
  await db.$transaction(async (tx) => {
    await tx.user.create({ data: { id, email, name: input.name.trim(), passwordHash } })
    await recordAudit(tx, {
      actor: { userId: id, label: email, ip },
      action: 'account.aangemaakt',
      subjectType: 'gebruiker',
      subjectId: id,
      summary: 'Account aangemaakt; e-mailadres nog niet bevestigd',
    })
    await sendConfirmation(tx, { id, email, name: input.name.trim() })
  })
  return id
}

/** Queues the confirmation e-mail with a link and a 6-digit code (both single use, 24 hours). */
export async function sendConfirmation(tx: DbOrTx, user: { id: string; email: string; name: string }) {
  const token = await issueToken(tx, TOKEN_PURPOSES.confirmEmail, { email: user.email, userId: user.id })
  const code = newConfirmationCode()
  await issueToken(
    tx,
    TOKEN_PURPOSES.confirmEmailCode,
    { email: user.email, userId: user.id },
    codeTokenValue(user.id, code),
  )
  await queueEmail(tx, {
    to: user.email,
    subject: 'Bevestig uw e-mailadres voor Aanbiederspoort',
    text: [
      `Beste ${user.name},`,
      '',
      'Bevestig uw e-mailadres met deze link:',
      appUrl(`/account/bevestigen?token=${token}`),
      '',
      `Of vul deze code in op de website: ${code}`,
      '',
      'De link en de code zijn 24 uur geldig. Heeft u geen account aangemaakt? Dan hoeft u niets te doen.',
    ].join('\n'),
  })
}

async function markVerified(tx: DbOrTx, userId: string, actor: Actor, how: string) {
  await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now() } })
  await tx.verificationToken.updateMany({
    where: {
      userId,
      purpose: { in: [TOKEN_PURPOSES.confirmEmail, TOKEN_PURPOSES.confirmEmailCode] },
      usedAt: null,
    },
    data: { usedAt: now() },
  })
  await recordAudit(tx, {
    actor,
    action: 'account.bevestigd',
    subjectType: 'gebruiker',
    subjectId: userId,
    summary: `E-mailadres bevestigd met ${how}`,
  })
}

/** Confirms by the link in the e-mail. Returns the user id, or null for a wrong, used or expired link. */
export async function confirmEmailByToken(token: string, ip: string | null): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const row = await consumeToken(tx, TOKEN_PURPOSES.confirmEmail, token)
    if (!row?.userId) return null
    const user = await tx.user.findUnique({ where: { id: row.userId }, select: { email: true } })
    if (!user || user.email !== row.email) return null
    await markVerified(tx, row.userId, { userId: row.userId, label: row.email, ip }, 'de link')
    return row.userId
  })
}

/** Confirms by the code from the e-mail, for the signed-in (unconfirmed) user. */
export async function confirmEmailByCode(
  user: { id: string; email: string },
  code: string,
  ip: string | null,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await consumeToken(tx, TOKEN_PURPOSES.confirmEmailCode, codeTokenValue(user.id, code))
    if (!row || row.userId !== user.id || row.email !== user.email) return false
    await markVerified(tx, user.id, { userId: user.id, label: user.email, ip }, 'de code')
    return true
  })
}

/** Sends a reset link when the address has an account; does nothing visible otherwise. */
export async function requestPasswordReset(emailInput: string, ip: string | null) {
  const email = emailInput.trim().toLowerCase()
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } })
  if (!user) return
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, TOKEN_PURPOSES.resetPassword, { email, userId: user.id })
    await queueEmail(tx, {
      to: email,
      subject: 'Nieuw wachtwoord instellen voor Aanbiederspoort',
      text: [
        `Beste ${user.name},`,
        '',
        'U heeft gevraagd om een nieuw wachtwoord. Kies een nieuw wachtwoord via deze link:',
        appUrl(`/wachtwoord-herstellen/${token}`),
        '',
        'De link is 1 uur geldig en werkt één keer. Heeft u dit niet gevraagd? Dan hoeft u niets te doen.',
      ].join('\n'),
    })
    await recordAudit(tx, {
      actor: { userId: user.id, label: email, ip },
      action: 'wachtwoord.herstel-gevraagd',
      subjectType: 'gebruiker',
      subjectId: user.id,
      summary: 'Link voor nieuw wachtwoord gestuurd',
    })
  })
}

/**
 * Sets a new password with a reset link. Ends every session of the account (someone else may have been signed in)
 * and confirms the e-mail address (the link reached it). Returns false for a wrong, used or expired link.
 */
export async function resetPassword(token: string, password: string, ip: string | null): Promise<boolean> {
  const passwordHash = await hashPassword(password)
  return db.$transaction(async (tx) => {
    const row = await consumeToken(tx, TOKEN_PURPOSES.resetPassword, token)
    if (!row?.userId) return false
    const user = await tx.user.findUnique({
      where: { id: row.userId },
      select: { email: true, emailVerifiedAt: true },
    })
    if (!user || user.email !== row.email) return false
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now() },
    })
    await tx.userSession.deleteMany({ where: { userId: row.userId } })
    await revokeEmailChanges(tx, row.userId)
    await recordAudit(tx, {
      actor: { userId: row.userId, label: row.email, ip },
      action: 'wachtwoord.hersteld',
      subjectType: 'gebruiker',
      subjectId: row.userId,
      summary: 'Nieuw wachtwoord ingesteld via e-mail; alle sessies beëindigd',
    })
    return true
  })
}

/** Whether a reset link can still be used (for showing the form or an explanation). */
export async function isResetTokenValid(token: string) {
  return !!(await findValidToken(db, TOKEN_PURPOSES.resetPassword, token))
}
