/**
 * Reminders for obligations: 14 and 3 days before the due day and on the day it becomes late, each at most once
 * (dedupe key `verplichting:<id>:<mark>`). Safe to run as often as you like.
 */
import type { Db } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { getEnv } from '~/utils/env.server'
import { queueEmail } from '~/utils/email.server'
import { addDays, formatDate, startOfAmsterdamDay } from '~/utils/time'
import { reminderMark, type ReminderMark } from './recurrence'
import { providerRecipients } from './contracts.server'

function subjectOf(mark: ReminderMark, title: string, due: Date): string {
  if (mark === 'te-laat') return `Te laat: ${title} (uiterlijk ${formatDate(due)})`
  return `Herinnering: ${title} uiterlijk ${formatDate(due)}`
}

export async function sendObligationReminders(db: Db): Promise<{ queued: number }> {
  const at = now()
  const today = startOfAmsterdamDay(at)
  const candidates = await db.obligation.findMany({
    where: {
      status: { in: ['open', 'correctie_gevraagd'] },
      dueDate: { gte: addDays(today, -8), lte: addDays(today, 15) },
      template: { active: true },
    },
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      organisationId: true,
      template: { select: { contract: { select: { perceel: { select: { name: true } } } } } },
    },
  })
  let queued = 0
  for (const o of candidates) {
    const mark = reminderMark(o.status, o.dueDate, at)
    if (!mark) continue
    // Per due date: an obligation moved by a template change is reminded again for its new date, once per mark.
    const dedupeKey = `verplichting:${o.id}:${o.dueDate.toISOString()}:${mark}`
    const exists = await db.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true } })
    if (exists) continue
    const link = `${getEnv().APP_URL}/aanbieder/verplichtingen/${o.id}`
    const perceel = o.template.contract.perceel.name
    const text =
      mark === 'te-laat'
        ? `De verplichting "${o.title}" voor ${perceel} had uiterlijk ${formatDate(o.dueDate)} klaar moeten zijn. De gemeente ziet haar nu als te laat.\n\nHandel haar zo snel mogelijk af: ${link}\n`
        : `Herinnering: de verplichting "${o.title}" voor ${perceel} moet uiterlijk ${formatDate(o.dueDate)} klaar zijn.\n\nU handelt haar af in het portaal: ${link}\n`
    const recipients = await providerRecipients(db, o.organisationId)
    await db.$transaction(async (tx) => {
      // One key per message; the first recipient carries the plain key, so one lookup tells whether it went out.
      for (const [i, to] of recipients.entries()) {
        await queueEmail(tx, {
          to,
          subject: subjectOf(mark, o.title, o.dueDate),
          text,
          dedupeKey: i === 0 ? dedupeKey : `${dedupeKey}:${to}`,
        })
      }
    })
    queued++
  }
  return { queued }
}
