import { describe, expect, it } from 'vitest'
import {
  capacityFreshness,
  checkPc4s,
  figuresAt,
  longest,
  median,
  parsePc4List,
  reminderPeriod,
  toCsv,
  totalsAt,
  trendMoments,
  unknownPc4Message,
  type AdmissionFact,
  type ReportFact,
} from './rules'

const d = (s: string) => new Date(s)

describe('median and longest', () => {
  it('gives null for no values', () => {
    expect(median([])).toBeNull()
    expect(longest([])).toBeNull()
  })
  it('takes the middle value of an odd count, unsorted input', () => {
    expect(median([9, 1, 4])).toBe(4)
    expect(longest([9, 1, 4])).toBe(9)
  })
  it('averages the middle two of an even count', () => {
    expect(median([1, 2, 3, 10])).toBe(2.5)
    expect(median([0, 0])).toBe(0)
  })
  it('does not reorder the input', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('capacityFreshness (30 days: reminder, 60 days: niet recent bevestigd)', () => {
  const today = d('2026-11-23T10:00:00Z')
  it('is actueel up to and including 30 days', () => {
    expect(capacityFreshness(d('2026-11-23T08:00:00Z'), today)).toMatchObject({ status: 'actueel', days: 0 })
    expect(capacityFreshness(d('2026-10-24T10:00:00Z'), today)).toMatchObject({ status: 'actueel', days: 30 })
  })
  it('asks for a reminder after 30 days, still showing the waiting time', () => {
    expect(capacityFreshness(d('2026-10-23T10:00:00Z'), today)).toMatchObject({
      status: 'herinnering',
      days: 31,
      showWaitingTime: true,
    })
    expect(capacityFreshness(d('2026-09-24T10:00:00Z'), today)).toMatchObject({
      status: 'herinnering',
      days: 60,
    })
  })
  it('says "niet recent bevestigd" after 60 days and hides the waiting time', () => {
    expect(capacityFreshness(d('2026-09-23T10:00:00Z'), today)).toEqual({
      status: 'verouderd',
      days: 61,
      showWaitingTime: false,
      label: 'Niet recent bevestigd',
    })
  })
  it('treats never confirmed as verouderd', () => {
    expect(capacityFreshness(null, today)).toMatchObject({ status: 'verouderd', showWaitingTime: false })
  })
  it('counts Amsterdam calendar days (just after midnight in Amsterdam is the next day)', () => {
    // 00:30 Amsterdam on 24 October = 22:30 UTC on 23 October (CEST).
    expect(capacityFreshness(d('2026-10-23T22:30:00Z'), today)).toMatchObject({ status: 'actueel', days: 30 })
  })
  it('numbers the reminder periods', () => {
    expect(reminderPeriod(d('2026-10-24T10:00:00Z'), today)).toBe(0)
    expect(reminderPeriod(d('2026-10-23T10:00:00Z'), today)).toBe(1)
    expect(reminderPeriod(d('2026-09-24T10:00:00Z'), today)).toBe(1)
    expect(reminderPeriod(d('2026-09-23T10:00:00Z'), today)).toBe(2)
  })
})

describe('PC4 validation', () => {
  it('splits on commas, spaces, semicolons and new lines and removes doubles', () => {
    expect(parsePc4List('4001, 4002 4003;4004\n4001')).toEqual({
      codes: ['4001', '4002', '4003', '4004'],
      invalid: [],
    })
  })
  it('reports what is not four digits', () => {
    expect(parsePc4List('4001 400 0123 40012 abcd')).toEqual({
      codes: ['4001'],
      invalid: ['400', '0123', '40012', 'abcd'],
    })
  })
  it('errors on codes not in the table and warns on codes in another municipality', () => {
    const known = new Map([
      ['4001', 'GM0281'],
      ['4191', 'GM1960'],
    ])
    expect(checkPc4s(['4001', '4191', '9999'], known, 'GM0281')).toEqual({
      unknown: ['9999'],
      elsewhere: [{ code: '4191', gemeenteCode: 'GM1960' }],
    })
  })
  it('words the messages in Dutch', () => {
    expect(unknownPc4Message(['9999'])).toBe('Postcodegebied 9999 bestaat niet. Controleer de 4 cijfers.')
    expect(unknownPc4Message([], ['40a1'])).toMatch(/4 cijfers.*40a1/)
    expect(unknownPc4Message([])).toBeNull()
  })
})

describe('figuresAt', () => {
  const segments = new Map([['p1', ['s1']]])
  const adm = (
    org: string,
    product: string,
    gemeente = 'G1',
    since = '2026-01-01',
    endedAt: string | null = null,
    servesGemeente = true,
  ) =>
    ({
      organisationId: org,
      productId: product,
      perceelId: 'p1',
      gemeenteCode: gemeente,
      since: d(`${since}T00:00:00Z`),
      endedAt: endedAt ? d(`${endedAt}T00:00:00Z`) : null,
      servesGemeente,
    }) satisfies AdmissionFact
  const rep = (
    org: string,
    product: string,
    accepting: string,
    weeks: number | null,
    confirmed: string,
    superseded: string | null = null,
  ) =>
    ({
      organisationId: org,
      productId: product,
      accepting,
      waitingWeeks: weeks,
      confirmedAt: d(`${confirmed}T10:00:00Z`),
      supersededAt: superseded ? d(`${superseded}T10:00:00Z`) : null,
    }) satisfies ReportFact

  it('per provider: accepting when any product accepts, its shortest wait, stale when its latest confirmation is old', () => {
    const admissions = [adm('a', 'x'), adm('a', 'y'), adm('b', 'x'), adm('c', 'x'), adm('c', 'x', 'G2')]
    const reports = [
      rep('a', 'x', 'nee', 20, '2026-11-01'),
      rep('a', 'y', 'beperkt', 8, '2026-11-20'),
      rep('b', 'x', 'ja', 2, '2026-09-01'),
      // c never confirmed
    ]
    const rows = figuresAt(d('2026-11-23T12:00:00Z'), admissions, reports, segments)
    const g1 = rows.find((r) => r.gemeenteCode === 'G1')
    expect(g1).toEqual({
      segmentId: 's1',
      gemeenteCode: 'G1',
      providers: 3,
      accepting: 2,
      medianWaitingWeeks: 5,
      longestWaitingWeeks: 8,
      notConfirmed: 2,
    })
    expect(rows.find((r) => r.gemeenteCode === 'G2')).toMatchObject({
      providers: 1,
      medianWaitingWeeks: null,
    })
  })

  it('counts a provider that never confirmed as stale 30 days after its earliest admission, as the reminder job', () => {
    const admissions = [
      // Admitted yesterday: not stale yet (it was counted stale from day one).
      adm('new', 'x', 'G1', '2026-11-22'),
      // 24 October is 30 Amsterdam days before 23 November: still fresh; 23 October is one day more.
      adm('edge', 'x', 'G1', '2026-10-24'),
      adm('old', 'x', 'G1', '2026-10-23'),
      // The earliest running admission counts, not the latest.
      adm('two', 'x', 'G1', '2026-11-20'),
      adm('two', 'y', 'G1', '2026-09-01'),
      // A confirmation, however old, wins over a recent admission.
      adm('confirmed', 'x', 'G1', '2026-11-22'),
    ]
    const reports = [rep('confirmed', 'x', 'ja', 2, '2026-09-01')]
    const at = d('2026-11-23T12:00:00Z')
    expect(figuresAt(at, admissions, reports, segments)[0]).toMatchObject({ providers: 5, notConfirmed: 3 })
    // With only the recent admissions, nobody is stale (the trend's totals follow the same rule).
    const recent = [adm('new', 'x', 'G1', '2026-11-22'), adm('edge', 'x', 'G1', '2026-10-24')]
    expect(totalsAt(at, recent, [], segments)).toMatchObject({ providers: 2, notConfirmed: 0 })
  })

  it('counts a provider "niet in deze gemeente" as admitted there, but not as accepting nor in the waiting times', () => {
    const admissions = [
      adm('a', 'x', 'G1', '2026-01-01', null, false),
      adm('a', 'x', 'G2'),
      adm('b', 'x', 'G1'),
      // c works in G1 for y only: x's figures do not count there.
      adm('c', 'x', 'G1', '2026-01-01', null, false),
      adm('c', 'y', 'G1'),
    ]
    const reports = [
      rep('a', 'x', 'ja', 1, '2026-11-20'),
      rep('b', 'x', 'nee', 10, '2026-11-20'),
      rep('c', 'x', 'ja', 2, '2026-11-20'),
      rep('c', 'y', 'nee', 6, '2026-11-20'),
    ]
    const rows = figuresAt(d('2026-11-23T12:00:00Z'), admissions, reports, segments)
    expect(rows.find((r) => r.gemeenteCode === 'G1')).toEqual({
      segmentId: 's1',
      gemeenteCode: 'G1',
      providers: 3,
      accepting: 0,
      medianWaitingWeeks: 8,
      longestWaitingWeeks: 10,
      notConfirmed: 0,
    })
    expect(rows.find((r) => r.gemeenteCode === 'G2')).toMatchObject({
      providers: 1,
      accepting: 1,
      medianWaitingWeeks: 1,
    })
  })

  it('answers what was true on an earlier date from the history', () => {
    const admissions = [
      adm('a', 'x'),
      adm('b', 'x', 'G1', '2026-10-01'),
      adm('c', 'x', 'G1', '2026-01-01', '2026-08-01'),
    ]
    const reports = [
      rep('a', 'x', 'ja', 4, '2026-06-01', '2026-10-15'),
      rep('a', 'x', 'nee', 30, '2026-10-15'),
      rep('b', 'x', 'ja', 1, '2026-10-02'),
      rep('c', 'x', 'ja', 10, '2026-02-01'),
    ]
    const july = figuresAt(d('2026-07-01T00:00:00Z'), admissions, reports, segments)[0]
    expect(july).toMatchObject({ providers: 2, accepting: 2, medianWaitingWeeks: 7, longestWaitingWeeks: 10 })
    const nov = figuresAt(d('2026-11-01T00:00:00Z'), admissions, reports, segments)[0]
    expect(nov).toMatchObject({
      providers: 2,
      accepting: 1,
      medianWaitingWeeks: 15.5,
      longestWaitingWeeks: 30,
    })
  })
})

describe('trendMoments', () => {
  it('gives the end of each of the last six months and today, across the year boundary', () => {
    const m = trendMoments(d('2026-02-10T12:00:00Z'))
    expect(m).toHaveLength(7)
    expect(m[0]!.toISOString()).toBe('2025-08-31T21:59:59.999Z')
    expect(m[5]!.toISOString()).toBe('2026-01-31T22:59:59.999Z')
    expect(m[6]!.toISOString()).toBe('2026-02-10T22:59:59.999Z')
  })
})

describe('toCsv', () => {
  it('writes semicolon-separated UTF-8 with BOM, decimal commas, quotes where needed and no formulas', () => {
    const csv = toCsv(
      ['Naam', 'Wachttijd'],
      [
        ['Zorg; en meer', 2.5],
        ['=SUM(A1)', null],
        ['"Quote"', 3],
      ],
    )
    expect(csv).toBe('\uFEFFNaam;Wachttijd\r\n"Zorg; en meer";2,5\r\n\'=SUM(A1);\r\n"""Quote""";3\r\n')
  })
})
