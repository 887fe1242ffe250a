/**
 * Which evidence an admission needs before the keuzehulp may show it, shared by the search, the provider page and the
 * open data (and the same rule as the at-risk check in evidence/expiry.server.ts):
 *
 * - the requirement set its entry was judged on (frozen when its registration moment opened; a later version applies
 *   to later moments only), or for an awarded admission (no entry) the perceel's latest published set;
 * - each required type held approved and valid today by the provider itself, or, for a product that a confirmed
 *   partner of the entry delivers, by that partner.
 *
 * Admission queries select `a."entryId"` and the entry's set with `LEFT JOIN "Entry" en ON en."id" = a."entryId"`
 * (`en."requirementSetId"`), so no list of entry ids has to travel to the database.
 */
import { placeholders, rawQuery } from './raw.server'

export type AdmissionRequirementKey = {
  organisationId: string
  productId: string
  perceelId: string
  entryId: string | null
  requirementSetId: string | null
}

export type RequirementFacts = {
  /** Required evidence types per requirement set. */
  typesOfSet: Map<string, string[]>
  /** The latest published set per perceel (for admissions without an entry). */
  latestSetOf: Map<string, string>
  /** Per entry: the confirmed partners and the products each delivers. */
  partnersOf: Map<string, { organisationId: string; productId: string }[]>
}

/** Loads the requirement sets of the given percelen and the confirmed partners of the given entries (null: all). */
export async function loadRequirementFacts(
  perceelIds: string[],
  entryIds: string[] | null,
): Promise<RequirementFacts> {
  const facts: RequirementFacts = { typesOfSet: new Map(), latestSetOf: new Map(), partnersOf: new Map() }
  if (perceelIds.length === 0) return facts
  const sets = await rawQuery<{
    id: string
    perceelId: string
    version: unknown
    publishedAt: unknown
    evidenceTypeId: string | null
  }>(
    `SELECT rs."id", rs."perceelId", rs."version", rs."publishedAt", re."evidenceTypeId"
       FROM "RequirementSet" rs LEFT JOIN "RequiredEvidence" re ON re."requirementSetId" = rs."id"
      WHERE rs."perceelId" IN (${placeholders(perceelIds.length)})`,
    perceelIds,
  )
  const latestVersion = new Map<string, number>()
  for (const s of sets) {
    const types = facts.typesOfSet.get(s.id) ?? []
    if (s.evidenceTypeId) types.push(s.evidenceTypeId)
    facts.typesOfSet.set(s.id, types)
    if (s.publishedAt === null || s.publishedAt === undefined) continue
    const version = Number(s.version)
    if (version > (latestVersion.get(s.perceelId) ?? 0)) {
      latestVersion.set(s.perceelId, version)
      facts.latestSetOf.set(s.perceelId, s.id)
    }
  }
  const wanted = entryIds === null ? null : [...new Set(entryIds)]
  if (wanted !== null && wanted.length === 0) return facts
  // In chunks: a municipality has at most a few thousand entries; the open data asks for all partners at once.
  const chunks = wanted === null ? [null] : chunk(wanted, 500)
  for (const ids of chunks) {
    const rows = await rawQuery<{ entryId: string; organisationId: string; productId: string }>(
      `SELECT ep."entryId", ep."organisationId", epp."productId"
         FROM "EntryPartner" ep JOIN "EntryPartnerProduct" epp ON epp."partnerId" = ep."id"
        WHERE ep."confirmedAt" IS NOT NULL${ids ? ` AND ep."entryId" IN (${placeholders(ids.length)})` : ''}`,
      ids ?? [],
    )
    for (const r of rows) {
      const list = facts.partnersOf.get(r.entryId) ?? []
      list.push({ organisationId: r.organisationId, productId: r.productId })
      facts.partnersOf.set(r.entryId, list)
    }
  }
  return facts
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** The evidence types this admission is held to. */
export function requiredTypesOf(facts: RequirementFacts, a: AdmissionRequirementKey): string[] {
  const setId = a.requirementSetId ?? facts.latestSetOf.get(a.perceelId)
  return setId ? (facts.typesOfSet.get(setId) ?? []) : []
}

/** Every type any of these facts' sets asks for, and every partner organisation: what to load evidence for. */
export function evidenceToLoad(facts: RequirementFacts): { typeIds: string[]; partnerIds: string[] } {
  return {
    typeIds: [...new Set([...facts.typesOfSet.values()].flat())],
    partnerIds: [...new Set([...facts.partnersOf.values()].flat().map((p) => p.organisationId))],
  }
}

/** Whether the provider (or a partner delivering this product) holds every required type. */
export function meetsRequirementsOf(
  facts: RequirementFacts,
  a: AdmissionRequirementKey,
  holds: (organisationId: string, typeId: string) => boolean,
): boolean {
  const partners = a.entryId
    ? (facts.partnersOf.get(a.entryId) ?? []).filter((p) => p.productId === a.productId)
    : []
  return requiredTypesOf(facts, a).every(
    (t) => holds(a.organisationId, t) || partners.some((p) => holds(p.organisationId, t)),
  )
}
