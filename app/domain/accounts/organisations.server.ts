import { db, lockRow, type Tx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { searchKey } from '~/utils/search'
import { now } from '~/utils/clock'
import { getEnv } from '~/utils/env.server'
import { queueEmail } from '~/utils/email.server'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { ORGANISATION_ROLES, ROLE_LABELS, type OrganisationRole } from './roles'
import { normaliseList, type OrganisationInput } from './organisation-schema'
import { refuseLastAdminChange } from './members'
import { TOKEN_PURPOSES, issueToken, revokeOpenInvitations } from './tokens.server'

function profileData(input: OrganisationInput) {
  return {
    name: input.name,
    searchName: searchKey(input.name),
    kvkNummer: input.kvkNummer,
    vestigingsnummer: input.vestigingsnummer ?? null,
    agbCode: input.agbCode ?? null,
    street: input.street,
    houseNumber: input.houseNumber,
    postcode: input.postcode,
    city: input.city,
    website: input.website ?? null,
    email: input.email,
    phone: input.phone,
    description: input.description,
    targetGroups: normaliseList(input.targetGroups),
    languages: normaliseList(input.languages),
    identity: input.identity ?? null,
  }
}

/** The beheerders' names of an organisation with this KvK-nummer (to say whom to ask), or null if it is new. */
export async function existingOrganisationByKvk(kvkNummer: string, exceptId?: string) {
  const org = await db.organisation.findUnique({
    where: { kvkNummer },
    select: {
      id: true,
      name: true,
      memberships: { where: { role: 'beheerder' }, select: { user: { select: { name: true } } } },
    },
  })
  if (!org || org.id === exceptId) return null
  return { name: org.name, beheerders: org.memberships.map((m) => m.user.name) }
}

export function duplicateKvkMessage(existing: { name: string; beheerders: string[] }) {
  const who = existing.beheerders.length
    ? `Vraag ${joinNames(existing.beheerders)} om u uit te nodigen.`
    : 'Neem contact op met de organisatie en vraag een beheerder om u uit te nodigen.'
  return `${existing.name} staat met dit KvK-nummer al in het portaal. ${who}`
}

function joinNames(names: string[]) {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} of ${names[names.length - 1]}`
}

/** Creates the organisation with the creator as beheerder. Returns the duplicate explanation when the KvK exists. */
export async function createOrganisation(
  userId: string,
  actor: Actor,
  input: OrganisationInput,
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const existing = await existingOrganisationByKvk(input.kvkNummer)
  if (existing) return { ok: false, message: duplicateKvkMessage(existing) }
  const id = newId()
  try {
    await db.$transaction(async (tx) => {
      await tx.organisation.create({ data: { id, ...profileData(input) } })
      await tx.organisationMembership.create({
        data: { id: newId(), userId, organisationId: id, role: 'beheerder' },
      })
      await recordAudit(tx, {
        actor,
        action: 'organisatie.aangemaakt',
        subjectType: 'organisatie',
        subjectId: id,
        summary: `Organisatie ${input.name} (KvK ${input.kvkNummer}) aangemaakt; maker is beheerder`,
        organisationId: id,
      })
    })
  } catch (error) {
    // Someone registered the same KvK-nummer at the same moment: the unique index decides.
    const again = await existingOrganisationByKvk(input.kvkNummer)
    if (again) return { ok: false, message: duplicateKvkMessage(again) }
    throw error
  }
  return { ok: true, id }
}

export async function getOrganisation(organisationId: string) {
  return db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: {
      id: true,
      name: true,
      kvkNummer: true,
      vestigingsnummer: true,
      agbCode: true,
      street: true,
      houseNumber: true,
      postcode: true,
      city: true,
      website: true,
      email: true,
      phone: true,
      description: true,
      targetGroups: true,
      languages: true,
      identity: true,
      medewerkersMaySubmit: true,
    },
  })
}

export async function updateOrganisation(
  organisationId: string,
  actor: Actor,
  input: OrganisationInput & { medewerkersMaySubmit: boolean },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const existing = await existingOrganisationByKvk(input.kvkNummer, organisationId)
  if (existing) return { ok: false, message: duplicateKvkMessage(existing) }
  await db.$transaction(async (tx) => {
    await tx.organisation.update({
      where: { id: organisationId },
      data: { ...profileData(input), medewerkersMaySubmit: input.medewerkersMaySubmit },
    })
    await recordAudit(tx, {
      actor,
      action: 'organisatie.gewijzigd',
      subjectType: 'organisatie',
      subjectId: organisationId,
      summary: `Gegevens gewijzigd; medewerkers mogen ${input.medewerkersMaySubmit ? '' : 'niet '}indienen`,
      organisationId,
    })
  })
  return { ok: true }
}

// --- members ---------------------------------------------------------------------------------------------------------

export async function listOrganisationMembers(organisationId: string) {
  const [members, invitations] = await Promise.all([
    db.organisationMembership.findMany({
      where: { organisationId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, role: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.verificationToken.findMany({
      where: {
        organisationId,
        purpose: TOKEN_PURPOSES.inviteOrganisation,
        usedAt: null,
        expiresAt: { gt: now() },
      },
      orderBy: { createdAt: 'asc' },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ])
  return { members, invitations }
}

/**
 * Invites someone by e-mail (link valid 7 days, single use). Refuses an address that is already a member. An earlier
 * open invitation to the same address stops working: only the latest link (and its role) counts.
 */
export async function inviteToOrganisation(
  organisationId: string,
  inviter: { userId: string; name: string; actor: Actor },
  emailInput: string,
  role: OrganisationRole,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const email = emailInput.trim().toLowerCase()
  const already = await db.organisationMembership.findFirst({
    where: { organisationId, user: { email } },
    select: { id: true },
  })
  if (already) return { ok: false, message: 'Deze persoon hoort al bij uw organisatie.' }
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true },
  })
  await db.$transaction(async (tx) => {
    await lockRow(tx, 'Organisation', organisationId)
    if ((await revokeOpenInvitations(tx, { organisationId }, { email })).length > 0) {
      await recordAudit(tx, {
        actor: inviter.actor,
        action: 'organisatie.uitnodiging-ingetrokken',
        subjectType: 'organisatie',
        subjectId: organisationId,
        summary: `Eerdere uitnodiging aan ${email} ingetrokken: opnieuw uitgenodigd`,
        organisationId,
      })
    }
    const token = await issueToken(tx, TOKEN_PURPOSES.inviteOrganisation, {
      email,
      organisationId,
      role,
      invitedById: inviter.userId,
    })
    await queueEmail(tx, {
      to: email,
      subject: `Uitnodiging voor ${org.name} in Aanbiederspoort`,
      text: [
        `${inviter.name} nodigt u uit om als ${ROLE_LABELS[role].toLowerCase()} mee te werken voor ${org.name} in Aanbiederspoort.`,
        '',
        'Neem de uitnodiging aan via deze link:',
        `${getEnv().APP_URL.replace(/\/$/, '')}/uitnodiging/${token}`,
        '',
        'De link is 7 dagen geldig en werkt één keer.',
      ].join('\n'),
    })
    await recordAudit(tx, {
      actor: inviter.actor,
      action: 'organisatie.uitgenodigd',
      subjectType: 'organisatie',
      subjectId: organisationId,
      summary: `${email} uitgenodigd als ${ROLE_LABELS[role].toLowerCase()}`,
      organisationId,
    })
  })
  return { ok: true }
}

export async function withdrawOrganisationInvitation(organisationId: string, actor: Actor, tokenId: string) {
  await db.$transaction(async (tx) => {
    const row = await tx.verificationToken.findFirst({
      where: { id: tokenId, organisationId, purpose: TOKEN_PURPOSES.inviteOrganisation, usedAt: null },
      select: { id: true, email: true },
    })
    if (!row) return
    await tx.verificationToken.update({ where: { id: row.id }, data: { usedAt: now() } })
    await recordAudit(tx, {
      actor,
      action: 'organisatie.uitnodiging-ingetrokken',
      subjectType: 'organisatie',
      subjectId: organisationId,
      summary: `Uitnodiging aan ${row.email} ingetrokken`,
      organisationId,
    })
  })
}

/**
 * Ends the open invitations a member sent for the organisation, when they are removed or stop being beheerder: a link
 * must not add people on behalf of someone who may no longer invite them.
 */
async function revokeInvitationsSentBy(
  tx: Tx,
  organisationId: string,
  actor: Actor,
  member: { id: string; name: string },
  why: string,
) {
  const emails = await revokeOpenInvitations(tx, { organisationId }, { invitedById: member.id })
  if (emails.length === 0) return
  await recordAudit(tx, {
    actor,
    action: 'organisatie.uitnodiging-ingetrokken',
    subjectType: 'organisatie',
    subjectId: organisationId,
    summary: `Open uitnodigingen van ${member.name} ingetrokken (${emails.join(', ')}): ${why}`,
    organisationId,
  })
}

/** Changes a member's role; the last beheerder keeps theirs. */
export async function changeOrganisationRole(
  organisationId: string,
  actor: Actor,
  membershipId: string,
  role: OrganisationRole,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    await lockRow(tx, 'Organisation', organisationId)
    const target = await tx.organisationMembership.findFirst({
      where: { id: membershipId, organisationId },
      select: { id: true, role: true, user: { select: { id: true, name: true } } },
    })
    if (!target) return { ok: false as const, message: 'Deze persoon hoort niet (meer) bij uw organisatie.' }
    const admins = await tx.organisationMembership.count({ where: { organisationId, role: 'beheerder' } })
    const refusal = refuseLastAdminChange(
      {
        kind: 'change-role',
        targetIsAdmin: target.role === 'beheerder',
        newRoleIsAdmin: role === 'beheerder',
      },
      admins,
    )
    if (refusal) return { ok: false as const, message: refusal }
    if (target.role === role) return { ok: true as const }
    await tx.organisationMembership.update({ where: { id: target.id }, data: { role } })
    await recordAudit(tx, {
      actor,
      action: 'organisatie.rol-gewijzigd',
      subjectType: 'organisatie',
      subjectId: organisationId,
      summary: `Rol van ${target.user.name} gewijzigd van ${ROLE_LABELS[target.role as OrganisationRole].toLowerCase()} in ${ROLE_LABELS[role].toLowerCase()}`,
      organisationId,
    })
    if (target.role === 'beheerder')
      await revokeInvitationsSentBy(tx, organisationId, actor, target.user, 'geen beheerder meer')
    return { ok: true as const }
  })
}

/** Removes a member; the last beheerder cannot be removed (not even by themself). */
export async function removeOrganisationMember(
  organisationId: string,
  actor: Actor,
  membershipId: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    await lockRow(tx, 'Organisation', organisationId)
    const target = await tx.organisationMembership.findFirst({
      where: { id: membershipId, organisationId },
      select: { id: true, role: true, user: { select: { id: true, name: true } } },
    })
    if (!target) return { ok: false as const, message: 'Deze persoon hoort niet (meer) bij uw organisatie.' }
    const admins = await tx.organisationMembership.count({ where: { organisationId, role: 'beheerder' } })
    const refusal = refuseLastAdminChange(
      { kind: 'remove', targetIsAdmin: target.role === 'beheerder' },
      admins,
    )
    if (refusal) return { ok: false as const, message: refusal }
    await tx.organisationMembership.delete({ where: { id: target.id } })
    await recordAudit(tx, {
      actor,
      action: 'organisatie.lid-verwijderd',
      subjectType: 'organisatie',
      subjectId: organisationId,
      summary: `${target.user.name} verwijderd uit de organisatie`,
      organisationId,
    })
    await revokeInvitationsSentBy(tx, organisationId, actor, target.user, 'uit de organisatie verwijderd')
    return { ok: true as const }
  })
}

export const isOrganisationRole = (v: string): v is OrganisationRole =>
  (ORGANISATION_ROLES as readonly string[]).includes(v)
