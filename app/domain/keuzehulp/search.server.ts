/**
 * Keuzehulp queries: where the visitor lives, which kinds of help apply there, and which providers may be shown.
 *
 * A provider is shown for a municipality and product only when its admission is active (not geschorst, not
 * beeindigd), not at risk, of a public perceel that still covers the municipality (`shownAdmissionSql`, shared with
 * the provider page and the open data), its werkgebied covers the visitor's PC4 (when a postcode was given), and
 * every piece of evidence the perceel's current requirement set asks for is approved and valid today.
 *
 * The facts of a municipality are built once (`loadGemeenteFacts`, a handful of set-based queries with those rules
 * applied) and kept by the read model for as long as the database has not changed and the day is the same; every
 * request checks that first (read-model.server.ts), so a suspension still shows at once. Filters, sorting and paging
 * (`queryProviders`) run on the facts in memory.
 */
import { now } from '~/utils/clock'
import { db } from '~/utils/db.server'
import { asBool, asDate, asDateOrNull, asIntOrNull, placeholders, rawQuery } from './raw.server'
import { searchKey } from '~/utils/search'
import { amsterdamParts } from '~/utils/time'
import { FactCache, factsVersion, memoize, type FactsVersion } from './read-model.server'
import { PUBLIC_STATUSES_SQL, percelenUnderContract, shownAdmissionSql } from './shown-admissions.server'
import {
  evidenceToLoad,
  loadRequirementFacts,
  meetsRequirementsOf,
  type AdmissionRequirementKey,
} from './requirements.server'
import {
  PAGE_SIZE,
  capacityMatches,
  coversPc4,
  evidenceValidOn,
  isCapacityFresh,
  parsePostcode,
  splitList,
  summariseCapacity,
  supersededApproved,
  waitingSortKey,
  type CapacitySummary,
  type SearchState,
} from './rules'

/** One Dutch collator for all sorting (creating one per comparison is slow). */
const collator = new Intl.Collator('nl')

export type GemeenteRef = { code: string; name: string }

export type PlaceResult =
  | { kind: 'gemeente'; gemeente: GemeenteRef; postcode: string | null }
  | { kind: 'keuze'; options: GemeenteRef[] }
  | { kind: 'onbekend'; reason: 'postcode' | 'naam' }

/** Everyday names of municipalities that are neither the official name nor a place name in the PC4 table. */
const PLACE_ALIASES: Record<string, string> = { 'den bosch': 's hertogenbosch' }

/** A municipality name (or part of it) or a postcode → the municipality to search in. */
export async function resolvePlace(input: string): Promise<PlaceResult> {
  const pc4 = parsePostcode(input)
  if (pc4) {
    const row = await db.pc4.findUnique({
      where: { code: pc4 },
      select: { gemeente: { select: { code: true, name: true } } },
    })
    return row
      ? { kind: 'gemeente', gemeente: row.gemeente, postcode: pc4 }
      : { kind: 'onbekend', reason: 'postcode' }
  }
  const typed = searchKey(input)
  if (!typed) return { kind: 'onbekend', reason: 'naam' }
  const key = PLACE_ALIASES[typed] ?? typed
  const exact = await db.gemeente.findFirst({
    where: { searchName: key },
    select: { code: true, name: true },
  })
  if (exact) return { kind: 'gemeente', gemeente: exact, postcode: null }
  const options = await suggestGemeenten(key, 10)
  if (options.length === 1) return { kind: 'gemeente', gemeente: options[0], postcode: null }
  if (options.length > 1) return { kind: 'keuze', options }
  // A place name that is not a municipality (a village, "den haag"): the municipalities of its PC4 areas, matched
  // like municipality names (case, accents and punctuation do not matter).
  const ref = await referenceFacts(await factsVersion(now()))
  const distinct = [...(ref.byPlace.get(key) ?? [])]
    .flatMap((code) => {
      const g = ref.gemeenten.get(code)
      return g ? [{ code: g.code, name: g.name, searchName: g.searchName }] : []
    })
    .sort((a, b) => collator.compare(a.searchName, b.searchName))
    .map(({ code, name }) => ({ code, name }))
  if (distinct.length === 1) return { kind: 'gemeente', gemeente: distinct[0], postcode: null }
  if (distinct.length > 1) return { kind: 'keuze', options: distinct }
  return { kind: 'onbekend', reason: 'naam' }
}

/** Municipalities whose normalised name starts with (then contains) what was typed: for suggestions. */
export async function suggestGemeenten(typed: string, take = 8): Promise<GemeenteRef[]> {
  const key = searchKey(typed)
  if (!key) return []
  const starts = await db.gemeente.findMany({
    where: { searchName: { startsWith: key } },
    select: { code: true, name: true },
    orderBy: { searchName: 'asc' },
    take,
  })
  if (starts.length >= take) return starts
  const contains = await db.gemeente.findMany({
    where: { searchName: { contains: key } },
    select: { code: true, name: true },
    orderBy: { searchName: 'asc' },
    take,
  })
  return uniqueBy([...starts, ...contains], (g) => g.code).slice(0, take)
}

export async function gemeenteByCode(code: string): Promise<GemeenteRef | null> {
  const rows = await rawQuery<GemeenteRef>('SELECT "code", "name" FROM "Gemeente" WHERE "code" = ?', [code])
  return rows[0] ?? null
}

/** PC4 areas and municipalities, for "which municipality was assumed" and its neighbours, held in memory. */
export type ReferenceFacts = {
  gemeenten: Map<string, GemeenteRef & { searchName: string }>
  /** Sorted by code. */
  pc4s: { code: string; place: string; gemeenteCode: string }[]
  byPc4: Map<string, { code: string; place: string; gemeenteCode: string }>
  /** searchKey of a place name (woonplaats) → the municipalities of its PC4 areas. */
  byPlace: Map<string, Set<string>>
}

async function loadReferenceFacts(): Promise<ReferenceFacts> {
  const [gemeenten, pc4s] = await Promise.all([
    rawQuery<GemeenteRef & { searchName: string }>('SELECT "code", "name", "searchName" FROM "Gemeente"', []),
    rawQuery<{ code: string; place: string; gemeenteCode: string }>(
      'SELECT "code", "place", "gemeenteCode" FROM "Pc4"',
      [],
    ),
  ])
  pc4s.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const byPlace = new Map<string, Set<string>>()
  for (const p of pc4s) {
    const key = searchKey(p.place)
    byPlace.set(key, (byPlace.get(key) ?? new Set()).add(p.gemeenteCode))
  }
  return {
    gemeenten: new Map(gemeenten.map((g) => [g.code, g])),
    pc4s,
    byPc4: new Map(pc4s.map((p) => [p.code, p])),
    byPlace,
  }
}

const referenceCache = new FactCache<ReferenceFacts>(1)
export function referenceFacts(version: FactsVersion): Promise<ReferenceFacts> {
  return referenceCache.get('reference', version, loadReferenceFacts)
}

/**
 * Municipalities near a PC4, to offer when the assumed one is wrong: PC4 codes are numbered geographically, so the
 * municipalities of the codes just below and above it are its neighbours (a PC4 can straddle their border).
 */
export function neighboursIn(ref: ReferenceFacts, pc4: string, spread = 15): GemeenteRef[] {
  const n = Number(pc4)
  const low = String(Math.max(1000, n - spread))
  const high = String(Math.min(9999, n + spread))
  const found = new Map<string, GemeenteRef & { searchName: string }>()
  for (const p of ref.pc4s) {
    if (p.code < low) continue
    if (p.code > high) break
    const g = ref.gemeenten.get(p.gemeenteCode)
    if (g) found.set(g.code, g)
  }
  return [...found.values()]
    .sort((a, b) => (a.searchName < b.searchName ? -1 : a.searchName > b.searchName ? 1 : 0))
    .map((g) => ({ code: g.code, name: g.name }))
}

export type HelpProduct = { id: string; name: string; law: string; perceelId: string }
export type HelpGroup = {
  value: string
  label: string
  law: string
  products: HelpProduct[]
}
export type HelpOptions = { groups: HelpGroup[]; products: Map<string, HelpProduct> }

/**
 * The kinds of help that apply in a municipality: the segments of the published procurements whose percelen it
 * takes part in, each with its products. A perceel without a segment is a group of its own. One query.
 */
export async function helpOptions(gemeenteCode: string): Promise<HelpOptions> {
  const rows = await rawQuery<{
    perceelId: string
    perceelName: string
    segmentId: string | null
    segmentName: string | null
    segmentLaw: string | null
    productId: string
    productName: string
    productLaw: string
  }>(
    `SELECT p."id" AS "perceelId", p."name" AS "perceelName", s."id" AS "segmentId", s."name" AS "segmentName",
            s."law" AS "segmentLaw", pr."id" AS "productId", pr."name" AS "productName", pr."law" AS "productLaw"
       FROM "PerceelGemeente" pg
       JOIN "Perceel" p ON p."id" = pg."perceelId"
       JOIN "Procurement" pc ON pc."id" = p."procurementId"
       JOIN "Product" pr ON pr."perceelId" = p."id"
       LEFT JOIN "PerceelSegment" ps ON ps."perceelId" = p."id"
       LEFT JOIN "Segment" s ON s."id" = ps."segmentId"
      WHERE pg."gemeenteCode" = ? AND pc."status" IN (${PUBLIC_STATUSES_SQL})
      ORDER BY p."sortOrder", p."name", pr."code"`,
    [gemeenteCode],
  )
  const groups = new Map<string, HelpGroup>()
  const products = new Map<string, HelpProduct>()
  for (const r of rows) {
    const product = { id: r.productId, name: r.productName, law: r.productLaw, perceelId: r.perceelId }
    products.set(product.id, product)
    const target = r.segmentId
      ? { value: `s-${r.segmentId}`, label: r.segmentName ?? '', law: r.segmentLaw ?? r.productLaw }
      : { value: `l-${r.perceelId}`, label: r.perceelName, law: r.productLaw }
    const group = groups.get(target.value) ?? { ...target, products: [] }
    if (!group.products.some((x) => x.id === product.id)) group.products.push(product)
    groups.set(target.value, group)
  }
  return {
    groups: [...groups.values()].sort(
      (a, b) => collator.compare(a.law, b.law) || collator.compare(a.label, b.label),
    ),
    products,
  }
}

/** The product ids a `hulp` value stands for: a group (segment/perceel), one product, or everything. */
export function productsForHelp(options: HelpOptions, hulp: string | null): string[] {
  if (hulp?.startsWith('p-')) {
    const id = hulp.slice(2)
    return options.products.has(id) ? [id] : []
  }
  if (hulp) {
    const group = options.groups.find((g) => g.value === hulp)
    return group ? group.products.map((p) => p.id) : []
  }
  return [...options.products.keys()]
}

export type QualityMark = { typeId: string; name: string; validUntil: Date | null }

/**
 * `evidenceValidOn` for one Amsterdam day, remembered per (verification, valid from, valid until): the calendar
 * arithmetic is most of the cost of building a municipality's facts, and every provider's evidence comes back for
 * each municipality it works in. Forgotten when the day changes (and beyond 100,000 entries).
 */
let validity: { day: string; results: Map<string, boolean> } = { day: '', results: new Map() }
function validityMemo(today: Date) {
  const p = amsterdamParts(today)
  const day = `${p.year}-${p.month}-${p.day}`
  if (validity.day !== day || validity.results.size > 100_000) validity = { day, results: new Map() }
  const { results } = validity
  return (item: { verification: string; validFrom: Date; validUntil: Date | null }) => {
    const key = `${item.verification}|${item.validFrom.getTime()}|${item.validUntil?.getTime() ?? ''}`
    let valid = results.get(key)
    if (valid === undefined) results.set(key, (valid = evidenceValidOn(item, today)))
    return valid
  }
}

/** "Does this organisation hold this type?" over what `validEvidence` found. */
function holdsIn(evidence: Awaited<ReturnType<typeof validEvidence>>) {
  return (organisationId: string, typeId: string) => !!evidence.get(organisationId)?.types.has(typeId)
}

/**
 * Per organisation: which evidence types it holds approved and valid today, and its quality marks. One query.
 */
async function validEvidence(organisationIds: string[], typeIds: string[], today: Date) {
  const byOrg = new Map<string, { types: Set<string>; marks: Map<string, QualityMark> }>()
  if (organisationIds.length === 0) return byOrg
  // Every version, not only approved ones: the chain of replacements decides which approved version is the newest.
  const rows = await rawQuery<{
    id: string
    replacesId: string | null
    organisationId: string
    typeId: string
    verification: string
    validFrom: unknown
    validUntil: unknown
    name: string
    isQualityMark: unknown
  }>(
    `SELECT e."id", e."replacesId", e."organisationId", e."typeId", e."verification", e."validFrom", e."validUntil",
            t."name", t."isQualityMark"
       FROM "EvidenceItem" e JOIN "EvidenceType" t ON t."id" = e."typeId"
      WHERE e."organisationId" IN (${placeholders(organisationIds.length)})
        AND (t."isQualityMark" = true${typeIds.length > 0 ? ` OR e."typeId" IN (${placeholders(typeIds.length)})` : ''})`,
    [...organisationIds, ...typeIds],
  )
  const approved = rows.filter((r) => r.verification === 'goedgekeurd')
  const superseded = supersededApproved(rows)
  const validOn = validityMemo(today)
  for (const row of approved) {
    if (superseded.has(row.id)) continue
    const item = {
      verification: row.verification,
      validFrom: asDate(row.validFrom),
      validUntil: asDateOrNull(row.validUntil),
    }
    if (!validOn(item)) continue
    const entry = byOrg.get(row.organisationId) ?? { types: new Set(), marks: new Map() }
    entry.types.add(row.typeId)
    if (asBool(row.isQualityMark)) {
      const prev = entry.marks.get(row.typeId)
      const later =
        !prev || (prev.validUntil !== null && (item.validUntil === null || item.validUntil > prev.validUntil))
      if (later)
        entry.marks.set(row.typeId, { typeId: row.typeId, name: row.name, validUntil: item.validUntil })
    }
    byOrg.set(row.organisationId, entry)
  }
  return byOrg
}

type CapacityRow = {
  organisationId: string
  productId: string
  location: string
  accepting: string
  waitingWeeks: number | null
  freePlaces: number | null
  confirmedAt: Date
}

async function currentCapacity(organisationIds: string[], productIds: string[]): Promise<CapacityRow[]> {
  if (organisationIds.length === 0 || productIds.length === 0) return []
  // Filtered by organisation in SQL and by product here: with a product list as well, SQLite picks the index
  // (productId, isCurrent) and reads the current reports of every provider in the country for those products.
  const wanted = new Set(productIds)
  const rows = await rawQuery<Record<string, unknown>>(
    `SELECT "organisationId", "productId", "location", "accepting", "waitingWeeks", "freePlaces", "confirmedAt"
       FROM "CapacityReport"
      WHERE "organisationId" IN (${placeholders(organisationIds.length)}) AND "isCurrent" = true`,
    organisationIds,
  )
  return rows
    .filter((r) => wanted.has(String(r.productId)))
    .map((r) => ({
      organisationId: String(r.organisationId),
      productId: String(r.productId),
      location: String(r.location ?? ''),
      accepting: String(r.accepting),
      waitingWeeks: asIntOrNull(r.waitingWeeks),
      freePlaces: asIntOrNull(r.freePlaces),
      confirmedAt: asDate(r.confirmedAt),
    }))
}

export type SearchResultItem = {
  id: string
  name: string
  products: string[]
  capacity: CapacitySummary
  qualityMarks: QualityMark[]
  languages: string[]
  identity: string | null
  targetGroups: string[]
}

export type SearchResults = {
  total: number
  page: number
  pageCount: number
  items: SearchResultItem[]
  facets: { identities: string[]; languages: string[]; targetGroups: string[] }
}

/** A provider as the keuzehulp shows it in a municipality (facts that do not depend on the search). */
type ProviderFacts = {
  id: string
  name: string
  sortName: string
  languages: string[]
  identity: string | null
  targetGroups: string[]
  qualityMarks: QualityMark[]
  /** Current capacity reports for the products it may be shown for here. */
  reports: CapacityRow[]
}

/**
 * Everything the keuzehulp shows for one municipality on one day, with the rules that do not depend on the search
 * already applied: admissions that are active, not at risk, of a product of a published procurement here, whose
 * organisation holds every piece of evidence the perceel's current requirement set asks for, approved and valid.
 * Built with a handful of set-based queries; kept by the read model (read-model.server.ts) for one data version.
 */
export type GemeenteFacts = {
  gemeente: GemeenteRef | null
  options: HelpOptions
  admissions: { provider: ProviderFacts; productId: string; coversWhole: boolean; pc4s: string }[]
  /** The day the rules were applied for, and `isCapacityFresh` on it, memoised per confirmation instant. */
  today: Date
  isFresh: (confirmedAt: Date) => boolean
  /** Result lists per kind of help and postcode, derived on first use. */
  lists: Map<string, ResultList>
}

export type Candidate = SearchResultItem & {
  sortName: string
  lower: { identity: string | null; languages: string[]; targetGroups: string[] }
}
type ResultList = {
  byWait: Candidate[]
  byName: Candidate[]
  facets: SearchResults['facets']
}

export async function loadGemeenteFacts(code: string, today: Date): Promise<GemeenteFacts> {
  const gemeente = await gemeenteByCode(code)
  const options = gemeente ? await helpOptions(gemeente.code) : { groups: [], products: new Map() }
  const freshness = new Map<number, boolean>()
  const isFresh = (d: Date) => {
    let fresh = freshness.get(d.getTime())
    if (fresh === undefined) freshness.set(d.getTime(), (fresh = isCapacityFresh(d, today)))
    return fresh
  }
  const facts: GemeenteFacts = { gemeente, options, admissions: [], today, isFresh, lists: new Map() }
  const productIds = [...options.products.keys()]
  if (!gemeente || productIds.length === 0) return facts
  // Admissions (index Admission(gemeenteCode, productId, status)), then the public fields of their organisations:
  // two queries read fewer rows than one join that repeats an organisation for each of its admissions.
  const shown = await rawQuery<
    AdmissionRequirementKey & {
      coversWhole: unknown
      pc4s: string
    }
  >(
    `SELECT a."organisationId", a."productId", a."perceelId", a."coversWhole", a."pc4s", a."entryId",
            en."requirementSetId"
       FROM "Admission" a LEFT JOIN "Entry" en ON en."id" = a."entryId"
      WHERE a."gemeenteCode" = ? AND a."productId" IN (${placeholders(productIds.length)})
        AND ${shownAdmissionSql('a')}`,
    [gemeente.code, ...productIds],
  )
  const running = await percelenUnderContract([...new Set(shown.map((a) => a.perceelId))], today)
  const admissions = shown.filter((a) => running.has(a.perceelId))
  if (admissions.length === 0) return facts
  const orgIds = [...new Set(admissions.map((a) => a.organisationId))]
  const [organisations, required] = await Promise.all([
    rawQuery<{
      id: string
      name: string
      searchName: string
      languages: string
      identity: string | null
      targetGroups: string
    }>(
      `SELECT "id", "name", "searchName", "languages", "identity", "targetGroups" FROM "Organisation"
        WHERE "id" IN (${placeholders(orgIds.length)})`,
      orgIds,
    ),
    loadRequirementFacts(
      [...new Set(admissions.map((a) => a.perceelId))],
      admissions.flatMap((a) => (a.entryId ? [a.entryId] : [])),
    ),
  ])
  const organisationById = new Map(organisations.map((o) => [o.id, o]))
  const load = evidenceToLoad(required)
  const evidence = await validEvidence([...new Set([...orgIds, ...load.partnerIds])], load.typeIds, today)

  const providers = new Map<string, ProviderFacts>()
  for (const a of admissions) {
    if (!meetsRequirementsOf(required, a, holdsIn(evidence))) continue
    const o = organisationById.get(a.organisationId)
    if (!o) continue
    let provider = providers.get(a.organisationId)
    if (!provider) {
      provider = {
        id: a.organisationId,
        name: o.name,
        sortName: o.searchName,
        languages: splitList(o.languages),
        identity: o.identity?.trim() || null,
        targetGroups: splitList(o.targetGroups),
        qualityMarks: [...(evidence.get(a.organisationId)?.marks.values() ?? [])].sort((x, y) =>
          collator.compare(x.name, y.name),
        ),
        reports: [],
      }
      providers.set(a.organisationId, provider)
    }
    facts.admissions.push({
      provider,
      productId: a.productId,
      coversWhole: asBool(a.coversWhole),
      pc4s: a.pc4s,
    })
  }
  for (const r of await currentCapacity([...providers.keys()], productIds)) {
    providers.get(r.organisationId)?.reports.push(r)
  }
  return facts
}

/**
 * The candidates for a set of products and a postcode, sorted both ways, with the filter values they offer. Only
 * admissions for those products whose werkgebied covers the postcode count; capacity is summarised over the
 * reports of exactly those products.
 */
function resultList(facts: GemeenteFacts, productIds: string[], postcode: string | null): ResultList {
  const wanted = new Set(productIds)
  const productsByProvider = new Map<ProviderFacts, Set<string>>()
  for (const a of facts.admissions) {
    if (!wanted.has(a.productId) || !coversPc4(a, postcode)) continue
    const set = productsByProvider.get(a.provider) ?? new Set()
    set.add(a.productId)
    productsByProvider.set(a.provider, set)
  }
  const candidates: Candidate[] = [...productsByProvider].map(([p, products]) => ({
    id: p.id,
    name: p.name,
    sortName: p.sortName,
    products: [...products]
      .map((pid) => facts.options.products.get(pid)?.name ?? '')
      .filter(Boolean)
      .sort((a, b) => collator.compare(a, b)),
    capacity: summariseCapacity(
      p.reports.filter((r) => products.has(r.productId)),
      facts.today,
      facts.isFresh,
    ),
    qualityMarks: p.qualityMarks,
    languages: p.languages,
    identity: p.identity,
    targetGroups: p.targetGroups,
    lower: {
      identity: p.identity?.toLowerCase() ?? null,
      languages: p.languages.map((l) => l.toLowerCase()),
      targetGroups: p.targetGroups.map((t) => t.toLowerCase()),
    },
  }))
  const byName = (a: Candidate, b: Candidate) =>
    a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  return {
    byName: [...candidates].sort(byName),
    byWait: [...candidates].sort(
      (a, b) => waitingSortKey(a.capacity) - waitingSortKey(b.capacity) || byName(a, b),
    ),
    facets: {
      identities: distinctSorted(candidates.flatMap((c) => (c.identity ? [c.identity] : []))),
      languages: distinctSorted(candidates.flatMap((c) => c.languages)),
      targetGroups: distinctSorted(candidates.flatMap((c) => c.targetGroups)),
    },
  }
}

/** The facts of a municipality for this request: from the read model when the database has not changed since. */
const gemeenteCache = new FactCache<GemeenteFacts>(128)
export async function gemeenteFacts(code: string, today: Date, version?: FactsVersion) {
  const v = version ?? (await factsVersion(today))
  return gemeenteCache.get(code, v, () => loadGemeenteFacts(code, today))
}

/** Filters, sorting and one page over a municipality's facts. No queries. */
export function queryProviders(
  facts: GemeenteFacts,
  state: SearchState,
  options: HelpOptions = facts.options,
): Omit<SearchResults, 'items'> & { items: Candidate[] } {
  const productIds = productsForHelp(options, state.hulp)
  const empty = {
    total: 0,
    page: 1,
    pageCount: 1,
    items: [],
    facets: { identities: [], languages: [], targetGroups: [] },
  }
  if (productIds.length === 0 || facts.admissions.length === 0) return empty
  const list = memoize(facts.lists, `${productIds.join(',')}|${state.postcode ?? ''}`, 256, () =>
    resultList(facts, productIds, state.postcode),
  )
  if (list.byName.length === 0) return empty
  const lower = (v: string | null) => v?.toLowerCase() ?? null
  const taal = lower(state.taal)
  const doelgroep = lower(state.doelgroep)
  const identiteit = lower(state.identiteit)
  const filtered = (state.sort === 'naam' ? list.byName : list.byWait).filter(
    (c) =>
      capacityMatches(c.capacity, { accepting: state.nieuw, maxWait: state.wacht }) &&
      (!identiteit || c.lower.identity === identiteit) &&
      (!taal || c.lower.languages.includes(taal)) &&
      (!doelgroep || c.lower.targetGroups.includes(doelgroep)),
  )
  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE))
  const page = Math.min(state.pagina, pageCount)
  const items = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
  return { total: filtered.length, page, pageCount, items, facets: list.facets }
}

/** The providers a visitor may choose from in a municipality, filtered, sorted and paginated. */
export async function searchProviders(
  state: SearchState & { gemeente: string },
  options: HelpOptions,
  today: Date,
): Promise<SearchResults> {
  const result = queryProviders(await gemeenteFacts(state.gemeente, today), state, options)
  return {
    ...result,
    items: result.items.map(({ sortName: _sortName, lower: _lower, ...item }) => item),
  }
}

export type ProviderProfile = NonNullable<Awaited<ReturnType<typeof providerProfile>>>

/**
 * The public page of a provider: only when it has at least one admission a visitor may see (`shownAdmissionSql`,
 * evidence in order). Otherwise null (the route answers 404).
 */
export async function providerProfile(id: string, today: Date) {
  const [organisation] = await rawQuery<{
    id: string
    name: string
    description: string
    street: string
    houseNumber: string
    postcode: string
    city: string
    website: string | null
    email: string
    phone: string
    targetGroups: string
    languages: string
    identity: string | null
  }>(
    `SELECT "id", "name", "description", "street", "houseNumber", "postcode", "city", "website", "email", "phone",
            "targetGroups", "languages", "identity"
       FROM "Organisation" WHERE "id" = ?`,
    [id],
  )
  if (!organisation) return null
  const shown = await rawQuery<
    AdmissionRequirementKey & {
      gemeenteCode: string
      coversWhole: unknown
      pc4s: string
      productName: string
      law: string
      gemeenteName: string
    }
  >(
    `SELECT a."organisationId", a."productId", a."perceelId", a."gemeenteCode", a."coversWhole", a."pc4s",
            a."entryId", en."requirementSetId",
            pr."name" AS "productName", pr."law", g."name" AS "gemeenteName"
       FROM "Admission" a
       JOIN "Product" pr ON pr."id" = a."productId"
       JOIN "Gemeente" g ON g."code" = a."gemeenteCode"
       LEFT JOIN "Entry" en ON en."id" = a."entryId"
      WHERE a."organisationId" = ? AND ${shownAdmissionSql('a')}`,
    [id],
  )
  const running = await percelenUnderContract([...new Set(shown.map((a) => a.perceelId))], today)
  const admissions = shown.filter((a) => running.has(a.perceelId))
  const required = await loadRequirementFacts(
    [...new Set(admissions.map((a) => a.perceelId))],
    admissions.flatMap((a) => (a.entryId ? [a.entryId] : [])),
  )
  const load = evidenceToLoad(required)
  const evidence = await validEvidence([id, ...load.partnerIds], load.typeIds, today)
  const held = evidence.get(id)
  const visible = admissions.filter((a) => meetsRequirementsOf(required, a, holdsIn(evidence)))
  if (visible.length === 0) return null

  const productIds = [...new Set(visible.map((a) => a.productId))]
  const reports = await currentCapacity([id], productIds)
  const products = productIds
    .map((productId) => {
      const rows = visible.filter((a) => a.productId === productId)
      return {
        id: productId,
        name: rows[0].productName,
        law: rows[0].law,
        gemeenten: rows
          .map((a) => ({
            code: a.gemeenteCode,
            name: a.gemeenteName,
            coversWhole: asBool(a.coversWhole),
            pc4s: splitList(a.pc4s),
          }))
          .sort((a, b) => collator.compare(a.name, b.name)),
        capacity: summariseCapacity(
          reports.filter((r) => r.productId === productId),
          today,
        ),
        // A provider that reports per location: each location on its own line, by name.
        locations: reports
          .filter((r) => r.productId === productId && r.location !== '')
          .sort((a, b) => collator.compare(a.location, b.location))
          .map((r) => ({ name: r.location, capacity: summariseCapacity([r], today) })),
      }
    })
    .sort((a, b) => collator.compare(a.law, b.law) || collator.compare(a.name, b.name))
  return {
    organisation: {
      ...organisation,
      targetGroups: splitList(organisation.targetGroups),
      languages: splitList(organisation.languages),
      identity: organisation.identity?.trim() || null,
    },
    products,
    qualityMarks: [...(held?.marks.values() ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
  }
}

function uniqueBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>()
  return list.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)))
}

function distinctSorted(values: string[]): string[] {
  const byKey = new Map<string, string>()
  for (const v of values) if (!byKey.has(v.toLowerCase())) byKey.set(v.toLowerCase(), v)
  return [...byKey.values()].sort((a, b) => collator.compare(a, b))
}
