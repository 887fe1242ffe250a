/**
 * Queries and changes of the procurement catalogue. Every function is scoped by the region (buyers) so a buyer of
 * another region gets "not found"; every change is audited in its own transaction.
 */
import type { z } from 'zod'
import { db, lockRow, type DbOrTx, type Tx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { queueEmail } from '~/utils/email.server'
import { getEnv } from '~/utils/env.server'
import { endOfAmsterdamDay, formatDate, formatDateTime, toDateInputValue } from '~/utils/time'
import { notFound } from '~/domain/accounts/permissions.server'
import { documentListSelect } from '~/domain/documents/documents.server'
import { freezeMomentIfOpened } from '~/domain/admissions/requirement-sets.server'
import { lawsLabel, unitName } from './product-categories'
import {
  formatEuro,
  groupProductRows,
  INKOOPVORM_LABELS,
  inkoopvormErrors,
  joinDutch,
  momentErrors,
  productLawError,
  PUBLIC_STATUSES,
  REGIME_LABELS,
  sameCodeErrors,
  writeProductCsv,
  type Inkoopvorm,
  type ProductValue,
  type ProductWithTariffs,
  type Regime,
} from './rules'
import type {
  milestoneSchema,
  momentSchema,
  perceelSchema,
  procurementSchema,
  productSchema,
  questionSchema,
  requiredEvidenceSchema,
  segmentSchema,
} from './schemas'

export type UserActor = { userId: string; label: string; ip?: string | null }
type Scope = { regionId: string; actor: UserActor }
type FieldErrors = Record<string, string[]>

const SUBJECT = 'procurement'

async function audit(
  tx: DbOrTx,
  scope: Scope,
  action: string,
  subjectId: string,
  summary: string,
  subjectType = SUBJECT,
) {
  await recordAudit(tx, {
    actor: scope.actor as Actor,
    action,
    subjectType,
    subjectId,
    summary,
    regionId: scope.regionId,
  })
}

/**
 * Audits a change and, once the procurement is public, publishes it too: a new version, listed with its date on the
 * inkoopagenda and e-mailed to followers and entrants (`announceIfPublished`), in the transaction of the change.
 * Every edit is its own version and e-mail: simple and never silent. Returns whether it was published.
 */
async function recordChange(
  tx: DbOrTx,
  scope: Scope,
  procurement: { id: string; name: string; status: string },
  action: string,
  summary: string,
) {
  await audit(tx, scope, action, procurement.id, summary)
  return announceIfPublished(tx, procurement, summary)
}

// ───────────────────────────── Procurements ─────────────────────────────

export async function listProcurements(regionId: string) {
  return db.procurement.findMany({
    where: { regionId },
    orderBy: [{ contractStart: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      laws: true,
      status: true,
      version: true,
      contractStart: true,
      contractEnd: true,
      _count: { select: { percelen: true } },
    },
  })
}

export async function getProcurementForBuyer(regionId: string, procurementId: string) {
  const procurement = await db.procurement.findFirst({
    where: { id: procurementId, regionId },
    select: {
      id: true,
      name: true,
      description: true,
      laws: true,
      status: true,
      version: true,
      publishedAt: true,
      contractStart: true,
      contractEnd: true,
      extensionOptions: true,
      percelen: {
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: {
          id: true,
          name: true,
          inkoopvorm: true,
          registrationRegime: true,
          _count: { select: { products: true, gemeenten: true } },
        },
      },
      milestones: { orderBy: { at: 'asc' }, select: { id: true, label: true, at: true, ifNeeded: true } },
      changes: { orderBy: { at: 'desc' }, select: { id: true, version: true, summary: true, at: true } },
      documents: { orderBy: { createdAt: 'asc' }, select: documentListSelect },
    },
  })
  if (!procurement) notFound()
  return procurement
}

/**
 * A closed procurement stays readable (inkoopagenda, register, admissions and contracts run on) but no longer
 * changes. Every change goes through `procurementInRegion` or `perceelInRegion`, so this is checked in one place.
 */
export function refuseWhenClosed(status: string) {
  if (status === 'gesloten') {
    throw new Response('Dit inkooptraject is gesloten en kan niet meer worden gewijzigd.', { status: 409 })
  }
}

/** The procurement of a change, in the buyer's region and not closed; 404 or 409 otherwise. */
export async function procurementInRegion(tx: DbOrTx, regionId: string, procurementId: string) {
  const p = await tx.procurement.findFirst({
    where: { id: procurementId, regionId },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      contractStart: true,
      contractEnd: true,
      extensionOptions: true,
      laws: true,
    },
  })
  if (!p) notFound()
  refuseWhenClosed(p.status)
  return p
}

type ProcurementValue = z.output<typeof procurementSchema>

export async function createProcurement(scope: Scope, value: ProcurementValue) {
  const id = newId()
  await db.$transaction(async (tx) => {
    await tx.procurement.create({
      data: {
        id,
        regionId: scope.regionId,
        name: value.name,
        description: value.description ?? '',
        laws: value.laws.join(','),
        contractStart: value.contractStart,
        contractEnd: value.contractEnd,
        extensionOptions: value.extensionOptions ?? '',
      },
    })
    await audit(tx, scope, 'catalogue.procurement.created', id, `Inkooptraject "${value.name}" aangemaakt`)
  })
  return id
}

/**
 * Registration moments must stay inside the contract period: a shorter period that would leave one outside is
 * refused next to the date that causes it, naming the moment.
 */
async function contractPeriodErrors(tx: DbOrTx, procurementId: string, value: ProcurementValue) {
  const errors: FieldErrors = {}
  const select = { opensAt: true, closesAt: true, perceel: { select: { name: true } } } as const
  const early = await tx.registrationMoment.findFirst({
    where: { perceel: { procurementId }, opensAt: { lt: value.contractStart } },
    orderBy: { opensAt: 'asc' },
    select,
  })
  if (early) {
    errors.contractStart = [
      `Perceel "${early.perceel.name}" heeft een inschrijfmoment dat opent op ${formatDateTime(early.opensAt)}. ` +
        `Kies een begindatum op of vóór ${formatDate(early.opensAt)}, of verwijder eerst dat inschrijfmoment: inschrijfmomenten vallen binnen de contractperiode`,
    ]
  }
  // The contract period runs to the end of its last day.
  const late = await tx.registrationMoment.findFirst({
    where: { perceel: { procurementId }, closesAt: { gt: endOfAmsterdamDay(value.contractEnd) } },
    orderBy: { closesAt: 'desc' },
    select,
  })
  if (late) {
    errors.contractEnd = [
      `Perceel "${late.perceel.name}" heeft een inschrijfmoment dat sluit op ${formatDateTime(late.closesAt)}. ` +
        `Kies een einddatum op of na ${formatDate(late.closesAt)}, of verwijder eerst dat inschrijfmoment: inschrijfmomenten vallen binnen de contractperiode`,
    ]
  }
  return errors
}

/** What an edit of the procurement's own data changes, in words for the public list of changes. */
function procurementChanges(
  before: {
    name: string
    description: string
    laws: string
    contractStart: Date
    contractEnd: Date
    extensionOptions: string
  },
  value: ProcurementValue,
) {
  const parts: string[] = []
  if (before.name !== value.name) parts.push(`naam gewijzigd in "${value.name}" (was "${before.name}")`)
  if (before.description !== (value.description ?? '')) parts.push('omschrijving gewijzigd')
  const laws = value.laws.join(',')
  if ([...before.laws.split(',')].sort().join(',') !== [...value.laws].sort().join(',')) {
    parts.push(`wetten nu ${lawsLabel(laws)} (was ${lawsLabel(before.laws)})`)
  }
  const period = (start: Date, end: Date) => `${formatDate(start)} tot en met ${formatDate(end)}`
  const day = (d: Date) => toDateInputValue(d)
  if (
    day(before.contractStart) !== day(value.contractStart) ||
    day(before.contractEnd) !== day(value.contractEnd)
  ) {
    parts.push(
      `contractperiode nu ${period(value.contractStart, value.contractEnd)} (was ${period(before.contractStart, before.contractEnd)})`,
    )
  }
  const extension = value.extensionOptions ?? ''
  if (before.extensionOptions !== extension) {
    parts.push(
      extension
        ? `verlengingsopties nu "${extension}"${before.extensionOptions ? ` (was "${before.extensionOptions}")` : ''}`
        : `verlengingsopties vervallen (was "${before.extensionOptions}")`,
    )
  }
  return parts
}

export async function updateProcurement(
  scope: Scope,
  procurementId: string,
  value: ProcurementValue,
): Promise<{ ok: true; published: boolean } | { ok: false; errors: FieldErrors }> {
  return db.$transaction(async (tx) => {
    const before = await procurementInRegion(tx, scope.regionId, procurementId)
    const errors = await contractPeriodErrors(tx, procurementId, value)
    if (Object.keys(errors).length > 0) return { ok: false as const, errors }
    await tx.procurement.update({
      where: { id: procurementId },
      data: {
        name: value.name,
        description: value.description ?? '',
        laws: value.laws.join(','),
        contractStart: value.contractStart,
        contractEnd: value.contractEnd,
        extensionOptions: value.extensionOptions ?? '',
      },
    })
    const changes = procurementChanges(before, value)
    if (changes.length === 0) {
      // Saved unchanged: nothing to announce.
      await audit(
        tx,
        scope,
        'catalogue.procurement.updated',
        procurementId,
        `Gegevens van "${value.name}" opgeslagen zonder wijziging`,
      )
      return { ok: true as const, published: false }
    }
    const published = await recordChange(
      tx,
      scope,
      { ...before, name: value.name },
      'catalogue.procurement.updated',
      `Gegevens van het inkooptraject gewijzigd: ${changes.join('; ')}`,
    )
    return { ok: true as const, published }
  })
}

export async function addMilestone(
  scope: Scope,
  procurementId: string,
  value: z.output<typeof milestoneSchema>,
) {
  return db.$transaction(async (tx) => {
    const procurement = await procurementInRegion(tx, scope.regionId, procurementId)
    const id = newId()
    await tx.procurementMilestone.create({
      data: { id, procurementId, label: value.label, at: value.at, ifNeeded: value.ifNeeded },
    })
    return recordChange(
      tx,
      scope,
      procurement,
      'catalogue.milestone.added',
      `Mijlpaal toegevoegd aan de tijdlijn: "${value.label}" op ${formatDateTime(value.at)}${value.ifNeeded ? ' (indien nodig)' : ''}`,
    )
  })
}

export async function removeMilestone(scope: Scope, procurementId: string, milestoneId: string) {
  return db.$transaction(async (tx) => {
    const procurement = await procurementInRegion(tx, scope.regionId, procurementId)
    const m = await tx.procurementMilestone.findFirst({ where: { id: milestoneId, procurementId } })
    if (!m) notFound()
    await tx.procurementMilestone.delete({ where: { id: m.id } })
    return recordChange(
      tx,
      scope,
      procurement,
      'catalogue.milestone.removed',
      `Mijlpaal "${m.label}" van ${formatDateTime(m.at)} vervalt uit de tijdlijn`,
    )
  })
}

// ───────────────────────────── Segments and percelen ─────────────────────────────

export async function listSegments(regionId: string) {
  return db.segment.findMany({
    where: { regionId },
    orderBy: [{ law: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, law: true, description: true },
  })
}

export async function createSegment(
  scope: Scope,
  value: z.output<typeof segmentSchema>,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const existing = await db.segment.findFirst({ where: { regionId: scope.regionId, name: value.name } })
  if (existing) return { ok: false, errors: { name: ['Deze regio heeft al een segment met deze naam'] } }
  await db.$transaction(async (tx) => {
    const id = newId()
    await tx.segment.create({
      data: {
        id,
        regionId: scope.regionId,
        name: value.name,
        law: value.law,
        description: value.description ?? '',
      },
    })
    await audit(tx, scope, 'catalogue.segment.created', id, `Segment "${value.name}" aangemaakt`, 'segment')
  })
  return { ok: true }
}

type PerceelValue = z.output<typeof perceelSchema>

async function checkChoices(tx: DbOrTx, regionId: string, value: PerceelValue) {
  const errors: FieldErrors = {}
  if (value.gemeenten.length > 0) {
    const known = await tx.regionGemeente.count({
      where: { regionId, gemeenteCode: { in: value.gemeenten } },
    })
    if (known !== new Set(value.gemeenten).size) errors.gemeenten = ['Kies gemeenten uit deze regio']
  }
  if (value.segments.length > 0) {
    const known = await tx.segment.count({ where: { regionId, id: { in: value.segments } } })
    if (known !== new Set(value.segments).size) errors.segments = ['Kies segmenten uit deze regio']
  }
  return errors
}

/**
 * The inkoopvorm and the registration regime carry what hangs on them: entries and admissions, registration moments.
 * Switching them underneath would leave those without a meaning, so a perceel keeps its form once it has them.
 */
async function checkFormChange(
  tx: DbOrTx,
  perceel: { id: string; inkoopvorm: string; registrationRegime: string | null },
  value: PerceelValue,
): Promise<FieldErrors> {
  const newRegime = value.inkoopvorm === 'openhouse' ? (value.registrationRegime ?? null) : null
  const formChanges = perceel.inkoopvorm !== value.inkoopvorm
  const regimeChanges = !formChanges && perceel.registrationRegime !== newRegime
  if (!formChanges && !regimeChanges) return {}
  const [entries, admissions, moments] = await Promise.all([
    tx.entry.count({ where: { perceelId: perceel.id } }),
    tx.admission.count({ where: { perceelId: perceel.id } }),
    tx.registrationMoment.count({ where: { perceelId: perceel.id } }),
  ])
  const held = [
    entries ? `${entries} ${entries === 1 ? 'toetreding' : 'toetredingen'}` : null,
    admissions ? `${admissions} ${admissions === 1 ? 'toelating' : 'toelatingen'}` : null,
    moments ? `${moments} ${moments === 1 ? 'registratiemoment' : 'registratiemomenten'}` : null,
  ].filter((x): x is string => x !== null)
  if (held.length === 0) return {}
  const message = `Dit perceel heeft al ${joinDutch(held)}. ${formChanges ? 'De inkoopvorm' : 'De manier van inschrijven'} verandert daarom niet meer; maak zo nodig een nieuw perceel.`
  return formChanges ? { inkoopvorm: [message] } : { registrationRegime: [message] }
}

function inkoopvormData(value: PerceelValue, actorUserId: string, previousJustification: string | null) {
  const openhouse = value.inkoopvorm === 'openhouse'
  const justification = openhouse ? (value.justification ?? null) : null
  const changed = justification !== previousJustification
  return {
    inkoopvorm: value.inkoopvorm,
    justification,
    // Author and date of the justification: recorded when it is written or changed.
    ...(changed
      ? {
          justificationById: justification ? actorUserId : null,
          justificationAt: justification ? now() : null,
        }
      : {}),
    tenderNedUrl: openhouse ? null : (value.tenderNedUrl ?? null),
    tenderDeadlines: openhouse ? '' : (value.tenderDeadlines ?? ''),
    registrationRegime: openhouse ? (value.registrationRegime ?? null) : null,
    decisionTermDays:
      openhouse && value.registrationRegime === 'doorlopend' ? (value.decisionTermDays ?? null) : null,
  }
}

export async function createPerceel(
  scope: Scope,
  procurementId: string,
  value: PerceelValue,
): Promise<{ ok: true; id: string; published: boolean } | { ok: false; errors: FieldErrors }> {
  return db.$transaction(async (tx) => {
    const procurement = await procurementInRegion(tx, scope.regionId, procurementId)
    const errors = await checkChoices(tx, scope.regionId, value)
    if (Object.keys(errors).length > 0) return { ok: false as const, errors }
    const id = newId()
    const count = await tx.perceel.count({ where: { procurementId } })
    await tx.perceel.create({
      data: {
        id,
        procurementId,
        name: value.name,
        description: value.description ?? '',
        sortOrder: count,
        ...inkoopvormData(value, scope.actor.userId, null),
        gemeenten: { create: value.gemeenten.map((gemeenteCode) => ({ gemeenteCode })) },
        segments: { create: value.segments.map((segmentId) => ({ segmentId })) },
      },
    })
    const published = await recordChange(
      tx,
      scope,
      procurement,
      'catalogue.perceel.created',
      `Nieuw perceel "${value.name}" (${inkoopvormText(value.inkoopvorm, value.inkoopvorm === 'openhouse' ? (value.registrationRegime ?? null) : null)})`,
    )
    return { ok: true as const, id, published }
  })
}

function inkoopvormText(inkoopvorm: string, regime: string | null) {
  const label = INKOOPVORM_LABELS[inkoopvorm as Inkoopvorm] ?? inkoopvorm
  return regime
    ? `${label.toLowerCase()}, ${(REGIME_LABELS[regime as Regime] ?? regime).toLowerCase()}`
    : label.toLowerCase()
}

/** "erbij A en B, niet meer C" for a list of names before and after, or null when it did not change. */
function listChange(before: Map<string, string>, after: Map<string, string>) {
  const added = [...after].filter(([k]) => !before.has(k)).map(([, name]) => name)
  const removed = [...before].filter(([k]) => !after.has(k)).map(([, name]) => name)
  const parts = [
    added.length > 0 ? `erbij ${joinDutch(added.sort())}` : null,
    removed.length > 0 ? `niet meer ${joinDutch(removed.sort())}` : null,
  ].filter((p): p is string => p !== null)
  return parts.length > 0 ? parts.join(', ') : null
}

export async function updatePerceel(
  scope: Scope,
  procurementId: string,
  perceelId: string,
  value: PerceelValue,
): Promise<{ ok: true; published: boolean } | { ok: false; errors: FieldErrors }> {
  return db.$transaction(async (tx) => {
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    const errors = {
      ...(await checkChoices(tx, scope.regionId, value)),
      ...(await checkFormChange(tx, perceel, value)),
    }
    if (Object.keys(errors).length > 0) return { ok: false as const, errors }
    // Names before and after, for the public summary of what changed.
    const gemeenten = await tx.gemeente.findMany({
      where: {
        OR: [{ perceelGemeenten: { some: { perceelId } } }, { code: { in: value.gemeenten } }],
      },
      select: {
        code: true,
        name: true,
        perceelGemeenten: { where: { perceelId }, select: { perceelId: true } },
      },
    })
    const segments = await tx.segment.findMany({
      where: { OR: [{ percelen: { some: { perceelId } } }, { id: { in: value.segments } }] },
      select: { id: true, name: true, percelen: { where: { perceelId }, select: { perceelId: true } } },
    })
    await tx.perceelGemeente.deleteMany({ where: { perceelId } })
    await tx.perceelSegment.deleteMany({ where: { perceelId } })
    const next = inkoopvormData(value, scope.actor.userId, perceel.justification)
    await tx.perceel.update({
      where: { id: perceelId },
      data: {
        name: value.name,
        description: value.description ?? '',
        ...next,
        gemeenten: { create: value.gemeenten.map((gemeenteCode) => ({ gemeenteCode })) },
        segments: { create: value.segments.map((segmentId) => ({ segmentId })) },
      },
    })

    const parts: string[] = []
    if (perceel.name !== value.name) parts.push(`naam gewijzigd (was "${perceel.name}")`)
    if (perceel.description !== (value.description ?? '')) parts.push('omschrijving gewijzigd')
    if (perceel.inkoopvorm !== next.inkoopvorm) {
      parts.push(
        `inkoopvorm nu ${inkoopvormText(next.inkoopvorm, next.registrationRegime)} (was ${inkoopvormText(perceel.inkoopvorm, perceel.registrationRegime)})`,
      )
    } else if (perceel.registrationRegime !== next.registrationRegime && next.registrationRegime) {
      parts.push(`inschrijven nu: ${REGIME_LABELS[next.registrationRegime as Regime].toLowerCase()}`)
    }
    if (next.decisionTermDays && perceel.decisionTermDays !== next.decisionTermDays) {
      parts.push(`beslistermijn nu ${next.decisionTermDays} werkdagen`)
    }
    if (next.justification && next.justification !== perceel.justification) {
      parts.push(
        `onderbouwing van open house${perceel.justification ? ' gewijzigd' : ''}: "${next.justification}"`,
      )
    }
    // Compared whether or not the new value is empty: providers must also hear that a link or the dates were taken away.
    const tenderNedUrl = next.tenderNedUrl ?? ''
    if (tenderNedUrl !== (perceel.tenderNedUrl ?? '')) {
      parts.push(tenderNedUrl ? `aankondiging op TenderNed: ${tenderNedUrl}` : 'TenderNed-link verwijderd')
    }
    if (next.tenderDeadlines !== perceel.tenderDeadlines) {
      parts.push(
        next.tenderDeadlines
          ? `belangrijke data van de aanbesteding: ${next.tenderDeadlines}`
          : 'belangrijke data van de aanbesteding verwijderd',
      )
    }
    const gemeenteChange = listChange(
      new Map(gemeenten.filter((g) => g.perceelGemeenten.length > 0).map((g) => [g.code, g.name])),
      new Map(gemeenten.filter((g) => value.gemeenten.includes(g.code)).map((g) => [g.code, g.name])),
    )
    if (gemeenteChange) parts.push(`gemeenten die meedoen: ${gemeenteChange}`)
    const segmentChange = listChange(
      new Map(segments.filter((x) => x.percelen.length > 0).map((x) => [x.id, x.name])),
      new Map(segments.filter((x) => value.segments.includes(x.id)).map((x) => [x.id, x.name])),
    )
    if (segmentChange) parts.push(`segmenten: ${segmentChange}`)

    if (parts.length === 0) {
      // Saved unchanged: nothing to announce.
      await audit(
        tx,
        scope,
        'catalogue.perceel.updated',
        procurementId,
        `Perceel "${value.name}" opgeslagen zonder wijziging`,
      )
      return { ok: true as const, published: false }
    }
    const published = await recordChange(
      tx,
      scope,
      perceel.procurement,
      'catalogue.perceel.updated',
      `Perceel "${value.name}" gewijzigd: ${parts.join('; ')}`,
    )
    return { ok: true as const, published }
  })
}

async function perceelInRegion(tx: DbOrTx, regionId: string, procurementId: string, perceelId: string) {
  const perceel = await tx.perceel.findFirst({
    where: { id: perceelId, procurementId, procurement: { regionId } },
    select: {
      id: true,
      name: true,
      description: true,
      inkoopvorm: true,
      justification: true,
      tenderNedUrl: true,
      tenderDeadlines: true,
      registrationRegime: true,
      decisionTermDays: true,
      procurement: {
        select: { id: true, name: true, status: true, laws: true, contractStart: true, contractEnd: true },
      },
    },
  })
  if (!perceel) notFound()
  refuseWhenClosed(perceel.procurement.status)
  return perceel
}

export async function getPerceelForBuyer(regionId: string, procurementId: string, perceelId: string) {
  const perceel = await db.perceel.findFirst({
    where: { id: perceelId, procurementId, procurement: { regionId } },
    select: {
      id: true,
      name: true,
      description: true,
      inkoopvorm: true,
      justification: true,
      justificationById: true,
      justificationAt: true,
      tenderNedUrl: true,
      tenderDeadlines: true,
      registrationRegime: true,
      decisionTermDays: true,
      procurement: {
        select: { id: true, name: true, laws: true, status: true, contractStart: true, contractEnd: true },
      },
      segments: { select: { segmentId: true } },
      gemeenten: { select: { gemeenteCode: true } },
      products: {
        orderBy: [{ categoryCode: 'asc' }, { code: 'asc' }],
        select: {
          id: true,
          law: true,
          categoryCode: true,
          code: true,
          name: true,
          unit: true,
          intensity: true,
          tariffs: {
            orderBy: { validFrom: 'desc' },
            select: { id: true, amountCents: true, validFrom: true, validUntil: true, indexation: true },
          },
        },
      },
      registrationMoments: {
        orderBy: { opensAt: 'asc' },
        select: {
          id: true,
          opensAt: true,
          closesAt: true,
          decisionDate: true,
          _count: { select: { entries: true } },
        },
      },
    },
  })
  if (!perceel) notFound()
  const [gemeenten, segments, evidenceTypes, requirementSet, author] = await Promise.all([
    db.regionGemeente.findMany({
      where: { regionId },
      select: { gemeente: { select: { code: true, name: true } } },
      orderBy: { gemeente: { name: 'asc' } },
    }),
    listSegments(regionId),
    db.evidenceType.findMany({
      where: { OR: [{ regionId: null }, { regionId }] },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    workingRequirementSet(perceelId),
    perceel.justificationById
      ? db.user.findUnique({ where: { id: perceel.justificationById }, select: { name: true } })
      : null,
  ])
  return {
    perceel,
    gemeenten: gemeenten.map((g) => g.gemeente),
    segments,
    evidenceTypes,
    requirementSet,
    justificationAuthor: author?.name ?? null,
  }
}

// ───────────────────────────── Products and tariffs ─────────────────────────────

export async function addProduct(
  scope: Scope,
  procurementId: string,
  perceelId: string,
  value: z.output<typeof productSchema>,
): Promise<{ ok: true; published: boolean } | { ok: false; errors: FieldErrors }> {
  return db.$transaction(async (tx) => {
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    const lawError = productLawError(value.law, perceel.procurement.laws)
    if (lawError) return { ok: false as const, errors: { law: [lawError] } as FieldErrors }
    const exists = await tx.product.findFirst({ where: { perceelId, code: value.code } })
    if (exists)
      return {
        ok: false as const,
        errors: { code: ['Dit perceel heeft al een product met deze code'] } as FieldErrors,
      }
    const tariff = {
      amountCents: value.tariff,
      validFrom: value.validFrom,
      validUntil: value.validUntil ?? null,
      indexation: value.indexation ?? '',
    }
    await insertProduct(tx, perceelId, {
      law: value.law,
      categoryCode: value.categoryCode,
      code: value.code,
      name: value.name,
      unit: value.unit,
      intensity: value.intensity ?? null,
      tariffs: [tariff],
    })
    const published = await recordChange(
      tx,
      scope,
      perceel.procurement,
      'catalogue.product.added',
      `Product ${value.code} "${value.name}" toegevoegd aan perceel "${perceel.name}": ${tariffText(tariff, value.unit)}`,
    )
    return { ok: true as const, published }
  })
}

/** "€ 92,40 (eenheid: uur) vanaf 1 januari 2027", for the public list of changes. */
function tariffText(
  t: { amountCents: number; validFrom: Date; validUntil: Date | null; indexation: string },
  unit: string,
) {
  return (
    `${formatEuro(t.amountCents)} (eenheid: ${unitName(unit).toLowerCase()}) vanaf ${formatDate(t.validFrom)}` +
    (t.validUntil ? ` tot en met ${formatDate(t.validUntil)}` : '') +
    (t.indexation ? ` (indexatie: ${t.indexation})` : '')
  )
}

async function insertProduct(tx: Tx | DbOrTx, perceelId: string, v: ProductWithTariffs) {
  const productId = newId()
  await tx.product.create({
    data: {
      id: productId,
      perceelId,
      law: v.law,
      categoryCode: v.categoryCode,
      code: v.code,
      name: v.name,
      unit: v.unit,
      intensity: v.intensity,
      tariffs: {
        create: v.tariffs.map((t) => ({
          id: newId(),
          amountCents: t.amountCents,
          validFrom: t.validFrom,
          validUntil: t.validUntil,
          indexation: t.indexation,
        })),
      },
    },
  })
  return productId
}

export async function removeProduct(
  scope: Scope,
  procurementId: string,
  perceelId: string,
  productId: string,
) {
  return db.$transaction(async (tx) => {
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    const product = await tx.product.findFirst({
      where: { id: productId, perceelId },
      select: {
        id: true,
        code: true,
        name: true,
        _count: { select: { admissions: true, entryProducts: true } },
      },
    })
    if (!product) notFound()
    if (product._count.admissions > 0 || product._count.entryProducts > 0) {
      return {
        ok: false as const,
        message: 'Dit product is al gebruikt in inschrijvingen of toelatingen en blijft staan.',
      }
    }
    await tx.product.delete({ where: { id: product.id } })
    const published = await recordChange(
      tx,
      scope,
      perceel.procurement,
      'catalogue.product.removed',
      `Product ${product.code} "${product.name}" vervalt uit perceel "${perceel.name}"`,
    )
    return { ok: true as const, published }
  })
}

/** Codes already used on the perceel, so the CSV preview can flag them before anything is saved. */
export async function existingProductCodes(perceelId: string) {
  const rows = await db.product.findMany({ where: { perceelId }, select: { code: true } })
  return new Set(rows.map((r) => r.code))
}

/**
 * Saves every row or none: called only after a preview without errors; re-checks codes inside the transaction.
 * Rows with the same product code are one product with several tariff periods (as the export writes them).
 */
export async function importProducts(
  scope: Scope,
  procurementId: string,
  perceelId: string,
  rows: ProductValue[],
): Promise<{ ok: true; count: number; published: boolean } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    const wrongLaw = rows.find((r) => productLawError(r.law, perceel.procurement.laws))
    if (wrongLaw) {
      return {
        ok: false as const,
        message: `Productcode ${wrongLaw.code}: ${productLawError(wrongLaw.law, perceel.procurement.laws)}. Er is niets opgeslagen.`,
      }
    }
    const conflict = sameCodeErrors(rows.map((value, i) => ({ line: i + 2, value }))).findIndex(
      (e) => e.length > 0,
    )
    if (conflict >= 0) {
      return {
        ok: false as const,
        message: `De regels voor productcode ${rows[conflict]!.code} spreken elkaar tegen. Er is niets opgeslagen.`,
      }
    }
    const clash = await tx.product.findFirst({
      where: { perceelId, code: { in: rows.map((r) => r.code) } },
      select: { code: true },
    })
    if (clash) {
      return {
        ok: false as const,
        message: `Productcode ${clash.code} bestaat al in dit perceel. Er is niets opgeslagen.`,
      }
    }
    const products = groupProductRows(rows)
    for (const product of products) await insertProduct(tx, perceelId, product)
    const listed = products.slice(0, 10).map((p) => `${p.code} "${p.name}"`)
    if (products.length > listed.length) listed.push(`${products.length - listed.length} andere`)
    const published = await recordChange(
      tx,
      scope,
      perceel.procurement,
      'catalogue.product.imported',
      `${products.length} ${products.length === 1 ? 'product' : 'producten'} met ${rows.length} ${rows.length === 1 ? 'tarief' : 'tarieven'} toegevoegd aan perceel "${perceel.name}": ${joinDutch(listed)}`,
    )
    return { ok: true as const, count: products.length, published }
  })
}

export async function exportProductsCsv(regionId: string, procurementId: string, perceelId: string) {
  const perceel = await db.perceel.findFirst({
    where: { id: perceelId, procurementId, procurement: { regionId } },
    select: {
      name: true,
      products: {
        orderBy: [{ categoryCode: 'asc' }, { code: 'asc' }],
        select: {
          law: true,
          categoryCode: true,
          code: true,
          name: true,
          unit: true,
          intensity: true,
          tariffs: {
            orderBy: { validFrom: 'asc' },
            select: { amountCents: true, validFrom: true, validUntil: true, indexation: true },
          },
        },
      },
    },
  })
  if (!perceel) notFound()
  const dutch = (d: Date) => toDateInputValue(d).split('-').reverse().join('-')
  const rows = perceel.products.flatMap((p) =>
    p.tariffs.map((t) => ({
      law: p.law,
      categoryCode: p.categoryCode,
      code: p.code,
      name: p.name,
      unit: p.unit,
      intensity: p.intensity,
      amountCents: t.amountCents,
      validFrom: dutch(t.validFrom),
      validUntil: t.validUntil ? dutch(t.validUntil) : '',
      indexation: t.indexation,
    })),
  )
  return { name: perceel.name, csv: writeProductCsv(rows) }
}

// ───────────────────────────── Registration moments ─────────────────────────────

export async function addMoment(
  scope: Scope,
  procurementId: string,
  perceelId: string,
  value: z.output<typeof momentSchema>,
): Promise<
  { ok: true; published: boolean } | { ok: false; errors: FieldErrors } | { ok: false; message: string }
> {
  return db.$transaction(async (tx) => {
    // Before the overlap check: a double submit must see the first one's moment.
    await lockRow(tx, 'Perceel', perceelId)
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    // The form only shows for this regime; a direct POST (or a stale page) must not add moments elsewhere.
    if (perceel.inkoopvorm !== 'openhouse' || perceel.registrationRegime !== 'momenten') {
      return {
        ok: false as const,
        message:
          'Inschrijfmomenten horen alleen bij een open house met vaste inschrijfmomenten. Kies eerst die inkoopvorm en dat inschrijfregime voor dit perceel.',
      }
    }
    const others = await tx.registrationMoment.findMany({
      where: { perceelId },
      select: { id: true, opensAt: true, closesAt: true, decisionDate: true },
    })
    const errors = momentErrors(
      value,
      // The contract period runs to the end of its last day.
      { start: perceel.procurement.contractStart, end: endOfAmsterdamDay(perceel.procurement.contractEnd) },
      others,
      (m) => `${formatDateTime(m.opensAt)} tot ${formatDateTime(m.closesAt)}`,
      perceel.procurement.status === 'concept' ? null : now(),
    )
    if (Object.keys(errors).length > 0) {
      return {
        ok: false as const,
        errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]])),
      }
    }
    await tx.registrationMoment.create({
      data: {
        id: newId(),
        perceelId,
        opensAt: value.opensAt,
        closesAt: value.closesAt,
        decisionDate: value.decisionDate,
      },
    })
    const published = await recordChange(
      tx,
      scope,
      perceel.procurement,
      'catalogue.moment.added',
      `Inschrijfmoment toegevoegd aan perceel "${perceel.name}": open van ${formatDateTime(value.opensAt)} tot ${formatDateTime(value.closesAt)}, besluit uiterlijk ${formatDate(value.decisionDate)}`,
    )
    return { ok: true as const, published }
  })
}

export async function removeMoment(scope: Scope, procurementId: string, perceelId: string, momentId: string) {
  return db.$transaction(async (tx) => {
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    const moment = await tx.registrationMoment.findFirst({
      where: { id: momentId, perceelId },
      select: { id: true, opensAt: true, closesAt: true, _count: { select: { entries: true } } },
    })
    if (!moment) notFound()
    if (moment._count.entries > 0 || moment.opensAt.getTime() <= now().getTime()) {
      return {
        ok: false as const,
        message: 'Een inschrijfmoment dat al open is geweest of inschrijvingen heeft, blijft staan.',
      }
    }
    await tx.registrationMoment.delete({ where: { id: moment.id } })
    const published = await recordChange(
      tx,
      scope,
      perceel.procurement,
      'catalogue.moment.removed',
      `Inschrijfmoment van ${formatDateTime(moment.opensAt)} tot ${formatDateTime(moment.closesAt)} vervalt voor perceel "${perceel.name}"`,
    )
    return { ok: true as const, published }
  })
}

// ───────────────────────────── Requirement sets (versioned) ─────────────────────────────

const requirementSetSelect = {
  id: true,
  version: true,
  publishedAt: true,
  requireAgb: true,
  evidence: {
    orderBy: { createdAt: 'asc' as const },
    select: {
      id: true,
      validUntilAtLeast: true,
      issuedWithinMonths: true,
      evidenceType: { select: { id: true, name: true } },
    },
  },
  questions: {
    orderBy: [{ sortOrder: 'asc' as const }, { createdAt: 'asc' as const }],
    select: { id: true, kind: true, text: true, requiredAnswer: true, minimum: true },
  },
}

/** The set a buyer edits: the draft if there is one, otherwise the latest published version. */
export async function workingRequirementSet(perceelId: string, tx: DbOrTx = db) {
  return tx.requirementSet.findFirst({
    where: { perceelId },
    orderBy: { version: 'desc' },
    select: requirementSetSelect,
  })
}

/** The latest published version: what entries are judged against (unless their moment froze an older one). */
export async function currentRequirementSet(perceelId: string, tx: DbOrTx = db) {
  return tx.requirementSet.findFirst({
    where: { perceelId, publishedAt: { not: null } },
    orderBy: { version: 'desc' },
    select: requirementSetSelect,
  })
}

/**
 * The draft version to change. When the latest version is published (or there is none), a new version is made as a
 * copy of it: the published version is never changed and stays readable. Returns the draft and a map from the ids
 * of the copied items to their copies.
 */
export async function ensureDraftSet(tx: DbOrTx, perceelId: string) {
  const latest = await tx.requirementSet.findFirst({
    where: { perceelId },
    orderBy: { version: 'desc' },
    select: {
      id: true,
      version: true,
      publishedAt: true,
      requireAgb: true,
      evidence: true,
      questions: true,
    },
  })
  const idMap = new Map<string, string>()
  if (latest && !latest.publishedAt) return { id: latest.id, version: latest.version, idMap }
  const id = newId()
  const version = (latest?.version ?? 0) + 1
  await tx.requirementSet.create({
    data: { id, perceelId, version, requireAgb: latest?.requireAgb ?? false },
  })
  for (const e of latest?.evidence ?? []) {
    const copy = newId()
    idMap.set(e.id, copy)
    await tx.requiredEvidence.create({
      data: {
        id: copy,
        requirementSetId: id,
        evidenceTypeId: e.evidenceTypeId,
        validUntilAtLeast: e.validUntilAtLeast,
        issuedWithinMonths: e.issuedWithinMonths,
      },
    })
  }
  for (const q of latest?.questions ?? []) {
    const copy = newId()
    idMap.set(q.id, copy)
    await tx.requirementQuestion.create({
      data: {
        id: copy,
        requirementSetId: id,
        kind: q.kind,
        text: q.text,
        requiredAnswer: q.requiredAnswer,
        minimum: q.minimum,
        sortOrder: q.sortOrder,
      },
    })
  }
  return { id, version, idMap }
}

async function auditRequirement(
  tx: DbOrTx,
  scope: Scope,
  procurementId: string,
  perceelName: string,
  version: number,
  what: string,
) {
  await audit(
    tx,
    scope,
    'catalogue.requirements.changed',
    procurementId,
    `Eisen perceel "${perceelName}" (versie ${version}, concept): ${what}`,
  )
}

export async function setRequireAgb(
  scope: Scope,
  procurementId: string,
  perceelId: string,
  requireAgb: boolean,
) {
  await db.$transaction(async (tx) => {
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    const draft = await ensureDraftSet(tx, perceelId)
    await tx.requirementSet.update({ where: { id: draft.id }, data: { requireAgb } })
    await auditRequirement(
      tx,
      scope,
      procurementId,
      perceel.name,
      draft.version,
      requireAgb ? 'AGB-code verplicht' : 'AGB-code niet verplicht',
    )
  })
}

export async function addRequiredEvidence(
  scope: Scope,
  procurementId: string,
  perceelId: string,
  value: z.output<typeof requiredEvidenceSchema>,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  return db.$transaction(async (tx) => {
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    const type = await tx.evidenceType.findFirst({
      where: { id: value.evidenceTypeId, OR: [{ regionId: null }, { regionId: scope.regionId }] },
      select: { id: true, name: true },
    })
    if (!type)
      return { ok: false as const, errors: { evidenceTypeId: ['Kies een soort bewijsstuk uit de lijst'] } }
    const draft = await ensureDraftSet(tx, perceelId)
    await tx.requiredEvidence.create({
      data: {
        id: newId(),
        requirementSetId: draft.id,
        evidenceTypeId: type.id,
        validUntilAtLeast: value.validUntilAtLeast ?? null,
        issuedWithinMonths: value.issuedWithinMonths ?? null,
      },
    })
    await auditRequirement(
      tx,
      scope,
      procurementId,
      perceel.name,
      draft.version,
      `bewijsstuk "${type.name}" toegevoegd`,
    )
    return { ok: true as const }
  })
}

export async function addQuestion(
  scope: Scope,
  procurementId: string,
  perceelId: string,
  value: z.output<typeof questionSchema>,
) {
  await db.$transaction(async (tx) => {
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    const draft = await ensureDraftSet(tx, perceelId)
    const count = await tx.requirementQuestion.count({ where: { requirementSetId: draft.id } })
    await tx.requirementQuestion.create({
      data: {
        id: newId(),
        requirementSetId: draft.id,
        kind: value.kind,
        text: value.text,
        requiredAnswer: value.kind === 'knockout_yesno' ? value.requiredAnswer === 'ja' : null,
        minimum: value.kind === 'knockout_number' ? (value.minimum ?? null) : null,
        sortOrder: count,
      },
    })
    await auditRequirement(
      tx,
      scope,
      procurementId,
      perceel.name,
      draft.version,
      `vraag "${value.text}" toegevoegd`,
    )
  })
}

/** Removes a required evidence type or question; on a published set this happens in a new draft version. */
export async function removeRequirement(
  scope: Scope,
  procurementId: string,
  perceelId: string,
  kind: 'evidence' | 'question',
  itemId: string,
) {
  await db.$transaction(async (tx) => {
    const perceel = await perceelInRegion(tx, scope.regionId, procurementId, perceelId)
    const owner =
      kind === 'evidence'
        ? await tx.requiredEvidence.findFirst({ where: { id: itemId, requirementSet: { perceelId } } })
        : await tx.requirementQuestion.findFirst({ where: { id: itemId, requirementSet: { perceelId } } })
    if (!owner) notFound()
    const draft = await ensureDraftSet(tx, perceelId)
    const target = draft.idMap.get(itemId) ?? itemId
    if (kind === 'evidence') {
      await tx.requiredEvidence.deleteMany({ where: { id: target, requirementSetId: draft.id } })
    } else {
      await tx.requirementQuestion.deleteMany({ where: { id: target, requirementSetId: draft.id } })
    }
    await auditRequirement(
      tx,
      scope,
      procurementId,
      perceel.name,
      draft.version,
      kind === 'evidence' ? 'bewijsstuk verwijderd' : 'vraag verwijderd',
    )
  })
}

// ───────────────────────────── Publishing ─────────────────────────────

/**
 * The open-house rules again, for every perceel, at the moment it goes public: a perceel saved before a rule existed,
 * or changed directly in the database, must not reach the inkoopagenda without its justification or its regime, and
 * fixed registration moments need at least one moment, or providers could never enter. Null when all is well.
 */
async function publicationRefusal(tx: DbOrTx, procurementId: string): Promise<string | null> {
  const percelen = await tx.perceel.findMany({
    where: { procurementId },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: {
      name: true,
      inkoopvorm: true,
      justification: true,
      registrationRegime: true,
      decisionTermDays: true,
      _count: { select: { registrationMoments: true } },
    },
  })
  for (const perceel of percelen) {
    const problems: string[] = Object.values(inkoopvormErrors(perceel))
    if (
      perceel.inkoopvorm === 'openhouse' &&
      perceel.registrationRegime === 'momenten' &&
      perceel._count.registrationMoments === 0
    ) {
      problems.push('Voeg minstens één inschrijfmoment toe: zonder moment kan niemand zich inschrijven')
    }
    if (problems.length > 0) {
      return `Perceel "${perceel.name}" is nog niet klaar om te publiceren. ${problems.join('. ')}. Er is niets gepubliceerd.`
    }
  }
  return null
}

/**
 * Publishes the procurement (concept → gepubliceerd) or a change to it: bumps the version, publishes draft
 * requirement sets, freezes the requirement set of registration moments that are already open, lists the change
 * on the public page and e-mails every organisation that follows the procurement or has an entry on its percelen.
 */
export async function publishProcurement(scope: Scope, procurementId: string, summary: string) {
  return db.$transaction(async (tx) => {
    const procurement = await procurementInRegion(tx, scope.regionId, procurementId)
    const refusal = await publicationRefusal(tx, procurementId)
    if (refusal) return { ok: false as const, message: refusal }
    const at = now()
    const first = procurement.status === 'concept'
    const updated = await tx.procurement.update({
      where: { id: procurementId },
      data: {
        status: 'gepubliceerd',
        version: { increment: 1 },
        ...(first ? { publishedAt: at } : {}),
      },
      select: { version: true },
    })
    const drafts = await tx.requirementSet.findMany({
      where: { perceel: { procurementId }, publishedAt: null },
      select: { id: true },
    })
    if (drafts.length > 0) {
      await tx.requirementSet.updateMany({
        where: { id: { in: drafts.map((d) => d.id) } },
        data: { publishedAt: at },
      })
    }
    await freezeOpenMoments(tx, at, procurementId)
    await audit(
      tx,
      scope,
      first ? 'catalogue.procurement.published' : 'catalogue.procurement.change_published',
      procurementId,
      `${first ? 'Gepubliceerd' : 'Wijziging gepubliceerd'} (versie ${updated.version}): ${summary}`,
    )
    const notified = await announceChange(tx, procurement, updated.version, summary, at)
    return { ok: true as const, version: updated.version, notified }
  })
}

/**
 * Closes a published procurement: no new entries and no more changes, with the reason published as its last change
 * and e-mailed like any other. Admissions, contracts and the keuzehulp run on until they end by themselves.
 */
export async function closeProcurement(scope: Scope, procurementId: string, reason: string) {
  return db.$transaction(async (tx) => {
    const procurement = await procurementInRegion(tx, scope.regionId, procurementId)
    if (procurement.status !== 'gepubliceerd') {
      return { ok: false as const, message: 'Alleen een gepubliceerd inkooptraject kan worden gesloten.' }
    }
    const updated = await tx.procurement.update({
      where: { id: procurementId },
      data: { status: 'gesloten', version: { increment: 1 } },
      select: { version: true },
    })
    const summary = `Het inkooptraject is gesloten: er kunnen geen nieuwe inschrijvingen meer komen. ${reason}`
    await audit(
      tx,
      scope,
      'catalogue.procurement.closed',
      procurementId,
      `Gesloten (versie ${updated.version})`,
    )
    const notified = await announceChange(tx, procurement, updated.version, summary)
    return { ok: true as const, notified }
  })
}

/**
 * A change to a procurement that is already public (its data, a perceel, product, tariff, moment, milestone or
 * document) is a published change by itself: a new version, listed and e-mailed. A concept changes silently.
 * Returns whether it was announced. Requirement sets are the exception: they stay a draft until publishProcurement.
 */
export async function announceIfPublished(
  tx: DbOrTx,
  procurement: { id: string; name: string; status: string },
  summary: string,
): Promise<boolean> {
  if (procurement.status === 'concept') return false
  const { version } = await tx.procurement.update({
    where: { id: procurement.id },
    data: { version: { increment: 1 } },
    select: { version: true },
  })
  await announceChange(tx, procurement, version, summary)
  return true
}

/**
 * A published change: listed with its date and version on the public page and e-mailed to every organisation that
 * follows the procurement or has an entry on its percelen. Call it inside the transaction of the change itself.
 * Returns how many addresses were e-mailed.
 */
export async function announceChange(
  tx: DbOrTx,
  procurement: { id: string; name: string },
  version: number,
  summary: string,
  at: Date = now(),
) {
  const changeId = newId()
  await tx.procurementChange.create({
    data: { id: changeId, procurementId: procurement.id, version, summary, at },
  })
  const recipients = await recipientsFor(tx, procurement.id)
  const link = `${getEnv().APP_URL}/inkoopagenda/${procurement.id}`
  for (const r of recipients) {
    await queueEmail(tx, {
      to: r.email,
      subject: `Wijziging in inkooptraject ${procurement.name}`,
      text: [
        `Beste ${r.organisationName},`,
        '',
        `Het inkooptraject "${procurement.name}" is op ${formatDate(at)} gewijzigd (versie ${version}):`,
        '',
        summary,
        '',
        `Bekijk het traject en alle wijzigingen op ${link}`,
        '',
        'U krijgt dit bericht omdat uw organisatie dit traject volgt of zich heeft ingeschreven op een perceel.',
      ].join('\n'),
      dedupeKey: `procurement-change:${changeId}:${r.email}`,
    })
  }
  return recipients.length
}

/** E-mail addresses to tell about a change: the beheerders (or the general address) of interested organisations. */
async function recipientsFor(tx: DbOrTx, procurementId: string) {
  const organisations = await tx.organisation.findMany({
    where: {
      OR: [
        {
          id: {
            in: (
              await tx.procurementInterest.findMany({
                where: { procurementId },
                select: { organisationId: true },
              })
            ).map((i) => i.organisationId),
          },
        },
        { entries: { some: { perceel: { procurementId } } } },
      ],
    },
    select: {
      id: true,
      name: true,
      email: true,
      memberships: { where: { role: 'beheerder' }, select: { user: { select: { email: true } } } },
    },
  })
  const out: { email: string; organisationName: string }[] = []
  for (const org of organisations) {
    const emails = org.memberships.length > 0 ? org.memberships.map((m) => m.user.email) : [org.email]
    for (const email of new Set(emails)) out.push({ email, organisationName: org.name })
  }
  return out
}

/**
 * A registration moment keeps the requirement set that applied when it opened. Sets it for open moments without
 * one (at publication, and from the periodic job when a moment opens later).
 */
export async function freezeOpenMoments(tx: DbOrTx, at: Date = now(), procurementId?: string) {
  const moments = await tx.registrationMoment.findMany({
    where: {
      requirementSetId: null,
      opensAt: { lte: at },
      perceel: { procurement: { status: 'gepubliceerd', ...(procurementId ? { id: procurementId } : {}) } },
    },
    select: { id: true, perceelId: true, opensAt: true, requirementSetId: true },
  })
  let frozen = 0
  // The same rule as an entry started or submitted in the moment: the set published at the opening instant.
  for (const m of moments) if (await freezeMomentIfOpened(tx, m.perceelId, m, at)) frozen++
  return frozen
}

// ───────────────────────────── Public agenda ─────────────────────────────

export { PUBLIC_STATUSES }

export async function listPublicAgenda() {
  return db.region.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      slug: true,
      name: true,
      procurements: {
        where: { status: { in: PUBLIC_STATUSES } },
        orderBy: { contractStart: 'desc' },
        select: {
          id: true,
          name: true,
          laws: true,
          status: true,
          contractStart: true,
          contractEnd: true,
          percelen: {
            orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
            select: { id: true, name: true, inkoopvorm: true },
          },
        },
      },
    },
  })
}

export async function getPublicProcurement(procurementId: string) {
  const procurement = await db.procurement.findFirst({
    where: { id: procurementId, status: { in: PUBLIC_STATUSES } },
    select: {
      id: true,
      name: true,
      description: true,
      laws: true,
      status: true,
      version: true,
      publishedAt: true,
      contractStart: true,
      contractEnd: true,
      extensionOptions: true,
      region: { select: { name: true } },
      milestones: { orderBy: { at: 'asc' }, select: { id: true, label: true, at: true, ifNeeded: true } },
      changes: { orderBy: { at: 'desc' }, select: { id: true, version: true, summary: true, at: true } },
      documents: { orderBy: { createdAt: 'asc' }, select: documentListSelect },
      percelen: {
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: {
          id: true,
          name: true,
          description: true,
          inkoopvorm: true,
          justification: true,
          justificationAt: true,
          tenderNedUrl: true,
          tenderDeadlines: true,
          registrationRegime: true,
          decisionTermDays: true,
          // A tender's register is only worth a link once something was awarded.
          _count: { select: { admissions: { where: { status: 'actief' } } } },
          segments: { select: { segment: { select: { name: true } } } },
          gemeenten: {
            select: { gemeente: { select: { name: true } } },
            orderBy: { gemeente: { name: 'asc' } },
          },
          products: {
            orderBy: [{ categoryCode: 'asc' }, { code: 'asc' }],
            select: {
              id: true,
              categoryCode: true,
              code: true,
              name: true,
              unit: true,
              intensity: true,
              tariffs: {
                orderBy: { validFrom: 'desc' },
                select: { id: true, amountCents: true, validFrom: true, validUntil: true, indexation: true },
              },
            },
          },
          registrationMoments: {
            orderBy: { opensAt: 'asc' },
            select: { id: true, opensAt: true, closesAt: true, decisionDate: true },
          },
          requirementSets: {
            where: { publishedAt: { not: null } },
            orderBy: { version: 'desc' },
            select: requirementSetSelect,
          },
        },
      },
    },
  })
  if (!procurement) notFound()
  return procurement
}

export async function isFollowing(procurementId: string, organisationId: string) {
  const row = await db.procurementInterest.findUnique({
    where: { procurementId_organisationId: { procurementId, organisationId } },
  })
  return !!row
}

/** "Volg dit traject": a provider asks to hear about changes. Only published procurements can be followed. */
export async function setFollowing(
  actor: UserActor,
  procurementId: string,
  organisationId: string,
  follow: boolean,
) {
  await db.$transaction(async (tx) => {
    const p = await tx.procurement.findFirst({
      where: { id: procurementId, status: { in: PUBLIC_STATUSES } },
      select: { id: true, name: true, regionId: true },
    })
    if (!p) notFound()
    if (follow) {
      await tx.procurementInterest.upsert({
        where: { procurementId_organisationId: { procurementId, organisationId } },
        create: { procurementId, organisationId },
        update: {},
      })
    } else {
      await tx.procurementInterest.deleteMany({ where: { procurementId, organisationId } })
    }
    await recordAudit(tx, {
      actor: actor as Actor,
      action: follow ? 'catalogue.interest.added' : 'catalogue.interest.removed',
      subjectType: SUBJECT,
      subjectId: procurementId,
      summary: follow ? `Volgt "${p.name}"` : `Volgt "${p.name}" niet meer`,
      organisationId,
      regionId: p.regionId,
    })
  })
}
