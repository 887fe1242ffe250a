/**
 * Combinations: the lead provider names partner organisations (onderaannemer or combinatiepartner) for some of the
 * entry's products; each partner confirms or declines its part from its own account. Every change is audited on the
 * entry (who, when, why) and the other side is e-mailed through the outbox. The rules are listed in `partners.ts`.
 */
import { db, type Tx } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { newId } from '~/utils/ids.server'
import { queueEmail } from '~/utils/email.server'
import { getEnv } from '~/utils/env.server'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { AdmissionError, EDITABLE_STATES } from './state'
import { beheerderRecipients, partnerUrl, providerRecipients } from './context.server'
import { isUniqueViolation } from './lifecycle.server'
import { checkRequirement } from '~/domain/evidence/rules'
import { isPartnerRole, partnerRoleWord, type PartnerRole } from './partners'

/** A refusal that belongs to one field of the "add a partner" form. */
export class PartnerInputError extends AdmissionError {
  constructor(
    message: string,
    readonly field: 'kvkNummer' | 'rol' | 'producten',
  ) {
    super(message, 'invalid')
    this.name = 'PartnerInputError'
  }
}

function isEditable(status: string) {
  return (EDITABLE_STATES as readonly string[]).includes(status)
}

function productText(products: { code: string; name: string }[]) {
  return products.map((p) => `${p.code} ${p.name}`).join(', ')
}

function leadUrl(entryId: string, leadOrganisationId: string) {
  return `${getEnv().APP_URL}/aanbieder/toetredingen/${entryId}?organisatie=${leadOrganisationId}`
}

/** The lead's entry, scoped to the lead organisation, with what the partner rules need; row-locked first. */
async function leadEntry(tx: Tx, organisationId: string, entryId: string) {
  // Take the entry's row lock first, so concurrent partner changes of one entry run one after the other.
  await tx.entry.updateMany({ where: { id: entryId, organisationId }, data: { updatedAt: now() } })
  const entry = await tx.entry.findFirst({
    where: { id: entryId, organisationId },
    select: {
      id: true,
      status: true,
      organisationId: true,
      organisation: { select: { name: true, kvkNummer: true } },
      perceel: { select: { name: true, procurement: { select: { name: true, regionId: true } } } },
      products: { select: { product: { select: { id: true, code: true, name: true } } } },
    },
  })
  if (!entry) throw new AdmissionError('Deze toetreding bestaat niet.', 'not_allowed')
  return entry
}

export type AddPartnerInput = {
  actor: Actor
  /** The lead organisation (the viewer's current organisation). */
  organisationId: string
  entryId: string
  kvkNummer: string
  role: PartnerRole | string
  productIds: string[]
  /** Why (optional): recorded in the audit trail and passed on in the invitation. */
  note?: string | null
}

/** Names a partner organisation (by KvK-nummer) for some of the entry's products; its beheerders are e-mailed. */
export async function addPartner(input: AddPartnerInput): Promise<{ partnerId: string; name: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const entry = await leadEntry(tx, input.organisationId, input.entryId)
      if (!isEditable(entry.status))
        throw new AdmissionError(
          'U kunt alleen partners toevoegen zolang de toetreding een concept is of een aanvulling wordt gevraagd.',
          'transition',
        )
      if (!isPartnerRole(input.role))
        throw new PartnerInputError('Kies of de partner onderaannemer of combinatiepartner is.', 'rol')
      const kvk = input.kvkNummer.trim()
      const partnerOrg = await tx.organisation.findUnique({
        where: { kvkNummer: kvk },
        select: { id: true, name: true },
      })
      if (!partnerOrg)
        throw new PartnerInputError(
          `Er is geen organisatie met KvK-nummer ${kvk} in het portaal. Vraag de organisatie zich eerst te registreren, of controleer het nummer.`,
          'kvkNummer',
        )
      if (partnerOrg.id === entry.organisationId)
        throw new PartnerInputError(
          'Dit is het KvK-nummer van uw eigen organisatie. Vul het KvK-nummer van de partner in.',
          'kvkNummer',
        )
      const existing = await tx.entryPartner.findUnique({
        where: { entryId_organisationId: { entryId: entry.id, organisationId: partnerOrg.id } },
        select: { id: true },
      })
      if (existing)
        throw new PartnerInputError(
          `${partnerOrg.name} staat al als partner bij deze toetreding.`,
          'kvkNummer',
        )
      const productIds = [...new Set(input.productIds.filter(Boolean))]
      const entryProducts = entry.products.map((p) => p.product)
      if (productIds.length === 0)
        throw new PartnerInputError('Kies minstens één product dat de partner levert.', 'producten')
      if (productIds.some((id) => !entryProducts.some((p) => p.id === id)))
        throw new PartnerInputError(
          'Kies alleen producten die in deze toetreding staan. Sla eerst uw concept op als u producten hebt toegevoegd.',
          'producten',
        )
      const chosen = entryProducts.filter((p) => productIds.includes(p.id))
      const partnerId = newId()
      await tx.entryPartner.create({
        data: {
          id: partnerId,
          entryId: entry.id,
          organisationId: partnerOrg.id,
          role: input.role,
          products: { create: chosen.map((p) => ({ productId: p.id })) },
        },
      })
      const note = input.note?.trim() || null
      await recordAudit(tx, {
        actor: input.actor,
        action: 'toetreding.partner_toegevoegd',
        subjectType: 'Entry',
        subjectId: entry.id,
        summary: `${partnerOrg.name} toegevoegd als ${input.role} voor ${productText(chosen)}; wacht op bevestiging`,
        reason: note,
        organisationId: entry.organisationId,
        regionId: entry.perceel.procurement.regionId,
      })
      for (const to of await beheerderRecipients(tx, partnerOrg.id)) {
        await queueEmail(tx, {
          to,
          subject: `Verzoek als ${input.role}: ${entry.organisation.name}, ${entry.perceel.name}`,
          dedupeKey: `partner-verzoek:${partnerId}:${to}`,
          text: [
            `${entry.organisation.name} noemt ${partnerOrg.name} als ${input.role} in een toetreding tot ${entry.perceel.name} (${entry.perceel.procurement.name}).`,
            '',
            `Producten die ${partnerOrg.name} levert: ${productText(chosen)}`,
            ...(note ? ['', `Toelichting van ${entry.organisation.name}: ${note}`] : []),
            '',
            `${entry.organisation.name} blijft verantwoordelijk als hoofdaanbieder. Uw eigen geldige bewijsstukken tellen mee voor deze producten.`,
            'Bevestig of weiger uw deel vanuit uw eigen account:',
            partnerUrl(partnerId, partnerOrg.id),
          ].join('\n'),
        })
      }
      return { partnerId, name: partnerOrg.name }
    })
  } catch (error) {
    if (isUniqueViolation(error))
      throw new PartnerInputError('Deze organisatie staat al als partner bij deze toetreding.', 'kvkNummer')
    throw error
  }
}

/** The lead removes a partner while the entry is editable; the partner's beheerders are told. */
export async function removePartner(input: {
  actor: Actor
  organisationId: string
  entryId: string
  partnerId: string
  reason?: string | null
}): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const entry = await leadEntry(tx, input.organisationId, input.entryId)
    if (!isEditable(entry.status))
      throw new AdmissionError(
        'U kunt alleen partners verwijderen zolang de toetreding een concept is of een aanvulling wordt gevraagd.',
        'transition',
      )
    const partner = await tx.entryPartner.findFirst({
      where: { id: input.partnerId, entryId: entry.id },
      select: { id: true, role: true, organisationId: true, organisation: { select: { name: true } } },
    })
    if (!partner) throw new AdmissionError('Deze partner staat niet (meer) bij deze toetreding.', 'conflict')
    await tx.entryPartner.delete({ where: { id: partner.id } })
    const reason = input.reason?.trim() || null
    await recordAudit(tx, {
      actor: input.actor,
      action: 'toetreding.partner_verwijderd',
      subjectType: 'Entry',
      subjectId: entry.id,
      summary: `${partner.organisation.name} (${partnerRoleWord(partner.role)}) verwijderd als partner`,
      reason,
      organisationId: entry.organisationId,
      regionId: entry.perceel.procurement.regionId,
    })
    const at = now()
    for (const to of await beheerderRecipients(tx, partner.organisationId)) {
      await queueEmail(tx, {
        to,
        subject: `Niet langer ${partnerRoleWord(partner.role)}: ${entry.organisation.name}, ${entry.perceel.name}`,
        dedupeKey: `partner-verwijderd:${partner.id}:${at.getTime()}:${to}`,
        text: [
          `${entry.organisation.name} heeft ${partner.organisation.name} verwijderd als ${partnerRoleWord(partner.role)} uit de toetreding tot ${entry.perceel.name}.`,
          ...(reason ? ['', `Toelichting: ${reason}`] : []),
          '',
          'U hoeft niets te doen.',
        ].join('\n'),
      })
    }
    return { name: partner.organisation.name }
  })
}

export type PartnerDecision = 'bevestigen' | 'afwijzen'

/**
 * The partner organisation confirms or declines its part (from its own account, scoped by `organisationId`). A
 * decline needs a reason and removes the partner from the entry. The lead's people are e-mailed either way.
 */
export async function respondAsPartner(input: {
  actor: Actor
  /** The partner organisation (the viewer's current organisation). */
  organisationId: string
  partnerId: string
  decision: PartnerDecision
  reason?: string | null
}): Promise<{ leadName: string }> {
  return db.$transaction(async (tx) => {
    // The entry's row lock first, as the lead's changes and the submission take it: otherwise a submission could
    // check this partner's part and be written after the partner declined or confirmed in between.
    await tx.entry.updateMany({
      where: { partners: { some: { id: input.partnerId, organisationId: input.organisationId } } },
      data: { updatedAt: now() },
    })
    const partner = await tx.entryPartner.findFirst({
      where: { id: input.partnerId, organisationId: input.organisationId },
      select: {
        id: true,
        role: true,
        confirmedAt: true,
        organisation: { select: { name: true } },
        products: { select: { product: { select: { code: true, name: true } } } },
        entry: {
          select: {
            id: true,
            status: true,
            organisationId: true,
            organisation: { select: { name: true } },
            perceel: { select: { name: true, procurement: { select: { regionId: true } } } },
          },
        },
      },
    })
    if (!partner) throw new AdmissionError('Dit verzoek bestaat niet (meer).', 'not_allowed')
    const entry = partner.entry
    if (!isEditable(entry.status))
      throw new AdmissionError(
        'Deze toetreding is al ingediend of afgerond. U kunt uw deel nu niet meer wijzigen; neem contact op met de hoofdaanbieder.',
        'transition',
      )
    const reason = input.reason?.trim() || null
    const at = now()
    const products = productText(partner.products.map((p) => p.product))
    const role = partnerRoleWord(partner.role)
    if (input.decision === 'bevestigen') {
      if (partner.confirmedAt) throw new AdmissionError('U heeft uw deel al bevestigd.', 'transition')
      const updated = await tx.entryPartner.updateMany({
        where: { id: partner.id, confirmedAt: null },
        data: { confirmedAt: at },
      })
      if (updated.count !== 1) throw new AdmissionError('U heeft uw deel al bevestigd.', 'transition')
    } else {
      if (!reason) throw new AdmissionError('Geef een toelichting.', 'invalid')
      await tx.entryPartner.delete({ where: { id: partner.id } })
    }
    const confirmed = input.decision === 'bevestigen'
    await recordAudit(tx, {
      actor: input.actor,
      action: confirmed ? 'toetreding.partner_bevestigd' : 'toetreding.partner_afgewezen',
      subjectType: 'Entry',
      subjectId: entry.id,
      summary: confirmed
        ? `${partner.organisation.name} bevestigt de deelname als ${role} voor ${products}`
        : `${partner.organisation.name} weigert de deelname als ${role} en is verwijderd als partner`,
      reason,
      organisationId: entry.organisationId,
      regionId: entry.perceel.procurement.regionId,
    })
    for (const to of await providerRecipients(tx, entry.organisationId)) {
      await queueEmail(tx, {
        to,
        subject: confirmed
          ? `${partner.organisation.name} bevestigt: ${entry.perceel.name}`
          : `${partner.organisation.name} doet niet mee: ${entry.perceel.name}`,
        dedupeKey: `partner-${input.decision}:${partner.id}:${at.getTime()}:${to}`,
        text: [
          confirmed
            ? `${partner.organisation.name} heeft bevestigd dat het als ${role} meedoet in uw toetreding tot ${entry.perceel.name}, voor ${products}.`
            : `${partner.organisation.name} doet niet mee als ${role} in uw toetreding tot ${entry.perceel.name} en staat er niet meer in.`,
          ...(reason ? ['', `Toelichting: ${reason}`] : []),
          '',
          `Bekijk de toetreding: ${leadUrl(entry.id, entry.organisationId)}`,
        ].join('\n'),
      })
    }
    return { leadName: entry.organisation.name }
  })
}

/** The requests in which an organisation is named as partner, for its dashboard. Only what the partner may see. */
export async function partnerRequests(organisationId: string) {
  const rows = await db.entryPartner.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true,
      role: true,
      confirmedAt: true,
      createdAt: true,
      products: { select: { product: { select: { code: true, name: true } } } },
      entry: {
        select: {
          status: true,
          organisation: { select: { name: true } },
          perceel: { select: { name: true, procurement: { select: { name: true } } } },
        },
      },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    confirmedAt: r.confirmedAt,
    createdAt: r.createdAt,
    products: r.products.map((p) => `${p.product.code} ${p.product.name}`),
    leadName: r.entry.organisation.name,
    perceelName: r.entry.perceel.name,
    procurementName: r.entry.perceel.procurement.name,
    entryStatus: r.entry.status,
    actionable: isEditable(r.entry.status),
  }))
}

/**
 * One request as the partner sees it: the lead's name, the perceel, the municipalities, the role and the products it
 * is named for, and how its own evidence meets the requirements. Never the lead's answers, evidence or other partners.
 * Null when the request is not this organisation's.
 */
export async function partnerRequestView(organisationId: string, partnerId: string) {
  const partner = await db.entryPartner.findFirst({
    where: { id: partnerId, organisationId },
    select: {
      id: true,
      role: true,
      confirmedAt: true,
      createdAt: true,
      organisation: { select: { name: true } },
      products: { select: { product: { select: { code: true, name: true } } } },
      entry: {
        select: {
          status: true,
          organisation: { select: { name: true, city: true } },
          perceel: {
            select: {
              name: true,
              procurement: { select: { name: true, region: { select: { name: true } } } },
            },
          },
          gemeenten: { select: { gemeente: { select: { name: true } } }, orderBy: { gemeenteCode: 'asc' } },
          requirementSet: {
            select: {
              evidence: {
                select: {
                  id: true,
                  evidenceTypeId: true,
                  validUntilAtLeast: true,
                  issuedWithinMonths: true,
                  evidenceType: { select: { name: true } },
                },
                orderBy: { createdAt: 'asc' },
              },
            },
          },
        },
      },
    },
  })
  if (!partner) return null
  const at = now()
  const required = partner.entry.requirementSet.evidence
  const own = await db.evidenceItem.findMany({
    where: {
      organisationId,
      typeId: { in: required.map((r) => r.evidenceTypeId) },
      replacedBy: { is: null },
    },
    select: {
      id: true,
      typeId: true,
      issuer: true,
      number: true,
      validFrom: true,
      validUntil: true,
      issuedAt: true,
      verification: true,
    },
  })
  const evidence = required.map((r) => {
    const check = checkRequirement(
      own,
      { ...r, typeName: r.evidenceType.name, issuedWithinMonths: r.issuedWithinMonths },
      at,
    )
    return {
      id: r.id,
      typeName: r.evidenceType.name,
      match: check.match
        ? { issuer: check.match.issuer, number: check.match.number, validUntil: check.match.validUntil }
        : null,
      gap: check.gap,
    }
  })
  return {
    partner: {
      id: partner.id,
      role: partner.role,
      confirmedAt: partner.confirmedAt,
      createdAt: partner.createdAt,
      organisationName: partner.organisation.name,
      products: partner.products.map((p) => `${p.product.code} ${p.product.name}`),
    },
    lead: { name: partner.entry.organisation.name, city: partner.entry.organisation.city },
    perceel: {
      name: partner.entry.perceel.name,
      procurementName: partner.entry.perceel.procurement.name,
      regionName: partner.entry.perceel.procurement.region.name,
    },
    gemeenten: partner.entry.gemeenten.map((g) => g.gemeente.name),
    entryStatus: partner.entry.status,
    actionable: isEditable(partner.entry.status),
    evidence,
  }
}
