import { describe, expect, it } from 'vitest'
import { sessionChangeSchema, sessionSchema } from './schemas'

const form = (over: Record<string, string> = {}) => ({
  kind: 'dialoogsessie',
  title: 'Dialoogsessie tarieven',
  startsAt: '2026-12-10T14:00',
  durationMinutes: '90',
  address: 'Stadhuis Tiel',
  seats: '10',
  seatsPerOrganisation: '2',
  registrationDeadline: '2026-12-08T12:00',
  reservations: '',
  ...over,
})

const reservationErrors = (result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) => (result.error?.issues ?? []).filter((i) => i.path[0] === 'reservations').map((i) => i.message)

describe('reserved seats of a session', () => {
  it('refuses a reservation for one organisation above the seats per organisation, next to the field', () => {
    const tooMany = sessionSchema.safeParse(form({ reservations: '30123456: 3' }))
    expect(tooMany.success).toBe(false)
    expect(reservationErrors(tooMany)).toEqual([
      'Per organisatie kunnen hoogstens 2 plaatsen worden gereserveerd. Te veel voor KvK-nummer 30123456',
    ])
    // Two lines for the same organisation count together.
    expect(
      reservationErrors(sessionSchema.safeParse(form({ reservations: '30123456: 1\n30123456: 2' }))),
    ).toHaveLength(1)
    // Up to the limit, for several organisations, is fine.
    expect(sessionSchema.safeParse(form({ reservations: '30123456: 2\n30654321: 2' })).success).toBe(true)
  })

  it('applies the same rule when a session is changed', () => {
    const change = (reservations: string) =>
      sessionChangeSchema.safeParse({
        ...form({ reservations, seatsPerOrganisation: '1' }),
        intent: 'wijzigen',
        reason: 'Meer ruimte',
      })
    expect(reservationErrors(change('30123456: 2'))).toEqual([
      'Per organisatie kunnen hoogstens 1 plaats worden gereserveerd. Te veel voor KvK-nummer 30123456',
    ])
    expect(change('30123456: 1').success).toBe(true)
  })
})
