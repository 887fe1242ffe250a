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

/** The .ics of a session. The online link is only in it for registered attendees (`withOnlineUrl`). */
export function sessionIcs(session: SessionForMail, withOnlineUrl: boolean): string {
  const lines = [
    `${SESSION_KIND_LABELS[session.kind as SessionKind] ?? session.kind} van ${session.round.title}`,
  ]
  if (withOnlineUrl && session.onlineUrl) lines.push(`Online deelnemen: ${session.onlineUrl}`)
  lines.push(`Meer informatie: ${roundUrl(session.roundId)}`)
  return buildIcs({
    uid: `sessie-${session.id}@aanbiederspoort`,
    stamp: now(),
    start: session.startsAt,
    end: sessionEnd(session),
    summary: session.title,
    description: lines.join('\n'),
    location: session.address ?? (withOnlineUrl && session.onlineUrl ? session.onlineUrl : 'Online'),
    url: roundUrl(session.roundId),
  })
}

function whereAndWhen(session: SessionForMail): string {
  const place = session.address ? `Plaats: ${session.address}` : 'Plaats: online'
  const online = session.onlineUrl ? `\nOnline deelnemen: ${session.onlineUrl}` : ''
  return (
    `Wanneer: ${formatWeekdayDate(session.startsAt)}, ${formatTime(session.startsAt)} tot ` +
    `${formatTime(sessionEnd(session))}\n${place}${online}`
  )
}

function icsAttachment(session: SessionForMail) {
  return {
    filename: 'sessie.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    contentBase64: Buffer.from(sessionIcs(session, true), 'utf8').toString('base64'),
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
    dedupeKey: `consultatie-herinnering:${registration.id}`,
  })
}
