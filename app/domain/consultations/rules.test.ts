import { describe, expect, it } from 'vitest'
import {
  decideSeat,
  groupIntoNotas,
  lowestFreeSeat,
  mayAskQuestion,
  mayGiveInput,
  mayRegister,
  mayTransition,
  roundPhase,
  seatAvailability,
  seatAvailabilityText,
  sessionStarted,
  splitPrompts,
  type SeatState,
} from './rules'
import { buildIcs, foldLine, icsEscape, icsUtc } from './ics'

const round = {
  status: 'gepubliceerd',
  opensAt: new Date('2026-11-01T08:00:00Z'),
  closesAt: new Date('2026-12-01T11:00:00Z'),
  questionsDeadline: new Date('2026-11-20T11:00:00Z'),
}

describe('round deadlines, to the minute', () => {
  it('knows the phases', () => {
    expect(roundPhase({ ...round, status: 'concept' }, new Date('2026-11-10T00:00:00Z'))).toBe('concept')
    expect(roundPhase(round, new Date('2026-10-31T00:00:00Z'))).toBe('aangekondigd')
    expect(roundPhase(round, new Date('2026-12-01T10:59:59Z'))).toBe('open')
    expect(roundPhase(round, new Date('2026-12-01T11:00:00Z'))).toBe('gesloten')
  })
  it('takes questions until the question deadline and input until closing', () => {
    expect(mayAskQuestion(round, new Date('2026-11-20T10:59:59Z'))).toBe(true)
    expect(mayAskQuestion(round, new Date('2026-11-20T11:00:00Z'))).toBe(false)
    expect(mayAskQuestion({ ...round, questionsDeadline: null }, new Date('2026-11-30T11:00:00Z'))).toBe(true)
    expect(mayGiveInput(round, new Date('2026-12-01T10:59:00Z'))).toBe(true)
    expect(mayGiveInput(round, new Date('2026-12-01T11:00:00Z'))).toBe(false)
    expect(mayGiveInput({ ...round, status: 'concept' }, new Date('2026-11-10T00:00:00Z'))).toBe(false)
  })
  it('closes registration at the registration deadline', () => {
    const session = {
      registrationDeadline: new Date('2026-11-25T11:00:00Z'),
      startsAt: new Date('2026-11-26T09:00:00Z'),
    }
    expect(mayRegister(round, session, new Date('2026-11-25T10:59:59Z'))).toBe(true)
    expect(mayRegister(round, session, new Date('2026-11-25T11:00:00Z'))).toBe(false)
    // A cancelled session takes nobody, however early.
    const cancelled = { ...session, cancelledAt: new Date('2026-11-02T09:00:00Z') }
    expect(mayRegister(round, cancelled, new Date('2026-11-20T10:00:00Z'))).toBe(false)
  })
})

describe('registration lifecycle', () => {
  it('allows only the listed transitions', () => {
    expect(mayTransition('zeker', 'geannuleerd')).toBe(true)
    expect(mayTransition('wachtlijst', 'zeker')).toBe(true)
    expect(mayTransition('wachtlijst', 'geannuleerd')).toBe(true)
    expect(mayTransition('zeker', 'wachtlijst')).toBe(false)
    expect(mayTransition('geannuleerd', 'zeker')).toBe(false)
    expect(mayTransition('geannuleerd', 'geannuleerd')).toBe(false)
    expect(mayTransition('onzin', 'zeker')).toBe(false)
  })
})

describe('seats', () => {
  const state = (over: Partial<SeatState> = {}): SeatState => ({
    seats: 3,
    seatsPerOrganisation: 2,
    takenSeatNumbers: [],
    zekerByOrganisation: new Map(),
    activeByOrganisation: new Map(),
    reservations: [],
    ...over,
  })
  it('gives the lowest free seat', () => {
    expect(lowestFreeSeat(3, [1, 3])).toBe(2)
    expect(lowestFreeSeat(2, [1, 2])).toBeNull()
    expect(decideSeat(state({ takenSeatNumbers: [1] }), 'a')).toEqual({ kind: 'zeker', seatNumber: 2 })
  })
  it('sends to the waiting list when full, and refuses beyond the organisation limit', () => {
    expect(decideSeat(state({ takenSeatNumbers: [1, 2, 3] }), 'a')).toEqual({ kind: 'wachtlijst' })
    expect(decideSeat(state({ activeByOrganisation: new Map([['a', 2]]) }), 'a')).toEqual({ kind: 'limiet' })
    expect(decideSeat(state({ activeByOrganisation: new Map([['a', 2]]) }), 'a', false)).toEqual({
      kind: 'zeker',
      seatNumber: 1,
    })
  })
  it('promotes nobody from the waiting list beyond the organisation limit', () => {
    const full = state({ takenSeatNumbers: [1, 2], zekerByOrganisation: new Map([['a', 2]]) })
    expect(decideSeat(full, 'a', false)).toEqual({ kind: 'limiet' })
    expect(decideSeat(full, 'b', false)).toEqual({ kind: 'zeker', seatNumber: 3 })
  })
  it('holds reserved seats for invited organisations', () => {
    const s = state({
      takenSeatNumbers: [1, 2],
      zekerByOrganisation: new Map([['x', 2]]),
      reservations: [{ organisationId: 'inv', seats: 1 }],
    })
    expect(decideSeat(s, 'y')).toEqual({ kind: 'wachtlijst' })
    expect(decideSeat(s, 'inv')).toEqual({ kind: 'zeker', seatNumber: 3 })
  })
})

describe('notas van inlichtingen', () => {
  it('groups what was published at one moment into one numbered nota', () => {
    const t1 = new Date('2026-11-10T12:00:00Z')
    const t2 = new Date('2026-11-20T12:00:00Z')
    const notas = groupIntoNotas([
      { id: 'c', number: 3, publishedAt: t2 },
      { id: 'b', number: 2, publishedAt: t1 },
      { id: 'a', number: 1, publishedAt: t1 },
      { id: 'd', number: null, publishedAt: null },
    ])
    expect(notas.map((n) => [n.nummer, n.questions.map((q) => q.id)])).toEqual([
      [1, ['a', 'b']],
      [2, ['c']],
    ])
  })
  it('reads written questions one per line', () => {
    expect(splitPrompts('  Vraag 1?\r\n\n Vraag 2? ')).toEqual(['Vraag 1?', 'Vraag 2?'])
  })
})

describe('iCalendar', () => {
  it('writes UTC times with Z, escapes text and folds long lines with CRLF', () => {
    expect(icsUtc(new Date('2026-03-29T01:30:00Z'))).toBe('20260329T013000Z')
    expect(icsEscape('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    const long = `DESCRIPTION:${'é'.repeat(80)}`
    const folded = foldLine(long)
    for (const line of folded.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(folded.replace(/\r\n /g, '')).toBe(long)
    const ics = buildIcs({
      uid: 'sessie-1@aanbiederspoort',
      stamp: new Date('2026-11-23T10:00:00Z'),
      start: new Date('2026-12-10T13:00:00Z'),
      end: new Date('2026-12-10T14:30:00Z'),
      summary: 'Dialoogsessie, tarieven',
      location: 'Tiel',
    })
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics).toContain('\r\nUID:sessie-1@aanbiederspoort\r\n')
    expect(ics).toContain('\r\nDTSTAMP:20261123T100000Z\r\n')
    expect(ics).toContain('\r\nSUMMARY:Dialoogsessie\\, tarieven\r\n')
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n')
  })
})

describe('free seats as a visitor sees them', () => {
  // The overlegtafel: 9 seats, 3 reserved for each of three invited organisations; A holds 2, B all 3.
  const table: SeatState = {
    seats: 9,
    seatsPerOrganisation: 3,
    takenSeatNumbers: [1, 2, 3, 4, 5],
    zekerByOrganisation: new Map([
      ['A', 2],
      ['B', 3],
    ]),
    activeByOrganisation: new Map(),
    reservations: [
      { organisationId: 'A', seats: 3 },
      { organisationId: 'B', seats: 3 },
      { organisationId: 'C', seats: 3 },
    ],
  }

  it('does not show a provider a seat it cannot get', () => {
    const anonymous = seatAvailability(table, null)
    expect(anonymous).toEqual({ seats: 9, free: 4, reservedForOthers: 4, reservedForYou: 0, available: 0 })
    expect(seatAvailabilityText(anonymous)).toBe(
      '4 van 9 plaatsen vrij, waarvan 4 gereserveerd voor uitgenodigde organisaties',
    )
    expect(seatAvailability(table, 'X').available).toBe(0)
    expect(seatAvailability(table, 'B').available).toBe(0)
    // What the page says matches where a registration would go.
    expect(decideSeat(table, 'X')).toEqual({ kind: 'wachtlijst' })
    expect(decideSeat(table, 'B')).toEqual({ kind: 'wachtlijst' })
  })

  it('shows an invited organisation its own reserved seats', () => {
    const a = seatAvailability(table, 'A')
    expect(a).toMatchObject({ free: 4, reservedForOthers: 3, reservedForYou: 1, available: 1 })
    expect(seatAvailabilityText(a)).toBe(
      '4 van 9 plaatsen vrij, waarvan 3 gereserveerd voor uitgenodigde organisaties en 1 gereserveerd voor uw organisatie',
    )
    expect(decideSeat(table, 'A')).toMatchObject({ kind: 'zeker' })
    expect(seatAvailability(table, 'C')).toMatchObject({
      reservedForOthers: 1,
      reservedForYou: 3,
      available: 3,
    })
  })

  it('without reservations every free seat is available', () => {
    const open: SeatState = { ...table, reservations: [] }
    expect(seatAvailability(open, null)).toMatchObject({ free: 4, reservedForOthers: 0, available: 4 })
    expect(seatAvailabilityText(seatAvailability(open, null))).toBe('4 van 9 plaatsen vrij')
    expect(seatAvailabilityText(seatAvailability({ ...open, seats: 1, takenSeatNumbers: [1] }, null))).toBe(
      '0 van 1 plaats vrij',
    )
  })

  it('knows when a session has started', () => {
    const session = { startsAt: new Date('2026-12-10T13:00:00Z') }
    expect(sessionStarted(session, new Date('2026-12-10T12:59:59Z'))).toBe(false)
    expect(sessionStarted(session, new Date('2026-12-10T13:00:00Z'))).toBe(true)
  })
})
