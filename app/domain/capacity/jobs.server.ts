/**
 * Stale capacity: after 30 days without a confirmation, the organisation's beheerders get an e-mail, once per
 * 30-day period (dedupeKey), and the reminder is audited. The 60-day rule ("niet recent bevestigd") is not a job:
 * the keuzehulp applies `capacityFreshness` when it reads.
 */
import { getDb, type Db } from '~/utils/db.server'
import { registerJob } from '~/utils/jobs.server'
import { queueEmail } from '~/utils/email.server'
import { getEnv } from '~/utils/env.server'
import { now } from '~/utils/clock'
import { addDays, formatDate } from '~/utils/time'
import { recordAudit } from '~/domain/audit/audit.server'
import { REMINDER_AFTER_DAYS, reminderPeriod } from './rules'

/**
 * Queues one reminder per organisation whose oldest unconfirmed admitted product is more than 30 days old.
 * Products without any report count from the start of their admission. Idempotent: the dedupeKey names the
 * organisation, the confirmation date the reminder is about and the 30-day period, so a second run adds nothing
 * and a new period (or a new confirmation that goes stale again) gives a new reminder. Returns how many were queued.
 */
export async function remindStaleCapacity(db: Db, today: Date = now()): Promise<number> {
  const cutoff = addDays(today, -REMINDER_AFTER_DAYS)
  const admissions = await db.admission.findMany({
    where: { status: 'actief' },
    select: { organisationId: true, productId: true, since: true },
  })
  if (admissions.length === 0) return 0
  const reports = await db.capacityReport.findMany({
    where: { isCurrent: true },
    select: { organisationId: true, productId: true, confirmedAt: true },
  })
  const confirmedOf = new Map(reports.map((r) => [`${r.organisationId}|${r.productId}`, r.confirmedAt]))
  // Per organisation: the oldest base date (last confirmation, or admission start when never confirmed).
  const oldest = new Map<string, { base: Date; products: Set<string> }>()
  for (const a of admissions) {
    const base = confirmedOf.get(`${a.organisationId}|${a.productId}`) ?? a.since
    if (base >= cutoff) continue
    const entry = oldest.get(a.organisationId)
    if (!entry) oldest.set(a.organisationId, { base, products: new Set([a.productId]) })
    else {
      entry.products.add(a.productId)
      if (base < entry.base) entry.base = base
    }
  }
  let queued = 0
  for (const [organisationId, { base, products }] of oldest) {
    const period = reminderPeriod(base, today)
    if (period < 1) continue
    const dedupeKey = `capaciteit-herinnering:${organisationId}:${base.toISOString().slice(0, 10)}:${period}`
    const done = await db.$transaction(async (tx) => {
      const org = await tx.organisation.findUniqueOrThrow({
        where: { id: organisationId },
        select: {
          name: true,
          email: true,
          memberships: { where: { role: 'beheerder' }, select: { user: { select: { email: true } } } },
        },
      })
      const recipients = org.memberships.length ? org.memberships.map((m) => m.user.email) : [org.email]
      const link = `${getEnv().APP_URL}/aanbieder/capaciteit`
      let sent = 0
      for (const to of recipients) {
        const key = `${dedupeKey}:${to}`
        if (await tx.outboxMessage.findUnique({ where: { dedupeKey: key }, select: { id: true } })) continue
        sent++
        await queueEmail(tx, {
          to,
          dedupeKey: key,
          subject: `Bevestig uw capaciteit en wachttijden (${org.name})`,
          text: [
            'Beste beheerder,',
            '',
            `${org.name} heeft de capaciteit en wachttijd van ${products.size} product(en) langer dan ${REMINDER_AFTER_DAYS} dagen niet bevestigd. De oudste bevestiging is van ${formatDate(base)}.`,
            '',
            'Verwijzers en inwoners zien uw wachttijd in de keuzehulp. Na 60 dagen zonder bevestiging tonen wij "niet recent bevestigd" in plaats van uw wachttijd.',
            '',
            `Controleer uw gegevens en bevestig ze: ${link}`,
            'Is er niets veranderd? Kies dan "Alles ongewijzigd bevestigen".',
            '',
            'Met vriendelijke groet,',
            'Aanbiederspoort',
          ].join('\n'),
        })
      }
      if (sent === 0) return false
      await recordAudit(tx, {
        actor: { system: 'capaciteit-herinnering' },
        action: 'capaciteit.herinnering-verstuurd',
        subjectType: 'Organisation',
        subjectId: organisationId,
        summary: `Herinnering verstuurd aan ${recipients.join(', ')}: capaciteit van ${products.size} product(en) langer dan ${REMINDER_AFTER_DAYS} dagen niet bevestigd`,
        organisationId,
      })
      return true
    })
    if (done) queued++
  }
  return queued
}

registerJob({
  name: 'capaciteit-herinnering',
  everyMs: 60 * 60_000,
  run: () => remindStaleCapacity(getDb()),
})
