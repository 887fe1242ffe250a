import { afterEach, describe, expect, it } from 'vitest'
import { now, setClockForTests } from './clock'
import {
  TIME_ZONE,
  addDays,
  addWorkingDays,
  amsterdamParts,
  daysBetween,
  easterSunday,
  endOfAmsterdamDay,
  formatDate,
  formatDateTime,
  formatShortDate,
  formatTime,
  formatWeekdayDate,
  fromAmsterdamLocal,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  parseAmsterdamDateTimeLocal,
  parseDateOnly,
  publicHolidayName,
  publicHolidays,
  startOfAmsterdamDay,
  toDateInputValue,
  toDateTimeLocalValue,
  workingDayDeadline,
} from './time'

const utc = (iso: string) => new Date(iso)
const ams = (y: number, mo: number, d: number, h = 0, mi = 0) => fromAmsterdamLocal(y, mo, d, h, mi)

describe('wall clock <-> instant', () => {
  it('uses Europe/Amsterdam', () => {
    expect(TIME_ZONE).toBe('Europe/Amsterdam')
  })

  it('converts winter and summer times', () => {
    expect(ams(2026, 11, 23, 12, 0).toISOString()).toBe('2026-11-23T11:00:00.000Z')
    expect(ams(2026, 7, 1, 12, 0).toISOString()).toBe('2026-07-01T10:00:00.000Z')
    expect(ams(2026, 1, 1).toISOString()).toBe('2025-12-31T23:00:00.000Z')
  })

  it('reads the Amsterdam fields of an instant', () => {
    expect(amsterdamParts(utc('2026-07-01T22:30:00Z'))).toEqual({
      year: 2026,
      month: 7,
      day: 2,
      hour: 0,
      minute: 30,
      second: 0,
      weekday: 4,
    })
    expect(amsterdamParts(utc('2025-12-31T23:00:00Z'))).toMatchObject({
      year: 2026,
      month: 1,
      day: 1,
      hour: 0,
    })
  })

  it('handles the spring-forward change (last Sunday of March)', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
    expect(ams(2026, 3, 29, 1, 59).toISOString()).toBe('2026-03-29T00:59:00.000Z')
    expect(ams(2026, 3, 29, 3, 0).toISOString()).toBe('2026-03-29T01:00:00.000Z')
    // 02:30 does not exist: it moves forward by the gap, to 03:30 CEST.
    const gap = ams(2026, 3, 29, 2, 30)
    expect(gap.toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(formatTime(gap)).toBe('03:30')
    // 30 March 2025 too.
    expect(ams(2025, 3, 30, 12, 0).toISOString()).toBe('2025-03-30T10:00:00.000Z')
    expect(ams(2025, 3, 30, 1, 0).toISOString()).toBe('2025-03-30T00:00:00.000Z')
  })

  it('handles the fall-back change (last Sunday of October)', () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:00-02:59 happens twice.
    expect(ams(2026, 10, 25, 1, 59).toISOString()).toBe('2026-10-24T23:59:00.000Z')
    expect(ams(2026, 10, 25, 2, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z') // the earlier one
    expect(ams(2026, 10, 25, 3, 0).toISOString()).toBe('2026-10-25T02:00:00.000Z')
    expect(amsterdamParts(utc('2026-10-25T01:30:00Z'))).toMatchObject({ hour: 2, minute: 30 }) // the later one
    expect(ams(2027, 10, 31, 12, 0).toISOString()).toBe('2027-10-31T11:00:00.000Z')
  })

  it('rejects impossible fields', () => {
    expect(() => fromAmsterdamLocal(2026, 2, 29)).toThrow(RangeError)
    expect(() => fromAmsterdamLocal(2026, 13, 1)).toThrow(RangeError)
    expect(() => fromAmsterdamLocal(2026, 1, 1, 24)).toThrow(RangeError)
    expect(fromAmsterdamLocal(2028, 2, 29).toISOString()).toBe('2028-02-28T23:00:00.000Z')
  })
})

describe('day arithmetic', () => {
  it('finds the start and end of the Amsterdam day', () => {
    // 23:30 UTC on 23 November is already 24 November in Amsterdam.
    const late = utc('2026-11-23T23:30:00Z')
    expect(startOfAmsterdamDay(late).toISOString()).toBe('2026-11-23T23:00:00.000Z')
    expect(endOfAmsterdamDay(late).toISOString()).toBe('2026-11-24T22:59:59.999Z')
    // The spring-forward day has 23 hours; the fall-back day 25.
    expect(
      endOfAmsterdamDay(ams(2026, 3, 29)).getTime() + 1 - startOfAmsterdamDay(ams(2026, 3, 29, 12)).getTime(),
    ).toBe(23 * 3600_000)
    expect(
      endOfAmsterdamDay(ams(2026, 10, 25)).getTime() + 1 - startOfAmsterdamDay(ams(2026, 10, 25)).getTime(),
    ).toBe(25 * 3600_000)
  })

  it('adds calendar days keeping the wall-clock time across DST', () => {
    const sat = ams(2026, 3, 28, 12, 0)
    const sun = addDays(sat, 1)
    expect(toDateTimeLocalValue(sun)).toBe('2026-03-29T12:00')
    expect(sun.getTime() - sat.getTime()).toBe(23 * 3600_000)
    expect(toDateTimeLocalValue(addDays(ams(2026, 10, 24, 9, 15), 1))).toBe('2026-10-25T09:15')
    expect(toDateTimeLocalValue(addDays(ams(2026, 12, 31, 23, 59), 1))).toBe('2027-01-01T23:59')
    expect(toDateTimeLocalValue(addDays(ams(2026, 3, 1, 8, 0), -1))).toBe('2026-02-28T08:00')
    expect(addDays(utc('2026-11-23T11:00:00.123Z'), 7).toISOString()).toBe('2026-11-30T11:00:00.123Z')
  })

  it('counts Amsterdam calendar days between instants', () => {
    expect(daysBetween(ams(2026, 3, 28, 23, 30), ams(2026, 3, 29, 0, 30))).toBe(1)
    expect(daysBetween(ams(2026, 3, 29, 0, 30), ams(2026, 3, 28, 23, 30))).toBe(-1)
    expect(daysBetween(ams(2026, 11, 23, 0, 0), ams(2026, 11, 23, 23, 59))).toBe(0)
    // UTC says the same day, Amsterdam says the next.
    expect(daysBetween(utc('2026-11-23T12:00:00Z'), utc('2026-11-23T23:30:00Z'))).toBe(1)
    expect(daysBetween(ams(2025, 1, 1), ams(2026, 1, 1))).toBe(365)
    expect(daysBetween(ams(2028, 1, 1), ams(2029, 1, 1))).toBe(366)
    expect(daysBetween(ams(2026, 3, 1), ams(2026, 11, 1))).toBe(245)
  })
})

describe('form values', () => {
  it('parses and writes <input type=datetime-local> values as Amsterdam time', () => {
    const d = parseAmsterdamDateTimeLocal('2026-11-23T12:00')
    expect(d?.toISOString()).toBe('2026-11-23T11:00:00.000Z')
    expect(parseAmsterdamDateTimeLocal('2026-07-01T09:30:15')?.toISOString()).toBe('2026-07-01T07:30:15.000Z')
    expect(toDateTimeLocalValue(utc('2026-07-01T07:30:15Z'))).toBe('2026-07-01T09:30')
    expect(toDateTimeLocalValue(d!)).toBe('2026-11-23T12:00')
    for (const bad of [
      '',
      '2026-11-23',
      '2026-11-23T25:00',
      '2026-02-30T12:00',
      '23-11-2026 12:00',
      'morgen',
    ]) {
      expect(parseAmsterdamDateTimeLocal(bad)).toBeNull()
    }
  })

  it('parses and writes <input type=date> values as Amsterdam midnight', () => {
    expect(parseDateOnly('2026-11-23')?.toISOString()).toBe('2026-11-22T23:00:00.000Z')
    expect(parseDateOnly('2026-07-01')?.toISOString()).toBe('2026-06-30T22:00:00.000Z')
    expect(parseDateOnly('2026-02-29')).toBeNull()
    expect(parseDateOnly('23-11-2026')).toBeNull()
    expect(toDateInputValue(utc('2026-11-23T23:30:00Z'))).toBe('2026-11-24')
    expect(toDateInputValue(parseDateOnly('2027-03-28')!)).toBe('2027-03-28')
  })
})

describe('display', () => {
  it('formats the Dutch way', () => {
    const d = ams(2026, 11, 23, 12, 0)
    expect(formatDate(d)).toBe('23 november 2026')
    expect(formatDateTime(d)).toBe('23 november 2026, 12:00')
    expect(formatDateTime(utc('2026-11-23T11:00:00Z'))).toBe('23 november 2026, 12:00')
    expect(formatShortDate(d)).toBe('23-11-2026')
    expect(formatWeekdayDate(d)).toBe('maandag 23 november 2026')
    expect(formatDateTime(utc('2026-07-01T22:05:00Z'))).toBe('2 juli 2026, 00:05')
    expect(formatDateTime(ams(2027, 3, 1, 9, 5))).toBe('1 maart 2027, 09:05')
    expect(formatShortDate(ams(2027, 3, 1))).toBe('01-03-2027')
  })

  it('uses all Dutch month names', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDate(ams(2026, i + 1, 15)).split(' ')[1])
    expect(months).toEqual([
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
    ])
  })

  it('rejects an invalid date instead of printing nonsense', () => {
    expect(() => formatDate(new Date('nonsense'))).toThrow(RangeError)
  })
})

describe('public holidays (Algemene termijnenwet)', () => {
  it('computes Easter', () => {
    const cases: [number, number, number][] = [
      [2008, 3, 23],
      [2016, 3, 27],
      [2019, 4, 21],
      [2024, 3, 31],
      [2025, 4, 20],
      [2026, 4, 5],
      [2027, 3, 28],
      [2038, 4, 25], // latest possible date
      [2285, 3, 22], // earliest possible date
    ]
    for (const [year, month, day] of cases) expect(easterSunday(year)).toEqual({ month, day })
  })

  // The dates listed in /work/shared/reference/identifiers.md, section 11.3.
  it('lists 2025', () => {
    expect(publicHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Nieuwjaarsdag' },
      { date: '2025-04-18', name: 'Goede Vrijdag' },
      { date: '2025-04-21', name: 'Tweede Paasdag' },
      { date: '2025-04-26', name: 'Koningsdag' }, // 27 April 2025 is a Sunday
      { date: '2025-05-05', name: 'Bevrijdingsdag' },
      { date: '2025-05-29', name: 'Hemelvaartsdag' },
      { date: '2025-06-09', name: 'Tweede Pinksterdag' },
      { date: '2025-12-25', name: 'Eerste Kerstdag' },
      { date: '2025-12-26', name: 'Tweede Kerstdag' },
    ])
  })

  it('lists 2026', () => {
    expect(publicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ])
  })

  it('lists 2027', () => {
    expect(publicHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-04-27',
      '2027-05-05',
      '2027-05-06',
      '2027-05-17',
      '2027-12-25',
      '2027-12-26',
    ])
  })

  it('moves Koningsdag to Saturday 26 April only when the 27th is a Sunday', () => {
    const kingsDay = (y: number) => publicHolidays(y).find((h) => h.name === 'Koningsdag')?.date
    expect(kingsDay(2024)).toBe('2024-04-27') // a Saturday: stays
    expect(kingsDay(2031)).toBe('2031-04-26')
    expect(kingsDay(2036)).toBe('2036-04-26')
    expect(kingsDay(2030)).toBe('2030-04-27')
  })

  it('keeps both names when Hemelvaartsdag falls on 5 May', () => {
    const may5 = publicHolidays(2016).filter((h) => h.date === '2016-05-05')
    expect(may5.map((h) => h.name)).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag'])
    expect(publicHolidayName('2016-05-05')).toBe('Bevrijdingsdag')
  })

  it('returns a fresh list each time', () => {
    publicHolidays(2026)[0]!.name = 'changed'
    expect(publicHolidays(2026)[0]!.name).toBe('Nieuwjaarsdag')
  })

  it('names the holiday of a day', () => {
    expect(publicHolidayName(ams(2026, 4, 3, 15))).toBe('Goede Vrijdag')
    expect(publicHolidayName('2027-05-05')).toBe('Bevrijdingsdag')
    expect(publicHolidayName('2026-11-23')).toBeNull()
  })
})

describe('working days', () => {
  it('excludes weekends and every Atw holiday, including Goede Vrijdag and 5 May', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true) // Monday
    expect(isWorkingDay('2026-11-21')).toBe(false) // Saturday
    expect(isWorkingDay('2026-11-22')).toBe(false) // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false) // Goede Vrijdag
    expect(isWorkingDay('2026-05-05')).toBe(false) // Bevrijdingsdag, not a lustrum year
    expect(isWorkingDay('2027-05-05')).toBe(false)
    expect(isWorkingDay('2025-05-05')).toBe(false)
    expect(isWorkingDay('2027-05-06')).toBe(false) // Hemelvaartsdag
    expect(isWorkingDay('2027-05-07')).toBe(true)
    expect(isWorkingDay(ams(2026, 4, 27, 10))).toBe(false) // Koningsdag
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError)
  })

  it('uses the Amsterdam day of an instant', () => {
    // Friday 23:30 UTC is Saturday 00:30 in Amsterdam; Friday 22:30 UTC is still Friday.
    expect(isWorkingDay(utc('2026-11-20T23:30:00Z'))).toBe(false)
    expect(isWorkingDay(utc('2026-11-20T22:30:00Z'))).toBe(true)
  })

  it('counts the working days of several years', () => {
    const count = (year: number) => {
      let n = 0
      for (let d = ams(year, 1, 1, 12); d.getTime() < ams(year + 1, 1, 1).getTime(); d = addDays(d, 1)) {
        if (isWorkingDay(d)) n++
      }
      return n
    }
    // Cross-checked with an independent implementation (python-dateutil's Easter).
    expect(count(2025)).toBe(253)
    expect(count(2026)).toBe(253)
    expect(count(2027)).toBe(254)
    expect(count(2028)).toBe(252)
  })

  it('adds working days across weekends', () => {
    expect(toDateTimeLocalValue(addWorkingDays(ams(2026, 11, 20, 9, 0), 1))).toBe('2026-11-23T09:00') // Fri -> Mon
    expect(toDateTimeLocalValue(addWorkingDays(ams(2026, 11, 21, 9, 0), 1))).toBe('2026-11-23T09:00') // Sat -> Mon
    expect(toDateTimeLocalValue(addWorkingDays(ams(2026, 11, 23, 9, 0), 5))).toBe('2026-11-30T09:00')
    expect(addWorkingDays(ams(2026, 11, 21, 9, 0), 0).toISOString()).toBe(
      ams(2026, 11, 21, 9, 0).toISOString(),
    )
  })

  it('adds working days across Easter', () => {
    // Thursday 2 April 2026 -> Goede Vrijdag, weekend, Tweede Paasdag -> Tuesday 7 April.
    expect(toDateInputValue(addWorkingDays(ams(2026, 4, 2, 12), 1))).toBe('2026-04-07')
    // 2027: Easter in March; Thursday 25 March + 2 -> 30 (Tue) then 31 (Wed).
    expect(toDateInputValue(addWorkingDays(ams(2027, 3, 25, 12), 2))).toBe('2027-03-31')
    // Counting back over Easter.
    expect(toDateInputValue(addWorkingDays(ams(2026, 4, 7, 12), -1))).toBe('2026-04-02')
  })

  it('adds working days across Koningsdag, 5 May and Hemelvaartsdag', () => {
    // Friday 24 April 2026: 27 (Koningsdag) skipped, 28, 29, 30, 1 May, 4 May = 5th; 5 May skipped.
    expect(toDateInputValue(addWorkingDays(ams(2026, 4, 24, 12), 5))).toBe('2026-05-04')
    expect(toDateInputValue(addWorkingDays(ams(2026, 4, 24, 12), 6))).toBe('2026-05-06')
    // 2027: 5 May (Wed) and Hemelvaart (Thu 6 May) back to back.
    expect(toDateInputValue(addWorkingDays(ams(2027, 5, 4, 12), 1))).toBe('2027-05-07')
  })

  it('adds working days across Christmas and the new year', () => {
    // 2026: Thursday 24 Dec -> Fri 25 and Sat 26 are holidays -> Monday 28.
    expect(toDateInputValue(addWorkingDays(ams(2026, 12, 24, 12), 1))).toBe('2026-12-28')
    // 2027: 25/26 December fall on the weekend.
    expect(toDateInputValue(addWorkingDays(ams(2027, 12, 24, 12), 1))).toBe('2027-12-27')
    // 2025: Wed 24 Dec + 3 -> 29, 30, 31 December.
    expect(toDateInputValue(addWorkingDays(ams(2025, 12, 24, 12), 3))).toBe('2025-12-31')
    // ... + 4 skips Nieuwjaarsdag 2026 (Thursday) -> Friday 2 January.
    expect(toDateInputValue(addWorkingDays(ams(2025, 12, 24, 12), 4))).toBe('2026-01-02')
  })

  it('gives decision deadlines at the end of the n-th working day', () => {
    // Monday 23 Nov 2026 12:00 + 10 working days = Monday 7 December, 23:59:59.999 Amsterdam.
    const due = workingDayDeadline(ams(2026, 11, 23, 12), 10)
    expect(due.toISOString()).toBe('2026-12-07T22:59:59.999Z')
    expect(formatDateTime(due)).toBe('7 december 2026, 23:59')
    // In summer time the end of the day is 21:59:59.999 UTC.
    expect(workingDayDeadline(ams(2026, 7, 1, 8), 1).toISOString()).toBe('2026-07-02T21:59:59.999Z')
    // Over Easter 2026.
    expect(workingDayDeadline(ams(2026, 4, 2, 16), 1).toISOString()).toBe('2026-04-07T21:59:59.999Z')
    // n = 0: the end of today, or of the next working day.
    expect(workingDayDeadline(ams(2026, 11, 23, 12), 0).toISOString()).toBe('2026-11-23T22:59:59.999Z')
    expect(workingDayDeadline(ams(2026, 11, 21, 12), 0).toISOString()).toBe('2026-11-23T22:59:59.999Z')
    expect(() => workingDayDeadline(ams(2026, 11, 23), -1)).toThrow(RangeError)
    expect(() => workingDayDeadline(ams(2026, 11, 23), 1.5)).toThrow(RangeError)
  })

  it('moves a due date on a weekend or holiday to the next working day', () => {
    const workday = ams(2026, 11, 23, 12)
    expect(nextWorkingDayOnOrAfter(workday).toISOString()).toBe(workday.toISOString())
    expect(toDateTimeLocalValue(nextWorkingDayOnOrAfter(ams(2027, 12, 25, 12)))).toBe('2027-12-27T12:00')
    expect(toDateTimeLocalValue(nextWorkingDayOnOrAfter(ams(2025, 4, 26, 17)))).toBe('2025-04-28T17:00') // Koningsdag (Sat)
    expect(toDateTimeLocalValue(nextWorkingDayOnOrAfter(ams(2026, 4, 3, 17)))).toBe('2026-04-07T17:00') // Goede Vrijdag
    // Across the fall-back change: Saturday 24 Oct 2026 12:00 -> Monday 26 Oct 12:00 (CET).
    expect(nextWorkingDayOnOrAfter(ams(2026, 10, 24, 12)).toISOString()).toBe('2026-10-26T11:00:00.000Z')
  })
})

describe('clock', () => {
  afterEach(() => setClockForTests(null))

  it('returns the real time unless fixed', () => {
    const before = Date.now()
    const t = now().getTime()
    expect(t).toBeGreaterThanOrEqual(before)
    expect(t).toBeLessThanOrEqual(Date.now())
  })

  it('can be fixed by tests and cannot be moved by callers', () => {
    const fixed = ams(2026, 11, 23, 12)
    setClockForTests(fixed)
    fixed.setTime(0) // mutating the argument after the call does nothing
    expect(now().toISOString()).toBe('2026-11-23T11:00:00.000Z')
    now().setTime(0)
    expect(now().toISOString()).toBe('2026-11-23T11:00:00.000Z')
    setClockForTests(null)
    expect(now().getFullYear()).toBeGreaterThan(2000)
  })
})
