import type { DbOrTx } from '~/utils/db.server'
import { hashToken, newId, newToken } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { randomInt } from 'node:crypto'

/**
 * Single-use tokens sent by e-mail. Only the SHA-256 of a token is stored; a token is used once (the `usedAt` update
 * only succeeds for an unused row, so two simultaneous clicks cannot both win) and expires.
 */
export const TOKEN_PURPOSES = {
  confirmEmail: 'email-bevestigen',
  /** The 6-digit code in the same e-mail; its hash includes the user id, so equal codes of two users never clash. */
  confirmEmailCode: 'email-bevestigen-code',
  resetPassword: 'wachtwoord-herstellen',
  changeEmail: 'email-wijzigen',
  inviteOrganisation: 'uitnodiging-organisatie',
  inviteRegion: 'uitnodiging-regio',
} as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[keyof typeof TOKEN_PURPOSES]

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  'email-bevestigen': 24 * 60 * 60_000,
  'email-bevestigen-code': 24 * 60 * 60_000,
  'wachtwoord-herstellen': 60 * 60_000,
  'email-wijzigen': 24 * 60 * 60_000,
  'uitnodiging-organisatie': 7 * 24 * 60 * 60_000,
  'uitnodiging-regio': 7 * 24 * 60 * 60_000,
}

export type TokenData = {
  email: string
  userId?: string | null
  organisationId?: string | null
  regionId?: string | null
  role?: string | null
  gemeenteCodes?: string[]
  invitedById?: string | null
}

/**
 * Stores a new token and returns the raw value for the e-mail. Earlier unused tokens of the same kind stop working;
 * invitations excepted, which the inviting code revokes itself per organisation or region (and audits, see
 * `revokeOpenInvitations`).
 */
export async function issueToken(tx: DbOrTx, purpose: TokenPurpose, data: TokenData, raw = newToken()) {
  const at = now()
  if (purpose !== 'uitnodiging-organisatie' && purpose !== 'uitnodiging-regio') {
    await tx.verificationToken.updateMany({
      where: { purpose, email: data.email, userId: data.userId ?? null, usedAt: null },
      data: { usedAt: at },
    })
  }
  await tx.verificationToken.create({
    data: {
      id: newId(),
      purpose,
      tokenHash: hashToken(raw),
      email: data.email,
      userId: data.userId ?? null,
      organisationId: data.organisationId ?? null,
      regionId: data.regionId ?? null,
      role: data.role ?? null,
      gemeenteCodes: (data.gemeenteCodes ?? []).join(','),
      invitedById: data.invitedById ?? null,
      expiresAt: new Date(at.getTime() + TOKEN_TTL_MS[purpose]),
    },
  })
  return raw
}

/**
 * Ends every open e-mail change link of the user, whatever the new address: after a password change or reset, or a
 * new change request, an older link (perhaps requested by someone who knew the old password) must not work.
 */
export async function revokeEmailChanges(tx: DbOrTx, userId: string) {
  await tx.verificationToken.updateMany({
    where: { purpose: TOKEN_PURPOSES.changeEmail, userId, usedAt: null },
    data: { usedAt: now() },
  })
}

/**
 * Ends the unused invitations of one organisation or region that match: those to one address (before inviting it
 * again, so an earlier link with another role stops working), or those one person sent (when they stop being
 * beheerder there, so their links do not outlive their right to invite). Returns the addresses, for the audit trail.
 */
export async function revokeOpenInvitations(
  tx: DbOrTx,
  scope: { organisationId: string } | { regionId: string },
  match: { email: string } | { invitedById: string },
): Promise<string[]> {
  const where = {
    ...('organisationId' in scope
      ? { purpose: TOKEN_PURPOSES.inviteOrganisation, organisationId: scope.organisationId }
      : { purpose: TOKEN_PURPOSES.inviteRegion, regionId: scope.regionId }),
    ...match,
    usedAt: null,
    expiresAt: { gt: now() },
  }
  const open = await tx.verificationToken.findMany({ where, select: { id: true, email: true } })
  if (open.length === 0) return []
  await tx.verificationToken.updateMany({
    where: { id: { in: open.map((t) => t.id) }, usedAt: null },
    data: { usedAt: now() },
  })
  return [...new Set(open.map((t) => t.email))]
}

/** A 6-digit confirmation code; stored as a token whose hash includes the user id. */
export function newConfirmationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}
export function codeTokenValue(userId: string, code: string) {
  return `${userId}:${code.replace(/\s+/g, '')}`
}

/** The token if it exists, has this purpose, is unused and has not expired; does not use it. */
export async function findValidToken(tx: DbOrTx, purpose: TokenPurpose, raw: string) {
  const row = await tx.verificationToken.findUnique({ where: { tokenHash: hashToken(raw) } })
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now()) return null
  return row
}

/** Uses the token once. Returns its row, or null when it is unknown, of another kind, used or expired. */
export async function consumeToken(tx: DbOrTx, purpose: TokenPurpose, raw: string) {
  const row = await findValidToken(tx, purpose, raw)
  if (!row) return null
  const claimed = await tx.verificationToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: now() },
  })
  return claimed.count === 1 ? row : null
}
