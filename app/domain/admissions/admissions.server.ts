import { db, type Db, type Tx } from '~/utils/db.server'
import { syncObligationsForOrganisation } from '~/domain/contracts/obligations.server'
import { now } from '~/utils/clock'
import { newId } from '~/utils/ids.server'
import { queueEmail } from '~/utils/email.server'
import { getEnv } from '~/utils/env.server'
import { addDays, formatDate } from '~/utils/time'
import { perceelContractWhere } from './contract-end'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { AdmissionError, admissionStateLabel, findAdmissionTransition, type AdmissionAction } from './state'
import { providerRecipients } from './context.server'
import { REVALIDATION_DAYS } from './lifecycle.server'
import { regionStaffEmails } from '~/domain/accounts/regions.server'

const ACTION_WORDS: Record<AdmissionAction, string> = {
  schorsen: 'geschorst',
  herstellen: 'hersteld',
  beeindigen: 'beëindigd',
}

export type AdmissionTransitionInput = {
  admissionId: string
  action: AdmissionAction
  actor: Actor
  /** The region of the acting buyer (scopes the admission); omitted for the system (revalidation job). */
  regionId?: string
  reason: string
  /** E-mail the provider (default). Off where the provider already knew, as when its contract runs out. */
  notify?: boolean
}

/** Suspend, restore or end one admission, with its reason; audited and e-mailed to the provider. */
export async function transitionAdmission(input: AdmissionTransitionInput) {
  return db.$transaction((tx) => transitionAdmissionIn(tx, input))
}

export async function transitionAdmissionIn(tx: Tx, input: AdmissionTransitionInput) {
  const admission = await tx.admission.findUnique({
    where: { id: input.admissionId },
    include: {
      organisation: { select: { name: true } },
      product: { select: { code: true, name: true } },
      gemeente: { select: { name: true } },
      perceel: { select: { name: true, procurement: { select: { regionId: true } } } },
    },
  })
  if (!admission || (input.regionId && admission.perceel.procurement.regionId !== input.regionId)) {
    throw new AdmissionError('Deze toelating bestaat niet.', 'not_allowed')
  }
  const t = findAdmissionTransition(admission.status, input.action)
  if (!t) {
    throw new AdmissionError(
      `Een toelating met de status "${admissionStateLabel(admission.status)}" kan niet worden ${ACTION_WORDS[input.action]}.`,
      'transition',
    )
  }
  const reason = input.reason.trim()
  if (t.needsReason && !reason) throw new AdmissionError('Geef een reden.', 'invalid')
  const at = now()
  const updated = await tx.admission.updateMany({
    where: { id: admission.id, status: admission.status },
    data: {
      status: t.to,
      endedAt: t.to === 'beeindigd' ? at : null,
      ...(input.action === 'herstellen' ? { revalidationDueAt: addDays(at, REVALIDATION_DAYS) } : {}),
    },
  })
  if (updated.count !== 1) throw new AdmissionError('Deze toelating is intussen gewijzigd.', 'conflict')
  await syncObligationsForOrganisation(tx, admission.organisationId, admission.perceelId)
  const what = `${admission.product.code} ${admission.product.name} in ${admission.gemeente.name} (${admission.perceel.name})`
  await recordAudit(tx, {
    actor: input.actor,
    action: `toelating.${input.action}`,
    subjectType: 'Admission',
    subjectId: admission.id,
    summary: `Toelating ${what}: van "${admissionStateLabel(admission.status)}" naar "${admissionStateLabel(t.to)}"`,
    reason,
    organisationId: admission.organisationId,
    regionId: admission.perceel.procurement.regionId,
  })
  const recipients = input.notify === false ? [] : await providerRecipients(tx, admission.organisationId)
  for (const to of recipients) {
    await queueEmail(tx, {
      to,
      subject: `Toelating ${ACTION_WORDS[input.action]}: ${admission.perceel.name}`,
      dedupeKey: `toelating-${input.action}:${admission.id}:${at.getTime()}:${to}`,
      text: [
        `Uw toelating voor ${what} is ${ACTION_WORDS[input.action]} op ${formatDate(at)}.`,
        '',
        `Reden: ${reason}`,
        '',
        `Bekijk uw toelatingen: ${getEnv().APP_URL}/aanbieder/toetredingen`,
      ].join('\n'),
    })
  }
  return { from: admission.status, to: t.to }
}

/**
 * A contract that has run out ends what it admitted. From the day after the contract's end date (the perceel's
 * contract terms, or the procurement's contract period when the perceel has none) running admissions end, with that
 * as the reason: audited, and the hand-over plan follows. Not e-mailed: the end date was in the contract all along,
 * and one mail per admission would bury the provider. Returns how many ended.
 */
export async function endAdmissionsAfterContract(at: Date = now(), batch = 200): Promise<number> {
  // In batches until none is left: a large perceel ends thousands of admissions on one day.
  let ended = 0
  for (;;) {
    const n = await endAdmissionBatch(at, batch)
    ended += n
    if (n < batch) return ended
  }
}

async function endAdmissionBatch(at: Date, batch: number): Promise<number> {
  const expired = await db.admission.findMany({
    where: { status: { in: ['actief', 'geschorst'] }, perceel: perceelContractWhere(at).endedBy },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: batch,
  })
  for (const a of expired) {
    await db.$transaction((tx) =>
      transitionAdmissionIn(tx, {
        admissionId: a.id,
        action: 'beeindigen',
        actor: { system: 'contracteinde' },
        reason: 'Het contract is afgelopen.',
        notify: false,
      }),
    )
  }
  return expired.length
}

export type AwardInput = {
  actor: Actor
  regionId: string
  perceelId: string
  organisationId: string
  productIds: string[]
  gemeenteCodes: string[]
  awardedAt: Date
  tenderNedUrl: string
}

/** Records a tender award (gunning): the awarded provider becomes admitted in the same model as open house. */
export async function recordAward(input: AwardInput) {
  return db.$transaction(async (tx) => {
    const perceel = await tx.perceel.findFirst({
      where: { id: input.perceelId, inkoopvorm: 'aanbesteding', procurement: { regionId: input.regionId } },
      select: {
        id: true,
        name: true,
        products: { select: { id: true } },
        gemeenten: { select: { gemeenteCode: true } },
      },
    })
    if (!perceel) throw new AdmissionError('Dit perceel bestaat niet of is geen aanbesteding.', 'not_allowed')
    const org = await tx.organisation.findUnique({
      where: { id: input.organisationId },
      select: { id: true, name: true },
    })
    if (!org) throw new AdmissionError('Deze aanbieder bestaat niet.', 'invalid')
    const products = [...new Set(input.productIds)]
    const gemeenten = [...new Set(input.gemeenteCodes)]
    if (!products.length || products.some((p) => !perceel.products.some((x) => x.id === p)))
      throw new AdmissionError('Kies een of meer producten van dit perceel.', 'invalid')
    if (!gemeenten.length || gemeenten.some((g) => !perceel.gemeenten.some((x) => x.gemeenteCode === g)))
      throw new AdmissionError('Kies een of meer gemeenten van dit perceel.', 'invalid')
    // Only new combinations are created. An existing admission keeps its state: a suspended or ended one comes back
    // only through its own transition (with a reason, audited), never as a side effect of recording an award.
    const existing = await tx.admission.findMany({
      where: { organisationId: org.id, productId: { in: products }, gemeenteCode: { in: gemeenten } },
      select: { productId: true, gemeenteCode: true },
    })
    const has = new Set(existing.map((a) => `${a.productId}|${a.gemeenteCode}`))
    let count = 0
    for (const productId of products) {
      for (const gemeenteCode of gemeenten) {
        if (has.has(`${productId}|${gemeenteCode}`)) continue
        await tx.admission.create({
          data: {
            id: newId(),
            organisationId: org.id,
            productId,
            gemeenteCode,
            perceelId: perceel.id,
            source: 'gunning',
            status: 'actief',
            since: input.awardedAt,
            awardedAt: input.awardedAt,
            tenderNedUrl: input.tenderNedUrl,
          },
        })
        count++
      }
    }
    const skipped = products.length * gemeenten.length - count
    await syncObligationsForOrganisation(tx, org.id, perceel.id)
    await recordAudit(tx, {
      actor: input.actor,
      action: 'toelating.gegund',
      subjectType: 'Perceel',
      subjectId: perceel.id,
      summary:
        `Gunning aan ${org.name} vastgelegd: ${count} toelating(en) op ${perceel.name} (gegund op ${formatDate(input.awardedAt)})` +
        (skipped ? `; ${skipped} bestond(en) al en bleven ongewijzigd` : ''),
      reason: input.tenderNedUrl,
      organisationId: org.id,
      regionId: input.regionId,
    })
    return { count, skipped }
  })
}

/**
 * The annual confirmation of a provider's admissions on a perceel: one click when nothing changed, or an update. The
 * update names the admissions (product × gemeente) it stops delivering: those end, with the provider's remark as the
 * reason, and the region's buyers hear of it; the rest are confirmed for another year. Extending goes through a new
 * entry, since that is judged against the requirements.
 */
export async function confirmRevalidation(input: {
  actor: Actor
  organisationId: string
  perceelId: string
  stopAdmissionIds?: string[]
  remark?: string
}) {
  return db.$transaction(async (tx) => {
    const at = now()
    const rows = await tx.admission.findMany({
      where: {
        organisationId: input.organisationId,
        perceelId: input.perceelId,
        status: 'actief',
        source: 'openhouse',
      },
      select: {
        id: true,
        product: { select: { code: true, name: true } },
        gemeente: { select: { name: true } },
        organisation: { select: { name: true } },
        perceel: { select: { name: true, procurement: { select: { regionId: true } } } },
      },
    })
    if (rows.length === 0)
      throw new AdmissionError('Er is hier geen actieve toelating om te bevestigen.', 'invalid')
    const stop = new Set(input.stopAdmissionIds ?? [])
    if ([...stop].some((id) => !rows.some((r) => r.id === id))) {
      throw new AdmissionError(
        'Kies alleen actieve toelatingen van dit perceel om mee te stoppen.',
        'invalid',
      )
    }
    const remark = input.remark?.trim() ?? ''
    const stopped = rows.filter((r) => stop.has(r.id))
    const kept = rows.filter((r) => !stop.has(r.id))
    for (const r of stopped) {
      await transitionAdmissionIn(tx, {
        admissionId: r.id,
        action: 'beeindigen',
        actor: input.actor,
        reason: `Op verzoek van de aanbieder bij de jaarlijkse bevestiging.${remark ? ` ${remark}` : ''}`,
      })
    }
    if (kept.length) {
      await tx.admission.updateMany({
        where: { id: { in: kept.map((r) => r.id) } },
        data: { revalidatedAt: at, revalidationDueAt: addDays(at, REVALIDATION_DAYS) },
      })
    }
    const { perceel, organisation } = rows[0]
    const regionId = perceel.procurement.regionId
    await recordAudit(tx, {
      actor: input.actor,
      action: 'toelating.bevestigd',
      subjectType: 'Perceel',
      subjectId: input.perceelId,
      summary:
        `Jaarlijkse bevestiging op ${perceel.name}: ${kept.length} toelating(en) bevestigd` +
        (stopped.length ? `, ${stopped.length} beëindigd op verzoek van de aanbieder` : ''),
      reason: remark || null,
      organisationId: input.organisationId,
      regionId,
    })
    if (stopped.length || remark) {
      for (const to of await regionStaffEmails(tx, regionId, 'inkoper')) {
        await queueEmail(tx, {
          to,
          subject: `Jaarlijkse bevestiging met wijzigingen: ${organisation.name}, ${perceel.name}`,
          dedupeKey: `revalidatie-wijziging:${input.organisationId}:${input.perceelId}:${at.getTime()}:${to}`,
          text: [
            `${organisation.name} heeft op ${formatDate(at)} de toelating op ${perceel.name} bevestigd, met wijzigingen.`,
            '',
            stopped.length
              ? `Stopt met:\n${stopped.map((r) => `- ${r.product.code} ${r.product.name} in ${r.gemeente.name}`).join('\n')}`
              : 'Stopt met niets.',
            `Blijft leveren: ${kept.length} toelating(en).`,
            remark ? `\nToelichting van de aanbieder: ${remark}` : '',
          ].join('\n'),
        })
      }
    }
    return { confirmed: kept.length, stopped: stopped.length }
  })
}

/** Days after the due date before an unconfirmed admission is suspended. */
export const REVALIDATION_GRACE_DAYS = 30
const REMINDER_MARKS = [30, 7] as const

/**
 * The annual revalidation job: reminders 30 and 7 days before the due date (exactly once each, by dedupe key), and
 * suspension of admissions still unconfirmed after the grace period. Idempotent; takes the time from now().
 */
export async function runRevalidation(database: Db = db) {
  const at = now()
  let reminders = 0
  let suspended = 0
  const soon = await database.admission.findMany({
    where: { status: 'actief', source: 'openhouse', revalidationDueAt: { not: null, lte: addDays(at, 30) } },
    select: {
      id: true,
      organisationId: true,
      perceelId: true,
      revalidationDueAt: true,
      perceel: { select: { name: true } },
    },
  })
  const groups = new Map<string, (typeof soon)[number]>()
  for (const a of soon) {
    const key = `${a.organisationId}:${a.perceelId}`
    const prev = groups.get(key)
    if (!prev || a.revalidationDueAt! < prev.revalidationDueAt!) groups.set(key, a)
  }
  for (const a of groups.values()) {
    const due = a.revalidationDueAt!
    if (due < at) continue
    const mark = REMINDER_MARKS.filter((m) => addDays(due, -m) <= at).at(-1)
    if (mark === undefined) continue
    await database.$transaction(async (tx) => {
      for (const to of await providerRecipients(tx, a.organisationId)) {
        await queueEmail(tx, {
          to,
          subject: `Bevestig uw toelating: ${a.perceel.name}`,
          dedupeKey: `revalidatie:${mark}:${a.organisationId}:${a.perceelId}:${due.toISOString()}:${to}`,
          text: [
            `Eén keer per jaar bevestigt u dat uw toelating voor ${a.perceel.name} nog klopt.`,
            `Doe dit uiterlijk ${formatDate(due)}. Is er niets veranderd? Dan is het één klik.`,
            `Na ${REVALIDATION_GRACE_DAYS} dagen zonder bevestiging wordt de toelating geschorst.`,
            '',
            `Bevestigen: ${getEnv().APP_URL}/aanbieder/toetredingen`,
          ].join('\n'),
        })
      }
    })
    reminders++
  }
  const overdue = await database.admission.findMany({
    where: {
      status: 'actief',
      source: 'openhouse',
      revalidationDueAt: { lt: addDays(at, -REVALIDATION_GRACE_DAYS) },
    },
    select: { id: true },
  })
  for (const a of overdue) {
    try {
      await database.$transaction((tx) =>
        transitionAdmissionIn(tx, {
          admissionId: a.id,
          action: 'schorsen',
          actor: { system: 'jaarlijkse revalidatie' },
          reason: `De jaarlijkse bevestiging is niet binnen ${REVALIDATION_GRACE_DAYS} dagen na de uiterste datum ontvangen.`,
        }),
      )
      suspended++
    } catch (error) {
      if (!(error instanceof AdmissionError)) throw error
    }
  }
  return { reminders, suspended }
}
