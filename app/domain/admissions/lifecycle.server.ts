import { db, type Tx } from '~/utils/db.server'
import { syncObligationsForOrganisation } from '~/domain/contracts/obligations.server'
import { maySubmitFor } from '~/domain/accounts/permissions.server'
import { now } from '~/utils/clock'
import { newId } from '~/utils/ids.server'
import { queueEmail } from '~/utils/email.server'
import { getEnv } from '~/utils/env.server'
import { addDays, endOfAmsterdamDay, formatDate, formatDateTime, workingDayDeadline } from '~/utils/time'
import { contractEndOf, contractRanOut } from './contract-end'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import {
  AdmissionError,
  ENTRY_ACTION_LABELS,
  entryStateLabel,
  findEntryTransition,
  allowedEntryActions,
  type EntryAction,
  type Party,
} from './state'
import {
  loadEntry,
  loadPartnerEvidence,
  problemsOf,
  providerRecipients,
  type LoadedEntry,
  partnerUrl,
} from './context.server'
import { partnerRoleWord } from './partners'
import { decisionLetterPdf } from './letter.server'
import { alignConceptIfNeeded, type RequirementChange } from './requirement-sets.server'

/** Decision term in working days when the perceel sets none (restart after an aanvulling). */
export const DEFAULT_DECISION_TERM_DAYS = 30
/** An admission is confirmed once a year. */
export const REVALIDATION_DAYS = 365

export type EntryTransitionInput = {
  entryId: string
  action: EntryAction
  actor: Actor
  /** Who acts, and for whom: the provider organisation, or the buyer's region. Scopes the entry. */
  as:
    | { party: 'aanbieder'; organisationId: string }
    | { party: 'inkoper'; regionId: string }
    | { party: 'systeem' }
  reason?: string | null
  /** For a rejection: the requirements that were not met (named in the letter and the e-mail). */
  unmet?: string[]
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null
  return !!e && (e.code === 'P2002' || /unique constraint/i.test(e.message ?? ''))
}

export { isUniqueViolation }

function entryUrl(entry: { id: string }, party: Party, regionSlug?: string) {
  const base = getEnv().APP_URL
  return party === 'aanbieder'
    ? `${base}/aanbieder/toetredingen/${entry.id}`
    : `${base}/regio/${regionSlug}/toetredingen/${entry.id}`
}

function summaryLines(entry: LoadedEntry): string[] {
  return [
    `Perceel: ${entry.perceel.name} (${entry.perceel.procurement.name})`,
    `Gemeenten: ${entry.gemeenten.map((g) => g.gemeente.name).join(', ')}`,
    `Producten: ${entry.products.map((p) => `${p.product.code} ${p.product.name}`).join(', ')}`,
    `Bewijsstukken: ${entry.evidence.length} van ${entry.requirementSet.evidence.length} toegevoegd`,
    ...entry.partners.map(
      (p) =>
        `Partner: ${p.organisation.name}, ${partnerRoleWord(p.role)} voor ${p.products
          .map((x) => `${x.product.code} ${x.product.name}`)
          .join(', ')}${p.confirmedAt ? '' : ' (nog niet bevestigd)'}`,
    ),
  ]
}

async function mailProvider(
  tx: Tx,
  entry: LoadedEntry,
  message: {
    subject: string
    text: string
    dedupeKey: string
    attachments?: { filename: string; contentType: string; contentBase64: string }[]
  },
) {
  for (const to of await providerRecipients(tx, entry.organisationId)) {
    await queueEmail(tx, { ...message, to, dedupeKey: `${message.dedupeKey}:${to}` })
  }
}

/**
 * Confirmed partners (combinatiepartners, onderaannemers) deliver under the decision too, so they hear it as well:
 * the outcome and motivation, not the letter, which is addressed to the lead organisation.
 */
async function mailPartners(
  tx: Tx,
  entry: LoadedEntry,
  decision: 'toegelaten' | 'afgewezen',
  reason: string,
) {
  for (const partner of entry.partners.filter((p) => p.confirmedAt)) {
    for (const to of await providerRecipients(tx, partner.organisationId)) {
      await queueEmail(tx, {
        to,
        subject: `Besluit over de toetreding van ${entry.organisation.name}: ${decision}`,
        dedupeKey: `toetreding-besluit-partner:${entry.id}:${partner.id}:${to}`,
        text: [
          `De toetreding van ${entry.organisation.name} tot ${entry.perceel.name}, waarin uw organisatie ` +
            `${partnerRoleWord(partner.role)} is, is ${decision}.`,
          '',
          `Uw deel: ${partner.products.map((x) => `${x.product.code} ${x.product.name}`).join(', ')}`,
          `Gemeenten: ${entry.gemeenten.map((g) => g.gemeente.name).join(', ')}`,
          `Motivering: ${reason}`,
          '',
          `Bekijk de toetreding: ${partnerUrl(partner.id, partner.organisationId)}`,
        ].join('\n'),
      })
    }
  }
}

/**
 * Performs one move of an entry's lifecycle inside a transaction: checks the move against the table in state.ts,
 * scopes the entry to the acting organisation or region, applies the move and its side effects (decision term,
 * release of the open key, admissions, e-mails) and writes the audit event (who, when, from, to, reason).
 * Refusals throw an AdmissionError with a message for the user.
 */
export async function transitionEntry(input: EntryTransitionInput) {
  try {
    // A concept takes the set its moment froze at opening before it is judged. In a transaction of its own, so a
    // refused submission still leaves the concept on the right set (the screen then asks the new questions).
    const as = input.as
    const requirements =
      input.action === 'indienen' && as.party === 'aanbieder'
        ? await alignConceptIfNeeded(input.entryId, as.organisationId, now(), input.actor)
        : null
    return await db.$transaction((tx) => transitionEntryIn(tx, input, requirements))
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AdmissionError(
        'Er staat al een andere toetreding open voor dezelfde gemeente op dit perceel. Rond die eerst af.',
        'duplicate',
      )
    }
    throw error
  }
}

/** Moves a provider makes on behalf of its organisation: only beheerders, or medewerkers when the beheerder allows it. */
const ON_BEHALF: readonly EntryAction[] = ['indienen', 'intrekken']

/**
 * The submit rights of the acting user (see `maySubmitFor`). System actors (jobs, load tests, demo data) act for the
 * portal itself and are not checked.
 */
async function requireSubmitRight(tx: Tx, actor: Actor, organisationId: string, action: EntryAction) {
  if (!('userId' in actor)) return
  const membership = await tx.organisationMembership.findFirst({
    where: { userId: actor.userId, organisationId },
    select: { role: true, organisation: { select: { medewerkersMaySubmit: true } } },
  })
  if (!membership) throw new AdmissionError('Deze toetreding bestaat niet.', 'not_allowed')
  const allowed = maySubmitFor({
    role: membership.role,
    medewerkersMaySubmit: membership.organisation.medewerkersMaySubmit,
  })
  if (!allowed) {
    throw new AdmissionError(
      `U mag deze toetreding niet namens uw organisatie ${action === 'intrekken' ? 'intrekken' : 'indienen'}. ` +
        'Vraag een beheerder van uw organisatie dit te doen, of u het recht te geven.',
      'forbidden',
    )
  }
}

export async function transitionEntryIn(
  tx: Tx,
  input: EntryTransitionInput,
  /** The set change `transitionEntry` made just before, named in a refusal. */
  requirements: RequirementChange | null = null,
) {
  const at = now()
  // Take the entry's row lock first, like saving a draft and the partner changes do: on PostgreSQL a save or a
  // partner's answer could otherwise commit between the checks below and the status write.
  await tx.entry.updateMany({ where: { id: input.entryId }, data: { updatedAt: at } })
  const entry = await loadEntry(tx, input.entryId)
  if (!entry) throw new AdmissionError('Deze toetreding bestaat niet.', 'not_allowed')
  const as = input.as
  if (as.party === 'aanbieder' && entry.organisationId !== as.organisationId)
    throw new AdmissionError('Deze toetreding bestaat niet.', 'not_allowed')
  if (as.party === 'inkoper' && entry.perceel.procurement.regionId !== as.regionId)
    throw new AdmissionError('Deze toetreding bestaat niet.', 'not_allowed')
  const party: Party | undefined = as.party === 'systeem' ? undefined : as.party
  if (as.party === 'aanbieder' && ON_BEHALF.includes(input.action))
    await requireSubmitRight(tx, input.actor, entry.organisationId, input.action)
  const transition = findEntryTransition(entry.status, input.action, party)
  if (!transition) {
    const already =
      findEntryTransition(entry.status, input.action) === undefined && alreadyDone(entry.status, input.action)
    throw new AdmissionError(
      already
        ? `Deze toetreding is al ${ENTRY_ACTION_LABELS[input.action]}.`
        : `Een toetreding met de status "${entryStateLabel(entry.status)}" kan niet worden ${ENTRY_ACTION_LABELS[input.action]}.`,
      'transition',
    )
  }
  const reason = input.reason?.trim() || null
  if (transition.needsReason && !reason) {
    throw new AdmissionError('Geef een toelichting.', 'invalid')
  }
  const unmet = (input.unmet ?? []).map((u) => u.trim()).filter(Boolean)
  if (input.action === 'afwijzen' && unmet.length === 0) {
    throw new AdmissionError('Noem bij een afwijzing de eisen waaraan niet is voldaan.', 'invalid')
  }

  const data: Record<string, unknown> = { status: transition.to }
  const regionSlug = entry.perceel.procurement.region.slug
  const regionId = entry.perceel.procurement.regionId

  if (input.action === 'indienen') {
    const first = entry.status === 'concept'
    const moment = entry.registrationMoment
    // Only a new inschrijving: an answer to an aanvulling is already in the buyer's hands and still comes back.
    if (first) refuseClosedPerceel(entry, at)
    if (first && entry.perceel.registrationRegime !== 'doorlopend') {
      if (!moment) throw new AdmissionError('Er is geen registratiemoment voor dit perceel.', 'closed')
      if (at < moment.opensAt) {
        throw new AdmissionError(
          `Het registratiemoment is nog niet open. U kunt indienen vanaf ${formatDateTime(moment.opensAt)}.`,
          'closed',
        )
      }
      if (at > moment.closesAt) {
        throw new AdmissionError(
          `Het registratiemoment is gesloten sinds ${formatDateTime(moment.closesAt)}. Uw toetreding is niet ingediend. ` +
            'Verplaats dit concept naar het volgende registratiemoment en dien het daar in; u hoeft niet opnieuw te beginnen.',
          'closed',
        )
      }
    }
    const problems = problemsOf(entry, at, await loadPartnerEvidence(tx, entry))
    if (problems.length > 0) {
      throw new AdmissionError(
        (requirements
          ? `De eisen voor dit registratiemoment zijn gewijzigd (nu versie ${requirements.to}). `
          : '') + 'Uw toetreding is nog niet compleet. Los eerst deze punten op:',
        'incomplete',
        problems.map((p) => p.message),
      )
    }
    const term = entry.perceel.decisionTermDays ?? DEFAULT_DECISION_TERM_DAYS
    // Due at the END of the decision day (the catalogue stores the date as midnight at its start), as with a term
    // in working days: otherwise the entry shows as overdue on the decision day itself.
    const decisionDay = moment ? endOfAmsterdamDay(moment.decisionDate) : null
    let due: Date
    if (first && decisionDay && entry.perceel.registrationRegime !== 'doorlopend') due = decisionDay
    else if (first) due = workingDayDeadline(at, term)
    else {
      // Resubmission after an aanvulling: the decision term starts again.
      const restarted = workingDayDeadline(at, term)
      due = decisionDay && decisionDay > restarted ? decisionDay : restarted
    }
    data.submittedAt = at
    data.decisionDueAt = due
  }
  if (input.action === 'aanvulling_vragen') data.infoRequest = reason
  if (input.action === 'toelaten' || input.action === 'afwijzen') {
    data.decidedAt = at
    data.decidedById = 'userId' in input.actor ? input.actor.userId : null
    data.decisionReason =
      input.action === 'afwijzen'
        ? `${reason}\n\nNiet voldaan aan:\n${unmet.map((u) => `- ${u}`).join('\n')}`
        : reason
  }

  // Optimistic check: a colleague's move in the meantime makes this one fail instead of overwriting it.
  const updated = await tx.entry.updateMany({ where: { id: entry.id, status: entry.status }, data })
  if (updated.count !== 1) {
    throw new AdmissionError('Deze toetreding is intussen gewijzigd. Laad de pagina opnieuw.', 'conflict')
  }

  if (['toegelaten', 'afgewezen', 'ingetrokken'].includes(transition.to)) {
    await tx.entryGemeente.updateMany({ where: { entryId: entry.id }, data: { openKey: null } })
  }

  await recordAudit(tx, {
    actor: input.actor,
    action: `toetreding.${input.action}`,
    subjectType: 'Entry',
    subjectId: entry.id,
    summary: `Status van "${entryStateLabel(entry.status)}" naar "${entryStateLabel(transition.to)}" (${entry.organisation.name}, ${entry.perceel.name})`,
    reason: input.action === 'afwijzen' ? (data.decisionReason as string) : reason,
    organisationId: entry.organisationId,
    regionId,
  })

  const lines = summaryLines(entry)
  if (input.action === 'indienen') {
    await mailProvider(tx, entry, {
      subject: `Toetreding ingediend: ${entry.perceel.name}`,
      dedupeKey: `toetreding-ingediend:${entry.id}:${at.getTime()}`,
      text: [
        `Uw toetreding is ingediend op ${formatDateTime(at)}.`,
        '',
        ...lines,
        '',
        `U krijgt uiterlijk ${formatDate(data.decisionDueAt as Date)} een besluit.`,
        '',
        `Bekijk de toetreding: ${entryUrl(entry, 'aanbieder')}`,
      ].join('\n'),
    })
  }
  if (input.action === 'aanvulling_vragen') {
    await mailProvider(tx, entry, {
      subject: `Aanvulling gevraagd: ${entry.perceel.name}`,
      dedupeKey: `toetreding-aanvulling:${entry.id}:${at.getTime()}`,
      text: [
        'De inkoper vraagt u uw toetreding aan te vullen:',
        '',
        reason ?? '',
        '',
        ...lines,
        '',
        'Vul de toetreding aan en dien haar opnieuw in. De beslistermijn begint dan opnieuw.',
        `Aanvullen: ${entryUrl(entry, 'aanbieder')}`,
      ].join('\n'),
    })
  }
  if (input.action === 'toelaten') {
    await createAdmissionsForEntry(tx, entry, at, input.actor)
  }
  if (input.action === 'toelaten' || input.action === 'afwijzen') {
    const decision = input.action === 'toelaten' ? 'toegelaten' : 'afgewezen'
    await mailPartners(tx, entry, decision, reason ?? '')
    const pdf = await decisionLetterPdf({
      decision,
      organisationName: entry.organisation.name,
      regionName: entry.perceel.procurement.region.name,
      perceelName: entry.perceel.name,
      procurementName: entry.perceel.procurement.name,
      gemeenten: entry.gemeenten.map((g) => g.gemeente.name),
      products: entry.products.map((p) => `${p.product.code} ${p.product.name}`),
      submittedAt: entry.submittedAt,
      decidedAt: at,
      reason: reason ?? '',
      unmet,
      reference: entry.id,
    })
    await mailProvider(tx, entry, {
      subject:
        decision === 'toegelaten'
          ? `Besluit: toegelaten tot ${entry.perceel.name}`
          : `Besluit: toetreding afgewezen voor ${entry.perceel.name}`,
      dedupeKey: `toetreding-besluit:${entry.id}`,
      text: [
        decision === 'toegelaten'
          ? 'U bent toegelaten. Het besluit staat in de bijlage.'
          : 'Uw verzoek om toetreding is afgewezen. Het besluit staat in de bijlage.',
        '',
        ...lines,
        '',
        `Motivering: ${reason}`,
        ...(unmet.length ? ['', 'Niet voldaan aan:', ...unmet.map((u) => `- ${u}`)] : []),
        '',
        `Bekijk de toetreding: ${entryUrl(entry, 'aanbieder')}`,
      ].join('\n'),
      attachments: [
        {
          filename: `besluit-toetreding-${entry.id}.pdf`,
          contentType: 'application/pdf',
          contentBase64: pdf.toString('base64'),
        },
      ],
    })
  }
  return { from: entry.status, to: transition.to, entryId: entry.id, regionSlug }
}

/**
 * A first submission is a new inschrijving: only on an open-house perceel of a published procurement (a closed
 * procurement takes none, README "Een gesloten inkooptraject loopt door"), and on continuous entry not after the
 * contract's last day (the perceel's contract, else the procurement's period; by Amsterdam day, as admissions end).
 */
function refuseClosedPerceel(entry: LoadedEntry, at: Date) {
  const { perceel } = entry
  if (perceel.procurement.status === 'gesloten')
    throw new AdmissionError(
      `Het inkooptraject "${perceel.procurement.name}" is gesloten. Er worden geen nieuwe toetredingen meer ` +
        'aangenomen; uw toetreding is niet ingediend.',
      'closed',
    )
  if (perceel.procurement.status !== 'gepubliceerd' || perceel.inkoopvorm !== 'openhouse')
    throw new AdmissionError(
      'Dit perceel staat niet (meer) open voor toetreding. Uw toetreding is niet ingediend.',
      'closed',
    )
  if (perceel.registrationRegime !== 'doorlopend') return
  if (contractRanOut(perceel, at))
    throw new AdmissionError(
      `Het contract van dit perceel is afgelopen op ${formatDate(contractEndOf(perceel))}. Er worden geen nieuwe toetredingen ` +
        'meer aangenomen; uw toetreding is niet ingediend.',
      'closed',
    )
}

function alreadyDone(status: string, action: EntryAction): boolean {
  const target: Partial<Record<EntryAction, string[]>> = {
    indienen: ['ingediend', 'in_behandeling'],
    toelaten: ['toegelaten'],
    afwijzen: ['afgewezen'],
    intrekken: ['ingetrokken'],
    aanvulling_vragen: ['aanvulling_gevraagd'],
    in_behandeling_nemen: ['in_behandeling'],
  }
  return target[action]?.includes(status) ?? false
}

/** One admission per product × gemeente. An admission that already exists stays as it is (an extension adds). */
async function createAdmissionsForEntry(tx: Tx, entry: LoadedEntry, at: Date, actor: Actor) {
  let created = 0
  for (const p of entry.products) {
    for (const g of entry.gemeenten) {
      const existing = await tx.admission.findUnique({
        where: {
          organisationId_productId_gemeenteCode: {
            organisationId: entry.organisationId,
            productId: p.productId,
            gemeenteCode: g.gemeenteCode,
          },
        },
        select: { id: true, status: true },
      })
      if (existing && existing.status !== 'beeindigd') continue
      const data = {
        perceelId: entry.perceelId,
        entryId: entry.id,
        source: 'openhouse',
        status: 'actief',
        since: at,
        endedAt: null,
        atRisk: false,
        revalidationDueAt: addDays(at, REVALIDATION_DAYS),
        revalidatedAt: null,
      }
      if (existing) await tx.admission.update({ where: { id: existing.id }, data })
      else
        await tx.admission.create({
          data: {
            id: newId(),
            organisationId: entry.organisationId,
            productId: p.productId,
            gemeenteCode: g.gemeenteCode,
            ...data,
          },
        })
      created++
    }
  }
  // Contract obligations follow admissions at once (the contracts job would catch up, but later).
  await syncObligationsForOrganisation(tx, entry.organisationId, entry.perceelId)
  await recordAudit(tx, {
    actor,
    action: 'toelating.aangemaakt',
    subjectType: 'Entry',
    subjectId: entry.id,
    summary: `${created} toelating(en) aangemaakt (product × gemeente)`,
    organisationId: entry.organisationId,
    regionId: entry.perceel.procurement.regionId,
  })
}

export { allowedEntryActions }
