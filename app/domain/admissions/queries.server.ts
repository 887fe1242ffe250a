import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { endOfAmsterdamDay, workingDayDeadline } from '~/utils/time'
import { listAuditForSubject } from '~/domain/audit/audit.server'
import { coverageOf, loadEntry, loadPartnerEvidence, problemsOf, type LoadedEntry } from './context.server'
import { expiresBefore, type RequirementCoverage } from './requirements'
import { registerPartnerText } from './partners'
import { DEFAULT_DECISION_TERM_DAYS } from './lifecycle.server'
import { QUEUE_STATES, isDecisionOverdue, overdueIfDueBefore } from './state'
import { isStaleConcept } from './entries.server'
import { PUBLIC_STATUSES } from '~/domain/catalogue/rules'

/** Open-house percelen of published procurements that a provider may join, with their current moment. */
export async function openHousePercelen() {
  const at = now()
  const percelen = await db.perceel.findMany({
    where: { inkoopvorm: 'openhouse', procurement: { status: 'gepubliceerd' } },
    select: {
      id: true,
      name: true,
      registrationRegime: true,
      decisionTermDays: true,
      procurement: { select: { name: true, region: { select: { name: true } } } },
      registrationMoments: {
        where: { closesAt: { gte: at } },
        orderBy: { opensAt: 'asc' },
        take: 1,
        select: { opensAt: true, closesAt: true, decisionDate: true },
      },
    },
    orderBy: [{ procurement: { name: 'asc' } }, { sortOrder: 'asc' }],
  })
  return percelen.map((p) => ({
    id: p.id,
    name: p.name,
    procurementName: p.procurement.name,
    regionName: p.procurement.region.name,
    regime: p.registrationRegime,
    decisionTermDays: p.decisionTermDays,
    moment: p.registrationMoments[0] ?? null,
  }))
}

/** The provider dashboard: its entries and its admissions (grouped per perceel). */
export async function providerDashboard(organisationId: string) {
  const [entries, admissions] = await Promise.all([
    db.entry.findMany({
      where: { organisationId },
      orderBy: { updatedAt: 'desc' },
      take: 100,
      select: {
        id: true,
        status: true,
        submittedAt: true,
        decisionDueAt: true,
        decidedAt: true,
        perceel: { select: { name: true, procurement: { select: { name: true } } } },
        gemeenten: { select: { gemeente: { select: { name: true } } } },
      },
    }),
    db.admission.findMany({
      where: { organisationId },
      orderBy: [{ perceelId: 'asc' }, { gemeenteCode: 'asc' }],
      select: {
        id: true,
        status: true,
        source: true,
        since: true,
        revalidationDueAt: true,
        revalidatedAt: true,
        perceelId: true,
        perceel: { select: { name: true } },
        product: { select: { code: true, name: true } },
        gemeente: { select: { name: true } },
      },
    }),
  ])
  const byPerceel = new Map<
    string,
    { perceelId: string; perceelName: string; revalidationDueAt: Date | null; rows: typeof admissions }
  >()
  for (const a of admissions) {
    const group = byPerceel.get(a.perceelId) ?? {
      perceelId: a.perceelId,
      perceelName: a.perceel.name,
      revalidationDueAt: null,
      rows: [],
    }
    group.rows.push(a)
    if (
      a.status === 'actief' &&
      a.source === 'openhouse' &&
      a.revalidationDueAt &&
      (!group.revalidationDueAt || a.revalidationDueAt < group.revalidationDueAt)
    )
      group.revalidationDueAt = a.revalidationDueAt
    byPerceel.set(a.perceelId, group)
  }
  return { entries, admissionGroups: [...byPerceel.values()] }
}

/** Evidence items of the organisation that can be attached (latest versions only), per evidence type. */
export async function evidenceOptions(organisationId: string, typeIds: string[]) {
  const items = await db.evidenceItem.findMany({
    where: { organisationId, typeId: { in: typeIds }, replacedBy: { is: null } },
    orderBy: { validFrom: 'desc' },
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
  return items
}

export function expectedDecisionDate(entry: LoadedEntry): Date {
  if (entry.decisionDueAt) return entry.decisionDueAt
  if (entry.registrationMoment && entry.perceel.registrationRegime !== 'doorlopend')
    return endOfAmsterdamDay(entry.registrationMoment.decisionDate) // what submitting stores as decisionDueAt
  return workingDayDeadline(now(), entry.perceel.decisionTermDays ?? DEFAULT_DECISION_TERM_DAYS)
}

/** Everything the provider's entry screen shows. Null when the entry is not this organisation's. */
/** Is this entry the organisation's own? Actions ask first, so another's entry is "not found" whatever is posted. */
export async function isOwnEntry(organisationId: string, entryId: string): Promise<boolean> {
  const entry = await db.entry.findFirst({ where: { id: entryId, organisationId }, select: { id: true } })
  return entry !== null
}

export async function providerEntryView(organisationId: string, entryId: string) {
  const entry = await loadEntry(db, entryId)
  if (!entry || entry.organisationId !== organisationId) return null
  const at = now()
  const decisionDate = expectedDecisionDate(entry)
  const options = await evidenceOptions(
    organisationId,
    entry.requirementSet.evidence.map((r) => r.evidenceTypeId),
  )
  const partnerEvidence = await loadPartnerEvidence(db, entry)
  const problems = problemsOf(entry, at, partnerEvidence)
  const coverage = coverageOf(entry, at, partnerEvidence).map(leadCoverage)
  const expiring = entry.evidence
    .filter((e) => expiresBefore(e.evidenceItem, decisionDate))
    .map((e) => e.requiredEvidenceId)
  const audit = await listAuditForSubject(db, 'Entry', entry.id)
  const stale = isStaleConcept(entry, at)
  // Where a stale concept would go: the moment a new entry would get now.
  const nextMoment = stale
    ? await db.registrationMoment.findFirst({
        where: { perceelId: entry.perceelId, closesAt: { gte: at } },
        orderBy: { opensAt: 'asc' },
        select: { opensAt: true, closesAt: true },
      })
    : null
  const momentFrozen = !!entry.registrationMoment?.requirementSetId
  return {
    entry,
    decisionDate,
    options,
    problems,
    coverage,
    expiring,
    audit,
    at,
    stale,
    nextMoment,
    momentFrozen,
  }
}

/**
 * What the lead sees of its partners' evidence: per product who supplies it, and per partner only whether it has a
 * valid item (and until when) once it confirmed. Never the partner's item details, and nothing before confirmation.
 */
function leadCoverage(c: RequirementCoverage) {
  return {
    requiredId: c.requiredId,
    satisfied: c.satisfied,
    products: c.products.map((p) => ({
      productId: p.productId,
      name: p.name,
      delivered: p.partnerIds.length > 0,
      suppliedBy: p.suppliedBy
        ? p.suppliedBy.kind === 'lead'
          ? { kind: 'lead' as const, name: '' }
          : { kind: 'partner' as const, name: p.suppliedBy.name }
        : null,
    })),
    partners: c.partners.map((p) => ({
      partnerId: p.partnerId,
      name: p.name,
      confirmed: p.confirmed,
      status: !p.confirmed ? ('wacht' as const) : p.item ? ('ok' as const) : ('ontbreekt' as const),
      validUntil: p.confirmed && p.item ? p.item.validUntil : null,
    })),
  }
}

/** Entries per page of the buyer's queue. */
export const QUEUE_PAGE_SIZE = 50

/**
 * The buyer's queue: undecided entries of the region's open-house percelen, by decision due date, one page at a
 * time. `total` and `overdueTotal` count the whole queue (not only the page), so the screen's counts stay true.
 */
export async function buyerQueue(
  regionId: string,
  filter: { perceelId?: string; momentId?: string; all?: boolean; page?: number },
  pageSize: number = QUEUE_PAGE_SIZE,
) {
  const percelen = await db.perceel.findMany({
    where: { inkoopvorm: 'openhouse', procurement: { regionId } },
    select: {
      id: true,
      name: true,
      registrationMoments: {
        orderBy: { opensAt: 'asc' },
        select: { id: true, opensAt: true, closesAt: true, decisionDate: true },
      },
    },
    orderBy: { name: 'asc' },
  })
  const at = now()
  const where = {
    perceel: { procurement: { regionId } },
    ...(filter.perceelId ? { perceelId: filter.perceelId } : {}),
    ...(filter.momentId ? { registrationMomentId: filter.momentId } : {}),
    status: filter.all ? { not: 'concept' } : { in: [...QUEUE_STATES, 'aanvulling_gevraagd'] },
  }
  const [total, overdueTotal] = await Promise.all([
    db.entry.count({ where }),
    db.entry.count({
      where: {
        AND: [
          where,
          { status: { in: [...QUEUE_STATES] } },
          { decisionDueAt: { lt: overdueIfDueBefore(at) } },
        ],
      },
    }),
  ])
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1) || 1), pageCount)
  const entries = await db.entry.findMany({
    where,
    // The id last: a stable order, so no entry shows on two pages or on none.
    orderBy: [{ decisionDueAt: 'asc' }, { submittedAt: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      status: true,
      submittedAt: true,
      decisionDueAt: true,
      organisation: { select: { name: true } },
      perceel: { select: { name: true } },
      registrationMoment: { select: { opensAt: true, closesAt: true } },
      gemeenten: { select: { gemeente: { select: { name: true } } } },
    },
  })
  return {
    percelen,
    total,
    overdueTotal,
    page,
    pageCount,
    pageSize,
    entries: entries.map((e) => ({
      ...e,
      overdue:
        isDecisionOverdue(e.decisionDueAt, at) && (QUEUE_STATES as readonly string[]).includes(e.status),
    })),
  }
}

/** Everything the buyer's entry screen shows. Null when the entry is not of this region (or still a draft). */
export async function buyerEntryView(regionId: string, entryId: string) {
  const entry = await loadEntry(db, entryId)
  if (!entry || entry.perceel.procurement.regionId !== regionId || entry.status === 'concept') return null
  const at = now()
  const partnerEvidence = await loadPartnerEvidence(db, entry)
  const problems = problemsOf(entry, at, partnerEvidence)
  const coverage = coverageOf(entry, at, partnerEvidence)
  const [history, admissions, audit] = await Promise.all([
    db.entry.findMany({
      // Only this region's percelen: a buyer has no business with the provider's entries elsewhere.
      where: {
        organisationId: entry.organisationId,
        id: { not: entry.id },
        status: { not: 'concept' },
        perceel: { procurement: { regionId } },
      },
      orderBy: { createdAt: 'desc' },
      take: 20,
      select: {
        id: true,
        status: true,
        submittedAt: true,
        decidedAt: true,
        perceel: { select: { name: true, procurement: { select: { regionId: true } } } },
      },
    }),
    db.admission.findMany({
      where: { organisationId: entry.organisationId, perceel: { procurement: { regionId } } },
      orderBy: [{ perceelId: 'asc' }, { gemeenteCode: 'asc' }],
      select: {
        id: true,
        status: true,
        since: true,
        source: true,
        perceel: { select: { name: true } },
        product: { select: { code: true, name: true } },
        gemeente: { select: { name: true } },
      },
    }),
    listAuditForSubject(db, 'Entry', entry.id),
  ])
  return { entry, problems, coverage, history, admissions, audit, at }
}

export async function buyerAdmissions(regionId: string, perceelId?: string) {
  const percelen = await db.perceel.findMany({
    where: { procurement: { regionId } },
    select: { id: true, name: true, inkoopvorm: true },
    orderBy: [{ procurement: { name: 'asc' } }, { sortOrder: 'asc' }],
  })
  const rows = await db.admission.findMany({
    where: { perceel: { procurement: { regionId } }, ...(perceelId ? { perceelId } : {}) },
    orderBy: [{ organisation: { name: 'asc' } }, { perceelId: 'asc' }, { gemeenteCode: 'asc' }],
    take: 300,
    select: {
      id: true,
      status: true,
      source: true,
      since: true,
      atRisk: true,
      revalidationDueAt: true,
      organisation: { select: { name: true } },
      perceel: { select: { name: true } },
      product: { select: { code: true, name: true } },
      gemeente: { select: { name: true } },
    },
  })
  return { percelen, rows }
}

export async function buyerAdmission(regionId: string, admissionId: string) {
  const admission = await db.admission.findFirst({
    where: { id: admissionId, perceel: { procurement: { regionId } } },
    select: {
      id: true,
      status: true,
      source: true,
      since: true,
      endedAt: true,
      awardedAt: true,
      tenderNedUrl: true,
      revalidationDueAt: true,
      revalidatedAt: true,
      entryId: true,
      organisation: { select: { name: true, kvkNummer: true } },
      perceel: { select: { name: true } },
      product: { select: { code: true, name: true } },
      gemeente: { select: { name: true } },
    },
  })
  if (!admission) return null
  const audit = await listAuditForSubject(db, 'Admission', admission.id)
  return { admission, audit }
}

/** The public register of a perceel: admitted providers per gemeente (name, products, since). */
export async function publicRegister(perceelId: string) {
  const perceel = await db.perceel.findFirst({
    where: { id: perceelId, procurement: { status: { in: PUBLIC_STATUSES } } },
    select: {
      id: true,
      name: true,
      inkoopvorm: true,
      procurement: { select: { name: true, region: { select: { name: true } } } },
      gemeenten: {
        select: { gemeente: { select: { code: true, name: true } } },
        orderBy: { gemeenteCode: 'asc' },
      },
    },
  })
  if (!perceel) return null
  const rows = await db.admission.findMany({
    where: { perceelId, status: 'actief' },
    select: {
      since: true,
      gemeenteCode: true,
      entryId: true,
      productId: true,
      organisation: { select: { id: true, name: true } },
      product: { select: { code: true, name: true } },
    },
    orderBy: [{ organisation: { name: 'asc' } }],
  })
  // Confirmed partners of the entries that led to these admissions: "met onderaannemer X" for their products.
  const entryIds = [...new Set(rows.map((r) => r.entryId).filter((id): id is string => !!id))]
  const partners = entryIds.length
    ? await db.entryPartner.findMany({
        where: { entryId: { in: entryIds }, confirmedAt: { not: null } },
        select: {
          entryId: true,
          role: true,
          organisation: { select: { name: true } },
          products: { select: { productId: true } },
        },
        orderBy: { createdAt: 'asc' },
      })
    : []
  const partnersFor = (entryId: string | null, productId: string) =>
    partners
      .filter((p) => p.entryId === entryId && p.products.some((x) => x.productId === productId))
      .map((p) => registerPartnerText({ role: p.role, name: p.organisation.name }))
  const perGemeente = perceel.gemeenten.map(({ gemeente }) => {
    const providers = new Map<
      string,
      { name: string; products: Set<string>; partners: Set<string>; since: Date }
    >()
    for (const r of rows.filter((x) => x.gemeenteCode === gemeente.code)) {
      const p = providers.get(r.organisation.id) ?? {
        name: r.organisation.name,
        products: new Set<string>(),
        partners: new Set<string>(),
        since: r.since,
      }
      p.products.add(`${r.product.code} ${r.product.name}`)
      for (const text of partnersFor(r.entryId, r.productId)) p.partners.add(text)
      if (r.since < p.since) p.since = r.since
      providers.set(r.organisation.id, p)
    }
    return {
      code: gemeente.code,
      name: gemeente.name,
      providers: [...providers.values()].map((p) => ({
        name: p.name,
        products: [...p.products].sort(),
        partners: [...p.partners],
        since: p.since,
      })),
    }
  })
  return { perceel, perGemeente }
}
