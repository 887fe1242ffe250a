import { db, lockRow, type Tx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { recordAudit } from '~/domain/audit/audit.server'
import { hashPassword } from './password.server'
import { ROLE_LABELS, type OrganisationRole, type RegionRole } from './roles'
import { TOKEN_PURPOSES, consumeToken, findValidToken } from './tokens.server'

type InvitationRow = NonNullable<Awaited<ReturnType<typeof findValidToken>>>

async function findInvitation(tx: Tx | typeof db, token: string): Promise<InvitationRow | null> {
  return (
    (await findValidToken(tx, TOKEN_PURPOSES.inviteOrganisation, token)) ??
    (await findValidToken(tx, TOKEN_PURPOSES.inviteRegion, token))
  )
}

/** What an invitation link is for, to show before accepting; null when it is unknown, used or expired. */
export async function describeInvitation(token: string) {
  const row = await findInvitation(db, token)
  if (!row) return null
  const accountExists = !!(await db.user.findUnique({ where: { email: row.email }, select: { id: true } }))
  const role = ROLE_LABELS[row.role as OrganisationRole | RegionRole] ?? row.role ?? ''
  if (row.organisationId) {
    const org = await db.organisation.findUnique({
      where: { id: row.organisationId },
      select: { name: true },
    })
    if (!org) return null
    return { kind: 'organisatie' as const, name: org.name, role, email: row.email, accountExists }
  }
  if (row.regionId) {
    const region = await db.region.findUnique({ where: { id: row.regionId }, select: { name: true } })
    if (!region) return null
    return { kind: 'regio' as const, name: region.name, role, email: row.email, accountExists }
  }
  return null
}

/**
 * Takes the organisation's or region's membership lock before the token is used, so the row consumeToken reads again
 * reflects a concurrent change there (a municipality taken out of the region and of this invitation, or the
 * invitation revoked with its inviter).
 */
async function lockInvitationTarget(tx: Tx, row: InvitationRow) {
  if (row.organisationId) await lockRow(tx, 'Organisation', row.organisationId)
  else if (row.regionId) await lockRow(tx, 'Region', row.regionId)
}

async function addMembership(tx: Tx, row: InvitationRow, userId: string, label: string, ip: string | null) {
  if (row.organisationId) {
    const existing = await tx.organisationMembership.findUnique({
      where: { userId_organisationId: { userId, organisationId: row.organisationId } },
      select: { id: true },
    })
    if (!existing) {
      await tx.organisationMembership.create({
        data: { id: newId(), userId, organisationId: row.organisationId, role: row.role ?? 'medewerker' },
      })
    }
    await recordAudit(tx, {
      actor: { userId, label, ip },
      action: 'organisatie.uitnodiging-aangenomen',
      subjectType: 'organisatie',
      subjectId: row.organisationId,
      summary: `${label} neemt de uitnodiging aan als ${(row.role ?? 'medewerker').toLowerCase()}`,
      organisationId: row.organisationId,
    })
    return { organisationId: row.organisationId, regionId: null }
  }
  const regionId = row.regionId!
  const role = row.role ?? 'inkoper'
  const existing = await tx.regionMembership.findUnique({
    where: { userId_regionId_role: { userId, regionId, role } },
    select: { id: true },
  })
  if (!existing) {
    const codes = row.gemeenteCodes.split(',').filter(Boolean)
    await tx.regionMembership.create({
      data: {
        id: newId(),
        userId,
        regionId,
        role,
        gemeenten: { create: codes.map((gemeenteCode) => ({ gemeenteCode })) },
      },
    })
  }
  await recordAudit(tx, {
    actor: { userId, label, ip },
    action: 'regio.uitnodiging-aangenomen',
    subjectType: 'regio',
    subjectId: regionId,
    summary: `${label} neemt de uitnodiging aan als ${role}`,
    regionId,
  })
  return { organisationId: null, regionId }
}

export type AcceptResult =
  | { ok: true; organisationId: string | null; regionId: string | null }
  | { ok: false; reason: 'invalid' | 'other-account' }

/** A signed-in user accepts an invitation sent to their own address. */
export async function acceptInvitation(
  token: string,
  user: { id: string; email: string },
  ip: string | null,
): Promise<AcceptResult> {
  return db.$transaction(async (tx): Promise<AcceptResult> => {
    const peek = await findInvitation(tx, token)
    if (!peek) return { ok: false, reason: 'invalid' }
    if (peek.email !== user.email) return { ok: false, reason: 'other-account' }
    await lockInvitationTarget(tx, peek)
    const row = await consumeToken(tx, peek.purpose as 'uitnodiging-organisatie', token)
    if (!row) return { ok: false, reason: 'invalid' }
    const added = await addMembership(tx, row, user.id, user.email, ip)
    return { ok: true, ...added }
  })
}

/**
 * Someone without an account accepts: the account is created with the invited address (confirmed, since the link
 * reached it) and the membership is added. Returns the new user id, or null when the link is no longer valid or
 * an account with the address exists by now (they should sign in instead).
 */
export async function acceptInvitationWithNewAccount(
  token: string,
  input: { name: string; password: string },
  ip: string | null,
): Promise<string | null> {
  const passwordHash = await hashPassword(input.password)
  return db.$transaction(async (tx) => {
    const peek = await findInvitation(tx, token)
    if (!peek) return null
    if (await tx.user.findUnique({ where: { email: peek.email }, select: { id: true } })) return null
    await lockInvitationTarget(tx, peek)
    const row = await consumeToken(tx, peek.purpose as 'uitnodiging-organisatie', token)
    if (!row) return null
    const id = newId()
    await tx.user.create({
      data: { id, email: row.email, name: input.name, passwordHash, emailVerifiedAt: now() },
    })
    await recordAudit(tx, {
      actor: { userId: id, label: row.email, ip },
      action: 'account.aangemaakt',
      subjectType: 'gebruiker',
      subjectId: id,
      summary: 'Account aangemaakt via een uitnodiging',
    })
    await addMembership(tx, row, id, row.email, ip)
    return id
  })
}
