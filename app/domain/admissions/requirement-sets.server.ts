/**
 * Which requirement set an entry is judged against. The rule (issue: open-house admissions): the set as it was when
 * the entry's registration moment OPENED; later changes apply to later moments only. Until the moment opens nothing
 * is frozen and a concept follows the currently published set. Continuous entry has no moment: a concept follows
 * the published set until it is submitted. A submitted entry keeps the set it was submitted under.
 */
import { db, type DbOrTx, type Tx } from '~/utils/db.server'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { AdmissionError } from './state'

type MomentRef = { id: string; opensAt: Date; requirementSetId: string | null }

/** The latest published set of a perceel; with `at`, the latest one published at or before that instant. */
async function publishedSetId(tx: DbOrTx, perceelId: string, at?: Date): Promise<string | null> {
  const set = await tx.requirementSet.findFirst({
    where: { perceelId, publishedAt: at ? { not: null, lte: at } : { not: null } },
    orderBy: { version: 'desc' },
    select: { id: true },
  })
  return set?.id ?? null
}

/**
 * Freezes the set of a moment that has opened: the set published at its opening instant, not the one published
 * when this first runs (a change published after the opening must not slip in). Does nothing before the opening.
 * The catalogue job `freezeOpenMoments` freezes opened moments every few minutes as well; whichever comes first
 * wins, the other leaves the moment alone.
 */
export async function freezeMomentIfOpened(
  tx: DbOrTx,
  perceelId: string,
  moment: MomentRef,
  at: Date,
): Promise<string | null> {
  if (moment.requirementSetId) return moment.requirementSetId
  if (at < moment.opensAt) return null
  // No set published yet at the opening: the first one published since is the nearest to the rule.
  const setId = (await publishedSetId(tx, perceelId, moment.opensAt)) ?? (await publishedSetId(tx, perceelId))
  if (!setId) return null
  await tx.registrationMoment.updateMany({
    where: { id: moment.id, requirementSetId: null },
    data: { requirementSetId: setId },
  })
  const frozen = await tx.registrationMoment.findUniqueOrThrow({
    where: { id: moment.id },
    select: { requirementSetId: true },
  })
  return frozen.requirementSetId ?? setId
}

/** The set a concept in `moment` (null: continuous entry) is judged against at `at`, or null when none is published. */
async function targetSetId(tx: DbOrTx, perceelId: string, moment: MomentRef | null, at: Date) {
  const frozen = moment ? await freezeMomentIfOpened(tx, perceelId, moment, at) : null
  return frozen ?? (await publishedSetId(tx, perceelId))
}

/** As `targetSetId`, for a new entry: refuses when the perceel has no published requirements. */
export async function requirementSetFor(
  tx: DbOrTx,
  perceelId: string,
  moment: MomentRef | null,
  at: Date,
): Promise<string> {
  const id = await targetSetId(tx, perceelId, moment, at)
  if (!id) throw new AdmissionError('Voor dit perceel zijn nog geen eisen gepubliceerd.', 'closed')
  return id
}

const questionKey = (q: { kind: string; text: string }) => `${q.kind}\u0000${q.text}`

/**
 * Points an entry at another set, keeping what still fits: the answer to a question of the same kind and text
 * (a new version copies its questions under new ids) and the evidence item attached for the same evidence type.
 * Whether the answers still pass is for the checks to say, against the new set.
 */
async function rebaseEntry(tx: Tx, entryId: string, fromSetId: string, toSetId: string) {
  const load = (id: string) =>
    tx.requirementSet.findUniqueOrThrow({
      where: { id },
      select: {
        version: true,
        questions: { select: { id: true, kind: true, text: true } },
        evidence: { select: { id: true, evidenceTypeId: true } },
      },
    })
  const from = await load(fromSetId)
  const to = await load(toSetId)
  const answers = await tx.entryAnswer.findMany({
    where: { entryId },
    select: { questionId: true, value: true },
  })
  const attached = await tx.entryEvidence.findMany({
    where: { entryId },
    select: { evidenceItemId: true, requiredEvidence: { select: { evidenceTypeId: true } } },
  })
  const oldQuestions = new Map(from.questions.map((q) => [q.id, q]))
  const valueOf = new Map<string, string>()
  for (const a of answers) {
    const q = oldQuestions.get(a.questionId)
    if (q) valueOf.set(questionKey(q), a.value)
  }
  await tx.entryAnswer.deleteMany({ where: { entryId } })
  await tx.entryEvidence.deleteMany({ where: { entryId } })
  for (const q of to.questions) {
    const value = valueOf.get(questionKey(q))
    if (value !== undefined) await tx.entryAnswer.create({ data: { entryId, questionId: q.id, value } })
  }
  for (const r of to.evidence) {
    const item = attached.find((e) => e.requiredEvidence.evidenceTypeId === r.evidenceTypeId)
    if (item)
      await tx.entryEvidence.create({
        data: { entryId, requiredEvidenceId: r.id, evidenceItemId: item.evidenceItemId },
      })
  }
  await tx.entry.update({ where: { id: entryId }, data: { requirementSetId: toSetId } })
  return { from: from.version, to: to.version }
}

export type RequirementChange = { from: number; to: number; frozen: boolean }

/**
 * Keeps a concept on the set it is judged against now (see the top of this module), carrying over what still fits.
 * Idempotent; does nothing for entries that are not a concept of `organisationId` (null: any organisation).
 * Returns the versions when the set changed.
 */
export async function alignConcept(
  tx: Tx,
  entryId: string,
  organisationId: string | null,
  at: Date,
  actor: Actor,
): Promise<RequirementChange | null> {
  const entry = await tx.entry.findFirst({
    where: { id: entryId, ...(organisationId ? { organisationId } : {}) },
    select: {
      id: true,
      status: true,
      organisationId: true,
      perceelId: true,
      requirementSetId: true,
      registrationMoment: { select: { id: true, opensAt: true, requirementSetId: true } },
      perceel: { select: { registrationRegime: true, procurement: { select: { regionId: true } } } },
    },
  })
  if (!entry || entry.status !== 'concept') return null
  const moment = entry.perceel.registrationRegime === 'doorlopend' ? null : entry.registrationMoment
  const target = await targetSetId(tx, entry.perceelId, moment, at)
  if (!target || target === entry.requirementSetId) return null
  const versions = await rebaseEntry(tx, entry.id, entry.requirementSetId, target)
  const frozen = !!moment && at >= moment.opensAt
  await recordAudit(tx, {
    actor,
    action: 'toetreding.eisen_bijgewerkt',
    subjectType: 'Entry',
    subjectId: entry.id,
    summary: `Eisen bijgewerkt van versie ${versions.from} naar versie ${versions.to} (${
      frozen ? 'vastgelegd bij de opening van het registratiemoment' : 'de nu gepubliceerde eisen'
    }); antwoorden en bewijsstukken die nog passen zijn overgenomen`,
    organisationId: entry.organisationId,
    regionId: entry.perceel.procurement.regionId,
  })
  return { ...versions, frozen }
}

/**
 * Read-only: might `alignConcept` change anything for this entry now? Lets a screen skip the write transaction in
 * the usual case (not a concept, or already on the right set).
 */
export async function conceptMayNeedAlignment(tx: DbOrTx, entryId: string, at: Date): Promise<boolean> {
  const entry = await tx.entry.findUnique({
    where: { id: entryId },
    select: {
      status: true,
      perceelId: true,
      requirementSetId: true,
      registrationMoment: { select: { opensAt: true, requirementSetId: true } },
      perceel: { select: { registrationRegime: true } },
    },
  })
  if (!entry || entry.status !== 'concept') return false
  const moment = entry.perceel.registrationRegime === 'doorlopend' ? null : entry.registrationMoment
  if (moment?.requirementSetId) return moment.requirementSetId !== entry.requirementSetId
  if (moment && at >= moment.opensAt) return true // to be frozen now
  return (await publishedSetId(tx, entry.perceelId)) !== entry.requirementSetId
}

/**
 * `alignConcept` in a transaction of its own, opened only when the read-only check says it may change something, so
 * a screen or a submission does not take the write lock in the usual case.
 */
export async function alignConceptIfNeeded(
  entryId: string,
  organisationId: string,
  at: Date,
  actor: Actor,
): Promise<RequirementChange | null> {
  if (!(await conceptMayNeedAlignment(db, entryId, at))) return null
  return db.$transaction((tx) => alignConcept(tx, entryId, organisationId, at, actor))
}
