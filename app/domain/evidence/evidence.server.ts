/**
 * Queries and changes of quality evidence. Every function takes the organisation or region it acts for and scopes
 * its queries by it, so ownership is never an afterthought. Changes run in one transaction with their audit event and
 * their e-mail (outbox).
 */
import type { Db, DbOrTx, Tx } from '~/utils/db.server'
import { db as defaultDb } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { queueEmail } from '~/utils/email.server'
import { getEnv } from '~/utils/env.server'
import { addDays, formatDate, startOfAmsterdamDay } from '~/utils/time'
import type { ReceivedFile } from '~/utils/upload.server'
import { checkRequirement, EXPIRY_WARNING_DAYS, VERIFICATION_LABELS, type Verification } from './rules'
import { PUBLIC_STATUSES } from '~/domain/catalogue/rules'
import { MAX_PROFESSIONALS } from './form'

// ─── types of evidence ──────────────────────────────────────────────────────────────────────────────────────────────

/** Types an organisation can choose from: the platform's types and those of regions it works with (all, for now). */
export async function listEvidenceTypes(db: DbOrTx = defaultDb) {
  return db.evidenceType.findMany({
    select: {
      id: true,
      name: true,
      description: true,
      expires: true,
      asksProfessionalCounts: true,
      regionId: true,
    },
    orderBy: [{ regionId: 'asc' }, { name: 'asc' }],
  })
}

/** Types without an end date are snapshots (VOG, vergunning): the issue date is what counts, so it is required. */
export function needsIssueDate(type: { expires: boolean }): boolean {
  return !type.expires
}

// ─── provider side ──────────────────────────────────────────────────────────────────────────────────────────────────

const itemSelect = {
  id: true,
  typeId: true,
  issuer: true,
  number: true,
  scope: true,
  issuedAt: true,
  validFrom: true,
  validUntil: true,
  professionalsTotal: true,
  professionalsRegistered: true,
  verification: true,
  rejectionReason: true,
  verifiedAt: true,
  replacesId: true,
  createdAt: true,
  type: { select: { id: true, name: true, expires: true, asksProfessionalCounts: true } },
  replacedBy: { select: { id: true } },
  files: {
    select: { file: { select: { id: true, displayName: true, contentType: true, size: true } } },
  },
} as const

/** The organisation's current evidence (versions that were not replaced), newest first. */
export async function listCurrentEvidence(organisationId: string, db: DbOrTx = defaultDb) {
  return db.evidenceItem.findMany({
    where: { organisationId, replacedBy: null },
    select: itemSelect,
    orderBy: [{ type: { name: 'asc' } }, { createdAt: 'desc' }],
  })
}

/** One item of the organisation with its history (older versions), or null when it is not theirs. */
export async function getOrganisationItem(organisationId: string, itemId: string, db: DbOrTx = defaultDb) {
  const item = await db.evidenceItem.findFirst({ where: { id: itemId, organisationId }, select: itemSelect })
  if (!item) return null
  return { item, history: await versionHistory(item.replacesId, db) }
}

async function versionHistory(replacesId: string | null, db: DbOrTx) {
  const history = []
  let next = replacesId
  while (next && history.length < 50) {
    const older = await db.evidenceItem.findUnique({ where: { id: next }, select: itemSelect })
    if (!older) break
    history.push(older)
    next = older.replacesId
  }
  return history
}

export type NewEvidence = {
  typeId: string
  issuer: string
  number?: string
  scope?: string
  issuedAt?: Date | null
  validFrom: Date
  validUntil?: Date | null
  /** Only kept for a type that asks for them (SKJ/BIG); each version states its own. */
  professionalsTotal?: number | null
  professionalsRegistered?: number | null
}

async function storeFiles(
  tx: Tx,
  itemId: string,
  organisationId: string,
  userId: string | null,
  files: ReceivedFile[],
) {
  for (const f of files) {
    const fileId = newId()
    await tx.storedFile.create({
      data: {
        id: fileId,
        storageKey: f.storageKey,
        displayName: f.displayName,
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        organisationId,
        uploadedById: userId,
      },
    })
    await tx.evidenceFile.create({ data: { evidenceItemId: itemId, fileId } })
  }
}

/**
 * Adds an evidence item (a new one, or with `replacesId` a newer version of a current one) with its files.
 * Starts "in controle". Returns the new id, or null when `replacesId` is not a current item of the organisation.
 */
export async function addEvidenceItem(
  input: NewEvidence & {
    organisationId: string
    actor: Actor & { userId: string }
    files: ReceivedFile[]
    replacesId?: string | null
  },
  db: Db = defaultDb,
): Promise<string | null> {
  return db.$transaction(async (tx) => {
    let replaced: { id: string; typeId: string } | null = null
    if (input.replacesId) {
      replaced = await tx.evidenceItem.findFirst({
        where: { id: input.replacesId, organisationId: input.organisationId, replacedBy: null },
        select: { id: true, typeId: true },
      })
      if (!replaced) return null
    }
    // A new version is always of the same type as the one it replaces.
    const typeId = replaced?.typeId ?? input.typeId
    const type = await tx.evidenceType.findUnique({
      where: { id: typeId },
      select: { name: true, asksProfessionalCounts: true },
    })
    if (!type) return null
    const counts = type.asksProfessionalCounts
      ? { total: input.professionalsTotal ?? null, registered: input.professionalsRegistered ?? null }
      : { total: null, registered: null }
    if (type.asksProfessionalCounts && !countsAreValid(counts.total, counts.registered)) {
      throw new Error(`${type.name} needs valid professional counts; the form checks them first`)
    }
    const id = newId()
    await tx.evidenceItem.create({
      data: {
        id,
        organisationId: input.organisationId,
        typeId,
        issuer: input.issuer,
        number: input.number ?? '',
        scope: input.scope ?? '',
        issuedAt: input.issuedAt ?? null,
        validFrom: input.validFrom,
        validUntil: input.validUntil ?? null,
        professionalsTotal: counts.total,
        professionalsRegistered: counts.registered,
        replacesId: replaced?.id ?? null,
        createdById: input.actor.userId,
      },
    })
    await storeFiles(tx, id, input.organisationId, input.actor.userId, input.files)
    const countsNote =
      counts.total === null ? '' : `, ${counts.registered} van ${counts.total} professionals geregistreerd`
    await recordAudit(tx, {
      actor: input.actor,
      action: replaced ? 'bewijsstuk.vervangen' : 'bewijsstuk.toegevoegd',
      subjectType: 'EvidenceItem',
      subjectId: id,
      summary: replaced
        ? `${type.name} vervangen door een nieuwe versie (${input.files.length} bestand(en)${countsNote})`
        : `${type.name} toegevoegd (${input.files.length} bestand(en)${countsNote})`,
      organisationId: input.organisationId,
    })
    return id
  })
}

function countsAreValid(total: number | null, registered: number | null) {
  const ok = (n: number | null): n is number =>
    n !== null && Number.isInteger(n) && n >= 0 && n <= MAX_PROFESSIONALS
  return ok(total) && ok(registered) && registered <= total
}

export type RequirementRow = {
  requiredEvidenceId: string
  typeId: string
  typeName: string
  validUntilAtLeast: Date | null
  issuedWithinMonths: number | null
  match: { id: string; label: string } | null
  gap: string | null
}

/**
 * Per published perceel, its current requirement set's evidence and what the organisation supplied: the item that
 * meets each requirement today, or the gap named.
 */
export async function requirementsOverview(
  organisationId: string,
  today: Date = now(),
  db: DbOrTx = defaultDb,
) {
  const [items, percelen] = await Promise.all([
    db.evidenceItem.findMany({
      where: { organisationId, replacedBy: null },
      select: {
        id: true,
        typeId: true,
        validFrom: true,
        validUntil: true,
        issuedAt: true,
        verification: true,
        issuer: true,
      },
    }),
    db.perceel.findMany({
      where: { procurement: { status: { in: PUBLIC_STATUSES } } },
      select: {
        id: true,
        name: true,
        procurement: { select: { name: true, region: { select: { name: true } } } },
        requirementSets: {
          where: { publishedAt: { not: null } },
          orderBy: { version: 'desc' },
          take: 1,
          select: {
            version: true,
            evidence: {
              select: {
                id: true,
                evidenceTypeId: true,
                validUntilAtLeast: true,
                issuedWithinMonths: true,
                evidenceType: { select: { name: true } },
              },
            },
          },
        },
      },
      orderBy: [{ procurement: { name: 'asc' } }, { sortOrder: 'asc' }, { name: 'asc' }],
    }),
  ])
  return percelen
    .filter((p) => p.requirementSets[0]?.evidence.length)
    .map((p) => {
      const set = p.requirementSets[0]
      const rows: RequirementRow[] = set.evidence.map((r) => {
        const check = checkRequirement(
          items,
          {
            evidenceTypeId: r.evidenceTypeId,
            validUntilAtLeast: r.validUntilAtLeast,
            issuedWithinMonths: r.issuedWithinMonths,
            typeName: r.evidenceType.name,
          },
          today,
        )
        return {
          requiredEvidenceId: r.id,
          typeId: r.evidenceTypeId,
          typeName: r.evidenceType.name,
          validUntilAtLeast: r.validUntilAtLeast,
          issuedWithinMonths: r.issuedWithinMonths,
          match: check.match
            ? {
                id: check.match.id,
                label: `${check.match.issuer}${check.match.validUntil ? `, geldig tot en met ${formatDate(check.match.validUntil)}` : ''} (${VERIFICATION_LABELS[check.match.verification as Verification] ?? check.match.verification})`,
              }
            : null,
          gap: check.gap,
        }
      })
      return {
        perceelId: p.id,
        perceelName: p.name,
        procurementName: p.procurement.name,
        regionName: p.procurement.region.name,
        version: set.version,
        rows,
        gaps: rows.filter((r) => r.gap).length,
      }
    })
}

// ─── region side ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Entry states in which the buyer still has to decide. */
const AWAITING_DECISION = ['ingediend', 'in_behandeling', 'aanvulling_gevraagd']

/**
 * How many older versions `itemVisibleToRegion` follows back to the one attached to an entry. Each level is a nested
 * subquery; a certificate is not replaced this often while one entry awaits its decision.
 */
const MAX_VERSIONS_FOLLOWED = 10

/** A filter for an item one of whose older versions (up to `depth` back) matches `attached`. */
function olderVersionMatches(attached: object, depth: number): object {
  return depth <= 1
    ? { replaces: { is: attached } }
    : { replaces: { is: { OR: [attached, olderVersionMatches(attached, depth - 1)] } } }
}

/**
 * Evidence a region's staff may see:
 * - items attached to a submitted entry (not a concept) in one of the region's percelen;
 * - the current version of such an item while that entry awaits a decision: the entry keeps the version it was
 *   submitted with, and after a replacement only the new version can be verified;
 * - items of a confirmed partner (combinatiepartner, onderaannemer) of a submitted entry in the region, of the types
 *   the region's percelen require: that evidence counts for the partner's products, so it must be verifiable;
 * - for organisations with a running (not ended) admission in the region, items of the types the region's percelen
 *   require: a renewed certificate is never attached to the old entry, yet the contract manager must verify it to
 *   keep the admission in the keuzehulp.
 * The same rule decides downloads.
 */
export function itemVisibleToRegion(regionId: string) {
  const inRegion = { procurement: { regionId } }
  const requiredInRegion = { required: { some: { requirementSet: { perceel: inRegion } } } }
  const submittedInRegion = { status: { not: 'concept' }, perceel: inRegion }
  return {
    OR: [
      { entryEvidence: { some: { entry: submittedInRegion } } },
      {
        replacedBy: { is: null },
        ...olderVersionMatches(
          { entryEvidence: { some: { entry: { status: { in: AWAITING_DECISION }, perceel: inRegion } } } },
          MAX_VERSIONS_FOLLOWED,
        ),
      },
      {
        organisation: {
          partnerIn: { some: { confirmedAt: { not: null }, entry: submittedInRegion } },
        },
        type: requiredInRegion,
      },
      {
        organisation: {
          admissions: { some: { status: { in: ['actief', 'geschorst'] }, perceel: inRegion } },
        },
        type: requiredInRegion,
      },
    ],
  }
}

/** Evidence awaiting verification and evidence expiring within 90 days, for organisations active in the region. */
export async function regionEvidenceLists(regionId: string, today: Date = now(), db: DbOrTx = defaultDb) {
  const select = {
    id: true,
    issuer: true,
    validFrom: true,
    validUntil: true,
    verification: true,
    rejectionReason: true,
    createdAt: true,
    type: { select: { name: true } },
    organisation: { select: { id: true, name: true } },
  } as const
  const base = { replacedBy: null, ...itemVisibleToRegion(regionId) }
  const [awaiting, expiring] = await Promise.all([
    db.evidenceItem.findMany({
      where: { ...base, verification: 'in_controle' },
      select,
      orderBy: { createdAt: 'asc' },
      take: 200,
    }),
    db.evidenceItem.findMany({
      where: {
        ...base,
        verification: { not: 'afgekeurd' },
        validUntil: {
          gte: startOfAmsterdamDay(today),
          lte: addDays(startOfAmsterdamDay(today), EXPIRY_WARNING_DAYS),
        },
      },
      select,
      orderBy: { validUntil: 'asc' },
      take: 200,
    }),
  ])
  return { awaiting, expiring }
}

/** One item as region staff see it, or null when the organisation is not active in the region. */
export async function getRegionItem(regionId: string, itemId: string, db: DbOrTx = defaultDb) {
  const item = await db.evidenceItem.findFirst({
    where: { id: itemId, ...itemVisibleToRegion(regionId) },
    select: {
      ...itemSelect,
      organisation: { select: { id: true, name: true, kvkNummer: true } },
    },
  })
  if (!item) return null
  return { item, history: await versionHistory(item.replacesId, db) }
}

// ─── verification ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The verification lifecycle: only an item awaiting verification can be decided on, and only its current version. */
export const VERIFICATION_TRANSITIONS: Record<Verification, Verification[]> = {
  in_controle: ['goedgekeurd', 'afgekeurd'],
  goedgekeurd: [],
  afgekeurd: [],
}

export function mayTransition(from: string, to: Verification): boolean {
  return (VERIFICATION_TRANSITIONS[from as Verification] ?? []).includes(to)
}

export class VerificationRefused extends Error {}

/**
 * Approves or rejects (with a reason) an item for a region. Audited; the organisation's beheerders are e-mailed;
 * `afterDecision` re-assesses admissions at risk in the same transaction (the route passes
 * `reassessAfterEvidenceChange`, which also covers entries where the organisation is a confirmed partner).
 */
export async function decideEvidence(
  input: {
    regionId: string
    itemId: string
    decision: 'goedgekeurd' | 'afgekeurd'
    reason?: string | null
    actor: Actor & { userId: string }
  },
  db: Db = defaultDb,
  afterDecision?: (tx: Tx, organisationId: string) => Promise<void>,
) {
  const reason = input.reason?.trim() || null
  if (input.decision === 'afgekeurd' && !reason)
    throw new VerificationRefused('Geef een reden voor de afkeuring.')
  return db.$transaction(async (tx) => {
    const item = await tx.evidenceItem.findFirst({
      where: { id: input.itemId, ...itemVisibleToRegion(input.regionId) },
      select: {
        id: true,
        verification: true,
        organisationId: true,
        type: { select: { name: true } },
        replacedBy: { select: { id: true } },
        organisation: { select: { name: true } },
      },
    })
    if (!item) throw new VerificationRefused('Dit bewijsstuk bestaat niet of hoort niet bij uw regio.')
    if (item.replacedBy) throw new VerificationRefused('Er is al een nieuwere versie van dit bewijsstuk.')
    if (!mayTransition(item.verification, input.decision)) {
      throw new VerificationRefused('Over dit bewijsstuk is al beslist.')
    }
    const at = now()
    // Guarded update: two staff deciding at once cannot both win.
    const changed = await tx.evidenceItem.updateMany({
      where: { id: item.id, verification: item.verification },
      data: {
        verification: input.decision,
        rejectionReason: input.decision === 'afgekeurd' ? reason : null,
        verifiedById: input.actor.userId,
        verifiedAt: at,
      },
    })
    if (changed.count !== 1) throw new VerificationRefused('Over dit bewijsstuk is al beslist.')
    const region = await tx.region.findUniqueOrThrow({
      where: { id: input.regionId },
      select: { name: true },
    })
    await recordAudit(tx, {
      actor: input.actor,
      action: input.decision === 'goedgekeurd' ? 'bewijsstuk.goedgekeurd' : 'bewijsstuk.afgekeurd',
      subjectType: 'EvidenceItem',
      subjectId: item.id,
      summary: `${item.type.name} van ${item.organisation.name} ${input.decision === 'goedgekeurd' ? 'goedgekeurd' : 'afgekeurd'}`,
      reason,
      organisationId: item.organisationId,
      regionId: input.regionId,
    })
    const link = `${getEnv().APP_URL}/aanbieder/bewijsstukken/${item.id}`
    const subject =
      input.decision === 'goedgekeurd'
        ? `Uw bewijsstuk ${item.type.name} is goedgekeurd`
        : `Uw bewijsstuk ${item.type.name} is afgekeurd`
    const text =
      input.decision === 'goedgekeurd'
        ? `${region.name} heeft uw bewijsstuk ${item.type.name} gecontroleerd en goedgekeurd.\n\nBekijk het bewijsstuk: ${link}\n`
        : `${region.name} heeft uw bewijsstuk ${item.type.name} gecontroleerd en afgekeurd.\n\nReden: ${reason}\n\nVoeg een nieuwe versie toe via: ${link}\n`
    for (const to of await beheerderEmails(tx, item.organisationId)) {
      await queueEmail(tx, { to, subject, text })
    }
    if (afterDecision) await afterDecision(tx, item.organisationId)
    return { organisationId: item.organisationId }
  })
}

export async function beheerderEmails(tx: DbOrTx, organisationId: string): Promise<string[]> {
  const members = await tx.organisationMembership.findMany({
    where: { organisationId, role: 'beheerder' },
    select: { user: { select: { email: true } } },
    orderBy: { createdAt: 'asc' },
  })
  return members.map((m) => m.user.email)
}

// ─── downloads ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * An evidence file the viewer may download, or null (the route answers 404). Members of the owning organisation may;
 * so may staff of a region where the item is attached, as `itemVisibleToRegion` decides (an entry in the region uses
 * it or an older version of it, the organisation is a confirmed partner there, or has an admission there).
 */
export async function findDownloadableEvidenceFile(
  viewer: { organisations: { organisationId: string }[]; regions: { regionId: string; roles: string[] }[] },
  fileId: string,
  db: DbOrTx = defaultDb,
) {
  const file = await db.storedFile.findFirst({
    where: { id: fileId, evidenceFiles: { some: {} } },
    select: {
      id: true,
      storageKey: true,
      displayName: true,
      contentType: true,
      size: true,
      evidenceFiles: { select: { evidenceItem: { select: { id: true, organisationId: true } } } },
    },
  })
  if (!file) return null
  const items = file.evidenceFiles.map((e) => e.evidenceItem)
  const own = new Set(viewer.organisations.map((o) => o.organisationId))
  if (items.some((i) => own.has(i.organisationId))) return file
  const staffRegions = viewer.regions
    .filter((r) => r.roles.some((role) => role !== 'adviesraad'))
    .map((r) => r.regionId)
  if (staffRegions.length === 0) return null
  const visible = await db.evidenceItem.count({
    where: {
      id: { in: items.map((i) => i.id) },
      OR: staffRegions.map((regionId) => itemVisibleToRegion(regionId)),
    },
  })
  return visible > 0 ? file : null
}
