/**
 * Pure rules of contract obligations: when an obligation is due, and what its status means to a reader.
 * No Node APIs: used by the server (generation, reminders) and by screens (labels).
 *
 * Every due date is a calendar day in Europe/Amsterdam, stored as Amsterdam midnight of that day. A due date that
 * falls on a Saturday, Sunday or public holiday moves to the next working day (Algemene termijnenwet).
 *
 * What `dueDay` means per recurrence (decided here, shown on the template form):
 * - maandelijks: the day of the month (1-31; a month without that day uses its last day).
 * - per_kwartaal: the day of the quarter, counted from its first day (1 = 1 januari, 1 april, 1 juli, 1 oktober).
 *   A report on the past quarter due 30 days into the next one is "per kwartaal, dag 30".
 * - jaarlijks: the day of the calendar year (1 = 1 januari, 60 = 1 maart in a normal year; capped at the last day).
 * - na_start: `dueDay` days after the contract start (one obligation).
 * - voor_einde: `dueDay` days before the contract end (one obligation; the hand-over plan).
 * - eenmalig: `dueDay` days after the provider's admission (or the contract start when it was admitted earlier):
 *   one obligation per provider, also for providers that join an open-house perceel later.
 * Periodic obligations belong to the term when their (unmoved) due day lies within it, start and end inclusive.
 */
import {
  addDays,
  amsterdamParts,
  daysBetween,
  fromAmsterdamLocal,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  startOfAmsterdamDay,
} from '~/utils/time'

export const RECURRENCES = [
  'eenmalig',
  'maandelijks',
  'per_kwartaal',
  'jaarlijks',
  'na_start',
  'voor_einde',
] as const
export type Recurrence = (typeof RECURRENCES)[number]

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  eenmalig: 'Eenmalig, na toetreding',
  maandelijks: 'Elke maand',
  per_kwartaal: 'Elk kwartaal',
  jaarlijks: 'Elk jaar',
  na_start: 'Eenmalig, na de start van het contract',
  voor_einde: 'Eenmalig, voor het einde van het contract',
}

/** Plain-language meaning of the due day, per recurrence. */
export function dueDayLabel(recurrence: Recurrence, dueDay: number): string {
  switch (recurrence) {
    case 'maandelijks':
      return `dag ${dueDay} van elke maand`
    case 'per_kwartaal':
      return `dag ${dueDay} van elk kwartaal`
    case 'jaarlijks':
      return `dag ${dueDay} van elk jaar`
    case 'na_start':
      return `${dueDay} dagen na de start van het contract`
    case 'voor_einde':
      return `${dueDay} dagen voor het einde van het contract`
    case 'eenmalig':
      return `${dueDay} dagen na toetreding`
  }
}

export const DUE_DAY_MAX: Record<Recurrence, number> = {
  maandelijks: 31,
  per_kwartaal: 92,
  jaarlijks: 366,
  na_start: 3650,
  voor_einde: 3650,
  eenmalig: 3650,
}

export const OBLIGATION_KINDS = [
  'rapportage',
  'gegevenslevering',
  'overleg',
  'capaciteit',
  'bewijsstukken',
  'overdrachtsplan',
  'overig',
] as const
export type ObligationKind = (typeof OBLIGATION_KINDS)[number]

export const KIND_LABELS: Record<ObligationKind, string> = {
  rapportage: 'Rapportage (document uploaden)',
  gegevenslevering: 'Gegevenslevering',
  overleg: 'Overleg (zoals het kwartaalgesprek)',
  capaciteit: 'Capaciteit actueel houden',
  bewijsstukken: 'Bewijsstukken geldig houden',
  overdrachtsplan: 'Overdrachtsplan (warme overdracht)',
  overig: 'Overig',
}

export type Term = { start: Date; end: Date }
export type Rule = { recurrence: Recurrence; dueDay: number }

function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** Amsterdam midnight of the `dueDay`-th day of a period that starts on (year, month, 1) and lasts `months`. */
function dayOfPeriod(year: number, month: number, months: number, dueDay: number): Date {
  const first = fromAmsterdamLocal(year, month, 1)
  const next = addMonths(year, month, months)
  const length = daysBetween(first, fromAmsterdamLocal(next.year, next.month, 1))
  return addDays(first, Math.min(Math.max(dueDay, 1), length) - 1)
}

/** One due date and the period it is for (see `periodOf`). */
export type Due = { due: Date; period: number }

const PERIOD_MONTHS = { maandelijks: 1, per_kwartaal: 3, jaarlijks: 12 } as const

/**
 * Which period a raw (unmoved) due day belongs to: for a periodic rule the month, quarter or year counted from year 0,
 * so the same quarter has the same number whatever the due day or the term; a one-off rule has one period, 0.
 * Obligations are matched by period, not by date: a changed due day moves the obligation within its period.
 */
export function periodOf(recurrence: Recurrence, rawDay: Date): number {
  if (!(recurrence in PERIOD_MONTHS)) return 0
  const p = amsterdamParts(rawDay)
  return Math.floor((p.year * 12 + p.month - 1) / PERIOD_MONTHS[recurrence as keyof typeof PERIOD_MONTHS])
}

/**
 * The periods a stored due date can be for, most likely first. The date was moved forward over non-working days only,
 * so its raw day is the date itself or one of the non-working days right before it: e.g. 2 January 2024 is January's
 * (day 1, moved past Nieuwjaarsdag) or December's (day 31 of a December ending on a Sunday).
 */
export function periodCandidates(recurrence: Recurrence, dueDate: Date): number[] {
  const periods = [periodOf(recurrence, dueDate)]
  for (let d = addDays(dueDate, -1); !isWorkingDay(d); d = addDays(d, -1)) {
    const p = periodOf(recurrence, d)
    if (!periods.includes(p)) periods.push(p)
  }
  return periods
}

/**
 * The due dates of one rule within a contract term, in order, each moved to the next working day, with the period
 * each is for. `admittedOn` anchors `eenmalig` (days after admission); it defaults to the contract start.
 */
export function dueSchedule(rule: Rule, term: Term, admittedOn?: Date): Due[] {
  const start = startOfAmsterdamDay(term.start)
  const end = startOfAmsterdamDay(term.end)
  if (end < start || !Number.isInteger(rule.dueDay) || rule.dueDay < 0) return []
  const raw: Date[] = []
  switch (rule.recurrence) {
    case 'maandelijks':
    case 'per_kwartaal':
    case 'jaarlijks': {
      const size = PERIOD_MONTHS[rule.recurrence]
      const s = amsterdamParts(start)
      // The first month of the period containing the start.
      let period = { year: s.year, month: s.month - ((s.month - 1) % size) }
      for (;;) {
        const due = dayOfPeriod(period.year, period.month, size, rule.dueDay)
        const periodStart = fromAmsterdamLocal(period.year, period.month, 1)
        if (periodStart > end) break
        if (due >= start && due <= end) raw.push(due)
        period = addMonths(period.year, period.month, size)
      }
      break
    }
    case 'na_start': {
      const due = addDays(start, rule.dueDay)
      if (due <= end) raw.push(due)
      break
    }
    case 'voor_einde': {
      const due = addDays(end, -rule.dueDay)
      if (due >= start) raw.push(due)
      break
    }
    case 'eenmalig': {
      const anchor = admittedOn ? startOfAmsterdamDay(admittedOn) : start
      const due = addDays(anchor < start ? start : anchor, rule.dueDay)
      if (due <= end) raw.push(due)
      break
    }
  }
  const moved = raw.map((d) => ({ due: nextWorkingDayOnOrAfter(d), period: periodOf(rule.recurrence, d) }))
  // Two raw days can move onto the same working day (e.g. a monthly day 31 after a short month): keep one.
  return moved.filter((d, i) => i === 0 || d.due.getTime() !== moved[i - 1]!.due.getTime())
}

/** The due dates of one rule within a contract term (see `dueSchedule`). */
export function dueDates(rule: Rule, term: Term, admittedOn?: Date): Date[] {
  return dueSchedule(rule, term, admittedOn).map((d) => d.due)
}

// --- status ----------------------------------------------------------------------------------------------------------

export const OBLIGATION_STATUSES = [
  'open',
  'ingediend',
  'geaccepteerd',
  'correctie_gevraagd',
  'niet_van_toepassing',
] as const
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number]

/** What a reader sees: the stored status, or "te laat" when an open obligation is past its due day. */
export type DisplayStatus = ObligationStatus | 'te_laat'

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  open: 'Open',
  ingediend: 'Ingediend',
  geaccepteerd: 'Geaccepteerd',
  correctie_gevraagd: 'Correctie gevraagd',
  te_laat: 'Te laat',
  niet_van_toepassing: 'Niet van toepassing',
}

/** Open or sent back for correction: the provider still has to act. */
export function awaitsProvider(status: string): boolean {
  return status === 'open' || status === 'correctie_gevraagd'
}

/** Late: the provider still has to act and the due day (Amsterdam) has passed. The due day itself is on time. */
export function isLate(status: string, dueDate: Date, at: Date): boolean {
  return awaitsProvider(status) && daysBetween(dueDate, at) > 0
}

export function displayStatus(status: string, dueDate: Date, at: Date): DisplayStatus {
  if (isLate(status, dueDate, at)) return 'te_laat'
  return (OBLIGATION_STATUSES as readonly string[]).includes(status) ? (status as ObligationStatus) : 'open'
}

/** Which transitions a person may make. The provider submits; the buyer reviews. */
export const TRANSITIONS: Record<ObligationStatus, ObligationStatus[]> = {
  open: ['ingediend', 'niet_van_toepassing'],
  correctie_gevraagd: ['ingediend', 'niet_van_toepassing'],
  ingediend: ['geaccepteerd', 'correctie_gevraagd'],
  geaccepteerd: [],
  niet_van_toepassing: [],
}

export function canTransition(from: string, to: ObligationStatus): boolean {
  return (TRANSITIONS[from as ObligationStatus] ?? []).includes(to)
}

// --- reminders ---------------------------------------------------------------------------------------------------------

export type ReminderMark = '14' | '3' | 'te-laat'

/**
 * Which reminder is due for an obligation today: "14" from 14 down to 4 days before the due day, "3" from 3 days
 * before up to the due day itself, "te-laat" in the first week after it became late. The caller sends each mark at
 * most once (dedupe key), so a job that skips a day still sends the reminder the next day, and a job that runs twice
 * sends nothing extra.
 */
export function reminderMark(status: string, dueDate: Date, at: Date): ReminderMark | null {
  if (!awaitsProvider(status)) return null
  const days = daysBetween(at, dueDate)
  if (days > 14) return null
  if (days > 3) return '14'
  if (days >= 0) return '3'
  if (days >= -7) return 'te-laat'
  return null
}
