import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { setClockForTests } = await import('~/utils/clock')
const { processOutbox } = await import('~/utils/email.server')
const { fromAmsterdamLocal, toDateInputValue } = await import('~/utils/time')
const f = await import('./test-factories')
const { syncObligationsForOrganisation, syncAllObligations } = await import('./obligations.server')
const contracts = await import('./contracts.server')
const provider = await import('./provider.server')
const { sendObligationReminders } = await import('./reminders.server')
const { getCompliance, complianceCsv } = await import('./compliance.server')

const db = getDb()
const actor = { userId: 'u-test', label: 'Test <test@example.org>' }
const day = (y: number, m: number, d: number) => fromAmsterdamLocal(y, m, d)
const dates = (rows: { dueDate: Date }[]) => rows.map((r) => toDateInputValue(r.dueDate))

async function obligationsOf(organisationId: string, templateId?: string) {
  return db.obligation.findMany({
    where: { organisationId, ...(templateId ? { templateId } : {}) },
    orderBy: { dueDate: 'asc' },
  })
}

let capture: MailCapture
beforeAll(async () => {
  capture = await startMailCapture({ port })
})
afterAll(async () => {
  setClockForTests(null)
  await capture.close()
})
afterEach(() => setClockForTests(null))

describe('syncObligationsForOrganisation', () => {
  it('generates future obligations for an active admission, idempotently, and never past ones', async () => {
    setClockForTests(day(2024, 6, 15))
    const s = await f.makeContractScenario(db)
    const t = await f.makeTemplate(db, { contractId: s.contract.id })
    const first = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(first.created).toBe(6)
    expect(dates(await obligationsOf(s.org.id, t.id))).toEqual([
      '2024-07-30',
      '2024-10-30',
      '2025-01-30',
      '2025-04-30',
      '2025-07-30',
      '2025-10-30',
    ])
    const again = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(again).toEqual({ created: 0, removed: 0, updated: 0, notApplicable: 0 })
  })

  it('starts at the admission date for a provider that joins later, and anchors "eenmalig" there', async () => {
    setClockForTests(day(2024, 1, 10))
    const s = await f.makeContractScenario(db, { since: day(2025, 3, 3) })
    const q = await f.makeTemplate(db, { contractId: s.contract.id })
    const once = await f.makeTemplate(db, {
      contractId: s.contract.id,
      title: 'Kennismakingsgesprek',
      kind: 'overleg',
      recurrence: 'eenmalig',
      dueDay: 30,
      requiresDeliverable: false,
    })
    await syncAllObligations(db)
    expect(dates(await obligationsOf(s.org.id, q.id))).toEqual(['2025-04-30', '2025-07-30', '2025-10-30'])
    expect(dates(await obligationsOf(s.org.id, once.id))).toEqual(['2025-04-02'])
  })

  it('an ending sooner than foreseen leaves 10 working days for the hand-over plan, or until the ending', async () => {
    setClockForTests(day(2025, 4, 24))
    const plans = async (endedAt: Date) => {
      const s = await f.makeContractScenario(db)
      const plan = await f.makeTemplate(db, {
        contractId: s.contract.id,
        title: 'Overdrachtsplan',
        kind: 'overdrachtsplan',
        recurrence: 'voor_einde',
        dueDay: 90,
      })
      await db.admission.update({ where: { id: s.admission.id }, data: { status: 'beeindigd', endedAt } })
      await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
      return dates(await obligationsOf(s.org.id, plan.id))
    }
    // Ended today, Thursday 24 April 2025: ten working days on, skipping the weekends and 5 mei (Koningsdag falls
    // on Saturday 26 April that year).
    expect(await plans(day(2025, 4, 24))).toEqual(['2025-05-09'])
    // Ending in a week: the ending day itself comes first.
    expect(await plans(day(2025, 5, 1))).toEqual(['2025-05-01'])
  })

  it('generates nothing new while suspended; after the ending only the hand-over plan, the rest n.v.t.', async () => {
    setClockForTests(day(2025, 1, 6))
    const s = await f.makeContractScenario(db)
    const q = await f.makeTemplate(db, { contractId: s.contract.id })
    const plan = await f.makeTemplate(db, {
      contractId: s.contract.id,
      title: 'Overdrachtsplan',
      kind: 'overdrachtsplan',
      recurrence: 'voor_einde',
      dueDay: 90,
    })
    await syncAllObligations(db)
    expect(dates(await obligationsOf(s.org.id, plan.id))).toEqual(['2025-10-02'])

    await db.admission.update({ where: { id: s.admission.id }, data: { status: 'geschorst' } })
    await db.obligation.deleteMany({ where: { templateId: q.id, dueDate: day(2025, 10, 30) } })
    await syncAllObligations(db)
    // Nothing regenerated while suspended.
    expect(dates(await obligationsOf(s.org.id, q.id))).toEqual(['2025-01-30', '2025-04-30', '2025-07-30'])

    await db.admission.update({
      where: { id: s.admission.id },
      data: { status: 'beeindigd', endedAt: day(2025, 3, 1) },
    })
    const ended = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(ended.notApplicable).toBe(3)
    const quarterly = await obligationsOf(s.org.id, q.id)
    expect(quarterly.map((o) => o.status)).toEqual([
      'niet_van_toepassing',
      'niet_van_toepassing',
      'niet_van_toepassing',
    ])
    // 90 days before the ending has passed: the hand-over plan is due 10 working days from today instead.
    expect(
      (await obligationsOf(s.org.id, plan.id)).map((o) => [toDateInputValue(o.dueDate), o.status]),
    ).toEqual([['2025-01-20', 'open']])
    const again = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(again).toEqual({ created: 0, removed: 0, updated: 0, notApplicable: 0 })
  })
})

describe('the hand-over plan after an ending', () => {
  const handOver = (contractId: string) =>
    f.makeTemplate(db, {
      contractId,
      title: 'Overdrachtsplan',
      kind: 'overdrachtsplan',
      recurrence: 'voor_einde',
      dueDay: 90,
    })
  const sync = (s: { org: { id: string }; perceelId: string }) =>
    db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))

  it('a late open plan stays the one plan across sync runs on later days', async () => {
    setClockForTests(day(2025, 3, 3))
    const s = await f.makeContractScenario(db)
    const plan = await handOver(s.contract.id)
    await db.admission.update({
      where: { id: s.admission.id },
      data: { status: 'beeindigd', endedAt: day(2025, 3, 3) },
    })
    await sync(s)
    const [first] = await obligationsOf(s.org.id, plan.id)
    expect(toDateInputValue(first!.dueDate)).toBe('2025-03-17')
    // The job runs every 15 minutes; the plan is late from 18 March on.
    for (const [m, d] of [
      [3, 17],
      [3, 18],
      [3, 19],
      [3, 31],
      [4, 1],
    ] as const) {
      for (const hour of [0, 12]) {
        setClockForTests(fromAmsterdamLocal(2025, m, d, hour))
        expect(await sync(s)).toEqual({ created: 0, removed: 0, updated: 0, notApplicable: 0 })
      }
    }
    const rows = await obligationsOf(s.org.id, plan.id)
    expect(rows.map((o) => [o.id, toDateInputValue(o.dueDate), o.status])).toEqual([
      [first!.id, '2025-03-17', 'open'],
    ])
  })

  it('the plan made before the contract end, late and open, is the plan when the admission ends with the contract', async () => {
    setClockForTests(day(2025, 9, 1))
    const s = await f.makeContractScenario(db)
    const plan = await handOver(s.contract.id)
    await sync(s)
    expect(dates(await obligationsOf(s.org.id, plan.id))).toEqual(['2025-10-02'])
    setClockForTests(day(2026, 1, 1))
    await db.admission.update({
      where: { id: s.admission.id },
      data: { status: 'beeindigd', endedAt: day(2026, 1, 1) },
    })
    await sync(s)
    setClockForTests(day(2026, 1, 20))
    await sync(s)
    expect(dates(await obligationsOf(s.org.id, plan.id))).toEqual(['2025-10-02'])
  })

  it('a provider that left before the template existed owes no plan; one that leaves afterwards does', async () => {
    setClockForTests(day(2025, 6, 2))
    const s = await f.makeContractScenario(db)
    await db.admission.update({
      where: { id: s.admission.id },
      data: { status: 'beeindigd', endedAt: day(2024, 11, 1) },
    })
    const leaving = await f.makeOrganisation(db)
    const admission = await f.makeAdmission(db, {
      organisationId: leaving.id,
      perceelId: s.perceelId,
      productId: s.productId,
      gemeenteCode: s.gemeenteCode,
    })
    const plan = await handOver(s.contract.id)
    await sync(s)
    expect(await obligationsOf(s.org.id, plan.id)).toEqual([])

    await db.admission.update({
      where: { id: admission.id },
      data: { status: 'beeindigd', endedAt: day(2025, 6, 2) },
    })
    await db.$transaction((tx) => syncObligationsForOrganisation(tx, leaving.id, s.perceelId))
    // Ten working days from Monday 2 June 2025, skipping Pinkstermaandag (9 June).
    expect(dates(await obligationsOf(leaving.id, plan.id))).toEqual(['2025-06-17'])
  })
})

describe('buyer changes', () => {
  it('a template change moves future open obligations, keeps past and handled ones, notifies and audits', async () => {
    setClockForTests(day(2024, 6, 15))
    const email = `beheer-${Date.now()}@zorg.example`
    const s = await f.makeContractScenario(db, { beheerderEmail: email })
    const t = await f.makeTemplate(db, { contractId: s.contract.id })
    const past = await f.makeObligation(db, {
      templateId: t.id,
      organisationId: s.org.id,
      dueDate: day(2024, 4, 30),
      status: 'geaccepteerd',
    })
    await syncAllObligations(db)
    const submitted = (await obligationsOf(s.org.id, t.id))[1]!
    await db.obligation.update({ where: { id: submitted.id }, data: { status: 'ingediend' } })
    const open = (await obligationsOf(s.org.id, t.id)).filter((o) => o.status === 'open').map((o) => o.id)

    const result = await contracts.updateTemplate({
      regionId: s.regionId,
      perceelId: s.perceelId,
      templateId: t.id,
      template: {
        kind: 'rapportage',
        title: 'Kwartaalrapportage (nieuw model)',
        description: 'Gebruik het nieuwe model.',
        recurrence: 'per_kwartaal',
        dueDay: 45,
        requiresDeliverable: true,
        active: true,
      },
      reason: 'Nieuw model afgesproken',
      actor,
    })
    // The third quarter of 2024 was handed in (due 30 July): it gets no second obligation on 14 August. The open
    // ones move within their quarter, keeping their identity.
    expect(result).toEqual({ created: 0, removed: 0, updated: 5, notApplicable: 0 })
    const rows = await obligationsOf(s.org.id, t.id)
    expect(rows.map((o) => [toDateInputValue(o.dueDate), o.status, o.title])).toEqual([
      ['2024-04-30', 'geaccepteerd', 'Kwartaalrapportage'],
      ['2024-07-30', 'ingediend', 'Kwartaalrapportage'],
      ['2024-11-14', 'open', 'Kwartaalrapportage (nieuw model)'],
      ['2025-02-14', 'open', 'Kwartaalrapportage (nieuw model)'],
      ['2025-05-15', 'open', 'Kwartaalrapportage (nieuw model)'],
      ['2025-08-14', 'open', 'Kwartaalrapportage (nieuw model)'],
      ['2025-11-14', 'open', 'Kwartaalrapportage (nieuw model)'],
    ])
    expect(rows[0]!.id).toBe(past.id)
    expect(rows.slice(2).map((o) => o.id)).toEqual(open)
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: t.id } })
    expect(audit.action).toBe('verplichting.sjabloon_gewijzigd')
    expect(audit.reason).toBe('Nieuw model afgesproken')
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(email))
    expect(mail.subject).toBe('Verplichting gewijzigd: Kwartaalrapportage (nieuw model)')
    expect(mail.text).toContain('Nieuw model afgesproken')
  })

  it('a past obligation keeps what its template said: a later "upload required" or description does not reach it', async () => {
    setClockForTests(day(2024, 6, 15))
    const s = await f.makeContractScenario(db)
    const t = await f.makeTemplate(db, {
      contractId: s.contract.id,
      kind: 'overleg',
      requiresDeliverable: false,
    })
    // Already late, still open: the provider has yet to confirm the talk took place.
    const late = await f.makeObligation(db, {
      templateId: t.id,
      organisationId: s.org.id,
      dueDate: day(2024, 4, 30),
      title: 'Kwartaalgesprek',
    })
    await syncAllObligations(db)
    await contracts.updateTemplate({
      regionId: s.regionId,
      perceelId: s.perceelId,
      templateId: t.id,
      template: {
        kind: 'rapportage',
        title: 'Kwartaalrapportage',
        description: 'Lever het verslag van het gesprek in.',
        recurrence: 'per_kwartaal',
        dueDay: 30,
        requiresDeliverable: true,
        active: true,
      },
      reason: 'Voortaan een verslag',
      actor,
    })
    const rows = await obligationsOf(s.org.id, t.id)
    const past = rows.find((o) => o.id === late.id)!
    expect([past.title, past.kind, past.description, past.requiresDeliverable]).toEqual([
      'Kwartaalgesprek',
      'overleg',
      '',
      false,
    ])
    const future = rows.filter((o) => o.dueDate > day(2024, 6, 15))
    expect(future.length).toBeGreaterThan(0)
    for (const o of future)
      expect([o.kind, o.description, o.requiresDeliverable]).toEqual([
        'rapportage',
        'Lever het verslag van het gesprek in.',
        true,
      ])
    // The late one is still done without a document, as it was asked when it fell due.
    const submitter = { ...actor, userId: s.beheerder.id }
    await provider.submitObligation({
      organisationId: s.org.id,
      obligationId: late.id,
      note: 'Gehouden',
      actor: submitter,
    })
    expect((await db.obligation.findUniqueOrThrow({ where: { id: late.id } })).status).toBe('ingediend')
    await expect(
      provider.submitObligation({
        organisationId: s.org.id,
        obligationId: future[0]!.id,
        note: '',
        actor: submitter,
      }),
    ).rejects.toThrow('Voeg het document toe')
  })

  it('a period handled before the change, or already late, gets no second obligation; earlier or later day alike', async () => {
    setClockForTests(day(2024, 8, 1))
    const s = await f.makeContractScenario(db)
    const t = await f.makeTemplate(db, { contractId: s.contract.id })
    const behind = await f.makeOrganisation(db)
    await f.makeAdmission(db, {
      organisationId: behind.id,
      perceelId: s.perceelId,
      productId: s.productId,
      gemeenteCode: s.gemeenteCode,
    })
    // Q3 2024, due 30 July: handed in by one provider, still open (late) at the other.
    await f.makeObligation(db, {
      templateId: t.id,
      organisationId: s.org.id,
      dueDate: day(2024, 7, 30),
      status: 'ingediend',
    })
    await f.makeObligation(db, { templateId: t.id, organisationId: behind.id, dueDate: day(2024, 7, 30) })
    await syncAllObligations(db)
    const change = (dueDay: number) =>
      contracts.updateTemplate({
        regionId: s.regionId,
        perceelId: s.perceelId,
        templateId: t.id,
        template: {
          kind: 'rapportage',
          title: 'Kwartaalrapportage',
          description: '',
          recurrence: 'per_kwartaal',
          dueDay,
          requiresDeliverable: true,
          active: true,
        },
        actor,
      })

    // Later in the quarter: 14 August 2024 is still ahead, but the quarter already has its obligation.
    expect(await change(45)).toEqual({ created: 0, removed: 0, updated: 10, notApplicable: 0 })
    const later = ['2024-11-14', '2025-02-14', '2025-05-15', '2025-08-14', '2025-11-14']
    expect(dates(await obligationsOf(s.org.id, t.id))).toEqual(['2024-07-30', ...later])
    expect(dates(await obligationsOf(behind.id, t.id))).toEqual(['2024-07-30', ...later])

    // Earlier in the quarter, with the fourth quarter handed in on its later date: that quarter stays as it is.
    await db.obligation.updateMany({
      where: { templateId: t.id, organisationId: s.org.id, dueDate: day(2024, 11, 14) },
      data: { status: 'ingediend' },
    })
    expect(await change(30)).toEqual({ created: 0, removed: 0, updated: 9, notApplicable: 0 })
    expect((await obligationsOf(s.org.id, t.id)).map((o) => [toDateInputValue(o.dueDate), o.status])).toEqual(
      [
        ['2024-07-30', 'ingediend'],
        ['2024-11-14', 'ingediend'],
        ['2025-01-30', 'open'],
        ['2025-04-30', 'open'],
        ['2025-07-30', 'open'],
        ['2025-10-30', 'open'],
      ],
    )
    const again = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(again).toEqual({ created: 0, removed: 0, updated: 0, notApplicable: 0 })
    await processOutbox(db)
  })

  it('a new due day that lands on the date another quarter still holds keeps one obligation per quarter', async () => {
    setClockForTests(day(2023, 12, 15))
    const s = await f.makeContractScenario(db)
    const t = await f.makeTemplate(db, { contractId: s.contract.id, dueDay: 1 })
    await f.makeObligation(db, {
      templateId: t.id,
      organisationId: s.org.id,
      dueDate: day(2023, 10, 2),
      status: 'geaccepteerd',
    })
    await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    const before = (await obligationsOf(s.org.id, t.id)).slice(1).map((o) => o.id)
    // Day 1 of Q2 2024 is 2 April (after Easter Monday); day 92 of Q1 (capped at Sunday 31 March) moves onto that same
    // day, and so on. Q4 2023 (its day 92 moves to 2 January 2024) was accepted long ago: it gets nothing new.
    await db.obligationTemplate.update({ where: { id: t.id }, data: { dueDay: 92 } })
    const result = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(result).toEqual({ created: 0, removed: 0, updated: 8, notApplicable: 0 })
    const rows = (await obligationsOf(s.org.id, t.id)).slice(1)
    expect(dates(rows)).toEqual([
      '2024-04-02',
      '2024-07-01',
      '2024-09-30',
      '2024-12-31',
      '2025-03-31',
      '2025-06-30',
      '2025-09-30',
      '2025-12-31',
    ])
    expect(rows.map((o) => o.id)).toEqual(before)
    const again = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(again).toEqual({ created: 0, removed: 0, updated: 0, notApplicable: 0 })
  })

  it('ending a template tells the providers whose open obligations it removed, and only those', async () => {
    setClockForTests(day(2024, 6, 15))
    const email = `einde-sjabloon-${Date.now()}@zorg.example`
    const s = await f.makeContractScenario(db, { beheerderEmail: email })
    const t = await f.makeTemplate(db, {
      contractId: s.contract.id,
      title: 'Maandcijfers',
      recurrence: 'maandelijks',
      dueDay: 1,
    })
    // Another provider with nothing left to do under it: only an accepted one from the past.
    const done = await f.makeOrganisation(db)
    const doneEmail = `klaar-${Date.now()}@zorg.example`
    await f.makeBeheerder(db, done.id, doneEmail)
    await f.makeObligation(db, {
      templateId: t.id,
      organisationId: done.id,
      dueDate: day(2024, 5, 1),
      status: 'geaccepteerd',
    })
    await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    console.log(dates(await obligationsOf(s.org.id, t.id)))
    expect(await db.obligation.count({ where: { templateId: t.id, organisationId: s.org.id } })).toBe(18)

    const result = await contracts.updateTemplate({
      regionId: s.regionId,
      perceelId: s.perceelId,
      templateId: t.id,
      template: {
        kind: 'rapportage',
        title: 'Maandcijfers',
        description: '',
        recurrence: 'maandelijks',
        dueDay: 1,
        requiresDeliverable: true,
        active: false,
      },
      reason: 'Komt te vervallen',
      actor,
    })
    expect(result.removed).toBe(18) // July 2024 to December 2025
    expect(await db.obligation.count({ where: { templateId: t.id, organisationId: s.org.id } })).toBe(0)
    const mails = await db.outboxMessage.findMany({ where: { to: { in: [email, doneEmail] } } })
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[email, 'Verplichting gewijzigd: Maandcijfers']])
    expect(mails[0]!.text).toContain('beëindigd')
    await processOutbox(db)
  })

  it('an extension decided "verlengd" moves the end date, the hand-over plan and the new periods', async () => {
    setClockForTests(day(2025, 6, 2))
    const email = `verlenging-${Date.now()}@zorg.example`
    const s = await f.makeContractScenario(db, { beheerderEmail: email })
    const q = await f.makeTemplate(db, { contractId: s.contract.id, dueDay: 1 })
    const plan = await f.makeTemplate(db, {
      contractId: s.contract.id,
      title: 'Overdrachtsplan',
      kind: 'overdrachtsplan',
      recurrence: 'voor_einde',
      dueDay: 90,
    })
    await syncAllObligations(db)
    const extId = await contracts.addExtension({
      regionId: s.regionId,
      perceelId: s.perceelId,
      label: 'Eerste verlenging (3 jaar)',
      decideBy: day(2025, 6, 30),
      newEndDate: day(2028, 12, 31),
      actor,
    })
    await expect(
      contracts.decideExtension({
        regionId: 'andere-regio',
        perceelId: s.perceelId,
        extensionId: extId,
        decision: 'verlengd',
        actor,
      }),
    ).rejects.toThrow(contracts.ContractRuleError)
    await contracts.decideExtension({
      regionId: s.regionId,
      perceelId: s.perceelId,
      extensionId: extId,
      decision: 'verlengd',
      actor,
    })
    const contract = await db.contract.findUniqueOrThrow({ where: { id: s.contract.id } })
    expect(toDateInputValue(contract.endDate)).toBe('2028-12-31')
    expect(dates(await obligationsOf(s.org.id, plan.id))).toEqual(['2028-10-02'])
    expect(await db.obligation.count({ where: { templateId: q.id } })).toBe(14) // Jul 2025 .. Oct 2028
    await expect(
      contracts.decideExtension({
        regionId: s.regionId,
        perceelId: s.perceelId,
        extensionId: extId,
        decision: 'niet_verlengd',
        actor,
      }),
    ).rejects.toThrow('al besloten')
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(email))
    expect(mail.subject).toContain('verlengd tot en met 31 december 2028')
    const overview = await provider.getProviderOverview(s.org.id)
    expect(toDateInputValue(overview.contracts[0]!.contract!.endDate)).toBe('2028-12-31')
  })
})

describe('submitting and reviewing', () => {
  it('a medewerker submits only when the beheerder allows it', async () => {
    setClockForTests(day(2024, 6, 15))
    const s = await f.makeContractScenario(db)
    const t = await f.makeTemplate(db, { contractId: s.contract.id, requiresDeliverable: false })
    await syncAllObligations(db)
    const o = (await obligationsOf(s.org.id, t.id))[0]!
    const colleague = await f.makeUser(db)
    await db.organisationMembership.create({
      data: { id: `m-${colleague.id}`, userId: colleague.id, organisationId: s.org.id, role: 'medewerker' },
    })
    const submit = () =>
      provider.submitObligation({
        organisationId: s.org.id,
        obligationId: o.id,
        note: 'Gedaan',
        actor: { ...actor, userId: colleague.id },
      })
    await expect(submit()).rejects.toThrow('Alleen een beheerder')
    expect((await db.obligation.findUniqueOrThrow({ where: { id: o.id } })).status).toBe('open')
    await db.organisation.update({ where: { id: s.org.id }, data: { medewerkersMaySubmit: true } })
    await submit()
    expect((await db.obligation.findUniqueOrThrow({ where: { id: o.id } })).status).toBe('ingediend')
  })

  it('submit → correction (e-mailed) → submit again → accept; other organisations and regions are refused', async () => {
    setClockForTests(day(2024, 6, 15))
    const email = `review-${Date.now()}@zorg.example`
    const s = await f.makeContractScenario(db, { beheerderEmail: email })
    const t = await f.makeTemplate(db, { contractId: s.contract.id })
    await syncAllObligations(db)
    const o = (await obligationsOf(s.org.id, t.id))[0]!
    const other = await f.makeOrganisation(db)
    const submitter = { ...actor, userId: s.beheerder.id }
    const file = {
      storageKey: 'a'.repeat(32),
      size: 10,
      sha256: 'x',
      displayName: 'q2.pdf',
      contentType: 'application/pdf',
    }

    await expect(
      provider.submitObligation({
        organisationId: other.id,
        obligationId: o.id,
        note: '',
        file,
        actor: submitter,
      }),
    ).rejects.toThrow('bestaat niet')
    await expect(
      provider.submitObligation({ organisationId: s.org.id, obligationId: o.id, note: '', actor: submitter }),
    ).rejects.toThrow('Voeg het document toe')
    await provider.submitObligation({
      organisationId: s.org.id,
      obligationId: o.id,
      note: 'Q2',
      file,
      actor: submitter,
    })
    await expect(
      contracts.reviewObligation({ regionId: 'elders', obligationId: o.id, decision: 'geaccepteerd', actor }),
    ).rejects.toThrow('bestaat niet')
    await expect(
      contracts.reviewObligation({
        regionId: s.regionId,
        obligationId: o.id,
        decision: 'correctie_gevraagd',
        actor,
      }),
    ).rejects.toThrow('verbeteren')
    await contracts.reviewObligation({
      regionId: s.regionId,
      obligationId: o.id,
      decision: 'correctie_gevraagd',
      message: 'Vul de wachttijden per gemeente in.',
      actor,
    })
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Correctie'))
    expect(mail.text).toContain('Vul de wachttijden per gemeente in.')

    await provider.submitObligation({
      organisationId: s.org.id,
      obligationId: o.id,
      note: 'Verbeterd',
      file: { ...file, storageKey: 'b'.repeat(32) },
      actor: submitter,
    })
    await contracts.reviewObligation({
      regionId: s.regionId,
      obligationId: o.id,
      decision: 'geaccepteerd',
      actor,
    })
    await expect(
      contracts.reviewObligation({
        regionId: s.regionId,
        obligationId: o.id,
        decision: 'geaccepteerd',
        actor,
      }),
    ).rejects.toThrow('niet (meer) ingediend')
    const stored = await db.obligation.findUniqueOrThrow({
      where: { id: o.id },
      include: { deliverables: true },
    })
    expect(stored.status).toBe('geaccepteerd')
    expect(stored.deliverables).toHaveLength(2)
    const actions = (
      await db.auditEvent.findMany({ where: { subjectId: o.id }, orderBy: { at: 'asc' } })
    ).map((a) => a.action)
    expect(actions).toEqual([
      'verplichting.ingediend',
      'verplichting.correctie_gevraagd',
      'verplichting.ingediend',
      'verplichting.geaccepteerd',
    ])
    expect(
      await provider.findDeliverableFile(stored.deliverables[0]!.id, { organisationId: other.id }),
    ).toBeNull()
    expect(
      await provider.findDeliverableFile(stored.deliverables[0]!.id, { regionId: s.regionId }),
    ).not.toBeNull()
  })
})

describe('decisions at the same moment', () => {
  it('two reviewers deciding one deliverable at once: exactly one wins, one audit event, one e-mail', async () => {
    setClockForTests(day(2024, 6, 15))
    const email = `gelijktijdig-${Date.now()}@zorg.example`
    const s = await f.makeContractScenario(db, { beheerderEmail: email })
    const t = await f.makeTemplate(db, { contractId: s.contract.id, requiresDeliverable: false })
    await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    const o = (await obligationsOf(s.org.id, t.id))[0]!
    await provider.submitObligation({
      organisationId: s.org.id,
      obligationId: o.id,
      note: 'Gedaan',
      actor: { ...actor, userId: s.beheerder.id },
    })
    const review = (decision: 'geaccepteerd' | 'correctie_gevraagd') =>
      contracts.reviewObligation({
        regionId: s.regionId,
        obligationId: o.id,
        decision,
        message: decision === 'correctie_gevraagd' ? 'Vul de wachttijden aan.' : undefined,
        actor,
      })
    const results = await Promise.allSettled([
      review('geaccepteerd'),
      review('correctie_gevraagd'),
      review('geaccepteerd'),
      review('correctie_gevraagd'),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(contracts.ContractRuleError)
      expect(r.reason.message).toMatch(/net besloten|niet \(meer\) ingediend/)
    }
    const events = await db.auditEvent.findMany({
      where: {
        subjectId: o.id,
        action: { in: ['verplichting.geaccepteerd', 'verplichting.correctie_gevraagd'] },
      },
    })
    expect(events).toHaveLength(1)
    const stored = await db.obligation.findUniqueOrThrow({ where: { id: o.id } })
    expect(`verplichting.${stored.status}`).toBe(events[0]!.action)
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(1)
    await processOutbox(db)
  })

  it('two buyers deciding one extension at once: exactly one wins, one audit event, one e-mail', async () => {
    setClockForTests(day(2025, 6, 2))
    const email = `verlenging-gelijktijdig-${Date.now()}@zorg.example`
    const s = await f.makeContractScenario(db, { beheerderEmail: email })
    const extensionId = await contracts.addExtension({
      regionId: s.regionId,
      perceelId: s.perceelId,
      label: 'Eerste verlenging (3 jaar)',
      decideBy: day(2025, 6, 30),
      newEndDate: day(2028, 12, 31),
      actor,
    })
    const decide = (decision: 'verlengd' | 'niet_verlengd') =>
      contracts.decideExtension({
        regionId: s.regionId,
        perceelId: s.perceelId,
        extensionId,
        decision,
        actor,
      })
    const results = await Promise.allSettled([
      decide('verlengd'),
      decide('niet_verlengd'),
      decide('verlengd'),
      decide('niet_verlengd'),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(contracts.ContractRuleError)
      expect(r.reason.message).toMatch(/net besloten|al besloten/)
    }
    const events = await db.auditEvent.findMany({
      where: { subjectId: s.contract.id, action: { in: ['contract.verlengd', 'contract.niet_verlengd'] } },
    })
    expect(events).toHaveLength(1)
    const ext = await db.contractExtension.findUniqueOrThrow({ where: { id: extensionId } })
    expect(`contract.${ext.decision}`).toBe(events[0]!.action)
    const contract = await db.contract.findUniqueOrThrow({ where: { id: s.contract.id } })
    expect(toDateInputValue(contract.endDate)).toBe(ext.decision === 'verlengd' ? '2028-12-31' : '2025-12-31')
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(1)
    await processOutbox(db)
  })
})

describe('Mijn verplichtingen', () => {
  it('shows a contract past its end date as ended ("afgelopen"), before that the status of the admissions', async () => {
    const s = await f.makeContractScenario(db) // the contract runs to 31 December 2025
    const suspended = await f.makeContractScenario(db)
    await db.admission.update({ where: { id: suspended.admission.id }, data: { status: 'geschorst' } })
    const status = async (orgId: string) =>
      (await provider.getProviderOverview(orgId)).contracts.map((c) => c.status)

    setClockForTests(fromAmsterdamLocal(2025, 12, 31, 23, 30))
    expect(await status(s.org.id)).toEqual(['actief'])
    expect(await status(suspended.org.id)).toEqual(['geschorst'])
    // The admissions end a day later, by a job; the contract has ended at midnight already.
    setClockForTests(day(2026, 1, 1))
    expect(await status(s.org.id)).toEqual(['afgelopen'])
    expect(await status(suspended.org.id)).toEqual(['afgelopen'])
  })
})

describe('reminders', () => {
  it('sends 14 days, 3 days and late reminders exactly once each', async () => {
    const email = `herinnering-${Date.now()}@zorg.example`
    const s = await f.makeContractScenario(db, { beheerderEmail: email })
    const t = await f.makeTemplate(db, { contractId: s.contract.id })
    const o = await f.makeObligation(db, {
      templateId: t.id,
      organisationId: s.org.id,
      dueDate: day(2025, 4, 30),
      title: 'Herinneringsrapportage',
    })
    const key = `verplichting:${o.id}:${day(2025, 4, 30).toISOString()}`
    const marks = async () =>
      (await db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `verplichting:${o.id}:` } } }))
        .map((m) => m.dedupeKey)
        .sort()

    setClockForTests(day(2025, 4, 10))
    await sendObligationReminders(db)
    expect(await marks()).toEqual([])
    setClockForTests(day(2025, 4, 16))
    await sendObligationReminders(db)
    await sendObligationReminders(db)
    expect(await marks()).toEqual([`${key}:14`])
    setClockForTests(day(2025, 4, 20))
    await sendObligationReminders(db)
    expect(await marks()).toEqual([`${key}:14`])
    setClockForTests(fromAmsterdamLocal(2025, 4, 27, 9))
    await sendObligationReminders(db)
    setClockForTests(fromAmsterdamLocal(2025, 4, 30, 9))
    await sendObligationReminders(db)
    expect(await marks()).toEqual([`${key}:14`, `${key}:3`])
    setClockForTests(fromAmsterdamLocal(2025, 5, 1, 7))
    await sendObligationReminders(db)
    await sendObligationReminders(db)
    expect(await marks()).toEqual([`${key}:14`, `${key}:3`, `${key}:te-laat`])
    // Other tests' obligations in this file get reminders too: send them all, not just the first batch.
    await processOutbox(db, { limit: 1000 })
    const late = await capture.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Te laat'))
    expect(late.subject).toBe('Te laat: Herinneringsrapportage (uiterlijk 30 april 2025)')
    // Submitted: no more reminders.
    await db.obligation.update({ where: { id: o.id }, data: { status: 'ingediend' } })
    setClockForTests(day(2025, 5, 2))
    expect((await sendObligationReminders(db)).queued).toBe(0)

    // Moved to a later date (a template change): reminded again for the new date.
    await db.obligation.update({ where: { id: o.id }, data: { status: 'open', dueDate: day(2025, 5, 14) } })
    expect((await sendObligationReminders(db)).queued).toBe(1)
    expect(await marks()).toContain(`verplichting:${o.id}:${day(2025, 5, 14).toISOString()}:14`)
  })
})

describe('compliance overview', () => {
  it('shows providers by obligations with status in words, filters, and exports CSV', async () => {
    setClockForTests(day(2025, 5, 15))
    const s = await f.makeContractScenario(db)
    const t = await f.makeTemplate(db, { contractId: s.contract.id })
    const org2 = await f.makeOrganisation(db, { name: '=Formule Zorg' })
    await f.makeAdmission(db, {
      organisationId: org2.id,
      perceelId: s.perceelId,
      productId: s.productId,
      gemeenteCode: s.gemeenteCode,
    })
    await f.makeObligation(db, {
      templateId: t.id,
      organisationId: s.org.id,
      dueDate: day(2025, 1, 30),
      status: 'geaccepteerd',
    })
    await f.makeObligation(db, { templateId: t.id, organisationId: s.org.id, dueDate: day(2025, 4, 30) })
    await f.makeObligation(db, {
      templateId: t.id,
      organisationId: org2.id,
      dueDate: day(2025, 4, 30),
      status: 'ingediend',
    })
    await syncAllObligations(db)
    const all = await getCompliance(s.perceelId, { year: 2025 })
    expect(all.columns.map((c) => toDateInputValue(c.dueDate))).toEqual([
      '2025-01-30',
      '2025-04-30',
      '2025-07-30',
      '2025-10-30',
    ])
    const first = all.providers.find((p) => p.id === s.org.id)!
    expect(first.cells.map((c) => c?.status ?? null)).toEqual(['geaccepteerd', 'te_laat', 'open', 'open'])
    const second = all.providers.find((p) => p.id === org2.id)!
    expect(second.cells.map((c) => c?.status ?? null)).toEqual([null, 'ingediend', 'open', 'open'])

    const late = await getCompliance(s.perceelId, { year: 2025, status: 'te_laat' })
    expect(late.providers.map((p) => p.id)).toEqual([s.org.id])
    const one = await getCompliance(s.perceelId, { year: 2025, organisationId: org2.id })
    expect(one.providers.map((p) => p.id)).toEqual([org2.id])

    const csv = complianceCsv(all.rows)
    expect(csv.startsWith('\uFEFF"Aanbieder";"KvK-nummer"')).toBe(true)
    expect(csv).toContain('"Te laat"')
    expect(csv).toContain(`"'=Formule Zorg"`)
  })
})

// Last in the file: these tests end, re-admit and suspend providers, and a later test's syncAllObligations with an
// earlier clock would re-sync them (reopening, for instance, what is past by now) and queue reminders for them.
describe('re-admission, suspension and concurrent submissions', () => {
  it('a provider admitted again after an ending owes the rest of the contract; the past stays as it was', async () => {
    setClockForTests(day(2025, 1, 6))
    const s = await f.makeContractScenario(db)
    const q = await f.makeTemplate(db, { contractId: s.contract.id })
    const accepted = await f.makeObligation(db, {
      templateId: q.id,
      organisationId: s.org.id,
      dueDate: day(2024, 10, 30),
      status: 'geaccepteerd',
    })
    await syncAllObligations(db)
    await db.admission.update({
      where: { id: s.admission.id },
      data: { status: 'beeindigd', endedAt: day(2025, 3, 1) },
    })
    const ended = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(ended.notApplicable).toBe(4)

    // Re-admitted in May, with a changed title in the meantime.
    setClockForTests(day(2025, 5, 1))
    await db.obligationTemplate.update({ where: { id: q.id }, data: { title: 'Kwartaalrapportage 2.0' } })
    await db.admission.update({ where: { id: s.admission.id }, data: { status: 'actief', endedAt: null } })
    const again = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(again).toEqual({ created: 0, removed: 0, updated: 2, notApplicable: 0 })
    const rows = await obligationsOf(s.org.id, q.id)
    expect(rows.map((o) => [toDateInputValue(o.dueDate), o.status, o.title])).toEqual([
      ['2024-10-30', 'geaccepteerd', 'Kwartaalrapportage'],
      ['2025-01-30', 'niet_van_toepassing', 'Kwartaalrapportage'],
      ['2025-04-30', 'niet_van_toepassing', 'Kwartaalrapportage'],
      ['2025-07-30', 'open', 'Kwartaalrapportage 2.0'],
      ['2025-10-30', 'open', 'Kwartaalrapportage 2.0'],
    ])
    expect(rows[0]!.id).toBe(accepted.id)
    const idle = await db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))
    expect(idle).toEqual({ created: 0, removed: 0, updated: 0, notApplicable: 0 })
  })

  it('a suspended provider follows template and term changes, but never gets more to do', async () => {
    setClockForTests(day(2025, 1, 6))
    const s = await f.makeContractScenario(db)
    const q = await f.makeTemplate(db, { contractId: s.contract.id })
    await syncAllObligations(db)
    await db.admission.update({ where: { id: s.admission.id }, data: { status: 'geschorst' } })
    await db.obligation.deleteMany({ where: { templateId: q.id, dueDate: day(2025, 10, 30) } })
    const before = (await obligationsOf(s.org.id, q.id)).map((o) => o.id)
    const sync = () => db.$transaction((tx) => syncObligationsForOrganisation(tx, s.org.id, s.perceelId))

    // Rescheduled: the three that exist move to the new dates, the fourth is not created.
    await db.obligationTemplate.update({ where: { id: q.id }, data: { dueDay: 45, title: 'Nieuw model' } })
    expect(await sync()).toEqual({ created: 0, removed: 0, updated: 3, notApplicable: 0 })
    let rows = await obligationsOf(s.org.id, q.id)
    expect(rows.map((o) => [toDateInputValue(o.dueDate), o.status, o.title])).toEqual([
      ['2025-02-14', 'open', 'Nieuw model'],
      ['2025-05-15', 'open', 'Nieuw model'],
      ['2025-08-14', 'open', 'Nieuw model'],
    ])
    expect(rows.map((o) => o.id)).toEqual(before)
    expect(await sync()).toEqual({ created: 0, removed: 0, updated: 0, notApplicable: 0 })

    // The term ends sooner: what falls after it goes.
    await db.contract.update({ where: { id: s.contract.id }, data: { endDate: day(2025, 6, 30) } })
    expect((await sync()).removed).toBe(1)
    expect(dates(await obligationsOf(s.org.id, q.id))).toEqual(['2025-02-14', '2025-05-15'])

    // The template ends: open ones go, a submitted one stays.
    await db.obligation.updateMany({
      where: { templateId: q.id, dueDate: day(2025, 5, 15) },
      data: { status: 'ingediend' },
    })
    await db.obligationTemplate.update({ where: { id: q.id }, data: { active: false } })
    expect((await sync()).removed).toBe(1)
    rows = await obligationsOf(s.org.id, q.id)
    expect(rows.map((o) => [toDateInputValue(o.dueDate), o.status])).toEqual([['2025-05-15', 'ingediend']])
  })

  it('never deletes an obligation that received a deliverable after the sync read it', async () => {
    setClockForTests(day(2025, 1, 6))
    const s = await f.makeContractScenario(db)
    const q = await f.makeTemplate(db, { contractId: s.contract.id })
    await syncAllObligations(db)
    const target = (await obligationsOf(s.org.id, q.id))[1]!
    await db.obligationTemplate.update({ where: { id: q.id }, data: { active: false } })

    // A submission commits between reconcile's read and its delete: simulated by adding the deliverable right after
    // the read, so the sync still sees an open obligation without one.
    let raced = false
    const racing = new Proxy(db, {
      get(target_, prop, receiver) {
        const value = Reflect.get(target_, prop, receiver)
        if (prop !== 'obligation') return value
        return new Proxy(value, {
          get(model, key) {
            const fn = Reflect.get(model, key)
            if (key !== 'findMany' || typeof fn !== 'function') return fn
            return async (...args: unknown[]) => {
              const rows = await fn.apply(model, args)
              if (!raced) {
                raced = true
                await db.deliverable.create({
                  data: {
                    id: `d-${target.id}`,
                    obligationId: target.id,
                    note: 'Net op tijd',
                    submittedById: 'u',
                  },
                })
              }
              return rows
            }
          },
        })
      },
    })
    const result = await syncObligationsForOrganisation(racing, s.org.id, s.perceelId)
    expect(raced).toBe(true)
    expect(result.removed).toBe(3)
    const rows = await db.obligation.findMany({
      where: { templateId: q.id },
      include: { deliverables: true },
    })
    expect(rows.map((o) => [o.id, o.deliverables.length])).toEqual([[target.id, 1]])
  })
})
