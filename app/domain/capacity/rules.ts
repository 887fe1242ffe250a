/**
 * Werkgebied and capacity: the pure rules (no database). The keuzehulp uses `capacityFreshness`; the dashboard and
 * its CSV export use `figuresAt`, `median` and `longest`.
 */
import {
  addDays,
  amsterdamParts,
  daysBetween,
  endOfAmsterdamDay,
  fromAmsterdamLocal,
  startOfAmsterdamDay,
} from '~/utils/time'

export const ACCEPTING = ['ja', 'beperkt', 'nee'] as const
export type Accepting = (typeof ACCEPTING)[number]

export const ACCEPTING_LABELS: Record<Accepting, string> = {
  ja: 'Ja, neemt nieuwe cliënten aan',
  beperkt: 'Beperkt, neemt soms nieuwe cliënten aan',
  nee: 'Nee, neemt geen nieuwe cliënten aan',
}

export const ACCEPTING_SHORT: Record<Accepting, string> = { ja: 'Ja', beperkt: 'Beperkt', nee: 'Nee' }

export function isAccepting(value: string): value is Accepting {
  return (ACCEPTING as readonly string[]).includes(value)
}

/** Limits of the capacity form (issue: waiting time 0-104 weeks, free places 0-9999). */
export const MAX_WAITING_WEEKS = 104
export const MAX_FREE_PLACES = 9999
export const MAX_REMARK = 300
export const MAX_LOCATION = 120

// --- freshness ---------------------------------------------------------------------------------------------------------

/** After this many days without a confirmation the organisation's beheerders get a reminder by e-mail. */
export const REMINDER_AFTER_DAYS = 30
/** After this many days the keuzehulp shows "niet recent bevestigd" instead of the waiting time. */
export const STALE_AFTER_DAYS = 60

export type Freshness = {
  /** actueel: confirmed within 30 days · herinnering: 31-60 days (reminder due) · verouderd: more than 60 days or never */
  status: 'actueel' | 'herinnering' | 'verouderd'
  /** Amsterdam calendar days since the confirmation; null when never confirmed. */
  days: number | null
  /** Whether the waiting time may be shown to the public (false once "niet recent bevestigd"). */
  showWaitingTime: boolean
  /** Dutch text for the screen. */
  label: string
}

/**
 * How fresh a capacity confirmation is on `today` (Amsterdam calendar days, time of day ignored).
 * - up to and including 30 days: actueel
 * - more than 30 days: herinnering (the job e-mails the beheerders once per period)
 * - more than 60 days, or never confirmed: verouderd; the keuzehulp shows "niet recent bevestigd" instead of a
 *   waiting time.
 */
export function capacityFreshness(confirmedAt: Date | null | undefined, today: Date): Freshness {
  if (!confirmedAt) {
    return { status: 'verouderd', days: null, showWaitingTime: false, label: 'Nog niet bevestigd' }
  }
  const days = Math.max(0, daysBetween(confirmedAt, today))
  if (days > STALE_AFTER_DAYS) {
    return { status: 'verouderd', days, showWaitingTime: false, label: 'Niet recent bevestigd' }
  }
  if (days > REMINDER_AFTER_DAYS) {
    return {
      status: 'herinnering',
      days,
      showWaitingTime: true,
      label: `Langer dan ${REMINDER_AFTER_DAYS} dagen niet bevestigd`,
    }
  }
  return { status: 'actueel', days, showWaitingTime: true, label: 'Actueel' }
}

/** The number of the 30-day period a confirmation is in on `today` (1 = days 31-60, 2 = 61-90, ...); 0 when fresh. */
export function reminderPeriod(confirmedAt: Date, today: Date): number {
  const days = daysBetween(confirmedAt, today)
  return days > REMINDER_AFTER_DAYS ? Math.floor((days - 1) / REMINDER_AFTER_DAYS) : 0
}

// --- PC4 areas -------------------------------------------------------------------------------------------------------

export type Pc4Parse = { codes: string[]; invalid: string[] }

/** Splits "4001, 4002 4003;4004" into unique codes, in the order typed; anything not 4 digits goes to `invalid`. */
export function parsePc4List(input: string): Pc4Parse {
  const parts = input
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean)
  const codes: string[] = []
  const invalid: string[] = []
  for (const part of parts) {
    if (/^[1-9][0-9]{3}$/.test(part)) {
      if (!codes.includes(part)) codes.push(part)
    } else if (!invalid.includes(part)) invalid.push(part)
  }
  return { codes, invalid }
}

export type Pc4Check = {
  /** Codes not in the postcode table: an error. */
  unknown: string[]
  /** Codes the table places in another municipality: accepted with a warning (PC4 areas straddle borders). */
  elsewhere: { code: string; gemeenteCode: string }[]
}

/** Checks codes against the postcode table (`known`: code -> gemeenteCode) for the municipality `gemeenteCode`. */
export function checkPc4s(codes: string[], known: Map<string, string>, gemeenteCode: string): Pc4Check {
  const unknown: string[] = []
  const elsewhere: Pc4Check['elsewhere'] = []
  for (const code of codes) {
    const g = known.get(code)
    if (!g) unknown.push(code)
    else if (g !== gemeenteCode) elsewhere.push({ code, gemeenteCode: g })
  }
  return { unknown, elsewhere }
}

/** The error message for unknown codes, or null. */
export function unknownPc4Message(unknown: string[], invalid: string[] = []): string | null {
  if (invalid.length) {
    return `Vul postcodegebieden in als 4 cijfers, gescheiden door komma's of spaties. Dit klopt niet: ${invalid.join(', ')}`
  }
  if (unknown.length === 1) return `Postcodegebied ${unknown[0]} bestaat niet. Controleer de 4 cijfers.`
  if (unknown.length > 1)
    return `Deze postcodegebieden bestaan niet: ${unknown.join(', ')}. Controleer de cijfers.`
  return null
}

// --- statistics ------------------------------------------------------------------------------------------------------

/** The median (mean of the middle two for an even count); null for no values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * The median of values given as counts per value (a histogram: the dashboard's SQL groups providers by waiting
 * time): the same number `median` gives for the values written out.
 */
export function medianOfCounts(counts: { value: number; count: number }[]): number | null {
  const sorted = counts.filter((c) => c.count > 0).sort((a, b) => a.value - b.value)
  const n = sorted.reduce((sum, c) => sum + c.count, 0)
  if (n === 0) return null
  // Positions (0-based) of the middle value(s): equal for an odd count.
  const lo = Math.floor((n - 1) / 2)
  const hi = Math.floor(n / 2)
  let seen = 0
  let low: number | null = null
  for (const c of sorted) {
    seen += c.count
    if (low === null && seen > lo) low = c.value
    if (seen > hi) return (low! + c.value) / 2
  }
  return null
}

/** The largest value; null for no values. */
export function longest(values: number[]): number | null {
  if (values.length === 0) return null
  let max = values[0]!
  for (const v of values) if (v > max) max = v
  return max
}

// --- dashboard figures -----------------------------------------------------------------------------------------------

/** An admission in the region (one organisation × product × municipality), with when it was valid. */
export type AdmissionFact = {
  organisationId: string
  productId: string
  perceelId: string
  gemeenteCode: string
  since: Date
  /** When it ended; null while it runs. */
  endedAt: Date | null
  /**
   * False when the werkgebied says "niet in deze gemeente" (coversWhole false, no PC4 areas): the provider still
   * counts as admitted there, but not as accepting new clients nor with a waiting time (as the keuzehulp hides it).
   */
  servesGemeente: boolean
}

/** One capacity report, with when it was replaced (null while current). */
export type ReportFact = {
  organisationId: string
  productId: string
  accepting: string
  waitingWeeks: number | null
  confirmedAt: Date
  supersededAt: Date | null
}

export type FigureRow = {
  segmentId: string
  gemeenteCode: string
  /** Distinct organisations with a running admission for a product of the segment in the municipality. */
  providers: number
  /**
   * Of those, how many accept new clients (ja or beperkt) for at least one of those products whose werkgebied
   * includes the municipality.
   */
  accepting: number
  /** Median over providers of their shortest reported waiting time (weeks) among those same products. */
  medianWaitingWeeks: number | null
  /** The longest of those per-provider waiting times. */
  longestWaitingWeeks: number | null
  /**
   * Providers whose latest confirmation for those products is more than 30 days old; without any confirmation,
   * counted from the earliest start of those admissions (as the reminder job), so a provider admitted yesterday
   * is not stale.
   */
  notConfirmed: number
}

/** The answers that count as "accepts new clients" on the dashboard. */
export const ACCEPTS_NEW_CLIENTS: readonly Accepting[] = ['ja', 'beperkt']

/**
 * A provider counts as "not confirmed for more than 30 days" at `at` when its latest confirmation is before this
 * moment: the start of the Amsterdam day 30 days earlier (calendar days, as `capacityFreshness`).
 */
export function confirmedFreshFrom(at: Date): Date {
  return startOfAmsterdamDay(addDays(at, -REMINDER_AFTER_DAYS))
}

/** Was this report the one in force at `at`? (confirmedAt <= at < supersededAt) */
export function reportInForce(r: Pick<ReportFact, 'confirmedAt' | 'supersededAt'>, at: Date): boolean {
  return r.confirmedAt <= at && (r.supersededAt === null || r.supersededAt > at)
}

/**
 * The dashboard figures as they were at `at`, per segment × municipality. The unit is a provider: per provider we
 * take, over the products of the segment it is admitted to in that municipality, whether any accepts new clients,
 * its shortest waiting time, and its latest confirmation. The same function gives today's figures and each point of
 * the trend, so "what was true on date X" always comes from the history.
 */
export function figuresAt(
  at: Date,
  admissions: AdmissionFact[],
  reports: ReportFact[],
  segmentsOfPerceel: Map<string, string[]>,
): FigureRow[] {
  return aggregate(at, admissions, reports, segmentsOfPerceel, false)
}

/** The same figures for the whole set at once (all segments and municipalities together): one trend point. */
export function totalsAt(
  at: Date,
  admissions: AdmissionFact[],
  reports: ReportFact[],
  segmentsOfPerceel: Map<string, string[]>,
): Omit<FigureRow, 'segmentId' | 'gemeenteCode'> {
  const [row] = aggregate(at, admissions, reports, segmentsOfPerceel, true)
  if (!row)
    return {
      providers: 0,
      accepting: 0,
      medianWaitingWeeks: null,
      longestWaitingWeeks: null,
      notConfirmed: 0,
    }
  const { segmentId: _s, gemeenteCode: _g, ...totals } = row
  return totals
}

function aggregate(
  at: Date,
  admissions: AdmissionFact[],
  reports: ReportFact[],
  segmentsOfPerceel: Map<string, string[]>,
  collapse: boolean,
): FigureRow[] {
  const atMs = at.getTime()
  // "More than 30 days" in Amsterdam calendar days (as capacityFreshness): confirmed before the start of this day.
  const freshFrom = confirmedFreshFrom(at).getTime()
  // Per organisation × product the reports of its latest confirmation in force: one per location, all saved at the
  // same instant. Rows written without supersededAt (older writers) look in force for ever: the latest confirmation
  // wins.
  const inForce = new Map<string, ReportFact[]>()
  for (const r of reports) {
    if (!reportInForce(r, at)) continue
    const key = `${r.organisationId}|${r.productId}`
    const seen = inForce.get(key)
    if (!seen || r.confirmedAt > seen[0]!.confirmedAt) inForce.set(key, [r])
    else if (r.confirmedAt.getTime() === seen[0]!.confirmedAt.getTime()) seen.push(r)
  }
  type Acc = { accepting: boolean; waiting: number | null; confirmedAt: number; since: number }
  const cells = new Map<string, Map<string, Acc>>()
  for (const a of admissions) {
    if (a.since.getTime() > atMs || (a.endedAt !== null && a.endedAt.getTime() <= atMs)) continue
    const segmentIds = segmentsOfPerceel.get(a.perceelId)
    if (!segmentIds) continue
    const productReports = inForce.get(`${a.organisationId}|${a.productId}`) ?? []
    for (const segmentId of collapse ? ['*'] : segmentIds) {
      const cellKey = collapse ? '*|*' : `${segmentId}|${a.gemeenteCode}`
      let providers = cells.get(cellKey)
      if (!providers) cells.set(cellKey, (providers = new Map()))
      let acc = providers.get(a.organisationId)
      if (!acc)
        providers.set(
          a.organisationId,
          (acc = { accepting: false, waiting: null, confirmedAt: -Infinity, since: Infinity }),
        )
      if (a.since.getTime() < acc.since) acc.since = a.since.getTime()
      for (const report of productReports) {
        if (a.servesGemeente) {
          if ((ACCEPTS_NEW_CLIENTS as readonly string[]).includes(report.accepting)) acc.accepting = true
          if (report.waitingWeeks !== null && (acc.waiting === null || report.waitingWeeks < acc.waiting)) {
            acc.waiting = report.waitingWeeks
          }
        }
        const confirmed = report.confirmedAt.getTime()
        if (confirmed > acc.confirmedAt) acc.confirmedAt = confirmed
      }
    }
  }
  const rows: FigureRow[] = []
  for (const [cellKey, providers] of cells) {
    const [segmentId, gemeenteCode] = cellKey.split('|') as [string, string]
    const waits: number[] = []
    let accepting = 0
    let notConfirmed = 0
    for (const p of providers.values()) {
      if (p.accepting) accepting++
      if (p.waiting !== null) waits.push(p.waiting)
      // Never confirmed: the 30 days run from the admission, as in the reminder job.
      if ((p.confirmedAt === -Infinity ? p.since : p.confirmedAt) < freshFrom) notConfirmed++
    }
    rows.push({
      segmentId,
      gemeenteCode,
      providers: providers.size,
      accepting,
      medianWaitingWeeks: median(waits),
      longestWaitingWeeks: longest(waits),
      notConfirmed,
    })
  }
  return rows
}

/**
 * The moments of the trend: the end of each of the last `months` months (Amsterdam) and today, oldest first.
 * With today = 23 November: 31 May, 30 June, ..., 31 October, 23 November (23:59:59.999).
 */
export function trendMoments(today: Date, months = 6): Date[] {
  const p = amsterdamParts(today)
  const moments: Date[] = []
  for (let i = months; i >= 1; i--) {
    // Month index counted from year 0 so subtraction wraps the year.
    const m = p.year * 12 + (p.month - 1) - i + 1
    const firstOfNext = fromAmsterdamLocal(Math.floor(m / 12), (m % 12) + 1, 1)
    moments.push(new Date(firstOfNext.getTime() - 1))
  }
  moments.push(endOfAmsterdamDay(today))
  return moments
}

// --- CSV -----------------------------------------------------------------------------------------------------------

/**
 * CSV as Dutch Excel opens it by double-click: semicolon-separated (the Dutch list separator, since the comma is
 * the decimal sign), CRLF line ends and a UTF-8 byte order mark so "cliënten" survives. Decimals use a comma.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    if (v === null) return ''
    const s = typeof v === 'number' ? String(v).replace('.', ',') : v
    // A text starting with = + - @ could run as a formula in Excel: prefix an apostrophe (OWASP CSV injection).
    const safe = typeof v === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s
    return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`
}

/** Who may read the capacity dashboard and its exports: region staff (buyers, contract managers, administrators). */
export const CAPACITY_READERS = ['inkoper', 'contractmanager', 'regiobeheerder'] as const
