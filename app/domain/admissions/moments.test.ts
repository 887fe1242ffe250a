import { beforeEach, afterAll, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { refused } from './test-assertions'

await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { setClockForTests } = await import('~/utils/clock')
const { newId } = await import('~/utils/ids.server')
const { endOfAmsterdamDay } = await import('~/utils/time')
const f = await import('./test-factories')
const { transitionEntry } = await import('./lifecycle.server')
const { startEntry, saveEntryDraft, moveEntryToNextMoment, alignConceptForView } =
  await import('./entries.server')
const { providerEntryView } = await import('./queries.server')

const db = getDb()
const T0 = new Date('2026-11-23T10:00:00Z')
const DAY = 86_400_000
const at = (days: number) => new Date(T0.getTime() + days * DAY)
const actor = (userId: string) => ({ userId, label: 'Test <test@example.org>' })
const EXTRA = 'Heeft u een klachtenregeling die voldoet aan de Wkkgz?'

/** Publishes a new version of the perceel's requirements, as the catalogue does: copies under new ids, plus a question. */
async function publishVersion(
  p: Awaited<ReturnType<typeof f.createOpenHousePerceel>>,
  version: number,
  publishedAt: Date,
) {
  const id = newId()
  await db.requirementSet.create({ data: { id, perceelId: p.perceelId, version, publishedAt } })
  for (const q of [p.questions.yesNo, p.questions.number])
    await db.requirementQuestion.create({
      data: {
        id: newId(),
        requirementSetId: id,
        kind: q.kind,
        text: q.text,
        requiredAnswer: q.requiredAnswer,
        minimum: q.minimum,
        sortOrder: q.sortOrder,
      },
    })
  const extra = await db.requirementQuestion.create({
    data: {
      id: newId(),
      requirementSetId: id,
      kind: 'knockout_yesno',
      text: `${EXTRA} (v${version})`,
      requiredAnswer: true,
      sortOrder: 3,
    },
  })
  await db.requiredEvidence.create({
    data: { id: newId(), requirementSetId: id, evidenceTypeId: p.evidenceType.id },
  })
  return { id, extra }
}

describe('registration moments: frozen requirements and stale concepts', () => {
  beforeEach(() => setClockForTests(T0))
  afterAll(() => setClockForTests(null))

  it('a draft started before the opening is judged against the set frozen at the opening, not at its start', async () => {
    const p = await f.createOpenHousePerceel(db, {
      opensAt: at(5),
      closesAt: at(20),
      decisionDate: at(50),
      freezeSet: false,
    })
    const { organisation: org, beheerder: user } = await f.createProvider(db)
    const as = { party: 'aanbieder' as const, organisationId: org.id }
    const { entryId } = await startEntry({
      actor: actor(user.id),
      userId: user.id,
      organisationId: org.id,
      perceelId: p.perceelId,
      gemeenten: [p.gemeenten[0]],
      products: [p.products[0].id],
    })
    // Nothing frozen before the opening: the draft follows the published set.
    expect(
      (await db.registrationMoment.findUniqueOrThrow({ where: { id: p.moment!.id } })).requirementSetId,
    ).toBeNull()
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).requirementSetId).toBe(
      p.requirementSetId,
    )
    const item = await f.createEvidenceItem(db, { organisationId: org.id, typeId: p.evidenceType.id })
    await saveEntryDraft({
      actor: actor(user.id),
      organisationId: org.id,
      entryId,
      gemeenten: [p.gemeenten[0]],
      products: [p.products[0].id],
      answers: { [p.questions.yesNo.id]: 'ja', [p.questions.number.id]: '5' },
      evidence: { [p.required.id]: item.id },
    })

    // A change is published between the draft and the opening; another after the opening.
    setClockForTests(at(2))
    const v2 = await publishVersion(p, 2, at(2))
    setClockForTests(at(6))
    const v3 = await publishVersion(p, 3, at(6))

    // Submitting after the opening freezes the set of the opening instant (v2) and judges the draft against it.
    setClockForTests(at(7))
    const e = await refused(
      transitionEntry({ entryId, action: 'indienen', actor: actor(user.id), as }),
      'incomplete',
    )
    expect(e.message).toMatch(/eisen .* gewijzigd \(nu versie 2\)/)
    expect(e.problems.join(' ')).toContain(EXTRA)
    const moment = await db.registrationMoment.findUniqueOrThrow({ where: { id: p.moment!.id } })
    expect(moment.requirementSetId).toBe(v2.id)
    expect(moment.requirementSetId).not.toBe(v3.id)
    // The refusal leaves the concept on the new set, with the answers and evidence that still fit.
    const entry = await db.entry.findUniqueOrThrow({
      where: { id: entryId },
      include: { answers: { include: { question: true } }, evidence: true },
    })
    expect(entry.requirementSetId).toBe(v2.id)
    expect(entry.answers.map((a) => [a.question.text, a.value]).sort()).toEqual(
      [
        [p.questions.yesNo.text, 'ja'],
        [p.questions.number.text, '5'],
      ].sort(),
    )
    expect(entry.evidence.map((x) => x.evidenceItemId)).toEqual([item.id])
    const view = await providerEntryView(org.id, entryId)
    expect(view!.entry.requirementSet.version).toBe(2)
    expect(view!.momentFrozen).toBe(true)

    await db.entryAnswer.create({ data: { entryId, questionId: v2.extra.id, value: 'ja' } })
    await transitionEntry({ entryId, action: 'indienen', actor: actor(user.id), as })
    const submitted = await db.entry.findUniqueOrThrow({ where: { id: entryId } })
    expect(submitted.status).toBe('ingediend')
    expect(submitted.requirementSetId).toBe(v2.id)
    const audit = await db.auditEvent.findMany({
      where: { subjectId: entryId, action: 'toetreding.eisen_bijgewerkt' },
    })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.summary).toMatch(/van versie 1 naar versie 2/)
  })

  it('the periodic job freezes the set of the opening instant too, also when it runs after a later change', async () => {
    const { freezeOpenMoments } = await import('~/domain/catalogue/catalogue.server')
    const p = await f.createOpenHousePerceel(db, { opensAt: at(5), closesAt: at(20), freezeSet: false })
    setClockForTests(at(2))
    const v2 = await publishVersion(p, 2, at(2))
    // Before the opening the job leaves the moment alone.
    expect(await freezeOpenMoments(db, at(4))).toBeGreaterThanOrEqual(0)
    expect(
      (await db.registrationMoment.findUniqueOrThrow({ where: { id: p.moment!.id } })).requirementSetId,
    ).toBeNull()
    setClockForTests(at(6))
    await publishVersion(p, 3, at(6))
    // The job runs late, after version 3 was published: the moment still gets version 2.
    await freezeOpenMoments(db, at(7))
    expect(
      (await db.registrationMoment.findUniqueOrThrow({ where: { id: p.moment!.id } })).requirementSetId,
    ).toBe(v2.id)
  })

  it('a new entry in an open moment takes the frozen set; the screen aligns a draft to a change before the opening', async () => {
    const p = await f.createOpenHousePerceel(db, { opensAt: at(3), closesAt: at(20), freezeSet: false })
    const { organisation: org, beheerder: user } = await f.createProvider(db)
    const { entryId } = await startEntry({
      actor: actor(user.id),
      userId: user.id,
      organisationId: org.id,
      perceelId: p.perceelId,
      gemeenten: [p.gemeenten[1]],
      products: [p.products[0].id],
    })
    const v2 = await publishVersion(p, 2, at(1))
    // Still before the opening: viewing follows the published set without freezing anything.
    setClockForTests(at(1))
    expect(await alignConceptForView(entryId, org.id, actor(user.id))).toEqual({
      from: 1,
      to: 2,
      frozen: false,
    })
    expect(await alignConceptForView(entryId, org.id, actor(user.id))).toBeNull()
    expect(
      (await db.registrationMoment.findUniqueOrThrow({ where: { id: p.moment!.id } })).requirementSetId,
    ).toBeNull()
    // After the opening a new entry freezes v2 for the moment (the set published at the opening).
    setClockForTests(at(4))
    await publishVersion(p, 3, at(3.5))
    const other = await f.createProvider(db)
    const started = await startEntry({
      actor: actor(other.beheerder.id),
      userId: other.beheerder.id,
      organisationId: other.organisation.id,
      perceelId: p.perceelId,
      gemeenten: [p.gemeenten[1]],
      products: [p.products[0].id],
    })
    expect((await db.entry.findUniqueOrThrow({ where: { id: started.entryId } })).requirementSetId).toBe(
      v2.id,
    )
  })

  it('a concept whose moment closed is carried over to the next moment instead of blocking a new entry', async () => {
    const p = await f.createOpenHousePerceel(db, { opensAt: at(-10), closesAt: at(1), decisionDate: at(30) })
    const next = await db.registrationMoment.create({
      data: { id: newId(), perceelId: p.perceelId, opensAt: at(5), closesAt: at(20), decisionDate: at(60) },
    })
    const { organisation: org, beheerder: user } = await f.createProvider(db)
    const as = { party: 'aanbieder' as const, organisationId: org.id }
    const entryId = await f.createCompleteDraft(db, p, org, user.id, { gemeenten: [p.gemeenten[0]] })
    const start = {
      actor: actor(user.id),
      userId: user.id,
      organisationId: org.id,
      perceelId: p.perceelId,
      gemeenten: [p.gemeenten[0]],
      products: [p.products[0].id],
    }
    // Moving while the moment is still open is refused: submit it instead.
    await refused(
      moveEntryToNextMoment({ actor: actor(user.id), organisationId: org.id, entryId }),
      'invalid',
    )

    setClockForTests(at(2))
    const closed = await refused(
      transitionEntry({ entryId, action: 'indienen', actor: actor(user.id), as }),
      'closed',
    )
    expect(closed.message).toMatch(/Verplaats dit concept naar het volgende registratiemoment/)
    const dup = await refused(startEntry(start), 'duplicate')
    expect(dup.message).toMatch(/gesloten.*verplaats/)
    const view = await providerEntryView(org.id, entryId)
    expect(view!.stale).toBe(true)
    expect(view!.nextMoment?.opensAt).toEqual(next.opensAt)

    // Requirements changed after the first moment opened: the next moment will use them.
    const v2 = await publishVersion(p, 2, at(2))
    const other = await f.createProvider(db)
    await refused(
      moveEntryToNextMoment({ actor: actor(user.id), organisationId: other.organisation.id, entryId }),
      'not_allowed',
    )
    const moved = await moveEntryToNextMoment({ actor: actor(user.id), organisationId: org.id, entryId })
    expect(moved.moment.id).toBe(next.id)
    expect(moved.requirements).toEqual({ from: 1, to: 2, frozen: false })
    const entry = await db.entry.findUniqueOrThrow({
      where: { id: entryId },
      include: { gemeenten: true, answers: true, evidence: true },
    })
    expect(entry.registrationMomentId).toBe(next.id)
    expect(entry.requirementSetId).toBe(v2.id)
    expect(entry.answers).toHaveLength(2)
    expect(entry.evidence).toHaveLength(1)
    // Still the one open entry for this organisation, perceel and gemeente.
    expect(entry.gemeenten[0]!.openKey).toBe(`${org.id}:${p.perceelId}:${p.gemeenten[0]}`)
    await refused(startEntry(start), 'duplicate')
    expect(
      await db.entryGemeente.count({
        where: { gemeenteCode: p.gemeenten[0], openKey: { not: null }, entry: { organisationId: org.id } },
      }),
    ).toBe(1)
    // A second move is refused (the next moment has not closed), and so is submitting before it opens.
    await refused(
      moveEntryToNextMoment({ actor: actor(user.id), organisationId: org.id, entryId }),
      'invalid',
    )
    const early = await refused(
      transitionEntry({ entryId, action: 'indienen', actor: actor(user.id), as }),
      'closed',
    )
    expect(early.message).toMatch(/nog niet open/)

    setClockForTests(at(6))
    await db.entryAnswer.create({ data: { entryId, questionId: v2.extra.id, value: 'ja' } })
    await transitionEntry({ entryId, action: 'indienen', actor: actor(user.id), as })
    const submitted = await db.entry.findUniqueOrThrow({ where: { id: entryId } })
    expect(submitted.status).toBe('ingediend')
    expect(submitted.decisionDueAt).toEqual(endOfAmsterdamDay(next.decisionDate))
    expect((await db.registrationMoment.findUniqueOrThrow({ where: { id: next.id } })).requirementSetId).toBe(
      v2.id,
    )
    // A submitted entry is not moved.
    await refused(
      moveEntryToNextMoment({ actor: actor(user.id), organisationId: org.id, entryId }),
      'transition',
    )
    const audit = await db.auditEvent.findMany({
      where: { subjectId: entryId, action: 'toetreding.verplaatst' },
    })
    expect(audit).toHaveLength(1)
  })

  it('a stale concept without a next moment stays put with a clear refusal', async () => {
    const p = await f.createOpenHousePerceel(db, { opensAt: at(-10), closesAt: at(-1) })
    const { organisation: org, beheerder: user } = await f.createProvider(db)
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    const e = await refused(
      moveEntryToNextMoment({ actor: actor(user.id), organisationId: org.id, entryId }),
      'closed',
    )
    expect(e.message).toMatch(/geen open of komend registratiemoment/)
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).registrationMomentId).toBe(
      p.moment!.id,
    )
  })
})
