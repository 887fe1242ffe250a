import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { registerForSession, cancelRegistration, sendSessionReminders } =
  await import('./registrations.server')
const { updateSession, cancelSession, describeSessionChange } = await import('./sessions.server')
const { publishMinutes, recordRoundChange } = await import('./rounds.server')
const f = await import('./test-factories')

const db = getDb()
const actor = { userId: 'user-inkoper', label: 'Ingrid Inkoper <inkoper@test.example>' }
const START = new Date('2026-11-23T10:00:00Z')

/** The factory session (10 December 2026, 14:00 Amsterdam, 90 minutes, Stadhuis Tiel) as form input. */
function asInput(
  over: Partial<Parameters<typeof updateSession>[2]> = {},
): Parameters<typeof updateSession>[2] {
  return {
    kind: 'dialoogsessie',
    title: 'Dialoogsessie tarieven',
    startsAt: new Date('2026-12-10T13:00:00Z'),
    durationMinutes: 90,
    address: 'Stadhuis Tiel, Achter de Kerk 1',
    onlineUrl: 'https://meet.example/sessie',
    seats: 5,
    seatsPerOrganisation: 100,
    registrationDeadline: new Date('2026-12-08T11:00:00Z'),
    reservations: [],
    ...over,
  }
}

async function register(sessionId: string, name: string, organisationId?: string) {
  const orgId = organisationId ?? (await f.makeOrganisation(db)).id
  const result = await registerForSession({
    sessionId,
    organisationId: orgId,
    attendeeName: name,
    attendeeEmail: `${name.toLowerCase()}@example.org`,
    actor: { system: 'test' },
  })
  if (!result.ok) throw new Error('registration failed')
  return result
}

describe('changing and cancelling a session', () => {
  let capture: MailCapture

  beforeAll(async () => {
    capture = await startMailCapture({ port })
  })
  beforeEach(() => setClockForTests(START))
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })

  it('a change is listed, audited and e-mailed: attendees with the updated .ics, others in the round without', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 1 })
    const other = await f.makeSession(db, round.id)
    await register(session.id, 'Anna')
    await register(session.id, 'Wim') // waiting list
    await register(other.id, 'Olga')

    const result = await updateSession(
      region.id,
      session.id,
      asInput({
        seats: 1,
        startsAt: new Date('2026-12-11T09:00:00Z'),
        registrationDeadline: new Date('2026-12-09T11:00:00Z'),
        address: 'Regiokantoor, Tiel',
        onlineUrl: 'https://meet.example/nieuw',
      }),
      'De zaal in het stadhuis is niet beschikbaar.',
      actor,
    )
    expect(result).toEqual({ ok: true, changed: true, promoted: [] })

    const changes = await db.consultationChange.findMany({ where: { roundId: round.id } })
    expect(changes).toHaveLength(1)
    expect(changes[0]!.summary).toBe(
      'Sessie "Dialoogsessie tarieven" gewijzigd: begint nu op 11 december 2026, 10:00; plaats: Regiokantoor, ' +
        'Tiel; de link om online deel te nemen is gewijzigd; aanmelden kan tot 9 december 2026, 12:00. ' +
        'Reden: De zaal in het stadhuis is niet beschikbaar.',
    )
    // The public change list never carries the online link.
    expect(changes[0]!.summary).not.toContain('meet.example')
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: session.id, action: 'consultatie.sessie.gewijzigd' },
    })
    expect(audit.reason).toBe('De zaal in het stadhuis is niet beschikbaar.')
    expect(audit.actorLabel).toBe(actor.label)

    await processOutbox(db, { limit: 100 })
    const anna = await capture.waitFor(
      (m) => m.to.includes('anna@example.org') && /Sessie gewijzigd/.test(m.subject),
    )
    expect(anna.text).toContain('Reden: De zaal in het stadhuis is niet beschikbaar.')
    expect(anna.text).toContain('Online deelnemen: https://meet.example/nieuw')
    const ics = anna.attachments.find((a) => a.filename === 'sessie.ics')!.content.toString('utf8')
    expect(ics).toContain(`UID:sessie-${session.id}@aanbiederspoort\r\n`)
    expect(ics).toContain('DTSTART:20261211T090000Z\r\n')
    expect(ics).toContain('METHOD:PUBLISH\r\n')
    expect(ics).toMatch(/\r\nSEQUENCE:\d+\r\n/)
    expect(ics.replace(/\r\n /g, '')).toContain('LOCATION:Regiokantoor\\, Tiel')
    // The waiting list hears of it too, without a seat's .ics or link.
    const wim = await capture.waitFor(
      (m) => m.to.includes('wim@example.org') && /Sessie gewijzigd/.test(m.subject),
    )
    expect(wim.attachments).toEqual([])
    expect(wim.text).not.toContain('meet.example')
    expect(wim.text).toContain('U staat nog op de wachtlijst.')
    // Someone registered for another session of the round gets the usual change e-mail, once.
    const olga = await capture.waitFor(
      (m) => m.to.includes('olga@example.org') && /Wijziging in consultatieronde/.test(m.subject),
    )
    expect(olga.text).toContain('Reden: De zaal in het stadhuis is niet beschikbaar.')
    expect(
      await db.outboxMessage.count({
        where: { to: 'anna@example.org', subject: { startsWith: 'Wijziging' } },
      }),
    ).toBe(0)
  })

  it('refuses fewer seats than people holding one; more seats go to the waiting list', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 3 })
    await register(session.id, 'Een')
    await register(session.id, 'Twee')
    await register(session.id, 'Drie')
    const waiting = await register(session.id, 'Vier')
    expect(waiting.status).toBe('wachtlijst')

    expect(await updateSession(region.id, session.id, asInput({ seats: 2 }), 'Kleinere zaal', actor)).toEqual(
      {
        ok: false,
        reason: 'plaatsen',
        seated: 3,
      },
    )
    expect((await db.consultationSession.findUniqueOrThrow({ where: { id: session.id } })).seats).toBe(3)
    expect(await db.consultationChange.count({ where: { roundId: round.id } })).toBe(0)

    const result = await updateSession(region.id, session.id, asInput({ seats: 4 }), 'Grotere zaal', actor)
    expect(result).toEqual({ ok: true, changed: true, promoted: [waiting.registrationId] })
    const promoted = await db.sessionRegistration.findUniqueOrThrow({ where: { id: waiting.registrationId } })
    expect(promoted).toMatchObject({ status: 'zeker', seatNumber: 4 })
    const subjects = (
      await db.outboxMessage.findMany({ where: { to: 'vier@example.org' }, orderBy: { createdAt: 'asc' } })
    ).map((m) => m.subject)
    expect(subjects).toEqual([
      'Op de wachtlijst: Dialoogsessie tarieven',
      'Sessie gewijzigd: Dialoogsessie tarieven',
      'U heeft een plaats gekregen: Dialoogsessie tarieven',
    ])
  })

  it('fewer seats keep seat numbers within the seats, so the last seat is never given twice', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 4 })
    const one = await register(session.id, 'Aa')
    await register(session.id, 'Bb')
    await register(session.id, 'Cc')
    // Seat 1 frees up; seats 2 and 3 stay taken. Then the session shrinks to 2 seats.
    await db.sessionRegistration.update({
      where: { id: one.registrationId },
      data: { status: 'geannuleerd', seatNumber: null },
    })
    expect(
      (await updateSession(region.id, session.id, asInput({ seats: 2 }), 'Kleinere zaal', actor)).ok,
    ).toBe(true)
    const seats = (
      await db.sessionRegistration.findMany({ where: { sessionId: session.id, status: 'zeker' } })
    ).map((r) => r.seatNumber)
    expect(seats.sort()).toEqual([1, 2])
    expect(await register(session.id, 'Dd')).toMatchObject({ status: 'wachtlijst' })
  })

  it('invites an organisation added to the reservations, and only that one', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 9 })
    const [first, added] = [await f.makeOrganisation(db), await f.makeOrganisation(db)]
    const [firstUser, addedUser] = [await f.makeBeheerder(db, first.id), await f.makeBeheerder(db, added.id)]
    await db.sessionSeatReservation.create({
      data: { sessionId: session.id, organisationId: first.id, seats: 3 },
    })
    const result = await updateSession(
      region.id,
      session.id,
      asInput({
        seats: 9,
        reservations: [
          { kvkNummer: first.kvkNummer, seats: 3 },
          { kvkNummer: added.kvkNummer, seats: 3 },
        ],
      }),
      'Ook middelgrote aanbieders aan tafel',
      actor,
    )
    expect(result.ok).toBe(true)
    expect(
      await db.outboxMessage.count({
        where: { to: addedUser.email, subject: { startsWith: 'Uitnodiging' } },
      }),
    ).toBe(1)
    expect(
      await db.outboxMessage.count({
        where: { to: firstUser.email, subject: { startsWith: 'Uitnodiging' } },
      }),
    ).toBe(0)
    expect(
      await updateSession(
        region.id,
        session.id,
        asInput({ seats: 9, reservations: [{ kvkNummer: '99999999', seats: 1 }] }),
        'x',
        actor,
      ),
    ).toEqual({ ok: false, reason: 'kvk', unknownKvk: ['99999999'] })
  })

  it('an unchanged form changes nothing and mails nobody', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    // Stored with seconds (not from the form): the form sends back the same minute.
    const session = await f.makeSession(db, round.id, { startsAt: new Date('2026-12-10T13:00:30Z') })
    await register(session.id, 'Stil')
    expect(await updateSession(region.id, session.id, asInput(), 'Niets', actor)).toEqual({
      ok: true,
      changed: false,
      promoted: [],
    })
    expect(await db.consultationChange.count({ where: { roundId: round.id } })).toBe(0)
    expect(
      await db.outboxMessage.count({ where: { to: 'stil@example.org', subject: { startsWith: 'Sessie' } } }),
    ).toBe(0)
  })

  it('a cancellation is listed, audited and e-mailed with an .ics that cancels the appointment', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 1 })
    const karelSeat = await register(session.id, 'Karel')
    const lotteWaiting = await register(session.id, 'Lotte') // waiting list

    const result = await cancelSession(region.id, session.id, 'Te weinig aanmeldingen.', actor)
    expect(result).toEqual({ ok: true, attendees: 2, removed: false })
    // The session stays, marked cancelled, with its registrations and waiting list as they were.
    const kept = await db.consultationSession.findUniqueOrThrow({ where: { id: session.id } })
    expect(kept.cancelledAt).toEqual(START)
    expect(kept.cancelReason).toBe('Te weinig aanmeldingen.')
    const registrations = await db.sessionRegistration.findMany({
      where: { sessionId: session.id },
      orderBy: { attendeeName: 'asc' },
      select: { id: true, status: true, seatNumber: true },
    })
    expect(registrations).toEqual([
      { id: karelSeat.registrationId, status: 'zeker', seatNumber: 1 },
      { id: lotteWaiting.registrationId, status: 'wachtlijst', seatNumber: null },
    ])
    const [change] = await db.consultationChange.findMany({ where: { roundId: round.id } })
    expect(change!.summary).toBe(
      'Sessie "Dialoogsessie tarieven" op 10 december 2026, 14:00 gaat niet door. Reden: Te weinig aanmeldingen.',
    )
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: session.id, action: 'consultatie.sessie.geannuleerd' },
    })
    expect(audit.reason).toBe('Te weinig aanmeldingen.')
    expect(audit.summary).toContain('2 aanmelding(en) vervallen')

    await processOutbox(db, { limit: 100 })
    const karel = await capture.waitFor(
      (m) => m.to.includes('karel@example.org') && /gaat niet door/.test(m.subject),
    )
    expect(karel.text).toContain('Reden: Te weinig aanmeldingen.')
    const ics = karel.attachments.find((a) => a.filename === 'sessie.ics')!.content.toString('utf8')
    expect(ics).toContain('METHOD:CANCEL\r\n')
    expect(ics).toContain('STATUS:CANCELLED\r\n')
    expect(ics).toContain(`UID:sessie-${session.id}@aanbiederspoort\r\n`)
    const lotte = await capture.waitFor(
      (m) => m.to.includes('lotte@example.org') && /gaat niet door/.test(m.subject),
    )
    expect(lotte.attachments).toEqual([])
  })

  it('a cancelled session takes no change, cancellation, registration, promotion, reminder or minutes', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, {
      seats: 1,
      startsAt: new Date('2026-11-24T09:00:00Z'),
      registrationDeadline: new Date('2026-11-23T20:00:00Z'),
    })
    const seat = await register(session.id, 'Mees')
    const waiting = await register(session.id, 'Noor')
    expect((await cancelSession(region.id, session.id, 'Spreker ziek.', actor)).ok).toBe(true)
    const mails = () =>
      db.outboxMessage.count({ where: { to: { in: ['mees@example.org', 'noor@example.org'] } } })
    const mailsAfterCancel = await mails()

    expect(await cancelSession(region.id, session.id, 'Nog eens', actor)).toEqual({
      ok: false,
      reason: 'geannuleerd',
    })
    expect(
      await updateSession(
        region.id,
        session.id,
        asInput({
          seats: 9,
          startsAt: new Date('2026-11-24T09:00:00Z'),
          registrationDeadline: new Date('2026-11-23T20:00:00Z'),
        }),
        'x',
        actor,
      ),
    ).toEqual({ ok: false, reason: 'geannuleerd' })
    const org = await f.makeOrganisation(db)
    expect(
      await registerForSession({
        sessionId: session.id,
        organisationId: org.id,
        attendeeName: 'Olaf',
        attendeeEmail: 'olaf@example.org',
        actor,
      }),
    ).toEqual({ ok: false, reason: 'geannuleerd' })
    // Cancelling the seat holder frees nothing and promotes nobody.
    expect(
      await cancelRegistration({ registrationId: seat.registrationId, organisationId: null, actor }),
    ).toEqual({ ok: false, reason: 'geannuleerd', promoted: [] })
    expect(
      await cancelRegistration({ registrationId: waiting.registrationId, organisationId: null, actor }),
    ).toEqual({ ok: false, reason: 'geannuleerd', promoted: [] })
    expect(
      (
        await db.sessionRegistration.findMany({
          where: { sessionId: session.id },
          orderBy: { attendeeName: 'asc' },
        })
      ).map((r) => [r.attendeeName, r.status, r.seatNumber]),
    ).toEqual([
      ['Mees', 'zeker', 1],
      ['Noor', 'wachtlijst', null],
    ])

    // The day before: no reminder for the kept seat holder.
    await sendSessionReminders(new Date('2026-11-23T10:00:00Z'))
    expect(
      await db.outboxMessage.count({
        where: { to: 'mees@example.org', subject: { startsWith: 'Herinnering' } },
      }),
    ).toBe(0)
    expect(
      await db.sessionRegistration.findUniqueOrThrow({ where: { id: seat.registrationId } }),
    ).toMatchObject({
      reminderSentAt: null,
    })
    // Later changes to the round no longer reach the registrations kept on the cancelled session.
    await db.$transaction((tx) => recordRoundChange(tx, round, 'Nieuw document toegevoegd'))
    expect(await mails()).toBe(mailsAfterCancel)
    // A cancelled session did not take place: no minutes.
    setClockForTests(new Date('2026-11-24T12:00:00Z'))
    expect(await publishMinutes(region.id, session.id, 'Verslag', actor)).toBe(false)
    const kept = await db.consultationSession.findUniqueOrThrow({ where: { id: session.id } })
    expect(kept).toMatchObject({ minutes: null, seats: 1, cancelReason: 'Spreker ziek.' })
    expect(
      await db.auditEvent.count({
        where: { subjectId: session.id, action: 'consultatie.sessie.geannuleerd' },
      }),
    ).toBe(1)
  })

  it('in a concept round, which nobody has seen, a cancelled session is removed', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id, { status: 'concept' })
    const session = await f.makeSession(db, round.id)
    expect(await cancelSession(region.id, session.id, 'Dubbel ingevoerd', actor)).toEqual({
      ok: true,
      attendees: 0,
      removed: true,
    })
    expect(await db.consultationSession.findUnique({ where: { id: session.id } })).toBeNull()
    expect(await db.consultationChange.count({ where: { roundId: round.id } })).toBe(0)
  })

  it('refuses to change or cancel a session that has started, or one of another region', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id)
    const other = await f.makeRegion(db)
    expect(await updateSession(other.id, session.id, asInput({ seats: 6 }), 'x', actor)).toEqual({
      ok: false,
      reason: 'onbekend',
    })
    expect(await cancelSession(other.id, session.id, 'x', actor)).toEqual({ ok: false, reason: 'onbekend' })
    // A new start in the past is refused.
    expect(
      await updateSession(
        region.id,
        session.id,
        asInput({
          startsAt: new Date('2026-11-22T10:00:00Z'),
          registrationDeadline: new Date('2026-11-21T10:00:00Z'),
        }),
        'x',
        actor,
      ),
    ).toEqual({ ok: false, reason: 'verleden' })

    setClockForTests(new Date('2026-12-10T13:00:00Z')) // the start, to the minute
    expect(await updateSession(region.id, session.id, asInput({ seats: 6 }), 'x', actor)).toEqual({
      ok: false,
      reason: 'begonnen',
    })
    expect(await cancelSession(region.id, session.id, 'x', actor)).toEqual({ ok: false, reason: 'begonnen' })
    expect(await db.consultationSession.findUnique({ where: { id: session.id } })).not.toBeNull()
    expect(await db.consultationChange.count({ where: { roundId: round.id } })).toBe(0)
  })

  it('a moved session gets a reminder for its new start, once', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id) // 10 December, 13:00 UTC
    const seat = await register(session.id, 'Rosa')
    const reminders = () =>
      db.outboxMessage.count({ where: { to: 'rosa@example.org', subject: { startsWith: 'Herinnering' } } })

    // Other tests' sessions share the database: count Rosa's e-mails, not what the run sent.
    await sendSessionReminders(new Date('2026-12-09T14:00:00Z'))
    expect(await reminders()).toBe(1)

    // Moved a week, after the first reminder went out.
    setClockForTests(new Date('2026-12-09T15:00:00Z'))
    const moved = await updateSession(
      region.id,
      session.id,
      asInput({ startsAt: new Date('2026-12-17T13:00:00Z') }),
      'Zaal niet beschikbaar.',
      actor,
    )
    expect(moved).toMatchObject({ ok: true, changed: true })
    expect(
      await db.sessionRegistration.findUniqueOrThrow({ where: { id: seat.registrationId } }),
    ).toMatchObject({ reminderSentAt: null })

    // Not for the old date any more; for the new one, exactly once.
    await sendSessionReminders(new Date('2026-12-09T16:00:00Z'))
    expect(await reminders()).toBe(1)
    await sendSessionReminders(new Date('2026-12-16T14:00:00Z'))
    await sendSessionReminders(new Date('2026-12-16T15:00:00Z'))
    expect(await reminders()).toBe(2)
    const keys = await db.outboxMessage.findMany({
      where: { to: 'rosa@example.org', subject: { startsWith: 'Herinnering' } },
      select: { dedupeKey: true },
    })
    expect(keys.map((k) => k.dedupeKey).sort()).toEqual([
      `consultatie-herinnering:${seat.registrationId}:2026-12-10T13:00:00.000Z`,
      `consultatie-herinnering:${seat.registrationId}:2026-12-17T13:00:00.000Z`,
    ])

    // A change that keeps the start does not send it again.
    await updateSession(
      region.id,
      session.id,
      asInput({ startsAt: new Date('2026-12-17T13:00:00Z'), durationMinutes: 120 }),
      'Langer.',
      actor,
    )
    await sendSessionReminders(new Date('2026-12-16T16:00:00Z'))
    expect(await reminders()).toBe(2)
  })

  it('promoting from the waiting list skips an organisation that already holds its maximum of seats', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id, { seats: 2, seatsPerOrganisation: 3 })
    const big = await f.makeOrganisation(db)
    await register(session.id, 'Bas', big.id)
    await register(session.id, 'Bea', big.id)
    const third = await register(session.id, 'Ben', big.id) // waiting list, first in line
    const small = await register(session.id, 'Sara') // waiting list, second
    expect([third.status, small.status]).toEqual(['wachtlijst', 'wachtlijst'])

    // One seat more, but at most 2 per organisation: the seat goes to the next in line of another organisation.
    const result = await updateSession(
      region.id,
      session.id,
      asInput({ seats: 3, seatsPerOrganisation: 2 }),
      'Grotere zaal, eerlijker verdeeld.',
      actor,
    )
    expect(result).toEqual({ ok: true, changed: true, promoted: [small.registrationId] })
    expect(
      await db.sessionRegistration.count({
        where: { sessionId: session.id, organisationId: big.id, status: 'zeker' },
      }),
    ).toBe(2)
    expect(
      await db.sessionRegistration.findUniqueOrThrow({ where: { id: third.registrationId } }),
    ).toMatchObject({ status: 'wachtlijst', seatNumber: null })

    // When one of its own seats frees up, Ben is next after all.
    const bas = await db.sessionRegistration.findFirstOrThrow({
      where: { sessionId: session.id, attendeeName: 'Bas' },
    })
    const cancelled = await cancelRegistration({ registrationId: bas.id, organisationId: big.id, actor })
    expect(cancelled).toEqual({ ok: true, promoted: [third.registrationId] })
  })

  it('describes every kind of change in public words', () => {
    const before = { ...asInput(), reservations: [{ organisationId: 'a', seats: 1 }] }
    expect(describeSessionChange(before, before)).toEqual([])
    expect(
      describeSessionChange(before, {
        ...before,
        kind: 'overlegtafel',
        title: 'Overlegtafel',
        durationMinutes: 120,
        address: null,
        onlineUrl: null,
        seats: 9,
        seatsPerOrganisation: 2,
        reservations: [{ organisationId: 'a', seats: 2 }],
      }),
    ).toEqual([
      'de titel is nu "Overlegtafel"',
      'het is nu een overlegtafel',
      'duurt nu 120 minuten',
      'alleen nog online',
      'online deelnemen vervalt',
      '9 plaatsen (was 5)',
      'hoogstens 2 per organisatie (was 100)',
      'de gereserveerde plaatsen zijn gewijzigd',
    ])
  })
})
