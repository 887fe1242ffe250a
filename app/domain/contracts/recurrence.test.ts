import { describe, expect, it } from 'vitest'
import { fromAmsterdamLocal, toDateInputValue } from '~/utils/time'
import {
  displayStatus,
  dueDates,
  dueSchedule,
  isLate,
  periodCandidates,
  periodOf,
  reminderMark,
  canTransition,
  type Rule,
} from './recurrence'

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number)
  return fromAmsterdamLocal(y!, m!, d!)
}
const term = (start: string, end: string) => ({ start: day(start), end: day(end) })
const iso = (dates: Date[]) => dates.map(toDateInputValue)
const rule = (recurrence: Rule['recurrence'], dueDay: number): Rule => ({ recurrence, dueDay })

describe('dueDates: per kwartaal', () => {
  it('gives four dates a year over a three-year term, moved past weekends', () => {
    const dates = iso(dueDates(rule('per_kwartaal', 30), term('2023-01-01', '2025-12-31')))
    expect(dates).toEqual([
      '2023-01-30',
      '2023-05-01', // 30 April 2023 is a Sunday
      '2023-07-31', // 30 July 2023 is a Sunday
      '2023-10-30',
      '2024-01-30',
      '2024-04-30',
      '2024-07-30',
      '2024-10-30',
      '2025-01-30',
      '2025-04-30',
      '2025-07-30',
      '2025-10-30',
    ])
  })

  it('moves past New Year and Easter Monday (day 1 in 2024)', () => {
    expect(iso(dueDates(rule('per_kwartaal', 1), term('2024-01-01', '2024-12-31')))).toEqual([
      '2024-01-02', // Nieuwjaarsdag
      '2024-04-02', // Tweede Paasdag
      '2024-07-01',
      '2024-10-01',
    ])
  })

  it('skips a due day before the start or after the end of the term', () => {
    expect(iso(dueDates(rule('per_kwartaal', 30), term('2026-02-15', '2026-11-15')))).toEqual([
      '2026-04-30',
      '2026-07-30',
      '2026-10-30',
    ])
  })

  it('caps a day beyond the quarter at its last day', () => {
    expect(iso(dueDates(rule('per_kwartaal', 92), term('2027-01-01', '2027-12-31')))).toEqual([
      '2027-03-31', // Q1 has 90 days
      '2027-06-30', // Q2 has 91
      '2027-09-30', // Q3 has 92
      '2027-12-31', // Q4 has 92
    ])
  })
})

describe('periods: what a due date is for', () => {
  it('numbers each quarter once, whatever the due day or the term, also when its date moves into the next one', () => {
    const q = (iso: string) => periodOf('per_kwartaal', day(iso))
    const schedule = dueSchedule(rule('per_kwartaal', 92), term('2024-01-01', '2024-12-31'))
    expect(schedule.map((d) => [toDateInputValue(d.due), d.period])).toEqual([
      ['2024-04-02', q('2024-01-01')], // 31 March is Easter Sunday, 1 April Easter Monday
      ['2024-07-01', q('2024-04-01')], // 30 June is a Sunday
      ['2024-09-30', q('2024-07-01')],
      ['2024-12-31', q('2024-10-01')],
    ])
    expect(q('2024-08-14')).toBe(q('2024-07-30'))
    expect(q('2024-10-01')).toBe(q('2024-07-30') + 1)
    expect(q('2025-01-30')).toBe(q('2024-10-30') + 1)
  })

  it('a stored date can be for its own period or for one whose due day fell on the non-working days before it', () => {
    const m = (iso: string) => periodOf('maandelijks', day(iso))
    // 2 January 2024: day 1 after Nieuwjaarsdag, or day 31 of December (a Sunday).
    expect(periodCandidates('maandelijks', day('2024-01-02'))).toEqual([m('2024-01-02'), m('2023-12-31')])
    expect(periodCandidates('maandelijks', day('2024-01-15'))).toEqual([m('2024-01-15')])
    const q = (iso: string) => periodOf('per_kwartaal', day(iso))
    expect(periodCandidates('per_kwartaal', day('2024-04-02'))).toEqual([q('2024-04-02'), q('2024-03-31')])
    expect(periodCandidates('per_kwartaal', day('2024-07-30'))).toEqual([q('2024-07-30')])
    // One-off rules have one period.
    expect(periodCandidates('voor_einde', day('2024-04-02'))).toEqual([0])
    expect(dueSchedule(rule('eenmalig', 30), term('2024-01-01', '2024-12-31'))[0]!.period).toBe(0)
  })
})

describe('dueDates: maandelijks', () => {
  it('uses the last day of short months and moves to the next working day', () => {
    const dates = iso(dueDates(rule('maandelijks', 31), term('2025-01-01', '2025-06-30')))
    expect(dates).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-06-02', // 31 May 2025 is a Saturday
      '2025-06-30',
    ])
  })

  it('skips Bevrijdingsdag, Koningsdag on a Saturday, Hemelvaart and Christmas', () => {
    expect(iso(dueDates(rule('maandelijks', 5), term('2025-05-01', '2025-05-31')))).toEqual(['2025-05-06'])
    // Koningsdag 2025 is Saturday 26 April (27 April is a Sunday): next working day Monday 28 April.
    expect(iso(dueDates(rule('maandelijks', 26), term('2025-04-01', '2025-04-30')))).toEqual(['2025-04-28'])
    // Hemelvaartsdag 2027 is Thursday 6 May.
    expect(iso(dueDates(rule('maandelijks', 6), term('2027-05-01', '2027-05-31')))).toEqual(['2027-05-07'])
    // 25 and 26 December 2026 (Friday and Saturday), then a Sunday.
    expect(iso(dueDates(rule('maandelijks', 25), term('2026-12-01', '2026-12-31')))).toEqual(['2026-12-28'])
    // Goede Vrijdag 2026 is 3 April, then a weekend and Tweede Paasdag (6 April).
    expect(iso(dueDates(rule('maandelijks', 3), term('2026-04-01', '2026-04-30')))).toEqual(['2026-04-07'])
  })

  it('gives 36 dates in a three-year term, all on working days at Amsterdam midnight', () => {
    const dates = dueDates(rule('maandelijks', 15), term('2023-01-01', '2025-12-31'))
    expect(dates).toHaveLength(36)
    for (const d of dates) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Amsterdam',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
      }).format(d)
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 00:00$/)
    }
  })
})

describe('dueDates: jaarlijks', () => {
  it('counts the day of the year, leap years included', () => {
    expect(iso(dueDates(rule('jaarlijks', 60), term('2023-01-01', '2028-12-31')))).toEqual([
      '2023-03-01',
      '2024-02-29',
      '2025-03-03', // 1 March 2025 is a Saturday
      '2026-03-02', // 1 March 2026 is a Sunday
      '2027-03-01',
      '2028-02-29',
    ])
  })
})

describe('dueDates: relative to the start, the end and the admission', () => {
  it('na_start counts days after the start', () => {
    expect(iso(dueDates(rule('na_start', 30), term('2023-01-01', '2025-12-31')))).toEqual(['2023-01-31'])
  })

  it('voor_einde counts days before the end, and follows a moved end date', () => {
    expect(iso(dueDates(rule('voor_einde', 90), term('2023-01-01', '2025-12-31')))).toEqual(['2025-10-02'])
    expect(iso(dueDates(rule('voor_einde', 90), term('2023-01-01', '2028-12-31')))).toEqual(['2028-10-02'])
  })

  it('eenmalig counts days after the admission, or after the start for earlier admissions', () => {
    const t = term('2023-01-01', '2025-12-31')
    expect(iso(dueDates(rule('eenmalig', 3), t, day('2024-05-01')))).toEqual(['2024-05-06'])
    expect(iso(dueDates(rule('eenmalig', 14), t, day('2022-06-01')))).toEqual(['2023-01-16']) // 15 Jan is a Sunday
    expect(iso(dueDates(rule('eenmalig', 14), t, day('2025-12-30')))).toEqual([])
  })

  it('gives nothing for a term that ends before it starts', () => {
    expect(dueDates(rule('per_kwartaal', 1), term('2025-01-01', '2024-01-01'))).toEqual([])
  })
})

describe('status', () => {
  const due = day('2026-11-23')
  it('is late only after the due day, and only while the provider has to act', () => {
    expect(isLate('open', due, fromAmsterdamLocal(2026, 11, 23, 23, 59))).toBe(false)
    expect(isLate('open', due, fromAmsterdamLocal(2026, 11, 24, 0, 0))).toBe(true)
    expect(isLate('correctie_gevraagd', due, day('2026-12-01'))).toBe(true)
    expect(isLate('ingediend', due, day('2026-12-01'))).toBe(false)
    expect(displayStatus('open', due, day('2026-12-01'))).toBe('te_laat')
    expect(displayStatus('geaccepteerd', due, day('2026-12-01'))).toBe('geaccepteerd')
    expect(displayStatus('niet_van_toepassing', due, day('2026-12-01'))).toBe('niet_van_toepassing')
    expect(displayStatus('open', due, day('2026-11-01'))).toBe('open')
  })

  it('allows only the listed transitions', () => {
    expect(canTransition('open', 'ingediend')).toBe(true)
    expect(canTransition('correctie_gevraagd', 'ingediend')).toBe(true)
    expect(canTransition('ingediend', 'geaccepteerd')).toBe(true)
    expect(canTransition('ingediend', 'correctie_gevraagd')).toBe(true)
    expect(canTransition('open', 'geaccepteerd')).toBe(false)
    expect(canTransition('geaccepteerd', 'ingediend')).toBe(false)
    expect(canTransition('niet_van_toepassing', 'ingediend')).toBe(false)
  })
})

describe('reminderMark', () => {
  const due = day('2026-12-15')
  it('marks 14 days, 3 days and late, and nothing far ahead or long after', () => {
    expect(reminderMark('open', due, day('2026-11-30'))).toBe(null)
    expect(reminderMark('open', due, day('2026-12-01'))).toBe('14')
    expect(reminderMark('open', due, day('2026-12-11'))).toBe('14')
    expect(reminderMark('open', due, day('2026-12-12'))).toBe('3')
    expect(reminderMark('open', due, fromAmsterdamLocal(2026, 12, 15, 18))).toBe('3')
    expect(reminderMark('open', due, day('2026-12-16'))).toBe('te-laat')
    expect(reminderMark('open', due, day('2026-12-23'))).toBe(null)
    expect(reminderMark('ingediend', due, day('2026-12-12'))).toBe(null)
  })
})
