/**
 * The buyer's side of contract obligations: contract terms and extension decisions per perceel, obligation
 * templates, reviewing deliverables. Every function is scoped by the region (a perceel of another region is "not
 * found") and writes its audit event and e-mails in the same transaction as the change.
 */
import { db, type DbOrTx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { getEnv } from '~/utils/env.server'
import { queueEmail } from '~/utils/email.server'
import { formatDate, startOfAmsterdamDay } from '~/utils/time'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import {
  canTransition,
  dueDayLabel,
  RECURRENCE_LABELS,
  type ObligationKind,
  type Recurrence,
} from './recurrence'
import { syncObligationsForPerceel } from './obligations.server'

export class ContractRuleError extends Error {}

/** A decision that lost the race with someone else's (review, extension). */
export const DECIDED_MEANWHILE = 'Iemand anders heeft hierover net besloten. Open de pagina opnieuw.'

/** Who hears from us about an organisation's obligations: its beheerders, or the organisation's own address. */
export async function providerRecipients(tx: DbOrTx, organisationId: string): Promise<string[]> {
  const members = await tx.organisationMembership.findMany({
    where: { organisationId, role: 'beheerder' },
    select: { user: { select: { email: true } } },
  })
  if (members.length > 0) return members.map((m) => m.user.email)
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { email: true } })
  return org ? [org.email] : []
}

async function mailProvider(
  tx: DbOrTx,
  organisationId: string,
  message: { subject: string; text: string; dedupeKey?: string },
) {
  for (const to of await providerRecipients(tx, organisationId)) {
    await queueEmail(tx, {
      to,
      subject: message.subject,
      text: message.text,
      dedupeKey: message.dedupeKey ? `${message.dedupeKey}:${to}` : undefined,
    })
  }
}

/** Organisations with an active or suspended admission on the perceel. */
async function admittedOrganisations(tx: DbOrTx, perceelId: string): Promise<string[]> {
  const rows = await tx.admission.findMany({
    where: { perceelId, status: { in: ['actief', 'geschorst'] } },
    distinct: ['organisationId'],
    select: { organisationId: true },
  })
  return rows.map((r) => r.organisationId)
}

/** Organisations with an open obligation under the template due today or later: those a template change reaches. */
async function withOpenFutureObligations(tx: DbOrTx, templateId: string): Promise<string[]> {
  const rows = await tx.obligation.findMany({
    where: { templateId, status: 'open', dueDate: { gte: startOfAmsterdamDay(now()) } },
    distinct: ['organisationId'],
    select: { organisationId: true },
  })
  return rows.map((r) => r.organisationId)
}

// --- reading -----------------------------------------------------------------------------------------------------------

/** The region's percelen with their contract term, for the buyer's list. */
export async function listRegionPercelen(regionId: string) {
  return db.perceel.findMany({
    where: { procurement: { regionId } },
    orderBy: [{ procurement: { contractStart: 'desc' } }, { sortOrder: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      procurement: { select: { name: true } },
      contract: {
        select: {
          startDate: true,
          endDate: true,
          _count: { select: { templates: { where: { active: true } } } },
        },
      },
      _count: { select: { admissions: { where: { status: 'actief' } } } },
    },
  })
}

/** A perceel of this region, or null. */
export async function findRegionPerceel(regionId: string, perceelId: string) {
  return db.perceel.findFirst({
    where: { id: perceelId, procurement: { regionId } },
    select: {
      id: true,
      name: true,
      procurement: {
        select: { name: true, contractStart: true, contractEnd: true, extensionOptions: true },
      },
      contract: {
        select: {
          id: true,
          startDate: true,
          endDate: true,
          maxEndDate: true,
          extensions: {
            orderBy: { decideBy: 'asc' },
            select: {
              id: true,
              label: true,
              decideBy: true,
              newEndDate: true,
              decision: true,
              decidedAt: true,
            },
          },
          templates: {
            orderBy: [{ active: 'desc' }, { createdAt: 'asc' }],
            select: {
              id: true,
              kind: true,
              title: true,
              description: true,
              recurrence: true,
              dueDay: true,
              requiresDeliverable: true,
              version: true,
              active: true,
            },
          },
        },
      },
    },
  })
}

export async function findRegionTemplate(regionId: string, perceelId: string, templateId: string) {
  return db.obligationTemplate.findFirst({
    where: { id: templateId, contract: { perceelId, perceel: { procurement: { regionId } } } },
    select: {
      id: true,
      kind: true,
      title: true,
      description: true,
      recurrence: true,
      dueDay: true,
      requiresDeliverable: true,
      version: true,
      active: true,
    },
  })
}

// --- contract terms and extensions ---------------------------------------------------------------------------------

export type ContractInput = { startDate: Date; endDate: Date; maxEndDate?: Date | null }

export async function saveContract(input: {
  regionId: string
  perceelId: string
  terms: ContractInput
  actor: Actor
}) {
  const { terms } = input
  if (terms.endDate <= terms.startDate) throw new ContractRuleError('De einddatum ligt na de startdatum.')
  if (terms.maxEndDate && terms.maxEndDate < terms.endDate)
    throw new ContractRuleError('De uiterste einddatum ligt op of na de einddatum.')
  return db.$transaction(async (tx) => {
    const perceel = await tx.perceel.findFirst({
      where: { id: input.perceelId, procurement: { regionId: input.regionId } },
      select: { id: true, name: true, contract: { select: { id: true } } },
    })
    if (!perceel) throw new ContractRuleError('Dit perceel bestaat niet in uw regio.')
    const data = {
      startDate: terms.startDate,
      endDate: terms.endDate,
      maxEndDate: terms.maxEndDate ?? null,
    }
    const contractId = perceel.contract?.id ?? newId()
    if (perceel.contract) await tx.contract.update({ where: { id: contractId }, data })
    else await tx.contract.create({ data: { id: contractId, perceelId: perceel.id, ...data } })
    await recordAudit(tx, {
      actor: input.actor,
      action: perceel.contract ? 'contract.gewijzigd' : 'contract.vastgelegd',
      subjectType: 'Contract',
      subjectId: contractId,
      summary: `Looptijd ${perceel.name}: ${formatDate(terms.startDate)} tot en met ${formatDate(terms.endDate)}${
        terms.maxEndDate ? `, uiterlijk ${formatDate(terms.maxEndDate)}` : ''
      }`,
      regionId: input.regionId,
    })
    await syncObligationsForPerceel(tx, perceel.id)
    return contractId
  })
}

export async function addExtension(input: {
  regionId: string
  perceelId: string
  label: string
  decideBy: Date
  newEndDate: Date
  actor: Actor
}) {
  return db.$transaction(async (tx) => {
    const contract = await tx.contract.findFirst({
      where: { perceelId: input.perceelId, perceel: { procurement: { regionId: input.regionId } } },
      select: { id: true, endDate: true, maxEndDate: true },
    })
    if (!contract) throw new ContractRuleError('Leg eerst de looptijd van het contract vast.')
    if (input.newEndDate <= contract.endDate)
      throw new ContractRuleError('De nieuwe einddatum ligt na de huidige einddatum.')
    if (contract.maxEndDate && input.newEndDate > contract.maxEndDate)
      throw new ContractRuleError('De nieuwe einddatum ligt na de uiterste einddatum van het contract.')
    const id = newId()
    await tx.contractExtension.create({
      data: {
        id,
        contractId: contract.id,
        label: input.label,
        decideBy: input.decideBy,
        newEndDate: input.newEndDate,
      },
    })
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contract.verlengingsoptie_toegevoegd',
      subjectType: 'Contract',
      subjectId: contract.id,
      summary: `${input.label}: beslissen voor ${formatDate(input.decideBy)}, nieuwe einddatum ${formatDate(input.newEndDate)}`,
      regionId: input.regionId,
    })
    return id
  })
}

/**
 * Records the decision on an extension option. "verlengd" moves the contract's end date to the option's new end
 * date; obligations follow (new periods are generated, the hand-over plan moves) and admitted providers are told.
 */
export async function decideExtension(input: {
  regionId: string
  perceelId: string
  extensionId: string
  decision: 'verlengd' | 'niet_verlengd'
  actor: Actor & { userId?: string }
}) {
  return db.$transaction(async (tx) => {
    const ext = await tx.contractExtension.findFirst({
      where: {
        id: input.extensionId,
        contract: { perceelId: input.perceelId, perceel: { procurement: { regionId: input.regionId } } },
      },
      select: {
        id: true,
        label: true,
        decision: true,
        newEndDate: true,
        contract: {
          select: { id: true, endDate: true, perceelId: true, perceel: { select: { name: true } } },
        },
      },
    })
    if (!ext) throw new ContractRuleError('Deze verlengingsoptie bestaat niet.')
    if (ext.decision) throw new ContractRuleError('Over deze verlenging is al besloten.')
    if (input.decision === 'verlengd' && ext.newEndDate <= ext.contract.endDate)
      throw new ContractRuleError('De nieuwe einddatum ligt niet na de huidige einddatum.')
    // Only if still undecided: two buyers deciding at once both pass the check above on PostgreSQL.
    const decided = await tx.contractExtension.updateMany({
      where: { id: ext.id, decision: null },
      data: {
        decision: input.decision,
        decidedAt: now(),
        decidedById: 'userId' in input.actor ? (input.actor.userId ?? null) : null,
      },
    })
    if (decided.count !== 1) throw new ContractRuleError(DECIDED_MEANWHILE)
    const perceelName = ext.contract.perceel.name
    if (input.decision === 'verlengd') {
      await tx.contract.update({ where: { id: ext.contract.id }, data: { endDate: ext.newEndDate } })
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: input.decision === 'verlengd' ? 'contract.verlengd' : 'contract.niet_verlengd',
      subjectType: 'Contract',
      subjectId: ext.contract.id,
      summary:
        input.decision === 'verlengd'
          ? `${ext.label}: verlengd. Het contract voor ${perceelName} loopt nu tot en met ${formatDate(ext.newEndDate)} (was ${formatDate(ext.contract.endDate)}).`
          : `${ext.label}: niet verlengd. Het contract voor ${perceelName} eindigt op ${formatDate(ext.contract.endDate)}.`,
      regionId: input.regionId,
    })
    const link = `${getEnv().APP_URL}/aanbieder/verplichtingen`
    for (const organisationId of await admittedOrganisations(tx, ext.contract.perceelId)) {
      await mailProvider(tx, organisationId, {
        subject:
          input.decision === 'verlengd'
            ? `Contract ${perceelName} verlengd tot en met ${formatDate(ext.newEndDate)}`
            : `Contract ${perceelName} wordt niet verlengd`,
        text:
          input.decision === 'verlengd'
            ? `Het contract voor ${perceelName} is verlengd (${ext.label}). Het loopt nu tot en met ${formatDate(ext.newEndDate)}.\n\nUw verplichtingen voor de nieuwe periode staan in het portaal: ${link}\n`
            : `Het contract voor ${perceelName} wordt niet verlengd (${ext.label}). Het eindigt op ${formatDate(ext.contract.endDate)}.\n\nDenk aan de warme overdracht van uw cliënten. Uw verplichtingen staan in het portaal: ${link}\n`,
      })
    }
    await syncObligationsForPerceel(tx, ext.contract.perceelId)
  })
}

// --- templates -------------------------------------------------------------------------------------------------------

export type TemplateInput = {
  kind: ObligationKind
  title: string
  description: string
  recurrence: Recurrence
  dueDay: number
  requiresDeliverable: boolean
}

export async function createTemplate(input: {
  regionId: string
  perceelId: string
  template: TemplateInput
  actor: Actor
}) {
  return db.$transaction(async (tx) => {
    const contract = await tx.contract.findFirst({
      where: { perceelId: input.perceelId, perceel: { procurement: { regionId: input.regionId } } },
      select: { id: true },
    })
    if (!contract) throw new ContractRuleError('Leg eerst de looptijd van het contract vast.')
    const id = newId()
    // createdAt from the app clock: a hand-over plan is only owed for endings after the template existed.
    await tx.obligationTemplate.create({
      data: { id, contractId: contract.id, ...input.template, createdAt: now() },
    })
    await recordAudit(tx, {
      actor: input.actor,
      action: 'verplichting.sjabloon_toegevoegd',
      subjectType: 'ObligationTemplate',
      subjectId: id,
      summary: `${input.template.title}: ${RECURRENCE_LABELS[input.template.recurrence].toLowerCase()}, ${dueDayLabel(input.template.recurrence, input.template.dueDay)}`,
      regionId: input.regionId,
    })
    const sync = await syncObligationsForPerceel(tx, input.perceelId)
    return { id, created: sync.created }
  })
}

/**
 * Changes a template (or ends it with `active: false`). Future open obligations follow; past and handled ones stay.
 * Providers with open future obligations under the template, before or after the change, are told by e-mail.
 */
export async function updateTemplate(input: {
  regionId: string
  perceelId: string
  templateId: string
  template: TemplateInput & { active: boolean }
  reason?: string
  actor: Actor
}) {
  return db.$transaction(async (tx) => {
    const before = await tx.obligationTemplate.findFirst({
      where: {
        id: input.templateId,
        contract: { perceelId: input.perceelId, perceel: { procurement: { regionId: input.regionId } } },
      },
      select: {
        id: true,
        title: true,
        recurrence: true,
        dueDay: true,
        version: true,
        active: true,
        contract: { select: { perceel: { select: { name: true } } } },
      },
    })
    if (!before) throw new ContractRuleError('Deze verplichting bestaat niet.')
    const t = input.template
    // Read before the sync: ending or rescheduling removes open future obligations, and their providers must hear.
    const affected = new Set(await withOpenFutureObligations(tx, before.id))
    await tx.obligationTemplate.update({
      where: { id: before.id },
      data: { ...t, version: before.version + 1 },
    })
    const sync = await syncObligationsForPerceel(tx, input.perceelId)
    for (const organisationId of await withOpenFutureObligations(tx, before.id)) affected.add(organisationId)
    const schedule = t.active
      ? `${RECURRENCE_LABELS[t.recurrence].toLowerCase()}, ${dueDayLabel(t.recurrence, t.dueDay)}`
      : 'beëindigd'
    await recordAudit(tx, {
      actor: input.actor,
      action: t.active ? 'verplichting.sjabloon_gewijzigd' : 'verplichting.sjabloon_beeindigd',
      subjectType: 'ObligationTemplate',
      subjectId: before.id,
      summary: `${before.title} → ${t.title} (versie ${before.version + 1}): ${schedule}. Toekomstige open verplichtingen: ${sync.created} toegevoegd, ${sync.removed} vervallen, ${sync.updated} bijgewerkt.`,
      reason: input.reason ?? null,
      regionId: input.regionId,
    })
    const link = `${getEnv().APP_URL}/aanbieder/verplichtingen`
    const perceelName = before.contract.perceel.name
    for (const organisationId of affected) {
      await mailProvider(tx, organisationId, {
        subject: `Verplichting gewijzigd: ${t.title}`,
        text: `De gemeente heeft de verplichting "${before.title}" voor ${perceelName} gewijzigd.\n\nNieuw: ${t.title}, ${schedule}.${
          input.reason ? `\nToelichting: ${input.reason}` : ''
        }\n\nWat u al hebt ingediend of wat al voorbij is, blijft zoals het was. Uw nieuwe data staan in het portaal: ${link}\n`,
      })
    }
    return sync
  })
}

// --- review --------------------------------------------------------------------------------------------------------------

export async function findRegionObligation(regionId: string, obligationId: string) {
  return db.obligation.findFirst({
    where: { id: obligationId, template: { contract: { perceel: { procurement: { regionId } } } } },
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      correction: true,
      completedAt: true,
      organisation: { select: { id: true, name: true, kvkNummer: true } },
      kind: true,
      description: true,
      requiresDeliverable: true,
      template: {
        select: {
          contract: { select: { perceel: { select: { id: true, name: true } } } },
        },
      },
      deliverables: {
        orderBy: { createdAt: 'desc' },
        select: {
          id: true,
          note: true,
          createdAt: true,
          file: { select: { displayName: true, size: true } },
        },
      },
    },
  })
}

/** The buyer accepts a submitted deliverable, or sends it back with a message for the provider. */
export async function reviewObligation(input: {
  regionId: string
  obligationId: string
  decision: 'geaccepteerd' | 'correctie_gevraagd'
  message?: string
  actor: Actor
}) {
  return db.$transaction(async (tx) => {
    const o = await tx.obligation.findFirst({
      where: {
        id: input.obligationId,
        template: { contract: { perceel: { procurement: { regionId: input.regionId } } } },
      },
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        organisationId: true,
        template: { select: { contract: { select: { perceel: { select: { name: true } } } } } },
      },
    })
    if (!o) throw new ContractRuleError('Deze verplichting bestaat niet.')
    if (!canTransition(o.status, input.decision))
      throw new ContractRuleError('Deze verplichting is niet (meer) ingediend; er valt niets te beoordelen.')
    if (input.decision === 'correctie_gevraagd' && !input.message?.trim())
      throw new ContractRuleError('Schrijf wat de aanbieder moet verbeteren.')
    const at = now()
    // Only if still submitted: two reviewers at once both pass the check above on PostgreSQL.
    const reviewed = await tx.obligation.updateMany({
      where: { id: o.id, status: 'ingediend' },
      data:
        input.decision === 'geaccepteerd'
          ? { status: 'geaccepteerd', completedAt: at }
          : { status: 'correctie_gevraagd', correction: input.message!.trim(), completedAt: null },
    })
    if (reviewed.count !== 1) throw new ContractRuleError(DECIDED_MEANWHILE)
    await recordAudit(tx, {
      actor: input.actor,
      action:
        input.decision === 'geaccepteerd' ? 'verplichting.geaccepteerd' : 'verplichting.correctie_gevraagd',
      subjectType: 'Obligation',
      subjectId: o.id,
      summary: `${o.title} (uiterlijk ${formatDate(o.dueDate)}): ${
        input.decision === 'geaccepteerd' ? 'geaccepteerd' : 'correctie gevraagd'
      }`,
      reason: input.message ?? null,
      organisationId: o.organisationId,
      regionId: input.regionId,
    })
    const link = `${getEnv().APP_URL}/aanbieder/verplichtingen/${o.id}`
    const perceelName = o.template.contract.perceel.name
    await mailProvider(
      tx,
      o.organisationId,
      input.decision === 'geaccepteerd'
        ? {
            subject: `Geaccepteerd: ${o.title}`,
            text: `De gemeente heeft uw inzending voor "${o.title}" (${perceelName}) geaccepteerd.\n\n${link}\n`,
          }
        : {
            subject: `Correctie gevraagd: ${o.title}`,
            text: `De gemeente vraagt u uw inzending voor "${o.title}" (${perceelName}) te verbeteren.\n\nToelichting van de gemeente:\n${input.message!.trim()}\n\nDien een verbeterde versie in via ${link}\n`,
          },
    )
  })
}
