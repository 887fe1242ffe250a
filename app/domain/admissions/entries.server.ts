import { db, type DbOrTx, type Tx } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { newId } from '~/utils/ids.server'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { queueEmail } from '~/utils/email.server'
import { formatDateTime } from '~/utils/time'
import { AdmissionError, EDITABLE_STATES, openKeyFor } from './state'
import { answerProblem } from './requirements'
import { beheerderRecipients, partnerUrl } from './context.server'
import { partnerRoleWord } from './partners'
import { isUniqueViolation } from './lifecycle.server'
import {
  alignConcept,
  alignConceptIfNeeded,
  requirementSetFor,
  type RequirementChange,
} from './requirement-sets.server'

/** An open-house perceel of a published procurement, or null. */
export async function findOpenHousePerceel(tx: DbOrTx, perceelId: string) {
  return tx.perceel.findFirst({
    where: { id: perceelId, inkoopvorm: 'openhouse', procurement: { status: 'gepubliceerd' } },
    select: {
      id: true,
      name: true,
      registrationRegime: true,
      decisionTermDays: true,
      procurement: { select: { name: true, regionId: true, region: { select: { name: true, slug: true } } } },
      gemeenten: {
        select: { gemeenteCode: true, gemeente: { select: { name: true } } },
        orderBy: { gemeenteCode: 'asc' },
      },
      products: { select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } },
    },
  })
}

/**
 * The registration moment a new entry belongs to: the one open now, else the next one to open. Null for continuous
 * entry. Throws when a perceel with moments has none left.
 */
export async function momentForNewEntry(tx: DbOrTx, perceelId: string, regime: string | null, at: Date) {
  if (regime === 'doorlopend') return null
  const moment =
    (await tx.registrationMoment.findFirst({
      where: { perceelId, opensAt: { lte: at }, closesAt: { gte: at } },
      orderBy: { opensAt: 'asc' },
    })) ??
    (await tx.registrationMoment.findFirst({
      where: { perceelId, opensAt: { gt: at } },
      orderBy: { opensAt: 'asc' },
    }))
  if (!moment)
    throw new AdmissionError('Er is voor dit perceel geen open of komend registratiemoment.', 'closed')
  return moment
}

function uniqueList(values: string[]) {
  return [...new Set(values.filter(Boolean))]
}

async function gemeenteNames(tx: DbOrTx, codes: string[]) {
  const rows = await tx.gemeente.findMany({
    where: { code: { in: codes } },
    select: { code: true, name: true },
  })
  return new Map(rows.map((r) => [r.code, r.name]))
}

/**
 * A concept whose registration moment has closed: it can no longer be submitted there, but it still holds its open
 * keys. The provider carries it over to the next moment (`moveEntryToNextMoment`) instead of starting again.
 */
export function isStaleConcept(
  entry: { status: string; registrationMoment: { closesAt: Date } | null },
  at: Date,
): boolean {
  return entry.status === 'concept' && !!entry.registrationMoment && entry.registrationMoment.closesAt < at
}

/** The refusal for a unique violation: another open entry holds a gemeente, or (otherwise) a concurrent change. */
async function duplicateError(
  tx: DbOrTx,
  organisationId: string,
  perceelId: string,
  codes: string[],
  exceptEntryId?: string,
) {
  const taken = await tx.entryGemeente.findMany({
    where: {
      openKey: { in: codes.map((c) => openKeyFor(organisationId, perceelId, c)) },
      ...(exceptEntryId ? { entryId: { not: exceptEntryId } } : {}),
    },
    select: {
      gemeente: { select: { name: true } },
      entry: { select: { status: true, registrationMoment: { select: { closesAt: true } } } },
    },
  })
  if (taken.length === 0)
    return new AdmissionError('De toetreding is intussen gewijzigd. Probeer het opnieuw.', 'conflict')
  const names = taken.map((t) => t.gemeente.name).join(', ')
  if (taken.every((t) => isStaleConcept(t.entry, now()))) {
    return new AdmissionError(
      `Uw organisatie heeft nog een concept voor ${names} op dit perceel, uit een registratiemoment dat gesloten is. ` +
        'Open dat concept en verplaats het naar het volgende registratiemoment; u hoeft niet opnieuw te beginnen.',
      'duplicate',
    )
  }
  return new AdmissionError(
    `Uw organisatie heeft al een open toetreding voor ${names} op dit perceel. Vul die aan of trek haar eerst in.`,
    'duplicate',
  )
}

export type StartEntryInput = {
  actor: Actor
  userId: string
  organisationId: string
  perceelId: string
  gemeenten: string[]
  products: string[]
}

/** Starts a draft entry. The open key per gemeente makes a second open entry impossible, also under a double click. */
export async function startEntry(input: StartEntryInput): Promise<{ entryId: string }> {
  const gemeenten = uniqueList(input.gemeenten)
  const products = uniqueList(input.products)
  try {
    return await db.$transaction(async (tx) => {
      const perceel = await findOpenHousePerceel(tx, input.perceelId)
      if (!perceel) throw new AdmissionError('Dit perceel staat niet open voor toetreding.', 'not_allowed')
      validateChoice(perceel, gemeenten, products)
      const at = now()
      const moment = await momentForNewEntry(tx, perceel.id, perceel.registrationRegime, at)
      // Frozen only once the moment has opened; a draft started earlier follows the published set until then.
      const requirementSetId = await requirementSetFor(tx, perceel.id, moment, at)
      const entryId = newId()
      await tx.entry.create({
        data: {
          id: entryId,
          organisationId: input.organisationId,
          perceelId: perceel.id,
          registrationMomentId: moment?.id ?? null,
          requirementSetId,
          status: 'concept',
          createdById: input.userId,
          products: { create: products.map((productId) => ({ productId })) },
        },
      })
      await insertGemeenten(tx, entryId, input.organisationId, perceel.id, gemeenten)
      await recordAudit(tx, {
        actor: input.actor,
        action: 'toetreding.gestart',
        subjectType: 'Entry',
        subjectId: entryId,
        summary: `Concept gestart voor ${perceel.name}`,
        organisationId: input.organisationId,
        regionId: perceel.procurement.regionId,
      })
      return { entryId }
    })
  } catch (error) {
    if (isUniqueViolation(error))
      throw await duplicateError(db, input.organisationId, input.perceelId, gemeenten)
    throw error
  }
}

function validateChoice(
  perceel: { gemeenten: { gemeenteCode: string }[]; products: { id: string }[] },
  gemeenten: string[],
  products: string[],
) {
  const problems: string[] = []
  if (gemeenten.length === 0) problems.push('Kies minstens één gemeente.')
  if (products.length === 0) problems.push('Kies minstens één product.')
  const allowedG = new Set(perceel.gemeenten.map((g) => g.gemeenteCode))
  if (gemeenten.some((g) => !allowedG.has(g)))
    problems.push('Een gekozen gemeente doet niet mee aan dit perceel.')
  const allowedP = new Set(perceel.products.map((p) => p.id))
  if (products.some((p) => !allowedP.has(p))) problems.push('Een gekozen product hoort niet bij dit perceel.')
  if (problems.length) throw new AdmissionError(problems.join(' '), 'invalid', problems)
}

async function insertGemeenten(
  tx: Tx,
  entryId: string,
  organisationId: string,
  perceelId: string,
  codes: string[],
) {
  for (const gemeenteCode of codes) {
    await tx.entryGemeente.create({
      data: { entryId, gemeenteCode, openKey: openKeyFor(organisationId, perceelId, gemeenteCode) },
    })
  }
}

export type SaveDraftInput = {
  actor: Actor
  organisationId: string
  entryId: string
  gemeenten: string[]
  products: string[]
  answers: Record<string, string>
  /** requiredEvidenceId → evidenceItemId ('' = none) */
  evidence: Record<string, string>
}

/**
 * Saves what the provider filled in (a draft, or an amendment after an aanvulling). Returns the answers that fail a
 * knock-out question, so the screen explains them at once; saving itself always succeeds.
 */
export async function saveEntryDraft(
  input: SaveDraftInput,
): Promise<{ answerProblems: Record<string, string>; requirements: RequirementChange | null }> {
  const gemeenten = uniqueList(input.gemeenten)
  const products = uniqueList(input.products)
  try {
    return await db.$transaction(async (tx) => {
      // Take the entry's row lock first, so two saves of the same entry (a double click) run one after the other.
      await tx.entry.updateMany({
        where: { id: input.entryId, organisationId: input.organisationId },
        data: { updatedAt: now() },
      })
      const entry = await tx.entry.findFirst({
        where: { id: input.entryId, organisationId: input.organisationId },
        include: {
          requirementSet: { include: { questions: true, evidence: true } },
          gemeenten: true,
          products: true,
          registrationMoment: { select: { closesAt: true } },
          organisation: { select: { name: true } },
          partners: {
            where: { confirmedAt: { not: null } },
            select: { id: true, role: true, organisationId: true, organisation: { select: { name: true } } },
          },
          perceel: {
            select: {
              id: true,
              name: true,
              procurement: { select: { regionId: true } },
              gemeenten: { select: { gemeenteCode: true, gemeente: { select: { name: true } } } },
              products: { select: { id: true, code: true, name: true } },
            },
          },
        },
      })
      if (!entry) throw new AdmissionError('Deze toetreding bestaat niet.', 'not_allowed')
      if (!(EDITABLE_STATES as readonly string[]).includes(entry.status)) {
        throw new AdmissionError('Deze toetreding kan niet meer worden gewijzigd.', 'transition')
      }
      validateChoice(entry.perceel, gemeenten, products)
      // Once submitted and its registration moment closed, an entry may shrink but not grow (continuous entry and a
      // moment still open take new scope anyway).
      const momentClosed = !!entry.registrationMoment && entry.registrationMoment.closesAt < now()
      if (entry.status !== 'concept' && momentClosed) refuseWidening(entry, gemeenten, products)

      // Municipalities: keep the rows that stay (and their open keys), add new ones, drop the rest.
      const current = entry.gemeenten.map((g) => g.gemeenteCode)
      const removed = current.filter((c) => !gemeenten.includes(c))
      const added = gemeenten.filter((c) => !current.includes(c))
      if (removed.length)
        await tx.entryGemeente.deleteMany({ where: { entryId: entry.id, gemeenteCode: { in: removed } } })
      await insertGemeenten(tx, entry.id, entry.organisationId, entry.perceelId, added)
      if (added.length) await withdrawPartnerConfirmations(tx, entry, added, input.actor)

      await tx.entryProduct.deleteMany({ where: { entryId: entry.id } })
      for (const productId of products)
        await tx.entryProduct.create({ data: { entryId: entry.id, productId } })
      // A partner delivers only products of the entry: a product dropped from the entry leaves its partners too.
      await tx.entryPartnerProduct.deleteMany({
        where: { partner: { entryId: entry.id }, productId: { notIn: products } },
      })

      const answerProblems: Record<string, string> = {}
      for (const q of entry.requirementSet.questions) {
        const value = (input.answers[q.id] ?? '').trim()
        if (value) {
          await tx.entryAnswer.upsert({
            where: { entryId_questionId: { entryId: entry.id, questionId: q.id } },
            create: { entryId: entry.id, questionId: q.id, value },
            update: { value },
          })
          const problem = answerProblem(q, value)
          if (problem) answerProblems[q.id] = problem
        } else {
          await tx.entryAnswer.deleteMany({ where: { entryId: entry.id, questionId: q.id } })
        }
      }

      for (const r of entry.requirementSet.evidence) {
        const itemId = input.evidence[r.id] ?? ''
        await tx.entryEvidence.deleteMany({ where: { entryId: entry.id, requiredEvidenceId: r.id } })
        if (!itemId) continue
        // Only the current version: a replaced one is no longer what the organisation vouches for, and the
        // region verifies the newest version, not the old one.
        const item = await tx.evidenceItem.findFirst({
          where: {
            id: itemId,
            organisationId: entry.organisationId,
            typeId: r.evidenceTypeId,
            replacedBy: { is: null },
          },
          select: { id: true },
        })
        if (!item)
          throw new AdmissionError(
            'Kies een actueel bewijsstuk van uw eigen organisatie van het gevraagde soort. ' +
              'Is het bewijsstuk vervangen? Kies dan de nieuwste versie.',
          )
        await tx.entryEvidence.create({
          data: { entryId: entry.id, requiredEvidenceId: r.id, evidenceItemId: item.id },
        })
      }
      await recordAudit(tx, {
        actor: input.actor,
        action: 'toetreding.opgeslagen',
        subjectType: 'Entry',
        subjectId: entry.id,
        summary: 'Gegevens van de toetreding opgeslagen',
        organisationId: entry.organisationId,
        regionId: entry.perceel.procurement.regionId,
      })
      // After saving under the set the form showed, so nothing typed is lost when the set changes.
      const requirements = await alignConcept(tx, entry.id, entry.organisationId, now(), input.actor)
      if (!requirements) return { answerProblems, requirements }
      return { answerProblems: await currentAnswerProblems(tx, entry.id), requirements }
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      const entry = await db.entry.findUnique({ where: { id: input.entryId }, select: { perceelId: true } })
      throw await duplicateError(db, input.organisationId, entry?.perceelId ?? '', gemeenten, input.entryId)
    }
    throw error
  }
}

/**
 * After the first submission, once its registration moment has closed, an entry may lose gemeenten and products but
 * never gain them: an aanvulling answers the buyer's question, it is no back door into a moment that has closed.
 * Every such save passes here, so the scope only shrinks and stays within what was submitted before the close.
 */
function refuseWidening(
  entry: {
    gemeenten: { gemeenteCode: string }[]
    products: { productId: string }[]
    perceel: {
      gemeenten: { gemeenteCode: string; gemeente: { name: string } }[]
      products: { id: string; code: string; name: string }[]
    }
  },
  gemeenten: string[],
  products: string[],
) {
  const hadG = new Set(entry.gemeenten.map((g) => g.gemeenteCode))
  const hadP = new Set(entry.products.map((p) => p.productId))
  const newG = entry.perceel.gemeenten.filter(
    (g) => gemeenten.includes(g.gemeenteCode) && !hadG.has(g.gemeenteCode),
  )
  const newP = entry.perceel.products.filter((p) => products.includes(p.id) && !hadP.has(p.id))
  if (newG.length === 0 && newP.length === 0) return
  const problems = [
    ...newG.map((g) => `Gemeente ${g.gemeente.name} kan niet meer worden toegevoegd.`),
    ...newP.map((p) => `Product ${p.code} ${p.name} kan niet meer worden toegevoegd.`),
  ]
  throw new AdmissionError(
    'Na het indienen kunt u geen gemeenten of producten meer aan deze toetreding toevoegen; weghalen kan wel. ' +
      'Wilt u meer leveren? Dat kan met een nieuwe toetreding; voor gemeenten die al in deze toetreding staan ' +
      'zodra over deze toetreding is besloten. Uw wijzigingen zijn niet opgeslagen.',
    'invalid',
    problems,
  )
}

/**
 * A partner confirmed its part for the gemeenten the entry had then. Once the lead adds one, that confirmation no
 * longer covers the entry: it lapses, and the partner's beheerders are asked to confirm again (submitting waits for
 * it). Removing gemeenten asks less of the partner and leaves the confirmation standing.
 */
async function withdrawPartnerConfirmations(
  tx: Tx,
  entry: {
    id: string
    organisationId: string
    organisation: { name: string }
    partners: { id: string; role: string; organisationId: string; organisation: { name: string } }[]
    perceel: {
      name: string
      procurement: { regionId: string }
      gemeenten: { gemeenteCode: string; gemeente: { name: string } }[]
    }
  },
  added: string[],
  actor: Actor,
) {
  if (entry.partners.length === 0) return
  await tx.entryPartner.updateMany({
    where: { id: { in: entry.partners.map((p) => p.id) } },
    data: { confirmedAt: null },
  })
  const names = entry.perceel.gemeenten
    .filter((g) => added.includes(g.gemeenteCode))
    .map((g) => g.gemeente.name)
    .join(', ')
  await recordAudit(tx, {
    actor,
    action: 'toetreding.partner_bevestiging_vervallen',
    subjectType: 'Entry',
    subjectId: entry.id,
    summary:
      `Gemeente(n) toegevoegd (${names}): de bevestiging van ` +
      `${entry.partners.map((p) => p.organisation.name).join(', ')} vervalt; opnieuw bevestigen nodig`,
    organisationId: entry.organisationId,
    regionId: entry.perceel.procurement.regionId,
  })
  const at = now()
  for (const partner of entry.partners) {
    const role = partnerRoleWord(partner.role)
    for (const to of await beheerderRecipients(tx, partner.organisationId)) {
      await queueEmail(tx, {
        to,
        subject: `Bevestig opnieuw als ${role}: ${entry.organisation.name}, ${entry.perceel.name}`,
        dedupeKey: `partner-opnieuw-bevestigen:${partner.id}:${at.getTime()}:${to}`,
        text: [
          `${entry.organisation.name} heeft gemeenten toegevoegd aan de toetreding tot ${entry.perceel.name} ` +
            `waarin ${partner.organisation.name} ${role} is: ${names}.`,
          '',
          'Uw eerdere bevestiging gold voor minder gemeenten en is daarom vervallen. ' +
            `${entry.organisation.name} kan pas indienen als u uw deel opnieuw bevestigt (of weigert).`,
          '',
          'Bevestig of weiger uw deel vanuit uw eigen account:',
          partnerUrl(partner.id, partner.organisationId),
        ].join('\n'),
      })
    }
  }
}

/** Knock-out answers of an entry that fail its (current) set, keyed by question id. */
async function currentAnswerProblems(tx: Tx, entryId: string) {
  const answers = await tx.entryAnswer.findMany({ where: { entryId }, include: { question: true } })
  const problems: Record<string, string> = {}
  for (const a of answers) {
    const problem = answerProblem(a.question, a.value)
    if (problem) problems[a.questionId] = problem
  }
  return problems
}

export type MoveEntryInput = { actor: Actor; organisationId: string; entryId: string }

/**
 * Carries a concept whose registration moment has closed over to the next one (open now, or the first to open),
 * judged against that moment's requirements (answers and evidence that still fit are kept). The entry keeps its
 * open keys, so there is never a second open entry for the same organisation, perceel and gemeente.
 */
export async function moveEntryToNextMoment(input: MoveEntryInput) {
  return db.$transaction(async (tx) => {
    // The entry's row lock first, like saving: a move and a save of the same entry run one after the other.
    await tx.entry.updateMany({
      where: { id: input.entryId, organisationId: input.organisationId },
      data: { updatedAt: now() },
    })
    const entry = await tx.entry.findFirst({
      where: { id: input.entryId, organisationId: input.organisationId },
      select: {
        id: true,
        status: true,
        perceelId: true,
        registrationMoment: { select: { id: true, closesAt: true } },
        perceel: { select: { name: true, registrationRegime: true } },
      },
    })
    if (!entry) throw new AdmissionError('Deze toetreding bestaat niet.', 'not_allowed')
    if (entry.status !== 'concept')
      throw new AdmissionError(
        'Alleen een concept kan naar een volgend registratiemoment worden verplaatst.',
        'transition',
      )
    const at = now()
    if (entry.perceel.registrationRegime === 'doorlopend' || !entry.registrationMoment)
      throw new AdmissionError(
        'Op dit perceel kunt u doorlopend indienen; verplaatsen is niet nodig.',
        'invalid',
      )
    if (!isStaleConcept(entry, at))
      throw new AdmissionError(
        'Het registratiemoment van deze toetreding is nog niet gesloten. U kunt haar nu indienen.',
        'invalid',
      )
    const perceel = await findOpenHousePerceel(tx, entry.perceelId)
    if (!perceel) throw new AdmissionError('Dit perceel staat niet meer open voor toetreding.', 'closed')
    const next = await momentForNewEntry(tx, perceel.id, perceel.registrationRegime, at)
    if (!next)
      throw new AdmissionError('Er is voor dit perceel geen open of komend registratiemoment.', 'closed')
    await tx.entry.update({ where: { id: entry.id }, data: { registrationMomentId: next.id } })
    await recordAudit(tx, {
      actor: input.actor,
      action: 'toetreding.verplaatst',
      subjectType: 'Entry',
      subjectId: entry.id,
      summary: `Concept verplaatst naar het registratiemoment van ${formatDateTime(next.opensAt)} tot ${formatDateTime(next.closesAt)}`,
      organisationId: input.organisationId,
      regionId: perceel.procurement.regionId,
    })
    const requirements = await alignConcept(tx, entry.id, input.organisationId, at, input.actor)
    return { entryId: entry.id, moment: next, requirements }
  })
}

/**
 * Before a concept is shown: puts it on the set it is judged against now (a requirement change published before its
 * moment opened, or the set frozen at the opening), so the screen asks the right questions. Writes only when needed.
 */
export async function alignConceptForView(entryId: string, organisationId: string, actor: Actor) {
  return alignConceptIfNeeded(entryId, organisationId, now(), actor)
}

/** Names of gemeenten for messages. */
export { gemeenteNames }
