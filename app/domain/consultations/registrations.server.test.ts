import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { registerForSession, cancelRegistration, sendSessionReminders } =
  await import('./registrations.server')
const f = await import('./test-factories')

const actor = { system: 'test' }

describe('session registrations', () => {
  const db = getDb()
  let capture: MailCapture

  beforeAll(async () => {
    capture = await startMailCapture({ port })
    setClockForTests(new Date('2026-11-23T10:00:00Z'))
  })
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })

  it('never gives the last seat twice: 30 registrations at once for 5 seats', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 5 })
    const orgs = await Promise.all(Array.from({ length: 6 }, () => f.makeOrganisation(db)))
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        registerForSession({
          sessionId: session.id,
          organisationId: orgs[i % orgs.length]!.id,
          attendeeName: `Deelnemer ${i}`,
          attendeeEmail: `deelnemer-${i}@example.org`,
          actor,
        }),
      ),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    const rows = await db.sessionRegistration.findMany({ where: { sessionId: session.id } })
    const zeker = rows.filter((r) => r.status === 'zeker')
    expect(zeker).toHaveLength(5)
    expect(rows.filter((r) => r.status === 'wachtlijst')).toHaveLength(25)
    expect(new Set(zeker.map((r) => r.seatNumber))).toEqual(new Set([1, 2, 3, 4, 5]))
  })

  it('puts the second on the waiting list and promotes them (with an e-mail and .ics) when the first cancels', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 1 })
    const [a, b] = [await f.makeOrganisation(db), await f.makeOrganisation(db)]
    const first = await registerForSession({
      sessionId: session.id,
      organisationId: a.id,
      attendeeName: 'Anna',
      attendeeEmail: 'anna@example.org',
      actor,
    })
    const second = await registerForSession({
      sessionId: session.id,
      organisationId: b.id,
      attendeeName: 'Bram',
      attendeeEmail: 'bram@example.org',
      actor,
    })
    expect(first).toMatchObject({ ok: true, status: 'zeker', seatNumber: 1 })
    expect(second).toMatchObject({ ok: true, status: 'wachtlijst' })
    if (!first.ok || !second.ok) throw new Error('unexpected')

    // Another organisation cannot cancel it.
    expect(
      (await cancelRegistration({ registrationId: first.registrationId, organisationId: b.id, actor })).ok,
    ).toBe(false)
    const cancelled = await cancelRegistration({
      registrationId: first.registrationId,
      organisationId: a.id,
      actor,
    })
    expect(cancelled).toEqual({ ok: true, promoted: [second.registrationId] })
    const promoted = await db.sessionRegistration.findUniqueOrThrow({ where: { id: second.registrationId } })
    expect(promoted).toMatchObject({ status: 'zeker', seatNumber: 1 })

    await processOutbox(db, { limit: 100 })
    const mail = await capture.waitFor(
      (m) => m.to.includes('bram@example.org') && /plaats gekregen/.test(m.subject),
    )
    const ics = mail.attachments.find((x) => x.filename === 'sessie.ics')
    expect(ics).toBeTruthy()
    const text = ics!.content.toString('utf8')
    expect(text).toContain('BEGIN:VCALENDAR\r\n')
    expect(text).toContain('DTSTART:20261210T130000Z\r\n')
    expect(text.replace(/\r\n /g, '')).toContain('Online deelnemen: https://meet.example/sessie')
    // A cancelled registration cannot be cancelled twice.
    expect(
      (await cancelRegistration({ registrationId: first.registrationId, organisationId: a.id, actor })).ok,
    ).toBe(false)
  })

  it('cancels once on a double click: one e-mail, one audit row, the waiting list promoted once', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 1 })
    const [a, b, c] = [
      await f.makeOrganisation(db),
      await f.makeOrganisation(db),
      await f.makeOrganisation(db),
    ]
    const reg = (orgId: string, name: string) =>
      registerForSession({
        sessionId: session.id,
        organisationId: orgId,
        attendeeName: name,
        attendeeEmail: `${name}@example.org`,
        actor,
      })
    const seat = await reg(a.id, 'dubbelklik')
    const first = await reg(b.id, 'wacht-een')
    const second = await reg(c.id, 'wacht-twee')
    if (!seat.ok || !first.ok || !second.ok) throw new Error('unexpected')

    const results = await Promise.all(
      [0, 1].map(() =>
        cancelRegistration({ registrationId: seat.registrationId, organisationId: a.id, actor }),
      ),
    )
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, promoted: [first.registrationId] }])
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'onbekend', promoted: [] }])
    expect(
      await db.outboxMessage.count({
        where: { to: 'dubbelklik@example.org', subject: { startsWith: 'Afgemeld' } },
      }),
    ).toBe(1)
    expect(
      await db.auditEvent.count({
        where: { subjectId: seat.registrationId, action: 'consultatie.sessie.afgemeld' },
      }),
    ).toBe(1)
    const rows = await db.sessionRegistration.findMany({ where: { sessionId: session.id } })
    expect(rows.filter((r) => r.status === 'zeker').map((r) => r.id)).toEqual([first.registrationId])
    expect(rows.find((r) => r.id === second.registrationId)?.status).toBe('wachtlijst')
  })

  it('keeps to the seats per organisation and to reserved seats', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 3, seatsPerOrganisation: 1 })
    const [invited, other1, other2] = [
      await f.makeOrganisation(db),
      await f.makeOrganisation(db),
      await f.makeOrganisation(db),
    ]
    await db.sessionSeatReservation.create({
      data: { sessionId: session.id, organisationId: invited.id, seats: 1 },
    })
    const reg = (orgId: string, n: string) =>
      registerForSession({
        sessionId: session.id,
        organisationId: orgId,
        attendeeName: n,
        attendeeEmail: `${n}@example.org`,
        actor,
      })
    expect(await reg(other1.id, 'o1')).toMatchObject({ ok: true, status: 'zeker' })
    expect(await reg(other1.id, 'o1b')).toEqual({ ok: false, reason: 'limiet' })
    expect(await reg(other2.id, 'o2')).toMatchObject({ ok: true, status: 'zeker' })
    const third = await f.makeOrganisation(db)
    // One seat left, but it is held for the invited organisation.
    expect(await reg(third.id, 'o3')).toMatchObject({ ok: true, status: 'wachtlijst' })
    expect(await reg(invited.id, 'inv')).toMatchObject({ ok: true, status: 'zeker', seatNumber: 3 })
  })

  it('refuses a cancellation once the session has started, to the minute', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 1 })
    const [a, b] = [await f.makeOrganisation(db), await f.makeOrganisation(db)]
    const seat = await registerForSession({
      sessionId: session.id,
      organisationId: a.id,
      attendeeName: 'Sanne',
      attendeeEmail: 'sanne@example.org',
      actor,
    })
    const waiting = await registerForSession({
      sessionId: session.id,
      organisationId: b.id,
      attendeeName: 'Tom',
      attendeeEmail: 'tom@example.org',
      actor,
    })
    if (!seat.ok || !waiting.ok) throw new Error('unexpected')
    setClockForTests(new Date('2026-12-10T13:00:00Z')) // the start of the session
    for (const [registrationId, organisationId] of [
      [seat.registrationId, a.id],
      [waiting.registrationId, b.id],
    ]) {
      expect(await cancelRegistration({ registrationId, organisationId, actor })).toEqual({
        ok: false,
        reason: 'begonnen',
        promoted: [],
      })
    }
    // Also the buyer of the region cannot.
    expect(
      await cancelRegistration({
        registrationId: seat.registrationId,
        organisationId: null,
        regionId: region.id,
        actor,
      }),
    ).toMatchObject({ ok: false, reason: 'begonnen' })
    const rows = await db.sessionRegistration.findMany({ where: { sessionId: session.id } })
    expect(rows.map((r) => r.status).sort()).toEqual(['wachtlijst', 'zeker'])
    expect(
      await db.auditEvent.count({
        where: { subjectId: seat.registrationId, action: 'consultatie.sessie.afgemeld' },
      }),
    ).toBe(0)
    // One minute earlier it was still possible.
    setClockForTests(new Date('2026-12-10T12:59:00Z'))
    expect(
      (await cancelRegistration({ registrationId: seat.registrationId, organisationId: a.id, actor })).ok,
    ).toBe(true)
    setClockForTests(new Date('2026-11-23T10:00:00Z'))
  })

  it('refuses registrations after the registration deadline, to the minute', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, {
      registrationDeadline: new Date('2026-11-23T11:00:00Z'),
    })
    const org = await f.makeOrganisation(db)
    setClockForTests(new Date('2026-11-23T10:59:59Z'))
    expect(
      await registerForSession({
        sessionId: session.id,
        organisationId: org.id,
        attendeeName: 'x',
        attendeeEmail: 'x@example.org',
        actor,
      }),
    ).toMatchObject({ ok: true })
    setClockForTests(new Date('2026-11-23T11:00:00Z'))
    expect(
      await registerForSession({
        sessionId: session.id,
        organisationId: org.id,
        attendeeName: 'y',
        attendeeEmail: 'y@example.org',
        actor,
      }),
    ).toEqual({ ok: false, reason: 'gesloten' })
    setClockForTests(new Date('2026-11-23T10:00:00Z'))
  })

  it('sends the day-before reminder exactly once', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, {
      startsAt: new Date('2026-11-24T09:00:00Z'),
      registrationDeadline: new Date('2026-11-23T20:00:00Z'),
    })
    const org = await f.makeOrganisation(db)
    await registerForSession({
      sessionId: session.id,
      organisationId: org.id,
      attendeeName: 'Rita',
      attendeeEmail: 'rita@example.org',
      actor,
    })
    const [one, two] = await Promise.all([
      sendSessionReminders(new Date('2026-11-23T10:00:00Z')),
      sendSessionReminders(new Date('2026-11-23T10:00:00Z')),
    ])
    expect(one + two).toBe(1)
    expect(await sendSessionReminders(new Date('2026-11-23T12:00:00Z'))).toBe(0)
    expect(
      await db.outboxMessage.count({
        where: { to: 'rita@example.org', subject: { startsWith: 'Herinnering' } },
      }),
    ).toBe(1)
  })
})
