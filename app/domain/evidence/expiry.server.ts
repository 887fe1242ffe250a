/**
 * What happens around an end date, run by a periodic job (jobs.server.ts) and safe to run any number of times:
 *
 * 1. Reminders to the organisation's beheerders 90, 30 and 7 days before `validUntil` and on the day itself. Each mark
 *    is sent once: the `EvidenceReminder` row (unique per item and mark) and the e-mail (outbox, with a dedupe key) are
 *    written in one transaction. A late first run sends only the nearest mark (no "90 days" mail at 20 days left);
 *    the skipped marks are recorded so they never follow. The text names the real days left, not the mark.
 * 2. Admissions at risk: an active admission whose requirement set (that of its entry) asks for evidence that neither
 *    the organisation nor a partner delivering the product still has (expired, rejected, missing) becomes `atRisk`;
 *    the region's inkopers are e-mailed and it is audited. It is cleared only when every required piece is met by APPROVED evidence again (a new version that
 *    is still "in controle" does not clear it). The keuzehulp hides admissions at risk.
 */
import type { Db, DbOrTx, Tx } from '~/utils/db.server'
import { db as defaultDb } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { queueEmail } from '~/utils/email.server'
import { getEnv } from '~/utils/env.server'
import { addDays, formatDate, startOfAmsterdamDay } from '~/utils/time'
import { checkRequirement, dueReminderMark, REMINDER_MARKS, reminderMessage } from './rules'
import { beheerderEmails } from './evidence.server'
import { regionStaffEmails } from '~/domain/accounts/regions.server'

const SYSTEM: Actor = { system: 'bewijsstukken-verloop' }

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code
  return code === 'P2002' || /unique/i.test(String((error as Error)?.message ?? ''))
}

/** Queues the reminders due today. Returns how many reminder marks were sent. */
export async function sendExpiryReminders(db: Db = defaultDb, today: Date = now()): Promise<number> {
  const start = startOfAmsterdamDay(today)
  const items = await db.evidenceItem.findMany({
    where: {
      replacedBy: null,
      verification: { not: 'afgekeurd' },
      validUntil: { gte: addDays(start, -7), lte: addDays(start, REMINDER_MARKS[0] + 1) },
    },
    select: {
      id: true,
      validUntil: true,
      organisationId: true,
      type: { select: { name: true } },
      reminders: { select: { mark: true } },
    },
  })
  let sent = 0
  for (const item of items) {
    if (!item.validUntil) continue
    const mark = dueReminderMark(item.validUntil, today)
    if (mark === null) continue
    const done = new Set(item.reminders.map((r) => r.mark))
    if (done.has(mark)) continue
    const skipped = REMINDER_MARKS.filter((m) => m > mark && !done.has(m))
    try {
      await db.$transaction(async (tx) => {
        // The unique key (item, mark) makes a second, concurrent run fail here and roll back its e-mail.
        await tx.evidenceReminder.create({ data: { evidenceItemId: item.id, mark } })
        for (const m of skipped)
          await tx.evidenceReminder.create({ data: { evidenceItemId: item.id, mark: m } })
        // The mark only deduplicates; the words follow the real days left (a late first run, a run after the day).
        const message = reminderMessage(item.type.name, item.validUntil!, today)
        const link = `${getEnv().APP_URL}/aanbieder/bewijsstukken/${item.id}/vervangen`
        const text = `${message.text}Voeg een nieuwe versie toe: ${link}\n`
        for (const to of await beheerderEmails(tx, item.organisationId)) {
          await queueEmail(tx, {
            to,
            subject: message.subject,
            text,
            dedupeKey: `bewijs-herinnering:${item.id}:${mark}:${to}`,
          })
        }
        await recordAudit(tx, {
          actor: SYSTEM,
          action: 'bewijsstuk.herinnering',
          subjectType: 'EvidenceItem',
          subjectId: item.id,
          summary: message.summary,
          organisationId: item.organisationId,
        })
      })
      sent++
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
  }
  return sent
}

/**
 * Re-assesses the active admissions of one organisation: marks them at risk when a required piece is not met
 * (expired, rejected or missing; "in controle" still counts while not at risk), and clears the mark when every piece
 * is met by approved evidence. Call inside the transaction of a change that may alter the outcome, or from the job.
 *
 * Each admission is held to the requirement set its entry was judged on (frozen when its registration moment opened;
 * a later version applies to later moments only). An awarded admission (no entry) is held to the perceel's latest
 * published set. For a product that a confirmed partner of the entry delivers, the partner's own current evidence
 * counts as well, as it did when the entry was judged. "Issued within N months" is not applied here: recency is a
 * condition for being judged (entry submission and decision), not a date on which the evidence ends.
 */
export async function reassessAdmissions(
  tx: Tx,
  organisationId: string,
  today: Date = now(),
  actor: Actor = SYSTEM,
): Promise<{ markedAtRisk: number; cleared: number }> {
  const admissions = await tx.admission.findMany({
    where: { organisationId, status: 'actief' },
    select: {
      id: true,
      perceelId: true,
      productId: true,
      atRisk: true,
      entry: {
        select: {
          requirementSetId: true,
          partners: {
            where: { confirmedAt: { not: null } },
            select: { organisationId: true, products: { select: { productId: true } } },
          },
        },
      },
    },
  })
  if (admissions.length === 0) return { markedAtRisk: 0, cleared: 0 }
  const perceelIds = [...new Set(admissions.map((a) => a.perceelId))]
  const entrySetIds = [...new Set(admissions.flatMap((a) => (a.entry ? [a.entry.requirementSetId] : [])))]
  const partnerIds = [
    ...new Set(admissions.flatMap((a) => a.entry?.partners.map((p) => p.organisationId) ?? [])),
  ]
  const evidenceSelect = {
    select: {
      evidenceTypeId: true,
      validUntilAtLeast: true,
      issuedWithinMonths: true,
      evidenceType: { select: { name: true } },
    },
  } as const
  const [items, percelen, entrySets, organisation] = await Promise.all([
    tx.evidenceItem.findMany({
      where: { organisationId: { in: [organisationId, ...partnerIds] }, replacedBy: null },
      select: {
        id: true,
        organisationId: true,
        typeId: true,
        validFrom: true,
        validUntil: true,
        issuedAt: true,
        verification: true,
      },
    }),
    tx.perceel.findMany({
      where: { id: { in: perceelIds } },
      select: {
        id: true,
        name: true,
        procurement: { select: { regionId: true, region: { select: { slug: true } } } },
        requirementSets: {
          where: { publishedAt: { not: null } },
          orderBy: { version: 'desc' },
          take: 1,
          select: { evidence: evidenceSelect },
        },
      },
    }),
    tx.requirementSet.findMany({
      where: { id: { in: entrySetIds } },
      select: { id: true, evidence: evidenceSelect },
    }),
    tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
  ])
  type Required = (typeof entrySets)[number]['evidence'][number]
  const setById = new Map(entrySets.map((r) => [r.id, r.evidence]))
  const itemsByOrg = new Map<string, typeof items>()
  for (const i of items) itemsByOrg.set(i.organisationId, [...(itemsByOrg.get(i.organisationId) ?? []), i])
  const itemsOf = (orgId: string) => itemsByOrg.get(orgId) ?? []
  const own = itemsOf(organisationId)

  /** What an admission lacks: per requirement not met by the lead nor by a partner delivering the product. */
  const gapsOf = (a: (typeof admissions)[number], required: Required[], requireApproved: boolean) => {
    const delivering = (a.entry?.partners ?? []).filter((p) =>
      p.products.some((x) => x.productId === a.productId),
    )
    return required.flatMap((r) => {
      const requirement = {
        evidenceTypeId: r.evidenceTypeId,
        validUntilAtLeast: r.validUntilAtLeast,
        issuedWithinMonths: r.issuedWithinMonths,
        typeName: r.evidenceType.name,
      }
      // Recency ("issued within N months") was judged when the entry was; an item without end date does not lapse.
      const options = { requireApproved, applyRecency: false }
      const lead = checkRequirement(own, requirement, today, options)
      if (!lead.gap) return []
      const byPartner = delivering.some(
        (p) => checkRequirement(itemsOf(p.organisationId), requirement, today, options).match,
      )
      return byPartner ? [] : [lead.gap]
    })
  }

  let markedAtRisk = 0
  let cleared = 0
  for (const perceel of percelen) {
    const latest = perceel.requirementSets[0]?.evidence ?? []
    const assessed = admissions
      .filter((a) => a.perceelId === perceel.id)
      .map((a) => {
        const required = a.entry ? (setById.get(a.entry.requirementSetId) ?? []) : latest
        return { a, gaps: gapsOf(a, required, false), approvedGaps: gapsOf(a, required, true) }
      })
    const regionId = perceel.procurement.regionId
    const toMark = assessed.filter((x) => x.gaps.length > 0 && !x.a.atRisk)
    const toClear = assessed.filter((x) => x.approvedGaps.length === 0 && x.a.atRisk)
    if (toMark.length > 0) {
      const changed = await tx.admission.updateMany({
        where: { id: { in: toMark.map((x) => x.a.id) }, status: 'actief', atRisk: false },
        data: { atRisk: true },
      })
      if (changed.count > 0) {
        markedAtRisk += changed.count
        const reason = [...new Set(toMark.flatMap((x) => x.gaps))].join(' ')
        await recordAudit(tx, {
          actor,
          action: 'toelating.in_gevaar',
          subjectType: 'Perceel',
          subjectId: perceel.id,
          summary: `Toelating van ${organisation.name} voor ${perceel.name} in gevaar: vereist bewijs ontbreekt of is verlopen`,
          reason,
          organisationId,
          regionId,
        })
        for (const to of await regionStaffEmails(tx, regionId, 'inkoper')) {
          await queueEmail(tx, {
            to,
            subject: `Toelating in gevaar: ${organisation.name}, ${perceel.name}`,
            text:
              `Het vereiste bewijs van ${organisation.name} voor het perceel ${perceel.name} is niet meer geldig (${formatDate(today)}).\n\n` +
              `${reason}\n\nDe aanbieder staat voor dit perceel niet meer in de keuzehulp tot er weer goedgekeurd bewijs is.\n\n` +
              `Bekijk de bewijsstukken: ${getEnv().APP_URL}/regio/${perceel.procurement.region.slug}/bewijsstukken\n`,
          })
        }
      }
    }
    if (toClear.length > 0) {
      const changed = await tx.admission.updateMany({
        where: { id: { in: toClear.map((x) => x.a.id) }, status: 'actief', atRisk: true },
        data: { atRisk: false },
      })
      if (changed.count === 0) continue
      cleared += changed.count
      await recordAudit(tx, {
        actor,
        action: 'toelating.hersteld',
        subjectType: 'Perceel',
        subjectId: perceel.id,
        summary: `Toelating van ${organisation.name} voor ${perceel.name} hersteld: vereist bewijs is weer geldig en goedgekeurd`,
        organisationId,
        regionId,
      })
    }
  }
  return { markedAtRisk, cleared }
}

/**
 * Re-assesses after a decision on `organisationId`'s evidence: its own admissions, and those of every organisation
 * that has it as a confirmed partner on an entry with active admissions, since its evidence counts for theirs too.
 */
export async function reassessAfterEvidenceChange(
  tx: Tx,
  organisationId: string,
  today: Date = now(),
  actor: Actor = SYSTEM,
): Promise<{ markedAtRisk: number; cleared: number }> {
  const leads = await tx.admission.findMany({
    where: {
      status: 'actief',
      organisationId: { not: organisationId },
      entry: { partners: { some: { organisationId, confirmedAt: { not: null } } } },
    },
    select: { organisationId: true },
    distinct: ['organisationId'],
  })
  const total = { markedAtRisk: 0, cleared: 0 }
  for (const id of [organisationId, ...leads.map((l) => l.organisationId).sort()]) {
    const result = await reassessAdmissions(tx, id, today, actor)
    total.markedAtRisk += result.markedAtRisk
    total.cleared += result.cleared
  }
  return total
}

/** Organisations with active admissions: the ones whose admissions may need re-assessing. */
async function organisationsWithAdmissions(db: DbOrTx): Promise<string[]> {
  const rows = await db.admission.findMany({
    where: { status: 'actief' },
    select: { organisationId: true },
    distinct: ['organisationId'],
  })
  return rows.map((r) => r.organisationId)
}

/** The whole job: reminders, then admissions at risk (and cleared). Idempotent; the clock comes from `now()`. */
export async function runEvidenceExpiry(db: Db = defaultDb) {
  const today = now()
  const reminders = await sendExpiryReminders(db, today)
  let markedAtRisk = 0
  let cleared = 0
  for (const organisationId of await organisationsWithAdmissions(db)) {
    const result = await db.$transaction((tx) => reassessAdmissions(tx, organisationId, today))
    markedAtRisk += result.markedAtRisk
    cleared += result.cleared
  }
  return { reminders, markedAtRisk, cleared }
}
