import { db, type DbOrTx, type Tx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { queueEmail } from '~/utils/email.server'
import { formatDateTime } from '~/utils/time'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { createStoredFile } from '~/domain/documents/documents.server'
import { answeredPromptError, mayAskQuestion, mayGiveInput, roundPhase, type SessionKind } from './rules'
import { mailReservationInvite, roundUrl } from './emails.server'
import { sessionFactsSelect } from './session-select'

export type RoundInput = {
  title: string
  description: string
  gemeenteCodes: string[]
  procurementId: string | null
  segmentIds: string[]
  opensAt: Date
  closesAt: Date
  questionsDeadline: Date | null
  prompts: string[]
  publishAttendees: boolean
  inviteCouncils: boolean
}

/** Keeps only municipalities, segments and a procurement that belong to the region. */
async function scopeToRegion(tx: DbOrTx, regionId: string, input: RoundInput) {
  const [gemeenten, segments, procurement] = await Promise.all([
    tx.regionGemeente.findMany({
      where: { regionId, gemeenteCode: { in: input.gemeenteCodes } },
      select: { gemeenteCode: true },
    }),
    tx.segment.findMany({ where: { regionId, id: { in: input.segmentIds } }, select: { id: true } }),
    input.procurementId
      ? tx.procurement.findFirst({ where: { id: input.procurementId, regionId }, select: { id: true } })
      : null,
  ])
  return {
    gemeenteCodes: gemeenten.map((g) => g.gemeenteCode),
    segmentIds: segments.map((s) => s.id),
    procurementId: procurement?.id ?? null,
  }
}

export async function createRound(regionId: string, input: RoundInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const scoped = await scopeToRegion(tx, regionId, input)
    const id = newId()
    await tx.consultationRound.create({
      data: {
        id,
        regionId,
        procurementId: scoped.procurementId,
        title: input.title,
        description: input.description,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        questionsDeadline: input.questionsDeadline,
        publishAttendees: input.publishAttendees,
        inviteCouncils: input.inviteCouncils,
        status: 'concept',
        gemeenten: { create: scoped.gemeenteCodes.map((gemeenteCode) => ({ gemeenteCode })) },
        segments: { create: scoped.segmentIds.map((segmentId) => ({ segmentId })) },
        writtenPrompts: { create: input.prompts.map((text, i) => ({ id: newId(), text, sortOrder: i })) },
      },
    })
    await recordAudit(tx, {
      actor,
      action: 'consultatie.aangemaakt',
      subjectType: 'ConsultationRound',
      subjectId: id,
      summary: `Consultatieronde "${input.title}" aangemaakt (concept)`,
      regionId,
    })
    return id
  })
}

/**
 * E-mail to everyone registered for a session of the round (seat or waiting list), once per address, except the
 * addresses in `skip` (they get a more specific e-mail about the same change). Registrations kept on a cancelled
 * session are the record, not a subscription: they hear nothing more.
 */
async function mailRegistered(
  tx: Tx,
  roundId: string,
  subject: string,
  text: string,
  skip: ReadonlySet<string> = new Set(),
) {
  const registrations = await tx.sessionRegistration.findMany({
    where: { session: { roundId, cancelledAt: null }, status: { in: ['zeker', 'wachtlijst'] } },
    select: { attendeeEmail: true, attendeeName: true },
  })
  const seen = new Set<string>()
  for (const r of registrations) {
    if (seen.has(r.attendeeEmail) || skip.has(r.attendeeEmail)) continue
    seen.add(r.attendeeEmail)
    await queueEmail(tx, { to: r.attendeeEmail, subject, text: `Beste ${r.attendeeName},\n\n${text}` })
  }
  return seen.size
}

/**
 * A change to a published round: listed on the round's page with its date and e-mailed to everyone registered for
 * one of its sessions. Call it inside the transaction of the change itself. Every change to a published round goes
 * through here (round, documents, sessions, report, minutes).
 */
export async function recordRoundChange(
  tx: Tx,
  round: { id: string; title: string },
  summary: string,
  options: { skipEmails?: ReadonlySet<string> } = {},
) {
  await tx.consultationChange.create({ data: { id: newId(), roundId: round.id, summary, at: now() } })
  return mailRegistered(
    tx,
    round.id,
    `Wijziging in consultatieronde: ${round.title}`,
    `De consultatieronde "${round.title}" is gewijzigd:\n\n${summary}\n\nBekijk de ronde: ${roundUrl(round.id)}\n`,
    options.skipEmails,
  )
}

/**
 * Invites the organisations with reserved seats at a session (all, or only `organisationIds`). Only for a published
 * round: before that its page does not exist. Each organisation is invited once per session (dedupe key).
 */
export async function inviteReservedOrganisations(tx: Tx, sessionId: string, organisationIds?: string[]) {
  const session = await tx.consultationSession.findUnique({
    where: { id: sessionId },
    select: {
      ...sessionFactsSelect,
      round: { select: { title: true, status: true } },
      reservations: {
        where: organisationIds ? { organisationId: { in: organisationIds } } : {},
        select: { organisationId: true, seats: true },
      },
    },
  })
  if (!session || session.cancelledAt || session.round.status !== 'gepubliceerd') return 0
  let sent = 0
  for (const r of session.reservations)
    sent += await mailReservationInvite(tx, r.organisationId, r.seats, session)
  return sent
}

/**
 * The council memberships a round concerns: a member tied to specific municipalities only where the round concerns
 * one of them; a member without any is region-wide. One rule for the invitation and for giving input.
 */
async function concernedCouncilWhere(tx: DbOrTx, round: { id: string; regionId: string }) {
  const gemeenteCodes = (
    await tx.consultationRoundGemeente.findMany({
      where: { roundId: round.id },
      select: { gemeenteCode: true },
    })
  ).map((g) => g.gemeenteCode)
  return {
    regionId: round.regionId,
    role: 'adviesraad',
    OR: [{ gemeenten: { none: {} } }, { gemeenten: { some: { gemeenteCode: { in: gemeenteCodes } } } }],
  }
}

/** Whether this user may give council input on the round (see concernedCouncilWhere). */
export async function isConcernedCouncilMember(
  tx: DbOrTx,
  userId: string,
  round: { id: string; regionId: string },
) {
  return (
    (await tx.regionMembership.count({ where: { userId, ...(await concernedCouncilWhere(tx, round)) } })) > 0
  )
}

/** Invites the council members the round concerns to give input. Once per round and member. */
async function inviteCouncilMembers(
  tx: Tx,
  round: { id: string; regionId: string; title: string; closesAt: Date },
) {
  const members = await tx.regionMembership.findMany({
    where: await concernedCouncilWhere(tx, round),
    select: { user: { select: { id: true, name: true, email: true } } },
  })
  for (const m of members) {
    await queueEmail(tx, {
      to: m.user.email,
      subject: `Uitnodiging voor uw inbreng: ${round.title}`,
      text:
        `Beste ${m.user.name},\n\nDe regio nodigt de adviesraad en cliëntenraad uit om schriftelijk inbreng te geven ` +
        `op de consultatieronde "${round.title}". Uw inbreng wordt apart van die van zorgaanbieders bewaard.\n\n` +
        `U kunt reageren tot ${formatDateTime(round.closesAt)} via ${roundUrl(round.id)}\n`,
      dedupeKey: `consultatie-adviesraad:${round.id}:${m.user.id}`,
    })
  }
}

/** Alerts for a newly published round: subscribers of its region (any segment) or of one of its segments. */
async function sendAlerts(tx: Tx, round: { id: string; regionId: string; title: string; closesAt: Date }) {
  const segmentIds = (
    await tx.consultationRoundSegment.findMany({ where: { roundId: round.id }, select: { segmentId: true } })
  ).map((s) => s.segmentId)
  const alerts = await tx.consultationAlert.findMany({
    where: {
      OR: [
        { regionId: round.regionId, segmentId: null },
        ...(segmentIds.length ? [{ segmentId: { in: segmentIds } }] : []),
      ],
    },
    select: { email: true },
  })
  const emails = [...new Set(alerts.map((a) => a.email))]
  for (const email of emails) {
    await queueEmail(tx, {
      to: email,
      subject: `Nieuwe consultatieronde: ${round.title}`,
      text:
        `Er is een nieuwe consultatieronde gepubliceerd die past bij uw meldingen.\n\n${round.title}\n` +
        `Inbreng mogelijk tot ${formatDateTime(round.closesAt)}.\n\nBekijk de ronde: ${roundUrl(round.id)}\n\n` +
        `U ontvangt deze e-mail omdat u meldingen heeft aangezet. Wijzigen kan via ${roundUrl('meldingen')}\n`,
      dedupeKey: `consultatie-melding:${round.id}:${email}`,
    })
  }
  return emails.length
}

export async function publishRound(regionId: string, roundId: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    const round = await tx.consultationRound.findFirst({
      where: { id: roundId, regionId, status: 'concept' },
      select: { id: true, regionId: true, title: true, closesAt: true, inviteCouncils: true },
    })
    if (!round) return false
    // Conditional: of two publishes at once (PostgreSQL, READ COMMITTED) only one sends the alerts and invitations.
    const claimed = await tx.consultationRound.updateMany({
      where: { id: round.id, status: 'concept' },
      data: { status: 'gepubliceerd', publishedAt: now() },
    })
    if (claimed.count !== 1) return false
    const alerts = await sendAlerts(tx, round)
    if (round.inviteCouncils) await inviteCouncilMembers(tx, round)
    const sessions = await tx.consultationSession.findMany({
      where: { roundId, cancelledAt: null },
      select: { id: true },
    })
    for (const session of sessions) await inviteReservedOrganisations(tx, session.id)
    await recordAudit(tx, {
      actor,
      action: 'consultatie.gepubliceerd',
      subjectType: 'ConsultationRound',
      subjectId: round.id,
      summary: `Consultatieronde "${round.title}" gepubliceerd; ${alerts} melding(en) verstuurd`,
      regionId,
    })
    return true
  })
}

export type UpdateRoundResult =
  | { ok: true }
  | { ok: false; reason: 'onbekend' }
  /** vragen: the edit would reword, move or remove a written question that already has answers. */
  | { ok: false; reason: 'vragen'; message: string }

/**
 * Changes a round. Once published, every change is listed on the round's page with its date (the `summary` the
 * buyer gives) and e-mailed to everyone registered for one of its sessions. Refused (nothing changed) when an
 * answered written question would be reworded, moved or removed.
 */
export async function updateRound(
  regionId: string,
  roundId: string,
  input: RoundInput,
  summary: string | null,
  actor: Actor,
): Promise<UpdateRoundResult> {
  return db.$transaction(async (tx): Promise<UpdateRoundResult> => {
    const round = await tx.consultationRound.findFirst({
      where: { id: roundId, regionId },
      select: {
        id: true,
        status: true,
        inviteCouncils: true,
        writtenPrompts: {
          orderBy: { sortOrder: 'asc' },
          select: { id: true, text: true, _count: { select: { answers: true } } },
        },
      },
    })
    if (!round) return { ok: false, reason: 'onbekend' }
    // Checked inside the transaction, so an answer saved meanwhile is counted.
    const promptError = answeredPromptError(
      round.writtenPrompts.map((p) => ({ text: p.text, answers: p._count.answers })),
      input.prompts,
    )
    if (promptError) return { ok: false, reason: 'vragen', message: promptError }
    const scoped = await scopeToRegion(tx, regionId, input)
    await tx.consultationRound.update({
      where: { id: round.id },
      data: {
        title: input.title,
        description: input.description,
        procurementId: scoped.procurementId,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        questionsDeadline: input.questionsDeadline,
        publishAttendees: input.publishAttendees,
        inviteCouncils: input.inviteCouncils,
      },
    })
    await tx.consultationRoundGemeente.deleteMany({ where: { roundId } })
    await tx.consultationRoundGemeente.createMany({
      data: scoped.gemeenteCodes.map((gemeenteCode) => ({ roundId, gemeenteCode })),
    })
    await tx.consultationRoundSegment.deleteMany({ where: { roundId } })
    await tx.consultationRoundSegment.createMany({
      data: scoped.segmentIds.map((segmentId) => ({ roundId, segmentId })),
    })
    // Written questions by position: keep ids (answers hang on them), change texts in place, add new ones at the
    // end, drop the extras. The check above guarantees answered ones keep their position and text, and are not extras.
    for (let i = 0; i < Math.max(input.prompts.length, round.writtenPrompts.length); i++) {
      const existing = round.writtenPrompts[i]
      const text = input.prompts[i]
      if (existing && text !== undefined) {
        await tx.consultationPrompt.update({ where: { id: existing.id }, data: { text, sortOrder: i } })
      } else if (text !== undefined) {
        await tx.consultationPrompt.create({ data: { id: newId(), roundId, text, sortOrder: i } })
      } else if (existing) {
        await tx.consultationPrompt.delete({ where: { id: existing.id } })
      }
    }
    const published = round.status !== 'concept'
    if (published) {
      await recordRoundChange(tx, { id: roundId, title: input.title }, summary ?? 'De ronde is gewijzigd.')
      // Also when the municipalities changed: members of a newly concerned municipality hear of it (dedupe key).
      if (input.inviteCouncils) {
        await inviteCouncilMembers(tx, {
          id: roundId,
          regionId,
          title: input.title,
          closesAt: input.closesAt,
        })
      }
    }
    await recordAudit(tx, {
      actor,
      action: 'consultatie.gewijzigd',
      subjectType: 'ConsultationRound',
      subjectId: roundId,
      summary: published ? `Gepubliceerde ronde gewijzigd: ${summary ?? ''}` : 'Concept gewijzigd',
      regionId,
    })
    return { ok: true }
  })
}

export type SessionInput = {
  kind: SessionKind
  title: string
  startsAt: Date
  durationMinutes: number
  address: string | null
  onlineUrl: string | null
  seats: number
  seatsPerOrganisation: number
  registrationDeadline: Date
  reservations: { kvkNummer: string; seats: number }[]
}

export async function addSession(regionId: string, roundId: string, input: SessionInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const round = await tx.consultationRound.findFirst({
      where: { id: roundId, regionId },
      select: { id: true, status: true, title: true },
    })
    if (!round) return { ok: false as const, unknownKvk: [] }
    const orgs = await tx.organisation.findMany({
      where: { kvkNummer: { in: input.reservations.map((r) => r.kvkNummer) } },
      select: { id: true, kvkNummer: true },
    })
    const unknownKvk = input.reservations.filter((r) => !orgs.some((o) => o.kvkNummer === r.kvkNummer))
    if (unknownKvk.length) return { ok: false as const, unknownKvk: unknownKvk.map((r) => r.kvkNummer) }
    const id = newId()
    await tx.consultationSession.create({
      data: {
        id,
        roundId,
        kind: input.kind,
        title: input.title,
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        address: input.address,
        onlineUrl: input.onlineUrl,
        seats: input.seats,
        seatsPerOrganisation: input.seatsPerOrganisation,
        registrationDeadline: input.registrationDeadline,
        reservations: {
          create: input.reservations.map((r) => ({
            organisationId: orgs.find((o) => o.kvkNummer === r.kvkNummer)!.id,
            seats: r.seats,
          })),
        },
      },
    })
    if (round.status !== 'concept') {
      await recordRoundChange(
        tx,
        round,
        `Sessie toegevoegd: ${input.title} op ${formatDateTime(input.startsAt)}`,
      )
      await inviteReservedOrganisations(tx, id)
    }
    await recordAudit(tx, {
      actor,
      action: 'consultatie.sessie.toegevoegd',
      subjectType: 'ConsultationSession',
      subjectId: id,
      summary: `Sessie "${input.title}" (${input.seats} plaatsen) toegevoegd aan "${round.title}"`,
      regionId,
    })
    return { ok: true as const, id }
  })
}

// --- questions and the nota van inlichtingen ------------------------------------------------------------------

export async function askQuestion(input: {
  roundId: string
  organisationId: string
  userId: string
  text: string
  actor: Actor
}) {
  return db.$transaction(async (tx) => {
    const round = await tx.consultationRound.findFirst({
      where: { id: input.roundId, status: 'gepubliceerd' },
      select: {
        id: true,
        regionId: true,
        status: true,
        opensAt: true,
        closesAt: true,
        questionsDeadline: true,
      },
    })
    if (!round || !mayAskQuestion(round, now())) return false
    const id = newId()
    await tx.consultationQuestion.create({
      data: {
        id,
        roundId: round.id,
        organisationId: input.organisationId,
        askedById: input.userId,
        text: input.text,
      },
    })
    await recordAudit(tx, {
      actor: input.actor,
      action: 'consultatie.vraag.gesteld',
      subjectType: 'ConsultationQuestion',
      subjectId: id,
      summary: 'Vraag gesteld',
      organisationId: input.organisationId,
      regionId: round.regionId,
    })
    return true
  })
}

export const ANSWER_PUBLISHED =
  'Deze vraag is al gepubliceerd in een nota van inlichtingen. Het antwoord kan niet meer worden gewijzigd.'

export type AnswerResult =
  { ok: true } | { ok: false; reason: 'onbekend' } | { ok: false; reason: 'gepubliceerd'; message: string }

export async function answerQuestion(
  regionId: string,
  roundId: string,
  questionId: string,
  answer: string,
  actor: Actor,
): Promise<AnswerResult> {
  return db.$transaction(async (tx): Promise<AnswerResult> => {
    const question = await tx.consultationQuestion.findFirst({
      where: { id: questionId, roundId, round: { regionId } },
      select: { id: true },
    })
    if (!question) return { ok: false, reason: 'onbekend' }
    // Conditional: a nota published meanwhile keeps the answer it was published with.
    const changed = await tx.consultationQuestion.updateMany({
      where: { id: question.id, publishedAt: null },
      data: { answer },
    })
    if (changed.count !== 1) return { ok: false, reason: 'gepubliceerd', message: ANSWER_PUBLISHED }
    await recordAudit(tx, {
      actor,
      action: 'consultatie.vraag.beantwoord',
      subjectType: 'ConsultationQuestion',
      subjectId: question.id,
      summary: 'Antwoord opgesteld (nog niet gepubliceerd)',
      regionId,
    })
    return { ok: true }
  })
}

/**
 * Publishes every answered, unpublished question of the round at one and the same moment, as the next nota van
 * inlichtingen. Questions are numbered on from the previous nota; the asker is never named.
 */
export async function publishAnswers(regionId: string, roundId: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    // Takes the round row first, so two publishes run one after another and cannot both number the same questions.
    const locked = await tx.consultationRound.updateMany({
      where: { id: roundId, regionId, status: 'gepubliceerd' },
      data: { updatedAt: now() },
    })
    if (locked.count !== 1) return 0
    const ready = await tx.consultationQuestion.findMany({
      where: { roundId, publishedAt: null, answer: { not: null } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, answer: true },
    })
    const toPublish = ready.filter((q) => (q.answer ?? '').trim() !== '')
    if (toPublish.length === 0) return 0
    const last = await tx.consultationQuestion.aggregate({ where: { roundId }, _max: { number: true } })
    let number = last._max.number ?? 0
    const at = now()
    for (const q of toPublish) {
      const published = await tx.consultationQuestion.updateMany({
        where: { id: q.id, publishedAt: null },
        data: { number: number + 1, publishedAt: at },
      })
      number += published.count
    }
    const count = number - (last._max.number ?? 0)
    if (count === 0) return 0
    const notas = await tx.consultationQuestion.findMany({
      where: { roundId, publishedAt: { not: null } },
      distinct: ['publishedAt'],
      select: { publishedAt: true },
    })
    await recordAudit(tx, {
      actor,
      action: 'consultatie.nvi.gepubliceerd',
      subjectType: 'ConsultationRound',
      subjectId: roundId,
      summary: `Nota van inlichtingen ${notas.length} gepubliceerd met ${count} vraag/vragen`,
      regionId,
    })
    return count
  })
}

// --- written input ----------------------------------------------------------------------------------------------

export type InputOwner =
  { kind: 'aanbieder'; organisationId: string; userId: string } | { kind: 'adviesraad'; userId: string }

export function ownerWhere(roundId: string, owner: InputOwner) {
  return owner.kind === 'aanbieder'
    ? { roundId, kind: 'aanbieder', organisationId: owner.organisationId }
    : { roundId, kind: 'adviesraad', authorUserId: owner.userId, organisationId: null }
}

export async function getOwnInput(roundId: string, owner: InputOwner) {
  return db.writtenInput.findFirst({
    where: ownerWhere(roundId, owner),
    select: {
      id: true,
      updatedAt: true,
      answers: { select: { promptId: true, text: true } },
      files: { select: { file: { select: { id: true, displayName: true, size: true } } } },
    },
  })
}

export type NewInputFile = {
  storageKey: string
  size: number
  sha256: string
  displayName: string
  contentType: string
}

/**
 * Attachments one written input may hold in all, over every save (an upload brings at most MAX_FILES_PER_UPLOAD at a
 * time): keeps the export of a round bounded.
 */
export const MAX_FILES_PER_INPUT = 10

/** Refused attachments; `message` is Dutch and meant for the form field `field`. */
export class InputFilesRefused extends Error {
  readonly field = 'bijlagen'
}

export const inputFileMessages = {
  tooMany: (max: number, kept: number) =>
    kept >= max
      ? `Uw inbreng heeft al ${kept} bijlagen; het maximum is ${max}. Verwijder eerst een bijlage die u niet meer nodig heeft.`
      : `Uw inbreng heeft al ${kept} ${kept === 1 ? 'bijlage' : 'bijlagen'}; het maximum is ${max}. ` +
        `Voeg er hoogstens ${max - kept} toe, of verwijder eerst een bijlage die u niet meer nodig heeft.`,
} as const

/**
 * Saves (creates or replaces) the written input while the round is open; new attachments are added to it. Throws
 * `InputFilesRefused` (nothing saved) when the input would hold more than MAX_FILES_PER_INPUT attachments.
 */
export async function saveInput(
  roundId: string,
  owner: InputOwner,
  answers: Record<string, string>,
  actor: Actor,
  files: NewInputFile[] = [],
  removeFileIds: string[] = [],
) {
  return db.$transaction(async (tx) => {
    const round = await tx.consultationRound.findFirst({
      where: { id: roundId, status: 'gepubliceerd' },
      select: {
        id: true,
        regionId: true,
        status: true,
        opensAt: true,
        closesAt: true,
        questionsDeadline: true,
        inviteCouncils: true,
        writtenPrompts: { select: { id: true } },
      },
    })
    if (!round || !mayGiveInput(round, now())) return null
    if (
      owner.kind === 'adviesraad' &&
      (!round.inviteCouncils || !(await isConcernedCouncilMember(tx, owner.userId, round)))
    )
      return null
    let input = await tx.writtenInput.findFirst({ where: ownerWhere(roundId, owner), select: { id: true } })
    if (!input) {
      input = { id: newId() }
      await tx.writtenInput.create({
        data: {
          id: input.id,
          roundId,
          kind: owner.kind,
          organisationId: owner.kind === 'aanbieder' ? owner.organisationId : null,
          authorUserId: owner.userId,
        },
      })
    } else {
      await tx.writtenInput.update({ where: { id: input.id }, data: { authorUserId: owner.userId } })
    }
    for (const prompt of round.writtenPrompts) {
      const text = (answers[prompt.id] ?? '').trim()
      if (text === '') {
        await tx.writtenInputAnswer.deleteMany({ where: { inputId: input.id, promptId: prompt.id } })
      } else {
        await tx.writtenInputAnswer.upsert({
          where: { inputId_promptId: { inputId: input.id, promptId: prompt.id } },
          create: { inputId: input.id, promptId: prompt.id, text },
          update: { text },
        })
      }
    }
    // Counted after the write above: on PostgreSQL that row lock makes a second save of the same input wait.
    const kept = await tx.writtenInputFile.count({
      where: { inputId: input.id, fileId: { notIn: removeFileIds } },
    })
    if (files.length && kept + files.length > MAX_FILES_PER_INPUT) {
      throw new InputFilesRefused(inputFileMessages.tooMany(MAX_FILES_PER_INPUT, kept))
    }
    for (const file of files) {
      const fileId = await createStoredFile(tx, file, {
        organisationId: owner.kind === 'aanbieder' ? owner.organisationId : null,
        uploadedById: owner.userId,
      })
      await tx.writtenInputFile.create({ data: { inputId: input.id, fileId } })
    }
    if (removeFileIds.length) {
      await tx.writtenInputFile.deleteMany({ where: { inputId: input.id, fileId: { in: removeFileIds } } })
    }
    await recordAudit(tx, {
      actor,
      action: 'consultatie.inbreng.opgeslagen',
      subjectType: 'WrittenInput',
      subjectId: input.id,
      summary:
        owner.kind === 'adviesraad' ? 'Inbreng adviesraad opgeslagen' : 'Schriftelijke inbreng opgeslagen',
      organisationId: owner.kind === 'aanbieder' ? owner.organisationId : null,
      regionId: round.regionId,
    })
    return input.id
  })
}

// --- after closing: report and minutes ---------------------------------------------------------------------------

export async function publishReport(regionId: string, roundId: string, report: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    const round = await tx.consultationRound.findFirst({
      where: { id: roundId, regionId, status: 'gepubliceerd' },
      select: { id: true, title: true, status: true, opensAt: true, closesAt: true, questionsDeadline: true },
    })
    if (!round || roundPhase(round, now()) !== 'gesloten') return false
    await tx.consultationRound.update({ where: { id: roundId }, data: { report } })
    await recordRoundChange(tx, round, 'Consultatieverslag gepubliceerd')
    await recordAudit(tx, {
      actor,
      action: 'consultatie.verslag.gepubliceerd',
      subjectType: 'ConsultationRound',
      subjectId: roundId,
      summary: 'Consultatieverslag gepubliceerd',
      regionId,
    })
    return true
  })
}

export async function publishMinutes(regionId: string, sessionId: string, minutes: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    const session = await tx.consultationSession.findFirst({
      // A cancelled session did not take place, so it has no minutes.
      where: { id: sessionId, cancelledAt: null, round: { regionId, status: 'gepubliceerd' } },
      select: { id: true, roundId: true, title: true, startsAt: true, round: { select: { title: true } } },
    })
    if (!session || session.startsAt.getTime() > now().getTime()) return false
    await tx.consultationSession.update({ where: { id: sessionId }, data: { minutes } })
    await recordRoundChange(
      tx,
      { id: session.roundId, title: session.round.title },
      `Verslag van "${session.title}" gepubliceerd`,
    )
    await recordAudit(tx, {
      actor,
      action: 'consultatie.sessie.verslag',
      subjectType: 'ConsultationSession',
      subjectId: sessionId,
      summary: `Verslag van "${session.title}" gepubliceerd`,
      regionId,
    })
    return true
  })
}

// --- alerts --------------------------------------------------------------------------------------------------------

export async function getAlerts(organisationId: string, email: string) {
  return db.consultationAlert.findMany({
    where: { organisationId, email },
    select: { regionId: true, segmentId: true },
  })
}

/** Replaces the alerts of this person for this organisation with the chosen regions and segments. */
export async function saveAlerts(
  organisationId: string,
  email: string,
  choice: { regionIds: string[]; segmentIds: string[] },
  actor: Actor,
) {
  return db.$transaction(async (tx) => {
    const [regions, segments] = await Promise.all([
      tx.region.findMany({ where: { id: { in: choice.regionIds } }, select: { id: true } }),
      tx.segment.findMany({ where: { id: { in: choice.segmentIds } }, select: { id: true, regionId: true } }),
    ])
    await tx.consultationAlert.deleteMany({ where: { organisationId, email } })
    await tx.consultationAlert.createMany({
      data: [
        ...regions.map((r) => ({ id: newId(), organisationId, email, regionId: r.id, segmentId: null })),
        ...segments.map((s) => ({
          id: newId(),
          organisationId,
          email,
          regionId: s.regionId,
          segmentId: s.id,
        })),
      ],
    })
    await recordAudit(tx, {
      actor,
      action: 'consultatie.meldingen.ingesteld',
      subjectType: 'ConsultationAlert',
      subjectId: organisationId,
      summary: `Meldingen ingesteld: ${regions.length} regio('s), ${segments.length} segment(en)`,
      organisationId,
    })
    return regions.length + segments.length
  })
}
