/**
 * The provider's side: "Mijn verplichtingen" across all regions and percelen, and submitting a deliverable or marking
 * a meeting held. Every query is scoped by the organisation: another organisation's obligation is "not found".
 */
import { db } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { daysBetween, formatDate, startOfAmsterdamDay } from '~/utils/time'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { maySubmitFor, NO_SUBMIT_RIGHTS } from '~/domain/accounts/roles'
import { awaitsProvider, canTransition, displayStatus, isLate } from './recurrence'
import { ContractRuleError } from './contracts.server'

const obligationSelect = {
  id: true,
  title: true,
  status: true,
  dueDate: true,
  completedAt: true,
  kind: true,
  requiresDeliverable: true,
  template: {
    select: {
      contract: {
        select: {
          perceel: {
            select: { name: true, procurement: { select: { region: { select: { name: true } } } } },
          },
        },
      },
    },
  },
} as const

export async function getProviderOverview(organisationId: string) {
  const at = now()
  const today = startOfAmsterdamDay(at)
  const admissions = await db.admission.findMany({
    where: { organisationId },
    select: {
      status: true,
      gemeente: { select: { name: true } },
      product: {
        select: {
          id: true,
          code: true,
          name: true,
          unit: true,
          tariffs: {
            orderBy: { validFrom: 'asc' },
            select: { id: true, amountCents: true, validFrom: true, validUntil: true, indexation: true },
          },
        },
      },
      perceel: {
        select: {
          id: true,
          name: true,
          procurement: { select: { name: true, region: { select: { name: true } } } },
          contract: {
            select: {
              startDate: true,
              endDate: true,
              maxEndDate: true,
              extensions: {
                orderBy: { decideBy: 'asc' },
                select: { id: true, label: true, decideBy: true, newEndDate: true, decision: true },
              },
            },
          },
        },
      },
    },
  })

  type ContractRow = {
    perceelId: string
    perceel: string
    region: string
    procurement: string
    gemeenten: Set<string>
    statuses: Set<string>
    contract: (typeof admissions)[number]['perceel']['contract']
  }
  const contracts = new Map<string, ContractRow>()
  const products = new Map<string, { perceel: string; product: (typeof admissions)[number]['product'] }>()
  for (const a of admissions) {
    const row = contracts.get(a.perceel.id) ?? {
      perceelId: a.perceel.id,
      perceel: a.perceel.name,
      region: a.perceel.procurement.region.name,
      procurement: a.perceel.procurement.name,
      gemeenten: new Set<string>(),
      statuses: new Set<string>(),
      contract: a.perceel.contract,
    }
    row.gemeenten.add(a.gemeente.name)
    row.statuses.add(a.status)
    contracts.set(a.perceel.id, row)
    if (a.status !== 'beeindigd') products.set(a.product.id, { perceel: a.perceel.name, product: a.product })
  }

  const obligations = await db.obligation.findMany({
    where: { organisationId },
    orderBy: [{ dueDate: 'asc' }, { title: 'asc' }],
    select: obligationSelect,
  })
  const rows = obligations.map((o) => ({
    id: o.id,
    title: o.title,
    dueDate: o.dueDate,
    status: displayStatus(o.status, o.dueDate, at),
    completedAt: o.completedAt,
    perceel: o.template.contract.perceel.name,
    region: o.template.contract.perceel.procurement.region.name,
    awaits: awaitsProvider(o.status),
    late: isLate(o.status, o.dueDate, at),
    daysAhead: daysBetween(today, o.dueDate),
  }))
  return {
    contracts: [...contracts.values()].map((c) => ({
      ...c,
      gemeenten: [...c.gemeenten].sort((a, b) => a.localeCompare(b, 'nl')),
      // A contract past its end date has ended, whatever its admissions still say (they end a day later, by a job).
      status:
        c.contract && startOfAmsterdamDay(c.contract.endDate) < today
          ? 'afgelopen'
          : c.statuses.has('actief')
            ? 'actief'
            : c.statuses.has('geschorst')
              ? 'geschorst'
              : 'beeindigd',
      statuses: undefined,
    })),
    tariffs: [...products.values()].sort((a, b) =>
      `${a.perceel} ${a.product.code}`.localeCompare(`${b.perceel} ${b.product.code}`, 'nl'),
    ),
    late: rows.filter((r) => r.late),
    dueSoon: rows.filter((r) => r.awaits && !r.late && r.daysAhead <= 30),
    later: rows.filter((r) => r.awaits && r.daysAhead > 30 && r.daysAhead <= 400),
    submitted: rows.filter((r) => r.status === 'ingediend'),
    accepted: rows
      .filter((r) => r.status === 'geaccepteerd')
      .sort((a, b) => b.dueDate.getTime() - a.dueDate.getTime())
      .slice(0, 20),
  }
}

export async function getProviderObligation(organisationId: string, obligationId: string) {
  const o = await db.obligation.findFirst({
    where: { id: obligationId, organisationId },
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      correction: true,
      completedAt: true,
      kind: true,
      description: true,
      requiresDeliverable: true,
      template: {
        select: {
          contract: {
            select: {
              perceel: {
                select: { name: true, procurement: { select: { region: { select: { name: true } } } } },
              },
            },
          },
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
  if (!o) return null
  return {
    ...o,
    display: displayStatus(o.status, o.dueDate, now()),
    maySubmit: canTransition(o.status, 'ingediend'),
  }
}

/**
 * The provider submits: a file (reports, data deliveries, plans) and/or a note ("kwartaalgesprek gehouden op ...").
 * When the template requires a deliverable, a file is needed. `file` is an already stored upload.
 */
export async function submitObligation(input: {
  organisationId: string
  obligationId: string
  note: string
  file?: { storageKey: string; size: number; sha256: string; displayName: string; contentType: string } | null
  actor: Actor & { userId: string }
}) {
  return db.$transaction(async (tx) => {
    const o = await tx.obligation.findFirst({
      where: { id: input.obligationId, organisationId: input.organisationId },
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        requiresDeliverable: true,
        template: {
          select: {
            contract: { select: { perceel: { select: { procurement: { select: { regionId: true } } } } } },
          },
        },
      },
    })
    if (!o) throw new ContractRuleError('Deze verplichting bestaat niet.')
    // Submitting speaks for the organisation: beheerders, and medewerkers only when the beheerder allows it.
    const membership = await tx.organisationMembership.findFirst({
      where: { userId: input.actor.userId, organisationId: input.organisationId },
      select: { role: true, organisation: { select: { medewerkersMaySubmit: true } } },
    })
    if (!membership || !maySubmitFor({ role: membership.role, ...membership.organisation }))
      throw new ContractRuleError(NO_SUBMIT_RIGHTS)
    if (!canTransition(o.status, 'ingediend'))
      throw new ContractRuleError('Deze verplichting is al ingediend of afgehandeld.')
    if (o.requiresDeliverable && !input.file)
      throw new ContractRuleError('Voeg het document toe dat bij deze verplichting hoort.')
    let fileId: string | null = null
    if (input.file) {
      fileId = newId()
      await tx.storedFile.create({
        data: {
          id: fileId,
          storageKey: input.file.storageKey,
          displayName: input.file.displayName,
          contentType: input.file.contentType,
          size: input.file.size,
          sha256: input.file.sha256,
          organisationId: input.organisationId,
          uploadedById: input.actor.userId,
        },
      })
    }
    await tx.deliverable.create({
      data: {
        id: newId(),
        obligationId: o.id,
        fileId,
        note: input.note,
        submittedById: input.actor.userId,
      },
    })
    await tx.obligation.update({ where: { id: o.id }, data: { status: 'ingediend', completedAt: now() } })
    await recordAudit(tx, {
      actor: input.actor,
      action: 'verplichting.ingediend',
      subjectType: 'Obligation',
      subjectId: o.id,
      summary: `${o.title} (uiterlijk ${formatDate(o.dueDate)}) ingediend${input.file ? `: ${input.file.displayName}` : ''}`,
      organisationId: input.organisationId,
      regionId: o.template.contract.perceel.procurement.regionId,
    })
  })
}

/** A deliverable's file, if the obligation belongs to this organisation (provider) or this region (buyer). */
export async function findDeliverableFile(
  deliverableId: string,
  scope: { organisationId: string } | { regionId: string },
) {
  const d = await db.deliverable.findFirst({
    where: {
      id: deliverableId,
      obligation:
        'organisationId' in scope
          ? { organisationId: scope.organisationId }
          : { template: { contract: { perceel: { procurement: { regionId: scope.regionId } } } } },
    },
    select: { file: { select: { storageKey: true, displayName: true, contentType: true, size: true } } },
  })
  return d?.file ?? null
}
