import { db, lockRow, type DbOrTx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { getEnv } from '~/utils/env.server'
import { queueEmail } from '~/utils/email.server'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { REGION_ROLES, ROLE_LABELS, type RegionRole } from './roles'
import { refuseLastAdminChange } from './members'
import { TOKEN_PURPOSES, issueToken, revokeOpenInvitations } from './tokens.server'

/** E-mail addresses of the region's staff in one role, each once: e.g. the inkopers to tell about a provider. */
export async function regionStaffEmails(tx: DbOrTx, regionId: string, role: RegionRole): Promise<string[]> {
  const members = await tx.regionMembership.findMany({
    where: { regionId, role },
    select: { user: { select: { email: true } } },
  })
  return [...new Set(members.map((m) => m.user.email))]
}

export const isRegionRole = (v: string): v is RegionRole => (REGION_ROLES as readonly string[]).includes(v)

export async function getRegionOverview(regionId: string) {
  return db.region.findUniqueOrThrow({
    where: { id: regionId },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      gemeenten: {
        select: { gemeente: { select: { code: true, name: true } } },
        orderBy: { gemeente: { name: 'asc' } },
      },
    },
  })
}

export async function listRegionStaff(regionId: string) {
  const [members, invitations] = await Promise.all([
    db.regionMembership.findMany({
      where: { regionId },
      orderBy: [{ user: { name: 'asc' } }, { role: 'asc' }],
      select: {
        id: true,
        role: true,
        user: { select: { id: true, name: true, email: true } },
        gemeenten: { select: { gemeente: { select: { name: true } } } },
      },
    }),
    db.verificationToken.findMany({
      where: { regionId, purpose: TOKEN_PURPOSES.inviteRegion, usedAt: null, expiresAt: { gt: now() } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ])
  return { members, invitations }
}

type Result = { ok: true } | { ok: false; message: string }

type Inviter = { userId: string | null; name: string; actor: Actor }

/**
 * Invites staff by e-mail with a role and optionally the municipalities they work for (7 days, single use). An earlier
 * open invitation to the same address for this region stops working, whatever its role: only the latest link counts.
 */
export async function inviteToRegion(
  regionId: string,
  inviter: Inviter,
  emailInput: string,
  role: RegionRole,
  gemeenteCodes: string[],
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.$transaction((tx) => inviteInTx(tx, regionId, inviter, emailInput, role, gemeenteCodes))
}

/** The invitation itself, inside the caller's transaction so a new region and its first invitation are saved together. */
async function inviteInTx(
  tx: DbOrTx,
  regionId: string,
  inviter: Inviter,
  emailInput: string,
  role: RegionRole,
  gemeenteCodes: string[],
): Promise<Result> {
  const email = emailInput.trim().toLowerCase()
  await lockRow(tx, 'Region', regionId)
  const region = await tx.region.findUniqueOrThrow({
    where: { id: regionId },
    select: { name: true, gemeenten: { select: { gemeenteCode: true } } },
  })
  const allowed = new Set(region.gemeenten.map((g) => g.gemeenteCode))
  if (gemeenteCodes.some((c) => !allowed.has(c))) {
    return { ok: false, message: 'Kies alleen gemeenten die bij deze regio horen.' }
  }
  const already = await tx.regionMembership.findFirst({
    where: { regionId, role, user: { email } },
    select: { id: true },
  })
  if (already) return { ok: false, message: `Deze persoon heeft deze rol al in ${region.name}.` }
  if ((await revokeOpenInvitations(tx, { regionId }, { email })).length > 0) {
    await recordAudit(tx, {
      actor: inviter.actor,
      action: 'regio.uitnodiging-ingetrokken',
      subjectType: 'regio',
      subjectId: regionId,
      summary: `Eerdere uitnodiging aan ${email} ingetrokken: opnieuw uitgenodigd`,
      regionId,
    })
  }
  const token = await issueToken(tx, TOKEN_PURPOSES.inviteRegion, {
    email,
    regionId,
    role,
    gemeenteCodes,
    invitedById: inviter.userId,
  })
  await queueEmail(tx, {
    to: email,
    subject: `Uitnodiging voor ${region.name} in Aanbiederspoort`,
    text: [
      `${inviter.name} nodigt u uit om als ${ROLE_LABELS[role].toLowerCase()} te werken voor ${region.name} in Aanbiederspoort.`,
      '',
      'Neem de uitnodiging aan via deze link:',
      `${getEnv().APP_URL.replace(/\/$/, '')}/uitnodiging/${token}`,
      '',
      'De link is 7 dagen geldig en werkt één keer. U stelt daarna een authenticator-app in voor het inloggen.',
    ].join('\n'),
  })
  await recordAudit(tx, {
    actor: inviter.actor,
    action: 'regio.uitgenodigd',
    subjectType: 'regio',
    subjectId: regionId,
    summary: `${email} uitgenodigd als ${ROLE_LABELS[role].toLowerCase()}`,
    regionId,
  })
  return { ok: true }
}

export async function withdrawRegionInvitation(regionId: string, actor: Actor, tokenId: string) {
  await db.$transaction(async (tx) => {
    const row = await tx.verificationToken.findFirst({
      where: { id: tokenId, regionId, purpose: TOKEN_PURPOSES.inviteRegion, usedAt: null },
      select: { id: true, email: true },
    })
    if (!row) return
    await tx.verificationToken.update({ where: { id: row.id }, data: { usedAt: now() } })
    await recordAudit(tx, {
      actor,
      action: 'regio.uitnodiging-ingetrokken',
      subjectType: 'regio',
      subjectId: regionId,
      summary: `Uitnodiging aan ${row.email} ingetrokken`,
      regionId,
    })
  })
}

/**
 * Ends the open invitations a regiobeheerder sent for the region, when they lose that role (removed or given another):
 * a link must not add staff on behalf of someone who may no longer invite them.
 */
async function revokeInvitationsSentBy(
  tx: DbOrTx,
  regionId: string,
  actor: Actor,
  member: { id: string; name: string },
  why: string,
) {
  const emails = await revokeOpenInvitations(tx, { regionId }, { invitedById: member.id })
  if (emails.length === 0) return
  await recordAudit(tx, {
    actor,
    action: 'regio.uitnodiging-ingetrokken',
    subjectType: 'regio',
    subjectId: regionId,
    summary: `Open uitnodigingen van ${member.name} ingetrokken (${emails.join(', ')}): ${why}`,
    regionId,
  })
}

/** Changes the role of one membership; the region keeps at least one regiobeheerder. */
export async function changeRegionRole(
  regionId: string,
  actor: Actor,
  membershipId: string,
  role: RegionRole,
): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    await lockRow(tx, 'Region', regionId)
    const target = await tx.regionMembership.findFirst({
      where: { id: membershipId, regionId },
      select: { id: true, role: true, userId: true, user: { select: { id: true, name: true } } },
    })
    if (!target) return { ok: false, message: 'Deze persoon hoort niet (meer) bij de regio.' }
    if (target.role === role) return { ok: true }
    const admins = await tx.regionMembership.count({ where: { regionId, role: 'regiobeheerder' } })
    const refusal = refuseLastAdminChange(
      {
        kind: 'change-role',
        targetIsAdmin: target.role === 'regiobeheerder',
        newRoleIsAdmin: role === 'regiobeheerder',
      },
      admins,
    )
    if (refusal) return { ok: false, message: refusal }
    const duplicate = await tx.regionMembership.findFirst({
      where: { regionId, userId: target.userId, role },
      select: { id: true },
    })
    if (duplicate) return { ok: false, message: `${target.user.name} heeft deze rol al.` }
    await tx.regionMembership.update({ where: { id: target.id }, data: { role } })
    await recordAudit(tx, {
      actor,
      action: 'regio.rol-gewijzigd',
      subjectType: 'regio',
      subjectId: regionId,
      summary: `Rol van ${target.user.name} gewijzigd van ${ROLE_LABELS[target.role as RegionRole].toLowerCase()} in ${ROLE_LABELS[role].toLowerCase()}`,
      regionId,
    })
    if (target.role === 'regiobeheerder') {
      await revokeInvitationsSentBy(tx, regionId, actor, target.user, 'geen regiobeheerder meer')
    }
    return { ok: true }
  })
}

/** Removes one membership (one role); the last regiobeheerder stays. */
export async function removeRegionMembership(
  regionId: string,
  actor: Actor,
  membershipId: string,
): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    await lockRow(tx, 'Region', regionId)
    const target = await tx.regionMembership.findFirst({
      where: { id: membershipId, regionId },
      select: { id: true, role: true, user: { select: { id: true, name: true } } },
    })
    if (!target) return { ok: false, message: 'Deze persoon hoort niet (meer) bij de regio.' }
    const admins = await tx.regionMembership.count({ where: { regionId, role: 'regiobeheerder' } })
    const refusal = refuseLastAdminChange(
      { kind: 'remove', targetIsAdmin: target.role === 'regiobeheerder' },
      admins,
    )
    if (refusal) return { ok: false, message: refusal }
    await tx.regionMembership.delete({ where: { id: target.id } })
    await recordAudit(tx, {
      actor,
      action: 'regio.lid-verwijderd',
      subjectType: 'regio',
      subjectId: regionId,
      summary: `${target.user.name} verwijderd als ${ROLE_LABELS[target.role as RegionRole].toLowerCase()}`,
      regionId,
    })
    if (target.role === 'regiobeheerder') {
      await revokeInvitationsSentBy(tx, regionId, actor, target.user, 'geen regiobeheerder meer')
    }
    return { ok: true }
  })
}

// --- platform beheer ---------------------------------------------------------------------------------------------------

/** Every region, with how many regiobeheerders it has and the open invitations for one, so a region left without is seen. */
export async function listRegions() {
  const [regions, admins, invitations] = await Promise.all([
    db.region.findMany({
      orderBy: { name: 'asc' },
      select: {
        id: true,
        slug: true,
        name: true,
        _count: { select: { gemeenten: true, memberships: true } },
      },
    }),
    db.regionMembership.groupBy({
      by: ['regionId'],
      where: { role: 'regiobeheerder' },
      _count: { _all: true },
    }),
    db.verificationToken.findMany({
      where: {
        purpose: TOKEN_PURPOSES.inviteRegion,
        role: 'regiobeheerder',
        usedAt: null,
        expiresAt: { gt: now() },
      },
      orderBy: { createdAt: 'asc' },
      select: { regionId: true, email: true },
    }),
  ])
  const adminCount = new Map(admins.map((a) => [a.regionId, a._count._all]))
  return regions.map((r) => ({
    ...r,
    admins: adminCount.get(r.id) ?? 0,
    invitedAdmins: invitations.filter((i) => i.regionId === r.id).map((i) => i.email),
  }))
}

export async function listGemeenten() {
  return db.gemeente.findMany({
    orderBy: { name: 'asc' },
    select: { code: true, name: true, province: true },
  })
}

/**
 * Creates a region with its municipalities and invites its first regiobeheerder, in one transaction: a region is never
 * saved without the invitation that gives it someone to manage it.
 */
export async function createRegion(
  admin: { userId: string; name: string; actor: Actor },
  input: { name: string; slug: string; description?: string; gemeenteCodes: string[]; adminEmail: string },
): Promise<Result> {
  const taken = await db.region.findUnique({ where: { slug: input.slug }, select: { id: true } })
  if (taken) return { ok: false, message: 'Er is al een regio met dit webadres. Kies een ander.' }
  const known = await db.gemeente.count({ where: { code: { in: input.gemeenteCodes } } })
  if (known !== input.gemeenteCodes.length) return { ok: false, message: 'Kies gemeenten uit de lijst.' }
  const id = newId()
  return db.$transaction(async (tx): Promise<Result> => {
    await tx.region.create({
      data: {
        id,
        slug: input.slug,
        name: input.name,
        description: input.description ?? '',
        gemeenten: { create: input.gemeenteCodes.map((gemeenteCode) => ({ gemeenteCode })) },
      },
    })
    await recordAudit(tx, {
      actor: admin.actor,
      action: 'regio.aangemaakt',
      subjectType: 'regio',
      subjectId: id,
      summary: `Regio ${input.name} aangemaakt met ${input.gemeenteCodes.length} gemeenten`,
      regionId: id,
    })
    const invited = await inviteInTx(tx, id, admin, input.adminEmail, 'regiobeheerder', [])
    // Cannot be refused for a region that did not exist a moment ago; should it be, nothing is saved.
    if (!invited.ok) throw new Error(invited.message)
    return invited
  })
}

/**
 * Platform beheer invites a (new) regiobeheerder for an existing region: the way out when the first invitation expired,
 * went to a mistyped address, or the region lost its regiobeheerders.
 */
export async function inviteRegionAdmin(
  admin: { userId: string; name: string; actor: Actor },
  regionId: string,
  emailInput: string,
): Promise<Result> {
  const region = await db.region.findUnique({ where: { id: regionId }, select: { id: true } })
  if (!region) return { ok: false, message: 'Kies een regio uit de lijst.' }
  return inviteToRegion(region.id, admin, emailInput, 'regiobeheerder', [])
}

// --- the region's municipalities (regiobeheerder) ----------------------------------------------------------------------

/** The municipalities a region could still add: every Dutch municipality not yet in it. */
export async function gemeentenOutsideRegion(regionId: string) {
  return db.gemeente.findMany({
    where: { regions: { none: { regionId } } },
    orderBy: { name: 'asc' },
    select: { code: true, name: true },
  })
}

/** The region's municipalities, each with the percelen of the region it takes part in. */
export async function listRegionGemeenten(regionId: string) {
  const rows = await db.regionGemeente.findMany({
    where: { regionId },
    orderBy: { gemeente: { name: 'asc' } },
    select: {
      scope: true,
      gemeente: {
        select: {
          code: true,
          name: true,
          perceelGemeenten: {
            where: { perceel: { procurement: { regionId } } },
            select: { perceel: { select: { name: true } } },
          },
        },
      },
    },
  })
  return rows.map((r) => ({
    code: r.gemeente.code,
    name: r.gemeente.name,
    scope: r.scope,
    percelen: r.gemeente.perceelGemeenten.map((p) => p.perceel.name),
  }))
}

/** Adds a municipality to the region, optionally for part of its work only (e.g. "Wmo"). */
export async function addRegionGemeente(
  regionId: string,
  actor: Actor,
  input: { gemeenteCode: string; scope: string },
): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const gemeente = await tx.gemeente.findUnique({
      where: { code: input.gemeenteCode },
      select: { name: true },
    })
    if (!gemeente) return { ok: false, message: 'Kies een gemeente uit de lijst.' }
    const present = await tx.regionGemeente.findUnique({
      where: { regionId_gemeenteCode: { regionId, gemeenteCode: input.gemeenteCode } },
      select: { regionId: true },
    })
    if (present) return { ok: false, message: `${gemeente.name} hoort al bij de regio.` }
    await tx.regionGemeente.create({
      data: { regionId, gemeenteCode: input.gemeenteCode, scope: input.scope },
    })
    await recordAudit(tx, {
      actor,
      action: 'regio.gemeente-toegevoegd',
      subjectType: 'regio',
      subjectId: regionId,
      summary: `${gemeente.name} toegevoegd aan de regio${input.scope ? ` (${input.scope})` : ''}`,
      regionId,
    })
    return { ok: true }
  })
}

function joinDutch(items: string[]) {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`
}

/**
 * Removes a municipality from the region. Refused while one of the region's percelen still has it as a participant:
 * admissions and entries hang on that, so the inkoper takes it out of the perceel first. Also refused while a staff
 * member (or an open invitation) is scoped to this municipality alone: without it their list would be empty, and an
 * empty list means the whole region.
 */
export async function removeRegionGemeente(
  regionId: string,
  actor: Actor,
  gemeenteCode: string,
): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    await lockRow(tx, 'Region', regionId)
    const row = await tx.regionGemeente.findUnique({
      where: { regionId_gemeenteCode: { regionId, gemeenteCode } },
      select: { gemeente: { select: { name: true } } },
    })
    if (!row) return { ok: false, message: 'Deze gemeente hoort niet (meer) bij de regio.' }
    const percelen = await tx.perceel.findMany({
      where: { procurement: { regionId }, gemeenten: { some: { gemeenteCode } } },
      select: { name: true },
      orderBy: { name: 'asc' },
    })
    if (percelen.length > 0) {
      return {
        ok: false,
        message: `${row.gemeente.name} neemt deel aan ${percelen.map((p) => p.name).join(', ')}. Haal de gemeente eerst uit ${percelen.length === 1 ? 'dat perceel' : 'die percelen'}.`,
      }
    }
    const name = row.gemeente.name
    const onlyHere = await tx.regionMembership.findMany({
      where: { regionId, gemeenten: { some: { gemeenteCode }, every: { gemeenteCode } } },
      orderBy: [{ user: { name: 'asc' } }, { role: 'asc' }],
      select: { role: true, user: { select: { name: true } } },
    })
    const invitations = (
      await tx.verificationToken.findMany({
        where: {
          regionId,
          purpose: TOKEN_PURPOSES.inviteRegion,
          usedAt: null,
          expiresAt: { gt: now() },
          gemeenteCodes: { contains: gemeenteCode },
        },
        orderBy: { email: 'asc' },
        select: { id: true, email: true, gemeenteCodes: true },
      })
    ).map((i) => ({ ...i, codes: i.gemeenteCodes.split(',').filter(Boolean) }))
    const invitedOnlyHere = invitations.filter((i) => i.codes.length === 1 && i.codes[0] === gemeenteCode)
    if (onlyHere.length > 0 || invitedOnlyHere.length > 0) {
      const reasons: string[] = []
      if (onlyHere.length > 0) {
        const who = onlyHere.map((m) => `${m.user.name} (${ROLE_LABELS[m.role as RegionRole].toLowerCase()})`)
        reasons.push(
          `${joinDutch(who)} ${who.length === 1 ? 'werkt' : 'werken'} alleen voor ${name}. Kies eerst bij "Voor welke gemeenten een medewerker werkt" andere gemeenten, of niets voor de hele regio.`,
        )
      }
      if (invitedOnlyHere.length > 0) {
        const to = invitedOnlyHere.map((i) => i.email)
        reasons.push(
          `De open ${to.length === 1 ? 'uitnodiging' : 'uitnodigingen'} aan ${joinDutch(to)} ${to.length === 1 ? 'geldt' : 'gelden'} alleen voor ${name}. Trek ${to.length === 1 ? 'die' : 'ze'} eerst in bij Medewerkers.`,
        )
      }
      return { ok: false, message: `${name} kan nog niet uit de regio. ${reasons.join(' ')}` }
    }
    await tx.regionMembershipGemeente.deleteMany({
      where: { gemeenteCode, membership: { regionId } },
    })
    // Open invitations for more municipalities keep the others.
    for (const i of invitations.filter((i) => i.codes.includes(gemeenteCode))) {
      await tx.verificationToken.update({
        where: { id: i.id },
        data: { gemeenteCodes: i.codes.filter((c) => c !== gemeenteCode).join(',') },
      })
    }
    await tx.regionGemeente.delete({ where: { regionId_gemeenteCode: { regionId, gemeenteCode } } })
    await recordAudit(tx, {
      actor,
      action: 'regio.gemeente-verwijderd',
      subjectType: 'regio',
      subjectId: regionId,
      summary: `${row.gemeente.name} uit de regio gehaald`,
      regionId,
    })
    return { ok: true }
  })
}

/** Sets the municipalities one staff member works for; none means the whole region. */
export async function setStaffGemeenten(
  regionId: string,
  actor: Actor,
  membershipId: string,
  gemeenteCodes: string[],
): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    await lockRow(tx, 'Region', regionId)
    const membership = await tx.regionMembership.findFirst({
      where: { id: membershipId, regionId },
      select: { id: true, user: { select: { name: true } } },
    })
    if (!membership) return { ok: false, message: 'Deze persoon hoort niet (meer) bij de regio.' }
    const inRegion = await tx.regionGemeente.findMany({
      where: { regionId, gemeenteCode: { in: gemeenteCodes } },
      select: { gemeente: { select: { code: true, name: true } } },
    })
    if (inRegion.length !== new Set(gemeenteCodes).size)
      return { ok: false, message: 'Kies gemeenten van de regio.' }
    await tx.regionMembershipGemeente.deleteMany({ where: { membershipId } })
    if (inRegion.length > 0) {
      await tx.regionMembershipGemeente.createMany({
        data: inRegion.map((g) => ({ membershipId, gemeenteCode: g.gemeente.code })),
      })
    }
    await recordAudit(tx, {
      actor,
      action: 'regio.gemeenten-medewerker',
      subjectType: 'regio',
      subjectId: regionId,
      summary: `${membership.user.name} werkt voor ${inRegion.length ? inRegion.map((g) => g.gemeente.name).join(', ') : 'de hele regio'}`,
      regionId,
    })
    return { ok: true }
  })
}
