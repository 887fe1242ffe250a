/**
 * Dates and times for the portal. Every deadline is an instant (a `Date`, stored in UTC) that people read as
 * Europe/Amsterdam wall-clock time. This module is pure: it runs in the browser and on the server and relies only on
 * `Intl.DateTimeFormat` with an explicit time zone, so the machine's own zone never matters.
 *
 * Working-day terms follow the Algemene termijnenwet (Atw); see `publicHolidays` below.
 */

export const TIME_ZONE = 'Europe/Amsterdam'

const MS_PER_DAY = 86_400_000

const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const

const WEEKDAYS_NL = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'] as const

export type AmsterdamParts = {
  year: number
  /** 1-12 */
  month: number
  day: number
  /** 0-23 */
  hour: number
  minute: number
  second: number
  /** 0 = Sunday ... 6 = Saturday, as `Date#getDay` */
  weekday: number
}

// One formatter, reused: constructing Intl formatters is the expensive part. en-US with numeric fields gives parts
// that are plain ASCII digits; month names come from MONTHS_NL so output does not depend on the ICU data shipped.
const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
})

function assertValid(d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError('Invalid date')
}

/** The Amsterdam wall-clock fields of an instant. */
export function amsterdamParts(d: Date): AmsterdamParts {
  assertValid(d)
  const fields: Record<string, number> = {}
  for (const part of partsFormatter.formatToParts(d)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  // Some older engines report midnight as hour 24 despite hourCycle h23.
  const hour = fields.hour === 24 ? 0 : (fields.hour ?? 0)
  const year = fields.year ?? NaN
  const month = fields.month ?? NaN
  const day = fields.day ?? NaN
  return {
    year,
    month,
    day,
    hour,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    weekday: weekdayOf(year, month, day),
  }
}

// --- civil (calendar) date arithmetic, zone-free ---------------------------------------------------------------

/** Date.UTC, but years 0-99 are not mapped to 1900-1999. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hour, minute, second, ms)
  return d.getTime()
}

/** Days since 1970-01-01 for a calendar date. */
function dayNumber(year: number, month: number, day: number): number {
  return Math.round(utcMs(year, month, day) / MS_PER_DAY)
}

function civilFromDayNumber(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * MS_PER_DAY)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(utcMs(year, month, day)).getUTCDay()
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate()
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function isoDateString(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

// --- Amsterdam wall clock <-> instant ----------------------------------------------------------------------------

/** Offset of Amsterdam from UTC at an instant, in ms (+1h in winter, +2h in summer). */
function offsetAt(epochMs: number): number {
  const p = amsterdamParts(new Date(epochMs))
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000)
  return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - wholeSecond
}

/**
 * The instant at which Amsterdam clocks show the given wall-clock time (month 1-12).
 *
 * Across DST changes this behaves like Temporal's "compatible" disambiguation: a time that does not exist (02:30 on
 * the last Sunday of March) moves forward by the gap (03:30 CEST); a time that occurs twice (02:30 on the last
 * Sunday of October) gives the earlier instant (CEST). Throws a RangeError for out-of-range fields.
 */
export function fromAmsterdamLocal(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const ints = [year, month, day, hour, minute, second, millisecond]
  if (
    !ints.every(Number.isInteger) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    millisecond < 0 ||
    millisecond > 999
  ) {
    throw new RangeError(`Invalid Amsterdam local time: ${ints.join(',')}`)
  }
  const wall = utcMs(year, month, day, hour, minute, second, millisecond)
  // The offsets in force a day either side cover both sides of any transition near this wall time.
  const before = offsetAt(wall - MS_PER_DAY)
  const after = offsetAt(wall + MS_PER_DAY)
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((t) => offsetAt(t) === wall - t)
    .sort((a, b) => a - b)
  const first = candidates[0]
  if (first !== undefined) return new Date(first)
  // In the spring-forward gap: read the wall time with the pre-transition offset, which lands after the gap.
  return new Date(wall - before)
}

/** Amsterdam midnight at the start of the calendar day containing `d`. */
export function startOfAmsterdamDay(d: Date): Date {
  const p = amsterdamParts(d)
  return fromAmsterdamLocal(p.year, p.month, p.day)
}

/** The last millisecond (23:59:59.999 Amsterdam) of the calendar day containing `d`. */
export function endOfAmsterdamDay(d: Date): Date {
  const p = amsterdamParts(d)
  return fromAmsterdamLocal(p.year, p.month, p.day, 23, 59, 59, 999)
}

/**
 * `n` Amsterdam calendar days later (or earlier when negative) at the same wall-clock time, so adding 1 day across a
 * DST change gives 23 or 25 hours, as people expect.
 */
export function addDays(d: Date, n: number): Date {
  if (!Number.isInteger(n)) throw new RangeError('addDays needs a whole number of days')
  const p = amsterdamParts(d)
  const target = civilFromDayNumber(dayNumber(p.year, p.month, p.day) + n)
  return fromAmsterdamLocal(
    target.year,
    target.month,
    target.day,
    p.hour,
    p.minute,
    p.second,
    d.getUTCMilliseconds(),
  )
}

/** Amsterdam calendar days from `a` to `b` (negative when `b` is earlier); times of day are ignored. */
export function daysBetween(a: Date, b: Date): number {
  const pa = amsterdamParts(a)
  const pb = amsterdamParts(b)
  return dayNumber(pb.year, pb.month, pb.day) - dayNumber(pa.year, pa.month, pa.day)
}

// --- form values --------------------------------------------------------------------------------------------------

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/

/** Parses "2026-11-23" (an `<input type=date>` value) to Amsterdam midnight of that day; null when invalid. */
export function parseDateOnly(value: string): Date | null {
  const m = DATE_ONLY.exec(value.trim())
  if (!m) return null
  try {
    return fromAmsterdamLocal(Number(m[1]), Number(m[2]), Number(m[3]))
  } catch {
    return null
  }
}

/**
 * Parses "2026-11-23T12:00" (an `<input type=datetime-local>` value, optionally with seconds) as Amsterdam time;
 * null when invalid. A time inside the spring-forward gap moves forward an hour (see `fromAmsterdamLocal`).
 */
export function parseAmsterdamDateTimeLocal(value: string): Date | null {
  const m = DATE_TIME_LOCAL.exec(value.trim())
  if (!m) return null
  try {
    return fromAmsterdamLocal(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
      m[6] ? Number(m[6]) : 0,
      m[7] ? Number(m[7].padEnd(3, '0')) : 0,
    )
  } catch {
    return null
  }
}

/** "2026-11-23" for an `<input type=date>`, the Amsterdam calendar day of `d`. */
export function toDateInputValue(d: Date): string {
  const p = amsterdamParts(d)
  return isoDateString(p.year, p.month, p.day)
}

/** "2026-11-23T12:00" for an `<input type=datetime-local>`, in Amsterdam time (seconds dropped). */
export function toDateTimeLocalValue(d: Date): string {
  const p = amsterdamParts(d)
  return `${isoDateString(p.year, p.month, p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

// --- display --------------------------------------------------------------------------------------------------------

/** "23 november 2026" */
export function formatDate(d: Date): string {
  const p = amsterdamParts(d)
  return `${p.day} ${MONTHS_NL[p.month - 1]} ${p.year}`
}

/** "23 november 2026, 12:00" (24-hour clock) */
export function formatDateTime(d: Date): string {
  return `${formatDate(d)}, ${formatTime(d)}`
}

/** "12:00" */
export function formatTime(d: Date): string {
  const p = amsterdamParts(d)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** "23-11-2026", for tables where the long form does not fit. */
export function formatShortDate(d: Date): string {
  const p = amsterdamParts(d)
  return `${pad(p.day)}-${pad(p.month)}-${p.year}`
}

/** "maandag 23 november 2026", for session dates where the weekday matters. */
export function formatWeekdayDate(d: Date): string {
  const p = amsterdamParts(d)
  return `${WEEKDAYS_NL[p.weekday]} ${formatDate(d)}`
}

// --- public holidays and working days ------------------------------------------------------------------------------

export type PublicHoliday = { /** YYYY-MM-DD */ date: string; name: string }

/** Easter Sunday (Gregorian calendar), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const n = h + l - 7 * m + 114
  return { month: Math.floor(n / 31), day: (n % 31) + 1 }
}

const holidayCache = new Map<number, PublicHoliday[]>()

/**
 * The algemeen erkende feestdagen of the Algemene termijnenwet art. 3 (with Goede Vrijdag, art. 3(2)), sorted by
 * date. 5 mei counts every year and Goede Vrijdag counts, unlike in most holiday libraries and many CAOs. Eerste
 * Paas- and Pinksterdag are Sundays and so never working days anyway. Koningsdag is 27 April, or Saturday 26 April
 * when the 27th is a Sunday: that rule holds from 2014, so the list is meant for 2014 onwards. Holidays that fall on a
 * weekend are still listed; when Hemelvaartsdag falls on 5 May both entries appear.
 */
export function publicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError('publicHolidays needs a whole year')
  const cached = holidayCache.get(year)
  if (cached) return cached.map((h) => ({ ...h }))
  const easter = easterSunday(year)
  const easterDay = dayNumber(year, easter.month, easter.day)
  const relative = (offset: number): string => {
    const c = civilFromDayNumber(easterDay + offset)
    return isoDateString(c.year, c.month, c.day)
  }
  const kingsDay = weekdayOf(year, 4, 27) === 0 ? 26 : 27
  const list: PublicHoliday[] = [
    { date: isoDateString(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: relative(-2), name: 'Goede Vrijdag' },
    { date: relative(1), name: 'Tweede Paasdag' },
    { date: isoDateString(year, 4, kingsDay), name: 'Koningsdag' },
    { date: isoDateString(year, 5, 5), name: 'Bevrijdingsdag' },
    { date: relative(39), name: 'Hemelvaartsdag' },
    { date: relative(50), name: 'Tweede Pinksterdag' },
    { date: isoDateString(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: isoDateString(year, 12, 26), name: 'Tweede Kerstdag' },
  ]
  // Stable sort keeps the listed order for equal dates.
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
  holidayCache.set(year, list)
  return list.map((h) => ({ ...h }))
}

/** A calendar day: the Amsterdam day of a `Date`, or a "YYYY-MM-DD" string taken as is. */
export type CalendarDay = Date | string

function civilOf(day: CalendarDay): { year: number; month: number; day: number } {
  if (typeof day === 'string') {
    const m = DATE_ONLY.exec(day)
    const year = Number(m?.[1])
    const month = Number(m?.[2])
    const d = Number(m?.[3])
    if (!m || month < 1 || month > 12 || d < 1 || d > daysInMonth(year, month)) {
      throw new RangeError(`Invalid date string: ${day}`)
    }
    return { year, month, day: d }
  }
  const p = amsterdamParts(day)
  return { year: p.year, month: p.month, day: p.day }
}

/** The name of the Atw feestdag on this day (the first, if two coincide), or null. */
export function publicHolidayName(day: CalendarDay): string | null {
  const c = civilOf(day)
  const iso = isoDateString(c.year, c.month, c.day)
  return publicHolidays(c.year).find((h) => h.date === iso)?.name ?? null
}

function isWorkingCivil(year: number, month: number, day: number): boolean {
  const weekday = weekdayOf(year, month, day)
  if (weekday === 0 || weekday === 6) return false
  const iso = isoDateString(year, month, day)
  return !publicHolidays(year).some((h) => h.date === iso)
}

/** Monday to Friday and not an Atw feestdag (Amsterdam calendar day of a `Date`). */
export function isWorkingDay(day: CalendarDay): boolean {
  const c = civilOf(day)
  return isWorkingCivil(c.year, c.month, c.day)
}

/**
 * The `n`-th working day after the Amsterdam calendar day of `start` (the start day itself never counts, as a term
 * runs from the day after the event), at the same wall-clock time as `start`. Negative `n` counts back; `n = 0`
 * returns `start` unchanged. Use `workingDayDeadline` when the due moment is the end of that day.
 */
export function addWorkingDays(start: Date, n: number): Date {
  if (!Number.isInteger(n)) throw new RangeError('addWorkingDays needs a whole number of days')
  const p = amsterdamParts(start)
  const step = n < 0 ? -1 : 1
  let dn = dayNumber(p.year, p.month, p.day)
  let offset = 0
  for (let remaining = Math.abs(n); remaining > 0;) {
    dn += step
    offset += step
    const c = civilFromDayNumber(dn)
    if (isWorkingCivil(c.year, c.month, c.day)) remaining--
  }
  return addDays(start, offset)
}

/**
 * Due instant of a decision term of `n` working days counted from `start`: the END (23:59:59.999 Amsterdam) of the
 * n-th working day after the start's calendar day. With `n = 0` it is the end of the start day, or of the next
 * working day when the start day is none.
 */
export function workingDayDeadline(start: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError('workingDayDeadline needs a whole number of days >= 0')
  const day = n === 0 ? nextWorkingDayOnOrAfter(start) : addWorkingDays(start, n)
  return endOfAmsterdamDay(day)
}

/**
 * `date` itself when its Amsterdam day is a working day, otherwise the same wall-clock time on the next working day
 * (Atw art. 1: a term ending on a Saturday, Sunday or feestdag runs on to the next working day).
 */
export function nextWorkingDayOnOrAfter(date: Date): Date {
  const p = amsterdamParts(date)
  let dn = dayNumber(p.year, p.month, p.day)
  let offset = 0
  for (;;) {
    const c = civilFromDayNumber(dn)
    if (isWorkingCivil(c.year, c.month, c.day))
      return offset === 0 ? new Date(date.getTime()) : addDays(date, offset)
    dn++
    offset++
  }
}
