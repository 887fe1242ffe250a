/**
 * Pure rules of the keuzehulp (the public provider choice guide): reading the search state from the URL, postcodes,
 * werkgebied, evidence validity and how fresh a capacity confirmation is. No database here; unit-tested.
 */
import { capacityFreshness } from '~/domain/capacity/rules'
import { evidenceStatus } from '~/domain/evidence/rules'

export const PAGE_SIZE = 20
export const MAX_WAIT_OPTIONS = [2, 4, 8, 12] as const

/**
 * Whether a capacity confirmation is recent enough to show its waiting time: the capacity capability's 60-day rule
 * (`capacityFreshness`, Amsterdam calendar days), so the keuzehulp and the provider's own screens agree.
 */
export function isCapacityFresh(confirmedAt: Date, today: Date): boolean {
  return capacityFreshness(confirmedAt, today).showWaitingTime
}

/** "1234", "1234AB" or "1234 ab" → "1234"; anything else → null. */
export function parsePostcode(input: string): string | null {
  const m = input.trim().match(/^([1-9][0-9]{3})\s*([a-zA-Z]{2})?$/)
  return m ? m[1] : null
}

/** Comma-separated list → trimmed, non-empty values. */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return []
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
}

/** Whether an admission's werkgebied covers a PC4: the whole municipality, or the PC4 is listed. */
export function coversPc4(area: { coversWhole: boolean; pc4s: string }, pc4: string | null): boolean {
  if (!pc4 || area.coversWhole) return true
  return splitList(area.pc4s).includes(pc4)
}

/**
 * An approved evidence item that is valid on `day` (the evidence capability's `evidenceStatus`: Amsterdam calendar
 * days; "verloopt binnenkort" still counts as valid). Entry-time conditions of a requirement (valid until at least a
 * date, issued within n months) decide admission, not whether an admitted provider is listed, so they are not applied.
 */
export function evidenceValidOn(
  item: { verification: string; validFrom: Date; validUntil: Date | null },
  day: Date,
): boolean {
  if (item.verification !== 'goedgekeurd') return false
  const { validity } = evidenceStatus(item, day)
  return validity === 'geldig' || validity === 'verloopt_binnenkort'
}

/**
 * Ids of approved evidence versions that a later approved version replaces (following the chain through versions in
 * between that are pending or rejected): only the newest approved version of a certificate counts. While a renewal
 * waits for its check, the approved version before it keeps counting.
 */
export function supersededApproved(
  versions: { id: string; replacesId: string | null; verification: string }[],
): Set<string> {
  const replaces = new Map<string, string>()
  for (const v of versions) if (v.replacesId) replaces.set(v.id, v.replacesId)
  const superseded = new Set<string>()
  for (const item of versions) {
    if (item.verification !== 'goedgekeurd') continue
    let older = item.replacesId
    while (older && !superseded.has(older)) {
      superseded.add(older)
      older = replaces.get(older) ?? null
    }
  }
  return superseded
}

export type Accepting = 'ja' | 'beperkt' | 'nee'

export type CapacitySummary =
  | { kind: 'onbekend' }
  | { kind: 'verouderd'; confirmedAt: Date }
  | {
      kind: 'actueel'
      accepting: Accepting
      waitingWeeks: number | null
      freePlaces: number | null
      confirmedAt: Date
    }

const ACCEPTING_RANK: Record<string, number> = { ja: 0, beperkt: 1, nee: 2 }

/**
 * One line of capacity out of the current reports (per product and location): the most open answer among the fresh
 * reports, the shortest waiting time among those, the latest confirmation date. No fresh report: "verouderd" when
 * there is an old one, else "onbekend". `isFresh` is `isCapacityFresh` on `today`; the read model passes a memoised
 * copy of it (the Amsterdam calendar arithmetic is the expensive part).
 */
export function summariseCapacity(
  reports: { accepting: string; waitingWeeks: number | null; freePlaces: number | null; confirmedAt: Date }[],
  today: Date,
  isFresh: (confirmedAt: Date) => boolean = (d) => isCapacityFresh(d, today),
): CapacitySummary {
  if (reports.length === 0) return { kind: 'onbekend' }
  const fresh = reports.filter((r) => isFresh(r.confirmedAt))
  if (fresh.length === 0) {
    const latest = reports.reduce((a, b) => (a.confirmedAt > b.confirmedAt ? a : b))
    return { kind: 'verouderd', confirmedAt: latest.confirmedAt }
  }
  let best = fresh[0]
  for (const r of fresh) {
    const rank = ACCEPTING_RANK[r.accepting] ?? 3
    const bestRank = ACCEPTING_RANK[best.accepting] ?? 3
    if (rank < bestRank || (rank === bestRank && waitOf(r) < waitOf(best))) best = r
  }
  // The date of the figure shown, not of the newest report: another product's fresh "nee" must not make an older
  // waiting time look recent.
  const confirmedAt = best.confirmedAt
  const freePlaces = fresh.reduce<number | null>(
    (sum, r) => (r.freePlaces === null ? sum : (sum ?? 0) + r.freePlaces),
    null,
  )
  return {
    kind: 'actueel',
    accepting: (best.accepting in ACCEPTING_RANK ? best.accepting : 'nee') as Accepting,
    waitingWeeks: best.waitingWeeks,
    freePlaces,
    confirmedAt,
  }
}

function waitOf(r: { accepting: string; waitingWeeks: number | null }): number {
  if (r.waitingWeeks !== null) return r.waitingWeeks
  return r.accepting === 'ja' ? 0 : Number.POSITIVE_INFINITY
}

/** Sort key for "kortste wachttijd": fresh and open first by weeks, then full, then unknown. */
export function waitingSortKey(c: CapacitySummary): number {
  if (c.kind !== 'actueel') return 10_000
  if (c.accepting === 'nee') return 5_000
  return c.waitingWeeks ?? 0
}

/** Whether the capacity meets the filters "neemt nieuwe cliënten aan" and "maximale wachttijd". */
export function capacityMatches(
  c: CapacitySummary,
  f: { accepting: boolean; maxWait: number | null },
): boolean {
  if (!f.accepting && f.maxWait === null) return true
  if (c.kind !== 'actueel' || c.accepting === 'nee') return false
  if (f.maxWait !== null && (c.waitingWeeks ?? 0) > f.maxWait) return false
  return true
}

/** The search state, read from and written to the URL so a result list can be shared or printed. */
export type SearchState = {
  /** What the visitor typed: a municipality name or a postcode (resolved, then dropped from the URL). */
  waar: string
  gemeente: string | null
  postcode: string | null
  hulp: string | null
  nieuw: boolean
  wacht: number | null
  identiteit: string | null
  taal: string | null
  doelgroep: string | null
  sort: 'wachttijd' | 'naam'
  pagina: number
}

export function readSearchState(params: URLSearchParams): SearchState {
  const str = (k: string) => {
    const v = params.get(k)?.trim()
    return v ? v.slice(0, 100) : null
  }
  const gemeente = str('gemeente')
  const wacht = Number(params.get('wacht'))
  const pagina = Number(params.get('pagina'))
  const postcode = str('postcode')
  return {
    waar: str('waar') ?? '',
    gemeente: gemeente && /^GM\d{4}$/.test(gemeente) ? gemeente : null,
    postcode: postcode ? parsePostcode(postcode) : null,
    hulp: str('hulp'),
    nieuw: params.get('nieuw') === '1',
    wacht: Number.isInteger(wacht) && wacht > 0 && wacht <= 104 ? wacht : null,
    identiteit: str('identiteit'),
    taal: str('taal'),
    doelgroep: str('doelgroep'),
    sort: params.get('sort') === 'naam' ? 'naam' : 'wachttijd',
    pagina: Number.isInteger(pagina) && pagina > 1 && pagina < 10_000 ? pagina : 1,
  }
}

/** The URL query of a search state; defaults are left out so URLs stay short. */
export function searchStateQuery(s: Partial<SearchState>): string {
  const p = new URLSearchParams()
  if (s.waar) p.set('waar', s.waar)
  if (s.gemeente) p.set('gemeente', s.gemeente)
  if (s.postcode) p.set('postcode', s.postcode)
  if (s.hulp) p.set('hulp', s.hulp)
  if (s.nieuw) p.set('nieuw', '1')
  if (s.wacht) p.set('wacht', String(s.wacht))
  if (s.identiteit) p.set('identiteit', s.identiteit)
  if (s.taal) p.set('taal', s.taal)
  if (s.doelgroep) p.set('doelgroep', s.doelgroep)
  if (s.sort && s.sort !== 'wachttijd') p.set('sort', s.sort)
  if (s.pagina && s.pagina > 1) p.set('pagina', String(s.pagina))
  const q = p.toString()
  return q ? `?${q}` : ''
}

/**
 * The result count in words, e.g. "12 aanbieders voor Ambulante begeleiding in Tiel". The page has no React runtime,
 * so every search is a page load and a live region is never announced; this text is the document title (read out on
 * load) and the results heading.
 */
export function resultsSummary(r: {
  total: number
  gemeente: string
  hulp: string | null
  page: number
  pageCount: number
}): string {
  const count = r.total === 0 ? 'Geen aanbieders' : r.total === 1 ? '1 aanbieder' : `${r.total} aanbieders`
  const paging = r.pageCount > 1 ? ` (pagina ${r.page} van ${r.pageCount})` : ''
  return `${count}${r.hulp ? ` voor ${r.hulp}` : ''} in ${r.gemeente}${paging}`
}

/**
 * What a form that changes only the municipality sends along (as hidden fields): postcode, kind of help, filters and
 * sorting, in URL order. Not the page: the new list starts at page 1.
 */
export function carriedSearchFields(s: SearchState): [name: string, value: string][] {
  return [...new URLSearchParams(searchStateQuery({ ...s, waar: '', gemeente: null, pagina: 1 }))]
}

/** Plain-Dutch names of the two laws, as residents know them. */
export const LAW_LABEL: Record<string, string> = {
  wmo: 'Wmo: ondersteuning voor volwassenen',
  jeugd: 'Jeugd: hulp voor kinderen, jongeren en gezinnen',
}

/** Capacity as words for residents (status never by colour alone). Dates are formatted by the caller's `fmt`. */
export function capacityText(
  c: CapacitySummary,
  fmt: (d: Date) => string,
): { status: string; detail: string | null } {
  if (c.kind === 'onbekend') return { status: 'Capaciteit niet doorgegeven', detail: null }
  if (c.kind === 'verouderd')
    return { status: 'Niet recent bevestigd', detail: `laatst doorgegeven op ${fmt(c.confirmedAt)}` }
  const status =
    c.accepting === 'ja'
      ? 'Neemt nieuwe cliënten aan'
      : c.accepting === 'beperkt'
        ? 'Neemt beperkt nieuwe cliënten aan'
        : 'Neemt nu geen nieuwe cliënten aan'
  const wait =
    c.accepting === 'nee'
      ? null
      : c.waitingWeeks === null || c.waitingWeeks === 0
        ? 'geen wachttijd'
        : `wachttijd ongeveer ${c.waitingWeeks} ${c.waitingWeeks === 1 ? 'week' : 'weken'}`
  return {
    status,
    detail: `${wait ? `${wait}, ` : ''}bevestigd op ${fmt(c.confirmedAt)}`,
  }
}
