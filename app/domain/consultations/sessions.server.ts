/**
 * Changing and cancelling a session once it exists. Both are refused once the session has started or was cancelled.
 * On a published round each is listed in the round's changes, audited with its reason, and e-mailed: the session's
 * attendees (seat and waiting list) get a message about their session (with the updated or cancelling .ics for a seat
 * holder), everyone else registered for the round the usual change e-mail.
 */
import type { Tx } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { formatDateTime } from '~/utils/time'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { mailSessionCancelled, mailSessionChanged } from './emails.server'
import { lockSession, promoteFromWaitingList, withSeatRetry } from './registrations.server'
import { inviteReservedOrganisations, recordRoundChange, type SessionInput } from './rounds.server'
import { lowestFreeSeat, SESSION_KIND_LABELS, sessionStarted, type SessionKind } from './rules'

export type SessionChangeResult =
  | { ok: true; changed: boolean; promoted: string[] }
  /** verleden: the new start lies in the past; geannuleerd: the session was cancelled. */
  | { ok: false; reason: 'onbekend' | 'begonnen' | 'verleden' | 'geannuleerd' }
  | { ok: false; reason: 'plaatsen'; seated: number }
  | { ok: false; reason: 'kvk'; unknownKvk: string[] }

async function sessionInRegion(tx: Tx, regionId: string, sessionId: string) {
  return tx.consultationSession.findFirst({
    where: { id: sessionId, round: { regionId } },
    select: { id: true },
  })
}

async function attendeesOf(tx: Tx, sessionId: string) {
  const rows = await tx.sessionRegistration.findMany({
    where: { sessionId, status: { in: ['zeker', 'wachtlijst'] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { attendeeName: true, attendeeEmail: true, status: true },
  })
  return rows.map((r) => ({ name: r.attendeeName, email: r.attendeeEmail, status: r.status }))
}

/** The form has minutes; a stored time with seconds is unchanged when the form sends back its minute. */
function sameMinute(a: Date, b: Date): boolean {
  return Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000)
}

type SessionFacts = Omit<SessionInput, 'kind' | 'reservations'> & {
  kind: string
  reservations: { organisationId: string; seats: number }[]
}

/** What changed, in words that may be public (the online link itself only goes to attendees). */
export function describeSessionChange(before: SessionFacts, after: SessionFacts): string[] {
  const out: string[] = []
  const same = sameMinute
  if (before.title !== after.title) out.push(`de titel is nu "${after.title}"`)
  if (before.kind !== after.kind) {
    const label = SESSION_KIND_LABELS[after.kind as SessionKind] ?? after.kind
    out.push(`het is nu een ${label.toLowerCase()}`)
  }
  if (!same(before.startsAt, after.startsAt)) out.push(`begint nu op ${formatDateTime(after.startsAt)}`)
  if (before.durationMinutes !== after.durationMinutes) out.push(`duurt nu ${after.durationMinutes} minuten`)
  if ((before.address ?? null) !== (after.address ?? null)) {
    out.push(after.address ? `plaats: ${after.address}` : 'alleen nog online')
  }
  if ((before.onlineUrl ?? null) !== (after.onlineUrl ?? null)) {
    out.push(after.onlineUrl ? 'de link om online deel te nemen is gewijzigd' : 'online deelnemen vervalt')
  }
  if (before.seats !== after.seats) out.push(`${after.seats} plaatsen (was ${before.seats})`)
  if (before.seatsPerOrganisation !== after.seatsPerOrganisation) {
    out.push(`hoogstens ${after.seatsPerOrganisation} per organisatie (was ${before.seatsPerOrganisation})`)
  }
  if (!same(before.registrationDeadline, after.registrationDeadline)) {
    out.push(`aanmelden kan tot ${formatDateTime(after.registrationDeadline)}`)
  }
  const key = (rs: { organisationId: string; seats: number }[]) =>
    rs
      .map((r) => `${r.organisationId}:${r.seats}`)
      .sort()
      .join(',')
  if (key(before.reservations) !== key(after.reservations))
    out.push('de gereserveerde plaatsen zijn gewijzigd')
  return out
}

/** Moves seat holders whose number no longer exists (fewer seats) to the lowest free numbers. */
async function renumberSeats(tx: Tx, sessionId: string, seats: number) {
  const holders = await tx.sessionRegistration.findMany({
    where: { sessionId, status: 'zeker' },
    orderBy: { seatNumber: 'asc' },
    select: { id: true, seatNumber: true },
  })
  const taken = holders.map((h) => h.seatNumber).filter((n): n is number => n !== null && n <= seats)
  for (const h of holders) {
    if (h.seatNumber !== null && h.seatNumber <= seats) continue
    const free = lowestFreeSeat(seats, taken)
    if (free === null) break // cannot happen: the caller refused fewer seats than holders
    await tx.sessionRegistration.update({ where: { id: h.id }, data: { seatNumber: free } })
    taken.push(free)
  }
}

/**
 * Changes a session (time, place, seats, deadline, reservations). Refused when it has started, or when it would
 * leave fewer seats than people already holding one. More seats or fewer reservations promote the waiting list.
 */
export async function updateSession(
  regionId: string,
  sessionId: string,
  submitted: SessionInput,
  reason: string,
  actor: Actor,
): Promise<SessionChangeResult> {
  return withSeatRetry(async (tx): Promise<SessionChangeResult> => {
    if (!(await sessionInRegion(tx, regionId, sessionId))) return { ok: false, reason: 'onbekend' }
    const before = await lockSession(tx, sessionId)
    if (before.cancelledAt) return { ok: false, reason: 'geannuleerd' }
    const input = {
      ...submitted,
      startsAt: sameMinute(submitted.startsAt, before.startsAt) ? before.startsAt : submitted.startsAt,
      registrationDeadline: sameMinute(submitted.registrationDeadline, before.registrationDeadline)
        ? before.registrationDeadline
        : submitted.registrationDeadline,
    }
    if (sessionStarted(before, now())) return { ok: false, reason: 'begonnen' }
    if (sessionStarted(input, now())) return { ok: false, reason: 'verleden' }
    const seated = await tx.sessionRegistration.count({ where: { sessionId, status: 'zeker' } })
    if (input.seats < seated) return { ok: false, reason: 'plaatsen', seated }
    const orgs = await tx.organisation.findMany({
      where: { kvkNummer: { in: input.reservations.map((r) => r.kvkNummer) } },
      select: { id: true, kvkNummer: true },
    })
    const unknownKvk = input.reservations.filter((r) => !orgs.some((o) => o.kvkNummer === r.kvkNummer))
    if (unknownKvk.length) return { ok: false, reason: 'kvk', unknownKvk: unknownKvk.map((r) => r.kvkNummer) }
    const reservations = input.reservations.map((r) => ({
      organisationId: orgs.find((o) => o.kvkNummer === r.kvkNummer)!.id,
      seats: r.seats,
    }))
    const changes = describeSessionChange(before, { ...input, reservations })
    if (changes.length === 0) return { ok: true, changed: false, promoted: [] }

    await tx.consultationSession.update({
      where: { id: sessionId },
      data: {
        kind: input.kind,
        title: input.title,
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        address: input.address,
        onlineUrl: input.onlineUrl,
        seats: input.seats,
        seatsPerOrganisation: input.seatsPerOrganisation,
        registrationDeadline: input.registrationDeadline,
      },
    })
    if (input.startsAt.getTime() !== before.startsAt.getTime()) {
      // The reminder belongs to a start: after a move it is due again, for the new date.
      await tx.sessionRegistration.updateMany({
        where: { sessionId, reminderSentAt: { not: null } },
        data: { reminderSentAt: null },
      })
    }
    await tx.sessionSeatReservation.deleteMany({ where: { sessionId } })
    await tx.sessionSeatReservation.createMany({ data: reservations.map((r) => ({ sessionId, ...r })) })
    await renumberSeats(tx, sessionId, input.seats)
    const after = await lockSession(tx, sessionId)

    const published = after.round.status !== 'concept'
    const summary = `Sessie "${after.title}" gewijzigd: ${changes.join('; ')}. Reden: ${reason}`
    if (published) {
      // The attendees first, so whoever is promoted below reads the change before the seat.
      const attendees = await attendeesOf(tx, sessionId)
      for (const a of attendees) await mailSessionChanged(tx, a, after, changes, reason)
      await recordRoundChange(tx, { id: after.roundId, title: after.round.title }, summary, {
        skipEmails: new Set(attendees.map((a) => a.email)),
      })
      const known = new Set(before.reservations.map((r) => r.organisationId))
      const added = reservations.filter((r) => !known.has(r.organisationId)).map((r) => r.organisationId)
      if (added.length) await inviteReservedOrganisations(tx, sessionId, added)
    }
    await recordAudit(tx, {
      actor,
      action: 'consultatie.sessie.gewijzigd',
      subjectType: 'ConsultationSession',
      subjectId: sessionId,
      summary,
      reason,
      regionId,
    })
    const promoted = await promoteFromWaitingList(tx, after, actor)
    return { ok: true, changed: true, promoted }
  })
}

export type SessionCancelResult =
  | { ok: true; attendees: number; removed: boolean }
  | { ok: false; reason: 'onbekend' | 'begonnen' | 'geannuleerd' }

/**
 * Cancels a session that has not started: every attendee hears it (a seat holder with an .ics that removes the
 * appointment), the change is listed and audited, and the session is marked cancelled. It stays with its
 * registrations and waiting list as they were, so the buyer keeps the attendee list. In a concept round nobody has
 * seen or joined the session, so there it is removed (`removed`).
 */
export async function cancelSession(
  regionId: string,
  sessionId: string,
  reason: string,
  actor: Actor,
): Promise<SessionCancelResult> {
  return withSeatRetry(async (tx): Promise<SessionCancelResult> => {
    if (!(await sessionInRegion(tx, regionId, sessionId))) return { ok: false, reason: 'onbekend' }
    const session = await lockSession(tx, sessionId)
    if (session.cancelledAt) return { ok: false, reason: 'geannuleerd' }
    if (sessionStarted(session, now())) return { ok: false, reason: 'begonnen' }
    const attendees = await attendeesOf(tx, sessionId)
    const summary = `Sessie "${session.title}" op ${formatDateTime(session.startsAt)} gaat niet door. Reden: ${reason}`
    const published = session.round.status !== 'concept'
    if (published) {
      await tx.consultationSession.update({
        where: { id: sessionId },
        data: { cancelledAt: now(), cancelReason: reason },
      })
      for (const a of attendees) await mailSessionCancelled(tx, a, session, reason)
      await recordRoundChange(tx, { id: session.roundId, title: session.round.title }, summary, {
        skipEmails: new Set(attendees.map((a) => a.email)),
      })
    }
    await recordAudit(tx, {
      actor,
      action: 'consultatie.sessie.geannuleerd',
      subjectType: 'ConsultationSession',
      subjectId: sessionId,
      summary: `${summary} (${attendees.length} aanmelding(en) vervallen)`,
      reason,
      regionId,
    })
    if (!published) await tx.consultationSession.delete({ where: { id: sessionId } })
    return { ok: true, attendees: attendees.length, removed: !published }
  })
}
