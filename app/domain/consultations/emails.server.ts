import type { DbOrTx } from '~/utils/db.server'
import { queueEmail } from '~/utils/email.server'
import { getEnv } from '~/utils/env.server'
import { formatDateTime, formatWeekdayDate, formatTime } from '~/utils/time'
import { now } from '~/utils/clock'
import { buildIcs } from './ics'
import { SESSION_KIND_LABELS, type SessionKind } from './rules'

export type SessionForMail = {
  id: string
  roundId: string
  kind: string
  title: string
  startsAt: Date
  durationMinutes: number
  address: string | null
  onlineUrl: string | null
  round: { title: string }
}

export function roundUrl(roundId: string): string {
  return `${getEnv().APP_URL}/consultaties/${roundId}`
}

export function sessionEnd(session: { startsAt: Date; durationMinutes: number }): Date {
  return new Date(session.startsAt.getTime() + session.durationMinutes * 60_000)
}

// SEQUENCE from the clock: every later .ics of a session (a change, a cancellation) has a higher one.
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1)

/** The .ics of a session. The online link is only in it for registered attendees (`withOnlineUrl`). */
export function sessionIcs(session: SessionForMail, withOnlineUrl: boolean, cancelled = false): string {
  const lines = [
    `${SESSION_KIND_LABELS[session.kind as SessionKind] ?? session.kind} van ${session.round.title}`,
  ]
  if (withOnlineUrl && session.onlineUrl) lines.push(`Online deelnemen: ${session.onlineUrl}`)
  lines.push(`Meer informatie: ${roundUrl(session.roundId)}`)
  const stamp = now()
  return buildIcs({
    uid: `sessie-${session.id}@aanbiederspoort`,
    stamp,
    sequence: Math.max(0, Math.floor((stamp.getTime() - SEQUENCE_EPOCH) / 1000)),
    cancelled,
    start: session.startsAt,
    end: sessionEnd(session),
    summary: session.title,
    description: lines.join('\n'),
    location: session.address ?? (withOnlineUrl && session.onlineUrl ? session.onlineUrl : 'Online'),
    url: roundUrl(session.roundId),
  })
}

/** When and where; the online link only for someone with a seat (`withOnlineUrl`). */
function whereAndWhen(session: SessionForMail, withOnlineUrl = true): string {
  const place = session.address ? `Plaats: ${session.address}` : 'Plaats: online'
  const online =
    withOnlineUrl && session.onlineUrl
      ? `\nOnline deelnemen: ${session.onlineUrl}`
      : session.onlineUrl
        ? '\nDe link om online deel te nemen krijgt u zodra u een plaats heeft.'
        : ''
  return (
    `Wanneer: ${formatWeekdayDate(session.startsAt)}, ${formatTime(session.startsAt)} tot ` +
    `${formatTime(sessionEnd(session))}\n${place}${online}`
  )
}

function icsAttachment(session: SessionForMail, cancelled = false) {
  return {
    filename: 'sessie.ics',
    contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    contentBase64: Buffer.from(sessionIcs(session, true, cancelled), 'utf8').toString('base64'),
  }
}

export async function mailSeatConfirmed(
  tx: DbOrTx,
  to: { name: string; email: string },
  session: SessionForMail,
  promoted: boolean,
) {
  await queueEmail(tx, {
    to: to.email,
    subject: promoted
      ? `U heeft een plaats gekregen: ${session.title}`
      : `Aanmelding bevestigd: ${session.title}`,
    text:
      `Beste ${to.name},\n\n` +
      (promoted
        ? `Er is een plaats vrijgekomen. U stond op de wachtlijst en bent nu zeker van een plaats bij "${session.title}".\n\n`
        : `U bent aangemeld voor "${session.title}" (${session.round.title}).\n\n`) +
      `${whereAndWhen(session)}\n\n` +
      `In de bijlage vindt u de afspraak voor uw agenda. Kunt u niet komen? Meld u dan af via ${roundUrl(session.roundId)}, ` +
      `zodat iemand op de wachtlijst uw plaats krijgt.\n`,
    attachments: [icsAttachment(session)],
  })
}

export async function mailWaitingList(
  tx: DbOrTx,
  to: { name: string; email: string },
  session: SessionForMail,
) {
  await queueEmail(tx, {
    to: to.email,
    subject: `Op de wachtlijst: ${session.title}`,
    text:
      `Beste ${to.name},\n\n` +
      `"${session.title}" (${session.round.title}) is vol. U staat op de wachtlijst. Komt er een plaats vrij, ` +
      `dan krijgt u die automatisch en ontvangt u een e-mail.\n\n` +
      `Meer informatie: ${roundUrl(session.roundId)}\n`,
  })
}

export async function mailCancelled(
  tx: DbOrTx,
  to: { name: string; email: string },
  session: SessionForMail,
) {
  await queueEmail(tx, {
    to: to.email,
    subject: `Afgemeld: ${session.title}`,
    text: `Beste ${to.name},\n\nU bent afgemeld voor "${session.title}" op ${formatDateTime(session.startsAt)}.\n`,
  })
}

export async function mailReminder(
  tx: DbOrTx,
  registration: { id: string; attendeeName: string; attendeeEmail: string },
  session: SessionForMail,
) {
  await queueEmail(tx, {
    to: registration.attendeeEmail,
    subject: `Herinnering: morgen ${session.title}`,
    text: `Beste ${registration.attendeeName},\n\nMorgen is "${session.title}" (${session.round.title}).\n\n${whereAndWhen(session)}\n`,
    attachments: [icsAttachment(session)],
    // Per start: a moved session gets its own reminder, but each start only one.
    dedupeKey: `consultatie-herinnering:${registration.id}:${session.startsAt.toISOString()}`,
  })
}

type Attendee = { name: string; email: string; status: string }

/** A changed session, to one attendee: what changed, why, and (for a seat holder) the updated .ics. */
export async function mailSessionChanged(
  tx: DbOrTx,
  to: Attendee,
  session: SessionForMail,
  changes: string[],
  reason: string,
) {
  const seat = to.status === 'zeker'
  await queueEmail(tx, {
    to: to.email,
    subject: `Sessie gewijzigd: ${session.title}`,
    text:
      `Beste ${to.name},\n\n` +
      `De sessie "${session.title}" (${session.round.title}) is gewijzigd:\n` +
      changes.map((c) => `- ${c}\n`).join('') +
      `\nReden: ${reason}\n\n${whereAndWhen(session, seat)}\n\n` +
      (seat
        ? 'Uw plaats blijft staan. In de bijlage vindt u de bijgewerkte afspraak voor uw agenda. Kunt u niet meer ' +
          `komen? Meld u dan af via ${roundUrl(session.roundId)}\n`
        : `U staat nog op de wachtlijst. Meer informatie: ${roundUrl(session.roundId)}\n`),
    attachments: seat ? [icsAttachment(session)] : [],
  })
}

/** A cancelled session, to one attendee; a seat holder gets an .ics that removes the appointment. */
export async function mailSessionCancelled(
  tx: DbOrTx,
  to: Attendee,
  session: SessionForMail,
  reason: string,
) {
  const seat = to.status === 'zeker'
  await queueEmail(tx, {
    to: to.email,
    subject: `Sessie gaat niet door: ${session.title}`,
    text:
      `Beste ${to.name},\n\n` +
      `De sessie "${session.title}" (${session.round.title}) op ${formatDateTime(session.startsAt)} gaat niet door.\n\n` +
      `Reden: ${reason}\n\n` +
      (seat ? 'Met de bijlage haalt u de afspraak uit uw agenda. ' : '') +
      `Uw aanmelding vervalt; u hoeft niets te doen. Meer informatie: ${roundUrl(session.roundId)}\n`,
    attachments: seat ? [icsAttachment(session, true)] : [],
  })
}

/**
 * Invites an organisation to a session where seats are reserved for it: its beheerders (or, without any, the
 * organisation's own address). Once per session, organisation and address.
 */
export async function mailReservationInvite(
  tx: DbOrTx,
  organisationId: string,
  seats: number,
  session: SessionForMail & { registrationDeadline: Date },
) {
  const org = await tx.organisation.findUnique({
    where: { id: organisationId },
    select: {
      name: true,
      email: true,
      memberships: { where: { role: 'beheerder' }, select: { user: { select: { email: true } } } },
    },
  })
  if (!org) return 0
  const recipients = new Set(org.memberships.length ? org.memberships.map((m) => m.user.email) : [org.email])
  for (const email of recipients) {
    await queueEmail(tx, {
      to: email,
      subject: `Uitnodiging: ${session.title}`,
      text:
        `Beste beheerder van ${org.name},\n\n` +
        `De regio nodigt ${org.name} uit voor "${session.title}" (${session.round.title}). Voor uw organisatie ` +
        `${seats === 1 ? 'is 1 plaats' : `zijn ${seats} plaatsen`} gereserveerd.\n\n${whereAndWhen(session, false)}\n\n` +
        `Meld uw deelnemers aan vóór ${formatDateTime(session.registrationDeadline)} via ${roundUrl(session.roundId)}\n`,
      dedupeKey: `consultatie-uitnodiging:${session.id}:${organisationId}:${email}`,
    })
  }
  return recipients.size
}
