import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { refused } from './test-assertions'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { workingDayDeadline, endOfAmsterdamDay, fromAmsterdamLocal } = await import('~/utils/time')
const f = await import('./test-factories')
const { transitionEntry } = await import('./lifecycle.server')
const { startEntry, saveEntryDraft } = await import('./entries.server')
const { transitionAdmission, recordAward, confirmRevalidation, runRevalidation } =
  await import('./admissions.server')
const { AdmissionError } = await import('./state')
const { buyerQueue } = await import('./queries.server')
const { newId } = await import('~/utils/ids.server')

const db = getDb()
const T0 = new Date('2026-11-23T10:00:00Z')
const DAY = 86_400_000
const actor = (userId: string) => ({ userId, label: 'Test <test@example.org>' })
const system = { system: 'test' }

describe('admissions lifecycle (database)', () => {
  let capture: MailCapture
  beforeAll(async () => {
    capture = await startMailCapture({ port })
  })
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })
  beforeEach(() => setClockForTests(T0))

  async function setup(opts: Parameters<typeof f.createOpenHousePerceel>[1] = {}) {
    const p = await f.createOpenHousePerceel(db, opts)
    const { organisation, beheerder } = await f.createProvider(db)
    return { p, org: organisation, user: beheerder }
  }

  it('submits a complete draft in an open moment, sets the decision date and e-mails a confirmation', async () => {
    const { p, org, user } = await setup()
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    const r = await transitionEntry({
      entryId,
      action: 'indienen',
      actor: actor(user.id),
      as: { party: 'aanbieder', organisationId: org.id },
    })
    expect(r.to).toBe('ingediend')
    const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } })
    expect(entry.submittedAt).toEqual(T0)
    expect(entry.decisionDueAt).toEqual(endOfAmsterdamDay(p.moment!.decisionDate))
    const audit = await db.auditEvent.findMany({ where: { subjectId: entryId } })
    expect(audit.map((a) => a.action)).toContain('toetreding.indienen')
    expect(audit.find((a) => a.action === 'toetreding.indienen')!.summary).toMatch(/Concept.*Ingediend/)
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(user.email) && /ingediend/.test(m.subject))
    expect(mail.text).toMatch(/besluit/)
  })

  it('refuses submission by the other party, a second submission and a submission of another organisation', async () => {
    const { p, org, user } = await setup()
    const other = await f.createProvider(db)
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    await refused(
      transitionEntry({
        entryId,
        action: 'indienen',
        actor: system,
        as: { party: 'inkoper', regionId: p.regionId },
      }),
      'transition',
    )
    await refused(
      transitionEntry({
        entryId,
        action: 'indienen',
        actor: system,
        as: { party: 'aanbieder', organisationId: other.organisation.id },
      }),
      'not_allowed',
    )
    await transitionEntry({
      entryId,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
    const e = await refused(
      transitionEntry({
        entryId,
        action: 'indienen',
        actor: system,
        as: { party: 'aanbieder', organisationId: org.id },
      }),
      'transition',
    )
    expect(e.message).toMatch(/al ingediend/)
  })

  it('refuses an incomplete entry with the reasons', async () => {
    const { p, org, user } = await setup()
    const entryId = await f.createCompleteDraft(db, p, org, user.id, { withEvidence: false })
    await db.entryAnswer.update({
      where: { entryId_questionId: { entryId, questionId: p.questions.yesNo.id } },
      data: { value: 'nee' },
    })
    const e = await refused(
      transitionEntry({
        entryId,
        action: 'indienen',
        actor: system,
        as: { party: 'aanbieder', organisationId: org.id },
      }),
      'incomplete',
    )
    expect(e.problems.join(' ')).toMatch(/moet "ja" zijn/)
    expect(e.problems.join(' ')).toMatch(/Voeg een bewijsstuk toe/)
  })

  it('refuses submission after the moment closed (checked at the instant)', async () => {
    const { p, org, user } = await setup({ closesAt: new Date(T0.getTime() + 1000) })
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    setClockForTests(new Date(T0.getTime() + 1001))
    const e = await refused(
      transitionEntry({
        entryId,
        action: 'indienen',
        actor: system,
        as: { party: 'aanbieder', organisationId: org.id },
      }),
      'closed',
    )
    expect(e.message).toMatch(/gesloten/)
    setClockForTests(new Date(T0.getTime() + 1000))
    await transitionEntry({
      entryId,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
  })

  it('continuous entry: decision due after the term in working days', async () => {
    const { p, org, user } = await setup({ regime: 'doorlopend', decisionTermDays: 10 })
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    await transitionEntry({
      entryId,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
    const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } })
    expect(entry.decisionDueAt).toEqual(workingDayDeadline(T0, 10))
  })

  it('buyer asks for information, provider resubmits (term restarts), buyer admits: admissions, letter, key released', async () => {
    const { p, org, user } = await setup({ decisionTermDays: 10 })
    const entryId = await f.createCompleteDraft(db, p, org, user.id, {
      gemeenten: [p.gemeenten[0], p.gemeenten[1]],
      products: [p.products[0].id, p.products[1].id],
    })
    const asOrg = { party: 'aanbieder' as const, organisationId: org.id }
    const asBuyer = { party: 'inkoper' as const, regionId: p.regionId }
    await transitionEntry({ entryId, action: 'indienen', actor: system, as: asOrg })
    await refused(
      transitionEntry({ entryId, action: 'aanvulling_vragen', actor: system, as: asBuyer }),
      'invalid',
    )
    await transitionEntry({
      entryId,
      action: 'aanvulling_vragen',
      actor: system,
      as: asBuyer,
      reason: 'Stuur het meest recente HKZ-certificaat mee.',
    })
    await processOutbox(db)
    await capture.waitFor((m) => m.to.includes(user.email) && /Aanvulling gevraagd/.test(m.subject))
    const later = new Date(T0.getTime() + 50 * DAY)
    setClockForTests(later)
    await transitionEntry({ entryId, action: 'indienen', actor: system, as: asOrg })
    let entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } })
    expect(entry.decisionDueAt).toEqual(workingDayDeadline(later, 10))
    await transitionEntry({ entryId, action: 'in_behandeling_nemen', actor: system, as: asBuyer })
    await refused(transitionEntry({ entryId, action: 'toelaten', actor: system, as: asBuyer }), 'invalid')
    await transitionEntry({
      entryId,
      action: 'toelaten',
      actor: system,
      as: asBuyer,
      reason: 'Voldoet aan alle eisen.',
    })
    entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } })
    expect(entry.status).toBe('toegelaten')
    expect(entry.decidedAt).toEqual(later)
    const keys = await db.entryGemeente.findMany({ where: { entryId } })
    expect(keys.every((k) => k.openKey === null)).toBe(true)
    const admissions = await db.admission.findMany({ where: { entryId } })
    expect(admissions).toHaveLength(4)
    expect(admissions.every((a) => a.status === 'actief' && a.source === 'openhouse')).toBe(true)
    await processOutbox(db)
    const mail = await capture.waitFor(
      (m) => m.to.includes(user.email) && /Besluit: toegelaten/.test(m.subject),
    )
    expect(mail.attachments[0].contentType).toBe('application/pdf')
    // decided entries are final
    await refused(transitionEntry({ entryId, action: 'intrekken', actor: system, as: asOrg }), 'transition')
  })

  it('rejection names the unmet requirements', async () => {
    const { p, org, user } = await setup()
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    const asBuyer = { party: 'inkoper' as const, regionId: p.regionId }
    await transitionEntry({
      entryId,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
    await refused(
      transitionEntry({ entryId, action: 'afwijzen', actor: system, as: asBuyer, reason: 'Niet voldaan.' }),
      'invalid',
    )
    await transitionEntry({
      entryId,
      action: 'afwijzen',
      actor: system,
      as: asBuyer,
      reason: 'Het certificaat dekt jeugdhulp niet.',
      unmet: ['HKZ-certificaat voor jeugdhulp'],
    })
    const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } })
    expect(entry.decisionReason).toMatch(/HKZ-certificaat voor jeugdhulp/)
    expect(await db.admission.count({ where: { entryId } })).toBe(0)
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(user.email) && /afgewezen/.test(m.subject))
    expect(mail.text).toMatch(/Niet voldaan aan/)
    expect(mail.attachments).toHaveLength(1)
  })

  it('a buyer of another region cannot touch the entry', async () => {
    const { p, org, user } = await setup()
    const other = await f.createRegion(db)
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    await transitionEntry({
      entryId,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
    await refused(
      transitionEntry({
        entryId,
        action: 'toelaten',
        actor: system,
        as: { party: 'inkoper', regionId: other.id },
        reason: 'x',
      }),
      'not_allowed',
    )
  })

  it('one open entry per organisation, perceel and gemeente: concurrent starts never duplicate', async () => {
    const { p, org, user } = await setup()
    const input = {
      actor: actor(user.id),
      userId: user.id,
      organisationId: org.id,
      perceelId: p.perceelId,
      gemeenten: [p.gemeenten[0]],
      products: [p.products[0].id],
    }
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => startEntry(input)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AdmissionError)
      expect((r as PromiseRejectedResult).reason.message).toMatch(/al een open toetreding voor Tiel/)
    }
    expect(await db.entry.count({ where: { organisationId: org.id, perceelId: p.perceelId } })).toBe(1)
    // another gemeente is fine; after withdrawal the same gemeente is free again
    const first = (
      results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ entryId: string }>
    ).value
    await startEntry({ ...input, gemeenten: [p.gemeenten[1]] })
    await transitionEntry({
      entryId: first.entryId,
      action: 'intrekken',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
    await startEntry(input)
  })

  it('a medewerker submits, resubmits and withdraws only when the beheerder allowed it (enforced in the domain)', async () => {
    const { p, org, user } = await setup()
    const medewerker = await f.createUser(db)
    await db.organisationMembership.create({
      data: { id: newId(), userId: medewerker.id, organisationId: org.id, role: 'medewerker' },
    })
    const stranger = await f.createUser(db)
    const asOrg = { party: 'aanbieder' as const, organisationId: org.id }
    const asBuyer = { party: 'inkoper' as const, regionId: p.regionId }
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    const e = await refused(
      transitionEntry({ entryId, action: 'indienen', actor: actor(medewerker.id), as: asOrg }),
      'forbidden',
    )
    expect(e.message).toMatch(/niet namens uw organisatie indienen/)
    await refused(
      transitionEntry({ entryId, action: 'intrekken', actor: actor(medewerker.id), as: asOrg }),
      'forbidden',
    )
    // Not a member at all: as if the entry did not exist.
    await refused(
      transitionEntry({ entryId, action: 'indienen', actor: actor(stranger.id), as: asOrg }),
      'not_allowed',
    )
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).status).toBe('concept')

    // The beheerder submits; after an aanvulling the medewerker may not resubmit either.
    await transitionEntry({ entryId, action: 'indienen', actor: actor(user.id), as: asOrg })
    await transitionEntry({
      entryId,
      action: 'aanvulling_vragen',
      actor: system,
      as: asBuyer,
      reason: 'Graag een recenter certificaat.',
    })
    await refused(
      transitionEntry({ entryId, action: 'indienen', actor: actor(medewerker.id), as: asOrg }),
      'forbidden',
    )
    // Once the beheerder allows it, the medewerker may.
    await db.organisation.update({ where: { id: org.id }, data: { medewerkersMaySubmit: true } })
    await transitionEntry({ entryId, action: 'indienen', actor: actor(medewerker.id), as: asOrg })
    await transitionEntry({ entryId, action: 'intrekken', actor: actor(medewerker.id), as: asOrg })
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).status).toBe('ingetrokken')
    const submissions = await db.auditEvent.count({
      where: { subjectId: entryId, action: 'toetreding.indienen' },
    })
    expect(submissions).toBe(2) // the beheerder's and the allowed medewerker's, none of the refused ones
  })

  it('concurrent submissions of the same entry: exactly one succeeds', async () => {
    const { p, org, user } = await setup()
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        transitionEntry({
          entryId,
          action: 'indienen',
          actor: system,
          as: { party: 'aanbieder', organisationId: org.id },
        }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(
      await db.outboxMessage.count({ where: { subject: { contains: 'ingediend' }, to: user.email } }),
    ).toBe(1)
  })

  it('a submission and a save that fails a knock-out answer, at the same time: never submitted with that answer', async () => {
    // The save takes the entry's row lock first; the submission must too, or on PostgreSQL the save can commit
    // between the submission's check and its write. Several pairs at once, so an unlocked race shows up.
    const pairs = []
    for (let i = 0; i < 8; i++) {
      const { p, org, user } = await setup()
      const entryId = await f.createCompleteDraft(db, p, org, user.id)
      const attached = await db.entryEvidence.findFirstOrThrow({ where: { entryId } })
      pairs.push({ p, org, user, entryId, itemId: attached.evidenceItemId })
    }
    const outcomes = await Promise.all(
      pairs.map(({ p, org, user, entryId, itemId }) =>
        Promise.allSettled([
          transitionEntry({
            entryId,
            action: 'indienen',
            actor: actor(user.id),
            as: { party: 'aanbieder', organisationId: org.id },
          }),
          saveEntryDraft({
            actor: actor(user.id),
            organisationId: org.id,
            entryId,
            gemeenten: [p.gemeenten[0]],
            products: [p.products[0].id],
            answers: { [p.questions.yesNo.id]: 'nee', [p.questions.number.id]: '5' },
            evidence: { [p.required.id]: itemId },
          }),
        ]),
      ),
    )
    for (const [i, [submit, save]] of outcomes.entries()) {
      const { entryId, p } = pairs[i]!
      const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId }, include: { answers: true } })
      const yesNo = entry.answers.find((a) => a.questionId === p.questions.yesNo.id)?.value
      // One after the other: either the submission went first (the save is refused) or the save did (the
      // submission is refused as incomplete). Never both.
      expect([submit.status, save.status].filter((s) => s === 'fulfilled')).toHaveLength(1)
      if (entry.status === 'ingediend') expect(yesNo).toBe('ja')
      else expect(entry.status).toBe('concept')
    }
  })

  it('refuses a first submission once the procurement is closed or the perceel no longer open house; an aanvulling still comes back', async () => {
    const { p, org, user } = await setup()
    const asOrg = { party: 'aanbieder' as const, organisationId: org.id }
    const draft = await f.createCompleteDraft(db, p, org, user.id, { gemeenten: [p.gemeenten[0]] })
    const asked = await f.createCompleteDraft(db, p, org, user.id, { gemeenten: [p.gemeenten[1]] })
    await transitionEntry({ entryId: asked, action: 'indienen', actor: system, as: asOrg })
    await transitionEntry({
      entryId: asked,
      action: 'aanvulling_vragen',
      actor: system,
      as: { party: 'inkoper', regionId: p.regionId },
      reason: 'Stuur het nieuwe certificaat mee.',
    })
    await db.procurement.update({ where: { id: p.procurementId }, data: { status: 'gesloten' } })
    const e = await refused(
      transitionEntry({ entryId: draft, action: 'indienen', actor: actor(user.id), as: asOrg }),
      'closed',
    )
    expect(e.message).toMatch(/inkooptraject .* is gesloten/)
    expect((await db.entry.findUniqueOrThrow({ where: { id: draft } })).status).toBe('concept')
    // Not a new inschrijving: the answer to the buyer's question is still taken.
    const r = await transitionEntry({ entryId: asked, action: 'indienen', actor: actor(user.id), as: asOrg })
    expect(r.to).toBe('ingediend')

    await db.procurement.update({ where: { id: p.procurementId }, data: { status: 'gepubliceerd' } })
    await db.perceel.update({ where: { id: p.perceelId }, data: { inkoopvorm: 'aanbesteding' } })
    const tender = await refused(
      transitionEntry({ entryId: draft, action: 'indienen', actor: actor(user.id), as: asOrg }),
      'closed',
    )
    expect(tender.message).toMatch(/staat niet \(meer\) open voor toetreding/)
  })

  it('continuous entry: refuses a first submission after the contract end day (Amsterdam), the perceel contract first', async () => {
    const { p, org, user } = await setup({ regime: 'doorlopend', decisionTermDays: 10 })
    const asOrg = { party: 'aanbieder' as const, organisationId: org.id }
    const [a, b, c] = [0, 1, 2].map((i) => p.gemeenten[i]!)
    const drafts: string[] = []
    for (const g of [a, b, c])
      drafts.push(await f.createCompleteDraft(db, p, org, user.id, { gemeenten: [g] }))
    await db.procurement.update({
      where: { id: p.procurementId },
      data: { contractEnd: fromAmsterdamLocal(2026, 11, 30) },
    })
    // The last day of the contract still counts, to its end.
    setClockForTests(fromAmsterdamLocal(2026, 11, 30, 23, 30))
    await transitionEntry({ entryId: drafts[0]!, action: 'indienen', actor: system, as: asOrg })
    setClockForTests(fromAmsterdamLocal(2026, 12, 1, 0, 0, 1))
    const e = await refused(
      transitionEntry({ entryId: drafts[1]!, action: 'indienen', actor: system, as: asOrg }),
      'closed',
    )
    expect(e.message).toMatch(/contract .* is afgelopen op 30 november 2026/)
    // The perceel's own contract terms (here extended) go before the procurement's contract period.
    await db.contract.create({
      data: {
        id: newId(),
        perceelId: p.perceelId,
        startDate: fromAmsterdamLocal(2023, 1, 1),
        endDate: fromAmsterdamLocal(2028, 12, 31),
      },
    })
    const r = await transitionEntry({ entryId: drafts[1]!, action: 'indienen', actor: system, as: asOrg })
    expect(r.to).toBe('ingediend')
    await db.contract.update({
      where: { perceelId: p.perceelId },
      data: { endDate: fromAmsterdamLocal(2026, 11, 1) },
    })
    await refused(
      transitionEntry({ entryId: drafts[2]!, action: 'indienen', actor: system, as: asOrg }),
      'closed',
    )
  })

  it("a registration moment's entries are due at the end of its decision day: not overdue that morning, overdue the next day", async () => {
    const decisionDay = fromAmsterdamLocal(2026, 12, 30) // as the catalogue stores a date: midnight at its start
    const { p, org, user } = await setup({ decisionDate: decisionDay })
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    await transitionEntry({
      entryId,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
    const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } })
    expect(entry.decisionDueAt).toEqual(endOfAmsterdamDay(decisionDay))
    // An entry submitted before this was fixed holds the start of the day: it too is due that whole day.
    const other = await f.createProvider(db)
    const legacy = await f.createCompleteDraft(db, p, other.organisation, other.beheerder.id)
    await db.entry.update({
      where: { id: legacy },
      data: { status: 'ingediend', submittedAt: T0, decisionDueAt: decisionDay },
    })
    const queue = async () => {
      const q = await buyerQueue(p.regionId, { perceelId: p.perceelId })
      return { overdueTotal: q.overdueTotal, overdue: q.entries.map((e) => e.overdue) }
    }
    setClockForTests(fromAmsterdamLocal(2026, 12, 30, 9))
    expect(await queue()).toEqual({ overdueTotal: 0, overdue: [false, false] })
    setClockForTests(fromAmsterdamLocal(2026, 12, 31, 0, 0, 1))
    expect(await queue()).toEqual({ overdueTotal: 2, overdue: [true, true] })
  })

  it('saving a draft explains a failing knock-out answer and checks the evidence belongs to the organisation', async () => {
    const { p, org, user } = await setup({ freezeSet: false })
    const { entryId } = await startEntry({
      actor: actor(user.id),
      userId: user.id,
      organisationId: org.id,
      perceelId: p.perceelId,
      gemeenten: [p.gemeenten[0]],
      products: [p.products[0].id],
    })
    // the first entry froze the requirement set onto the moment
    const moment = await db.registrationMoment.findUniqueOrThrow({ where: { id: p.moment!.id } })
    expect(moment.requirementSetId).toBe(p.requirementSetId)
    const item = await f.createEvidenceItem(db, { organisationId: org.id, typeId: p.evidenceType.id })
    const res = await saveEntryDraft({
      actor: actor(user.id),
      organisationId: org.id,
      entryId,
      gemeenten: [p.gemeenten[0], p.gemeenten[2]],
      products: [p.products[1].id],
      answers: { [p.questions.yesNo.id]: 'nee', [p.questions.number.id]: '1' },
      evidence: { [p.required.id]: item.id },
    })
    expect(Object.keys(res.answerProblems).sort()).toEqual(
      [p.questions.number.id, p.questions.yesNo.id].sort(),
    )
    const other = await f.createProvider(db)
    const foreign = await f.createEvidenceItem(db, {
      organisationId: other.organisation.id,
      typeId: p.evidenceType.id,
    })
    await refused(
      saveEntryDraft({
        actor: actor(user.id),
        organisationId: org.id,
        entryId,
        gemeenten: [p.gemeenten[0]],
        products: [p.products[1].id],
        answers: {},
        evidence: { [p.required.id]: foreign.id },
      }),
    )
    const keys = await db.entryGemeente.findMany({ where: { entryId }, orderBy: { gemeenteCode: 'asc' } })
    expect(keys.map((k) => k.gemeenteCode)).toEqual([p.gemeenten[2], p.gemeenten[0]].sort())
  })

  it('an aanvulling cannot widen an entry: no gemeente or product added after the first submission', async () => {
    const { p, org, user } = await setup()
    const entryId = await f.createCompleteDraft(db, p, org, user.id, {
      gemeenten: [p.gemeenten[0], p.gemeenten[1]],
      products: [p.products[0].id],
    })
    const asOrg = { party: 'aanbieder' as const, organisationId: org.id }
    await transitionEntry({ entryId, action: 'indienen', actor: system, as: asOrg })
    await transitionEntry({
      entryId,
      action: 'aanvulling_vragen',
      actor: system,
      as: { party: 'inkoper', regionId: p.regionId },
      reason: 'Stuur het nieuwe certificaat mee.',
    })
    // The registration moment has closed by the time the provider answers.
    setClockForTests(new Date(p.moment!.closesAt.getTime() + DAY))
    const attached = await db.entryEvidence.findFirstOrThrow({ where: { entryId } })
    const save = (gemeenten: string[], products: string[]) =>
      saveEntryDraft({
        actor: actor(user.id),
        organisationId: org.id,
        entryId,
        gemeenten,
        products,
        answers: { [p.questions.yesNo.id]: 'ja', [p.questions.number.id]: '5' },
        evidence: { [p.required.id]: attached.evidenceItemId },
      })
    const g = await refused(save([p.gemeenten[0], p.gemeenten[2]], [p.products[0].id]), 'invalid')
    expect(g.message).toMatch(/geen gemeenten of producten meer .*toevoegen/)
    expect(g.problems).toEqual(['Gemeente Buren kan niet meer worden toegevoegd.'])
    const pr = await refused(save([p.gemeenten[0]], [p.products[0].id, p.products[1].id]), 'invalid')
    expect(pr.problems).toEqual([expect.stringMatching(/^Product .* kan niet meer worden toegevoegd\.$/)])
    // Nothing of the refused saves was kept.
    const gemeenten = await db.entryGemeente.findMany({ where: { entryId } })
    expect(gemeenten.map((x) => x.gemeenteCode).sort()).toEqual([p.gemeenten[0], p.gemeenten[1]].sort())
    expect(await db.entryProduct.count({ where: { entryId } })).toBe(1)
    // Removing is fine; the resubmission then covers the smaller scope.
    await save([p.gemeenten[0]], [p.products[0].id])
    await transitionEntry({ entryId, action: 'indienen', actor: system, as: asOrg })
    const after = await db.entryGemeente.findMany({ where: { entryId } })
    expect(after.map((x) => x.gemeenteCode)).toEqual([p.gemeenten[0]])
  })

  it('saving a draft accepts only the current version of an evidence item, not a replaced one', async () => {
    const { p, org, user } = await setup()
    const entryId = await f.createCompleteDraft(db, p, org, user.id, { withEvidence: false })
    const v1 = await f.createEvidenceItem(db, { organisationId: org.id, typeId: p.evidenceType.id })
    const v2 = await f.createEvidenceItem(db, { organisationId: org.id, typeId: p.evidenceType.id })
    await db.evidenceItem.update({ where: { id: v2.id }, data: { replacesId: v1.id } })
    const save = (itemId: string) =>
      saveEntryDraft({
        actor: actor(user.id),
        organisationId: org.id,
        entryId,
        gemeenten: [p.gemeenten[0]],
        products: [p.products[0].id],
        answers: {},
        evidence: { [p.required.id]: itemId },
      })
    const error = await refused(save(v1.id))
    expect(error.message).toMatch(/nieuwste versie/)
    expect(await db.entryEvidence.count({ where: { entryId } })).toBe(0)
    await save(v2.id)
    const attached = await db.entryEvidence.findFirstOrThrow({ where: { entryId } })
    expect(attached.evidenceItemId).toBe(v2.id)
  })

  it('suspends, restores and ends an admission with reasons; refuses other moves', async () => {
    const { p, org, user } = await setup()
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    const asBuyer = { party: 'inkoper' as const, regionId: p.regionId }
    await transitionEntry({
      entryId,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
    await transitionEntry({ entryId, action: 'toelaten', actor: system, as: asBuyer, reason: 'In orde.' })
    const [a] = await db.admission.findMany({ where: { entryId } })
    await refused(
      transitionAdmission({ admissionId: a.id, action: 'herstellen', actor: system, reason: 'x' }),
      'transition',
    )
    await refused(
      transitionAdmission({ admissionId: a.id, action: 'schorsen', actor: system, reason: ' ' }),
      'invalid',
    )
    await transitionAdmission({
      admissionId: a.id,
      action: 'schorsen',
      actor: system,
      regionId: p.regionId,
      reason: 'VOG verlopen',
    })
    await transitionAdmission({
      admissionId: a.id,
      action: 'herstellen',
      actor: system,
      regionId: p.regionId,
      reason: 'Nieuwe VOG',
    })
    await transitionAdmission({
      admissionId: a.id,
      action: 'beeindigen',
      actor: system,
      regionId: p.regionId,
      reason: 'Gestopt',
    })
    await refused(
      transitionAdmission({ admissionId: a.id, action: 'schorsen', actor: system, reason: 'x' }),
      'transition',
    )
    const ended = await db.admission.findUniqueOrThrow({ where: { id: a.id } })
    expect(ended.status).toBe('beeindigd')
    expect(ended.endedAt).toEqual(T0)
    const audit = await db.auditEvent.findMany({ where: { subjectId: a.id }, orderBy: { at: 'asc' } })
    expect(audit.map((x) => x.reason)).toEqual(['VOG verlopen', 'Nieuwe VOG', 'Gestopt'])
    await processOutbox(db)
    await capture.waitFor((m) => m.to.includes(user.email) && /Toelating geschorst/.test(m.subject))
  })

  it('records a tender award as admissions with source gunning', async () => {
    const p = await f.createOpenHousePerceel(db, { inkoopvorm: 'aanbesteding' })
    const { organisation } = await f.createProvider(db)
    await recordAward({
      actor: system,
      regionId: p.regionId,
      perceelId: p.perceelId,
      organisationId: organisation.id,
      productIds: [p.products[0].id],
      gemeenteCodes: p.gemeenten,
      awardedAt: new Date('2022-11-01T00:00:00Z'),
      tenderNedUrl: 'https://www.tenderned.nl/aankondigingen/overzicht/123456',
    })
    const rows = await db.admission.findMany({ where: { organisationId: organisation.id } })
    expect(rows).toHaveLength(3)
    expect(rows.every((r) => r.source === 'gunning' && r.status === 'actief')).toBe(true)
    // Recording the award again (e.g. for one more product) leaves a suspended admission suspended.
    await db.admission.update({ where: { id: rows[0]!.id }, data: { status: 'geschorst' } })
    const again = await recordAward({
      actor: system,
      regionId: p.regionId,
      perceelId: p.perceelId,
      organisationId: organisation.id,
      productIds: p.products.map((x) => x.id),
      gemeenteCodes: p.gemeenten,
      awardedAt: new Date('2023-02-01T00:00:00Z'),
      tenderNedUrl: 'https://www.tenderned.nl/aankondigingen/overzicht/123456',
    })
    expect(again).toEqual({ count: (p.products.length - 1) * 3, skipped: 3 })
    expect((await db.admission.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status).toBe('geschorst')
    const open = await f.createOpenHousePerceel(db)
    await refused(
      recordAward({
        actor: system,
        regionId: open.regionId,
        perceelId: open.perceelId,
        organisationId: organisation.id,
        productIds: [open.products[0].id],
        gemeenteCodes: open.gemeenten,
        awardedAt: T0,
        tenderNedUrl: 'https://www.tenderned.nl/x',
      }),
      'not_allowed',
    )
  })

  it('annual revalidation: reminders at 30 and 7 days exactly once, confirmation, suspension after grace', async () => {
    const { p, org, user } = await setup()
    const entryId = await f.createCompleteDraft(db, p, org, user.id)
    await transitionEntry({
      entryId,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
    await transitionEntry({
      entryId,
      action: 'toelaten',
      actor: system,
      as: { party: 'inkoper', regionId: p.regionId },
      reason: 'In orde.',
    })
    const [a] = await db.admission.findMany({ where: { entryId } })
    const due = a.revalidationDueAt!
    const reminders = () =>
      db.outboxMessage.count({ where: { to: user.email, subject: { startsWith: 'Bevestig uw toelating' } } })
    setClockForTests(new Date(due.getTime() - 31 * DAY))
    await runRevalidation(db)
    expect(await reminders()).toBe(0)
    setClockForTests(new Date(due.getTime() - 29 * DAY))
    await runRevalidation(db)
    await runRevalidation(db)
    expect(await reminders()).toBe(1)
    setClockForTests(new Date(due.getTime() - 6 * DAY))
    await runRevalidation(db)
    await runRevalidation(db)
    expect(await reminders()).toBe(2)
    // after the grace period: suspended
    setClockForTests(new Date(due.getTime() + 31 * DAY))
    expect((await runRevalidation(db)).suspended).toBe(1)
    expect((await db.admission.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('geschorst')
    // a confirmed admission is not suspended
    setClockForTests(T0)
    const second = await setup()
    const e2 = await f.createCompleteDraft(db, second.p, second.org, second.user.id)
    await transitionEntry({
      entryId: e2,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: second.org.id },
    })
    await transitionEntry({
      entryId: e2,
      action: 'toelaten',
      actor: system,
      as: { party: 'inkoper', regionId: second.p.regionId },
      reason: 'In orde.',
    })
    setClockForTests(new Date(due.getTime() - 3 * DAY))
    await confirmRevalidation({ actor: system, organisationId: second.org.id, perceelId: second.p.perceelId })
    setClockForTests(new Date(due.getTime() + 31 * DAY))
    await runRevalidation(db)
    const rows = await db.admission.findMany({ where: { entryId: e2 } })
    expect(rows.every((r) => r.status === 'actief')).toBe(true)
  })

  it('annual revalidation with an update: stopped admissions end, the rest are confirmed, buyers hear of it', async () => {
    setClockForTests(T0)
    const { p, org, user } = await setup()
    const entryId = await f.createCompleteDraft(db, p, org, user.id, { gemeenten: p.gemeenten.slice(0, 2) })
    await transitionEntry({
      entryId,
      action: 'indienen',
      actor: system,
      as: { party: 'aanbieder', organisationId: org.id },
    })
    await transitionEntry({
      entryId,
      action: 'toelaten',
      actor: system,
      as: { party: 'inkoper', regionId: p.regionId },
      reason: 'In orde.',
    })
    const rows = await db.admission.findMany({ where: { entryId }, orderBy: { gemeenteCode: 'asc' } })
    expect(rows).toHaveLength(2)
    const inkoper = await db.user.create({
      data: {
        id: newId(),
        email: `inkoper-${newId().slice(0, 8)}@test.example`,
        name: 'Inkoper',
        passwordHash: 'x',
      },
    })
    await db.regionMembership.create({
      data: { id: newId(), userId: inkoper.id, regionId: p.regionId, role: 'inkoper' },
    })
    await expect(
      confirmRevalidation({
        actor: system,
        organisationId: org.id,
        perceelId: p.perceelId,
        stopAdmissionIds: [rows[0].id, 'niet-van-deze-aanbieder'],
      }),
    ).rejects.toThrow(/alleen actieve toelatingen/)

    const result = await confirmRevalidation({
      actor: system,
      organisationId: org.id,
      perceelId: p.perceelId,
      stopAdmissionIds: [rows[0].id],
      remark: 'Geen personeel meer in deze gemeente.',
    })
    expect(result).toEqual({ confirmed: 1, stopped: 1 })
    const after = await db.admission.findMany({ where: { entryId }, orderBy: { gemeenteCode: 'asc' } })
    expect(after.map((a) => a.status)).toEqual(['beeindigd', 'actief'])
    expect(after[1].revalidatedAt).not.toBeNull()
    expect(after[0].revalidatedAt).toBeNull()
    const mails = await db.outboxMessage.findMany({ where: { to: inkoper.email } })
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toMatch(/Jaarlijkse bevestiging met wijzigingen/)
    expect(mails[0].text).toContain('Geen personeel meer in deze gemeente.')
    const audit = await db.auditEvent.findMany({
      where: { subjectId: rows[0].id, action: 'toelating.beeindigen' },
    })
    expect(audit[0].reason).toContain('jaarlijkse bevestiging')
  })
})
