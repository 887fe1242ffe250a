import { db, type Tx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { decideSeat, mayRegister, mayTransition, sessionStarted, type SeatState } from './rules'
import { sessionFactsSelect } from './session-select'
import {
  mailCancelled,
  mailSeatConfirmed,
  mailWaitingList,
  mailReminder,
  type SessionForMail,
} from './emails.server'

const sessionSelect = {
  ...sessionFactsSelect,
  reservations: { select: { organisationId: true, seats: true } },
  round: {
    select: {
      title: true,
      regionId: true,
      status: true,
      opensAt: true,
      closesAt: true,
      questionsDeadline: true,
    },
  },
} as const

/**
 * Takes the session row first, so registrations for one session run one after another: PostgreSQL holds a row lock
 * until commit; SQLite takes its write lock. The unique (sessionId, seatNumber) index is the last line of defence.
 */
export async function lockSession(tx: Tx, sessionId: string) {
  return tx.consultationSession.update({
    where: { id: sessionId },
    data: { updatedAt: now() },
    select: sessionSelect,
  })
}

export type LockedSession = Awaited<ReturnType<typeof lockSession>>

export async function seatState(
  tx: Tx,
  session: Pick<LockedSession, 'id' | 'seats' | 'seatsPerOrganisation' | 'reservations'>,
): Promise<SeatState> {
  const active = await tx.sessionRegistration.findMany({
    where: { sessionId: session.id, status: { in: ['zeker', 'wachtlijst'] } },
    select: { organisationId: true, status: true, seatNumber: true },
  })
  const zekerByOrganisation = new Map<string, number>()
  const activeByOrganisation = new Map<string, number>()
  const takenSeatNumbers: number[] = []
  for (const r of active) {
    activeByOrganisation.set(r.organisationId, (activeByOrganisation.get(r.organisationId) ?? 0) + 1)
    if (r.status === 'zeker') {
      zekerByOrganisation.set(r.organisationId, (zekerByOrganisation.get(r.organisationId) ?? 0) + 1)
      if (r.seatNumber !== null) takenSeatNumbers.push(r.seatNumber)
    }
  }
  return {
    seats: session.seats,
    seatsPerOrganisation: session.seatsPerOrganisation,
    takenSeatNumbers,
    zekerByOrganisation,
    activeByOrganisation,
    reservations: session.reservations,
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null
  return (
    e?.code === 'P2002' || /unique constraint|UNIQUE constraint failed|duplicate key/i.test(e?.message ?? '')
  )
}

const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 }

/** Runs `work` in a transaction and runs it again when two requests raced for the same seat number. */
export async function withSeatRetry<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => work(tx), TX_OPTIONS)
    } catch (error) {
      if (attempt < 10 && isUniqueViolation(error)) continue
      throw error
    }
  }
}

export type RegisterResult =
  | { ok: true; status: 'zeker' | 'wachtlijst'; registrationId: string; seatNumber: number | null }
  /** geannuleerd: the session was cancelled (it stays, with its registrations, as the record). */
  | { ok: false; reason: 'gesloten' | 'limiet' | 'dubbel' | 'geannuleerd' }

/** Registers one attendee of an organisation for a session: a seat when one is free for it, else the waiting list. */
export async function registerForSession(input: {
  sessionId: string
  organisationId: string
  attendeeName: string
  attendeeEmail: string
  actor: Actor
}): Promise<RegisterResult> {
  const email = input.attendeeEmail.trim().toLowerCase()
  return withSeatRetry(async (tx): Promise<RegisterResult> => {
    const session = await lockSession(tx, input.sessionId)
    if (session.cancelledAt) return { ok: false, reason: 'geannuleerd' }
    if (!mayRegister(session.round, session, now())) return { ok: false, reason: 'gesloten' }
    const duplicate = await tx.sessionRegistration.count({
      where: { sessionId: session.id, attendeeEmail: email, status: { in: ['zeker', 'wachtlijst'] } },
    })
    if (duplicate > 0) return { ok: false, reason: 'dubbel' }
    const decision = decideSeat(await seatState(tx, session), input.organisationId)
    if (decision.kind === 'limiet') return { ok: false, reason: 'limiet' }
    const id = newId()
    const seatNumber = decision.kind === 'zeker' ? decision.seatNumber : null
    await tx.sessionRegistration.create({
      data: {
        id,
        sessionId: session.id,
        organisationId: input.organisationId,
        attendeeName: input.attendeeName.trim(),
        attendeeEmail: email,
        status: decision.kind,
        seatNumber,
      },
    })
    const to = { name: input.attendeeName.trim(), email }
    if (decision.kind === 'zeker') await mailSeatConfirmed(tx, to, session, false)
    else await mailWaitingList(tx, to, session)
    await recordAudit(tx, {
      actor: input.actor,
      action: 'consultatie.sessie.aangemeld',
      subjectType: 'SessionRegistration',
      subjectId: id,
      summary: `${to.name} aangemeld voor "${session.title}": ${decision.kind === 'zeker' ? `plaats ${seatNumber}` : 'wachtlijst'}`,
      organisationId: input.organisationId,
      regionId: session.round.regionId,
    })
    return { ok: true, status: decision.kind, registrationId: id, seatNumber }
  })
}

/**
 * Gives free seats to the waiting list in order of registration, as far as per-organisation limits and
 * reservations allow. Runs inside the transaction that freed the seat. A cancelled session has no seats to give.
 */
export async function promoteFromWaitingList(tx: Tx, session: LockedSession, actor: Actor) {
  if (session.cancelledAt) return []
  const waiting = await tx.sessionRegistration.findMany({
    where: { sessionId: session.id, status: 'wachtlijst' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, organisationId: true, attendeeName: true, attendeeEmail: true },
  })
  const promoted: string[] = []
  for (const candidate of waiting) {
    const decision = decideSeat(await seatState(tx, session), candidate.organisationId, false)
    if (decision.kind !== 'zeker') continue
    await tx.sessionRegistration.update({
      where: { id: candidate.id },
      data: { status: 'zeker', seatNumber: decision.seatNumber },
    })
    await mailSeatConfirmed(
      tx,
      { name: candidate.attendeeName, email: candidate.attendeeEmail },
      session,
      true,
    )
    await recordAudit(tx, {
      actor,
      action: 'consultatie.sessie.van-wachtlijst',
      subjectType: 'SessionRegistration',
      subjectId: candidate.id,
      summary: `${candidate.attendeeName} van de wachtlijst naar plaats ${decision.seatNumber} bij "${session.title}"`,
      organisationId: candidate.organisationId,
      regionId: session.round.regionId,
    })
    promoted.push(candidate.id)
  }
  return promoted
}

export type CancelResult =
  | { ok: true; promoted: string[] }
  /**
   * onbekend: not this organisation's, or already cancelled; begonnen: the session has started; geannuleerd: the
   * session was cancelled, so its registrations stay as they were.
   */
  | { ok: false; reason: 'onbekend' | 'begonnen' | 'geannuleerd'; promoted: [] }

/**
 * Cancels a registration of the organisation (or, for the buyer, any of the session) and fills the seat. Refused
 * once the session has started: then there is nothing to cancel and no seat to give on.
 */
export async function cancelRegistration(input: {
  registrationId: string
  /** The provider's organisation; null when the buyer of the region cancels. */
  organisationId: string | null
  regionId?: string
  actor: Actor
}): Promise<CancelResult> {
  return withSeatRetry(async (tx): Promise<CancelResult> => {
    const scope = {
      id: input.registrationId,
      ...(input.organisationId ? { organisationId: input.organisationId } : {}),
      ...(input.regionId ? { session: { round: { regionId: input.regionId } } } : {}),
    }
    // Only to find the session: its status is read again once the session is locked, as another cancellation or a
    // promotion may have changed it meanwhile (PostgreSQL reads committed data, not the data at lock time).
    const found = await tx.sessionRegistration.findFirst({ where: scope, select: { sessionId: true } })
    if (!found) return { ok: false, reason: 'onbekend', promoted: [] }
    const session = await lockSession(tx, found.sessionId)
    const registration = await tx.sessionRegistration.findFirst({
      where: scope,
      select: { id: true, status: true, attendeeName: true, attendeeEmail: true, organisationId: true },
    })
    if (!registration || !mayTransition(registration.status, 'geannuleerd'))
      return { ok: false, reason: 'onbekend', promoted: [] }
    if (session.cancelledAt) return { ok: false, reason: 'geannuleerd', promoted: [] }
    if (sessionStarted(session, now())) return { ok: false, reason: 'begonnen', promoted: [] }
    // Conditional: of two cancellations (a double click) only one changes the row and sends the e-mail.
    const cancelled = await tx.sessionRegistration.updateMany({
      where: { id: registration.id, status: { in: ['zeker', 'wachtlijst'] } },
      data: { status: 'geannuleerd', seatNumber: null },
    })
    if (cancelled.count !== 1) return { ok: false, reason: 'onbekend', promoted: [] }
    await mailCancelled(tx, { name: registration.attendeeName, email: registration.attendeeEmail }, session)
    await recordAudit(tx, {
      actor: input.actor,
      action: 'consultatie.sessie.afgemeld',
      subjectType: 'SessionRegistration',
      subjectId: registration.id,
      summary: `${registration.attendeeName} afgemeld voor "${session.title}"`,
      organisationId: registration.organisationId,
      regionId: session.round.regionId,
    })
    const promoted =
      registration.status === 'zeker' ? await promoteFromWaitingList(tx, session, input.actor) : []
    return { ok: true, promoted }
  })
}

/**
 * The day-before reminder: every seat holder of a session that starts within the next 24 hours gets one e-mail.
 * Exactly once: `reminderSentAt` is set in the same transaction and the e-mail has a dedupe key. A cancelled
 * session keeps its seat holders but sends no reminder.
 */
export async function sendSessionReminders(at: Date = now()): Promise<number> {
  const due = await db.sessionRegistration.findMany({
    where: {
      status: 'zeker',
      reminderSentAt: null,
      session: { cancelledAt: null, startsAt: { gt: at, lte: new Date(at.getTime() + 24 * 60 * 60_000) } },
    },
    select: { id: true, attendeeName: true, attendeeEmail: true, organisationId: true, sessionId: true },
    take: 200,
  })
  let sent = 0
  for (const registration of due) {
    await db.$transaction(async (tx) => {
      // The session filter again: a cancellation between the query and this claim wins.
      const claimed = await tx.sessionRegistration.updateMany({
        where: { id: registration.id, reminderSentAt: null, status: 'zeker', session: { cancelledAt: null } },
        data: { reminderSentAt: at },
      })
      if (claimed.count !== 1) return
      const session = (await tx.consultationSession.findUniqueOrThrow({
        where: { id: registration.sessionId },
        select: sessionSelect,
      })) as SessionForMail
      await mailReminder(tx, registration, session)
      sent++
    })
  }
  return sent
}
