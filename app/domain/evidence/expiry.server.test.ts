import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'
import { fromAmsterdamLocal } from '~/utils/time'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { runEvidenceExpiry } = await import('./expiry.server')
const { decideEvidence } = await import('./evidence.server')
const { reassessAdmissions, reassessAfterEvidenceChange } = await import('./expiry.server')
const f = await import('./test-factories')
const { newId } = await import('~/utils/ids.server')

const db = getDb()
const at = (y: number, m: number, d: number, h = 9) => fromAmsterdamLocal(y, m, d, h)

describe('expiry job', () => {
  let capture: MailCapture
  beforeAll(async () => {
    capture = await startMailCapture({ port })
  })
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })

  it('reminds the beheerders at 90, 30, 7 and 0 days, each exactly once, also when run twice', async () => {
    const { organisation, beheerder } = await f.createOrganisation(db)
    const type = await f.createEvidenceType(db, { name: 'HKZ-certificaat' })
    const item = await f.createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: type.id,
      validUntil: fromAmsterdamLocal(2027, 3, 1),
      verification: 'goedgekeurd',
    })
    const reminderMails = () =>
      db.outboxMessage.findMany({
        where: { to: beheerder.email },
        orderBy: { createdAt: 'asc' },
        select: { subject: true },
      })
    const marks = async () =>
      (await db.evidenceReminder.findMany({ where: { evidenceItemId: item.id } }))
        .map((r) => r.mark)
        .sort((a, b) => b - a)

    // 91 days before: nothing yet.
    setClockForTests(at(2026, 11, 30))
    await runEvidenceExpiry(db)
    expect(await reminderMails()).toEqual([])

    const steps: [Date, number[], string][] = [
      [at(2026, 12, 1), [90], 'verloopt over 90 dagen'],
      [at(2027, 1, 30), [90, 30], 'verloopt over 30 dagen'],
      [at(2027, 2, 22), [90, 30, 7], 'verloopt over 7 dagen'],
      [at(2027, 3, 1, 23), [90, 30, 7, 0], 'verloopt vandaag'],
    ]
    for (const [when, expected, subject] of steps) {
      setClockForTests(when)
      await runEvidenceExpiry(db)
      await runEvidenceExpiry(db) // twice: nothing more
      expect(await marks()).toEqual(expected)
      const mails = await reminderMails()
      expect(mails).toHaveLength(expected.length)
      expect(mails.at(-1)?.subject).toBe(`Uw bewijsstuk HKZ-certificaat ${subject}`)
    }
    // After the day: nothing more, ever.
    setClockForTests(at(2027, 3, 3))
    await runEvidenceExpiry(db)
    expect(await reminderMails()).toHaveLength(4)

    // And they really go out over SMTP.
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(beheerder.email) && /vandaag/.test(m.subject))
    expect(mail.text).toContain('/aanbieder/bewijsstukken/')
    expect(
      await db.auditEvent.count({ where: { subjectId: item.id, action: 'bewijsstuk.herinnering' } }),
    ).toBe(4)
  })

  it('a late first run sends only the nearest mark, telling the real days left', async () => {
    const { organisation, beheerder } = await f.createOrganisation(db)
    const type = await f.createEvidenceType(db)
    const item = await f.createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: type.id,
      validUntil: fromAmsterdamLocal(2027, 3, 1),
    })
    setClockForTests(at(2027, 2, 10)) // 19 days left: the 30-day mark, but the mail says 19
    await runEvidenceExpiry(db)
    const mails = await db.outboxMessage.findMany({ where: { to: beheerder.email } })
    expect(mails.map((m) => m.subject)).toEqual([`Uw bewijsstuk ${type.name} verloopt over 19 dagen`])
    expect(mails[0].text).toContain('is nog 19 dagen geldig, tot en met 1 maart 2027.')
    const marks = await db.evidenceReminder.findMany({ where: { evidenceItemId: item.id } })
    expect(marks.map((m) => m.mark).sort((a, b) => a - b)).toEqual([30, 90])
  })

  it('an item first seen with 45 days left is told 45 days, and later marks follow with their own count', async () => {
    const { organisation, beheerder } = await f.createOrganisation(db)
    const type = await f.createEvidenceType(db)
    const item = await f.createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: type.id,
      validUntil: fromAmsterdamLocal(2027, 3, 1),
    })
    setClockForTests(at(2027, 1, 15)) // 45 days left: the 90-day mark
    await runEvidenceExpiry(db)
    setClockForTests(at(2027, 1, 31)) // 29 days left: the 30-day mark, a day late
    await runEvidenceExpiry(db)
    const mails = await db.outboxMessage.findMany({
      where: { to: beheerder.email },
      orderBy: { createdAt: 'asc' },
    })
    expect(mails.map((m) => m.subject)).toEqual([
      `Uw bewijsstuk ${type.name} verloopt over 45 dagen`,
      `Uw bewijsstuk ${type.name} verloopt over 29 dagen`,
    ])
    const summaries = await db.auditEvent.findMany({
      where: { subjectId: item.id, action: 'bewijsstuk.herinnering' },
      orderBy: { createdAt: 'asc' },
      select: { summary: true },
    })
    expect(summaries.map((a) => a.summary)).toEqual([
      `Herinnering: ${type.name} verloopt over 45 dagen`,
      `Herinnering: ${type.name} verloopt over 29 dagen`,
    ])
  })

  it('a run after the end date says the item has expired, not that it expires today', async () => {
    const { organisation, beheerder } = await f.createOrganisation(db)
    const type = await f.createEvidenceType(db)
    const item = await f.createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: type.id,
      validUntil: fromAmsterdamLocal(2027, 3, 1),
    })
    setClockForTests(at(2027, 3, 4)) // expired 3 days ago; the job was down
    await runEvidenceExpiry(db)
    const mails = await db.outboxMessage.findMany({ where: { to: beheerder.email } })
    expect(mails.map((m) => m.subject)).toEqual([`Uw bewijsstuk ${type.name} is verlopen`])
    expect(mails[0].text).toContain('was geldig tot en met 1 maart 2027 en is nu verlopen.')
    expect(mails[0].text).not.toMatch(/vandaag/)
    const marks = await db.evidenceReminder.findMany({ where: { evidenceItemId: item.id } })
    expect(marks.map((m) => m.mark).sort((a, b) => a - b)).toEqual([0, 7, 30, 90])
  })

  it('marks admissions at risk when required evidence expires, tells the inkopers, and clears only after approval', async () => {
    const { organisation, beheerder } = await f.createOrganisation(db)
    const type = await f.createEvidenceType(db, { name: 'Aansprakelijkheidsverzekering' })
    const region = await f.createRegionWithPerceel(db, {
      typeIds: [type.id],
      staff: [{ role: 'inkoper' }, { role: 'contractmanager' }],
    })
    const admission = await f.createAdmission(db, {
      organisationId: organisation.id,
      perceelId: region.perceelId,
      productId: region.product.id,
    })
    const old = await f.createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: type.id,
      validUntil: fromAmsterdamLocal(2027, 3, 1),
      verification: 'goedgekeurd',
    })
    setClockForTests(at(2027, 3, 1, 20))
    expect((await runEvidenceExpiry(db)).markedAtRisk).toBe(0)
    expect((await db.admission.findUniqueOrThrow({ where: { id: admission.id } })).atRisk).toBe(false)

    setClockForTests(at(2027, 3, 2))
    expect((await runEvidenceExpiry(db)).markedAtRisk).toBe(1)
    expect((await runEvidenceExpiry(db)).markedAtRisk).toBe(0) // idempotent
    expect((await db.admission.findUniqueOrThrow({ where: { id: admission.id } })).atRisk).toBe(true)
    const inkoper = region.staff.find((s) => s.role === 'inkoper')!.user
    const contractmanager = region.staff.find((s) => s.role === 'contractmanager')!.user
    const told = await db.outboxMessage.findMany({ where: { to: inkoper.email } })
    expect(told).toHaveLength(1)
    expect(told[0].subject).toBe(
      `Toelating in gevaar: ${organisation.name}, ${(await db.perceel.findUniqueOrThrow({ where: { id: region.perceelId } })).name}`,
    )
    expect(
      await db.auditEvent.count({
        where: { organisationId: organisation.id, action: 'toelating.in_gevaar' },
      }),
    ).toBe(1)

    // A new version that is still being checked does not clear it.
    const replacement = await f.createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: type.id,
      validFrom: fromAmsterdamLocal(2027, 3, 1),
      validUntil: fromAmsterdamLocal(2028, 3, 1),
      replacesId: old.id,
    })
    await runEvidenceExpiry(db)
    expect((await db.admission.findUniqueOrThrow({ where: { id: admission.id } })).atRisk).toBe(true)

    // Approval clears it at once.
    await decideEvidence(
      {
        regionId: region.regionId,
        itemId: replacement.id,
        decision: 'goedgekeurd',
        actor: { userId: contractmanager.id, label: 'cm' },
      },
      db,
      async (tx, organisationId) => {
        await reassessAdmissions(tx, organisationId)
      },
    )
    expect((await db.admission.findUniqueOrThrow({ where: { id: admission.id } })).atRisk).toBe(false)
    expect(
      await db.auditEvent.count({ where: { organisationId: organisation.id, action: 'toelating.hersteld' } }),
    ).toBe(1)
    expect(beheerder.email).toBeTruthy()
  })

  it('holds an admission to the requirement set of its entry, and counts a partner’s evidence for its products', async () => {
    const { organisation, beheerder } = await f.createOrganisation(db)
    const { organisation: partner } = await f.createOrganisation(db)
    const insurance = await f.createEvidenceType(db, { name: 'Verzekering' })
    const big = await f.createEvidenceType(db, { name: 'BIG-registratie' })
    const iso = await f.createEvidenceType(db, { name: 'ISO 9001' })
    const region = await f.createRegionWithPerceel(db, { typeIds: [insurance.id, big.id] })
    const entryId = newId()
    await db.entry.create({
      data: {
        id: entryId,
        organisationId: organisation.id,
        perceelId: region.perceelId,
        requirementSetId: region.requirementSetId,
        status: 'toegelaten',
        createdById: beheerder.id,
      },
    })
    // The partner delivers the product and holds the BIG registration; the lead holds the insurance.
    await db.entryPartner.create({
      data: {
        id: newId(),
        entryId,
        organisationId: partner.id,
        role: 'onderaannemer',
        confirmedAt: new Date('2023-12-01T00:00:00Z'),
        products: { create: [{ productId: region.product.id }] },
      },
    })
    const admission = await f.createAdmission(db, {
      organisationId: organisation.id,
      perceelId: region.perceelId,
      productId: region.product.id,
    })
    await db.admission.update({ where: { id: admission.id }, data: { entryId } })
    const valid = { validUntil: fromAmsterdamLocal(2028, 1, 1), verification: 'goedgekeurd' as const }
    await f.createEvidenceItem(db, { organisationId: organisation.id, typeId: insurance.id, ...valid })
    const partnerBig = await f.createEvidenceItem(db, {
      organisationId: partner.id,
      typeId: big.id,
      ...valid,
    })

    // A later version of the requirements (ISO 9001 for the next moment) does not touch this admission.
    const v2 = newId()
    await db.requirementSet.create({
      data: {
        id: v2,
        perceelId: region.perceelId,
        version: 2,
        publishedAt: new Date('2026-10-01T00:00:00Z'),
      },
    })
    for (const typeId of [insurance.id, big.id, iso.id])
      await db.requiredEvidence.create({
        data: { id: newId(), requirementSetId: v2, evidenceTypeId: typeId },
      })

    setClockForTests(at(2026, 12, 1))
    const atRisk = async () => (await db.admission.findUniqueOrThrow({ where: { id: admission.id } })).atRisk
    await db.$transaction((tx) => reassessAdmissions(tx, organisation.id))
    expect(await atRisk()).toBe(false)

    // The partner's registration is rejected: the lead's admission is at risk; approved again, it is cleared.
    await db.evidenceItem.update({ where: { id: partnerBig.id }, data: { verification: 'afgekeurd' } })
    await db.$transaction((tx) => reassessAdmissions(tx, organisation.id))
    expect(await atRisk()).toBe(true)
    await db.evidenceItem.update({ where: { id: partnerBig.id }, data: { verification: 'goedgekeurd' } })
    await db.$transaction((tx) => reassessAdmissions(tx, organisation.id))
    expect(await atRisk()).toBe(false)
  })

  it('does not put an admission at risk when a VOG without end date gets older than "issued within N months"', async () => {
    const { organisation } = await f.createOrganisation(db)
    const vogType = await f.createEvidenceType(db, { name: 'VOG-RP', expires: false })
    const region = await f.createRegionWithPerceel(db, {
      typeIds: [vogType.id],
      staff: [{ role: 'inkoper' }],
    })
    await db.requiredEvidence.updateMany({
      where: { requirementSetId: region.requirementSetId, evidenceTypeId: vogType.id },
      data: { issuedWithinMonths: 6 },
    })
    const admission = await f.createAdmission(db, {
      organisationId: organisation.id,
      perceelId: region.perceelId,
      productId: region.product.id,
    })
    const vog = await f.createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: vogType.id,
      validFrom: fromAmsterdamLocal(2026, 6, 1),
      issuedAt: fromAmsterdamLocal(2026, 6, 1),
      validUntil: null,
      verification: 'goedgekeurd',
    })
    const atRisk = async () => (await db.admission.findUniqueOrThrow({ where: { id: admission.id } })).atRisk
    const inkoper = region.staff[0].user

    // Nine months after the issue date: recency was judged at the decision, so the admission holds.
    setClockForTests(at(2027, 3, 1))
    expect((await runEvidenceExpiry(db)).markedAtRisk).toBe(0)
    expect(await atRisk()).toBe(false)
    expect(await db.outboxMessage.count({ where: { to: inkoper.email } })).toBe(0)

    // The other rules still apply: a rejected VOG puts it at risk.
    await db.evidenceItem.update({ where: { id: vog.id }, data: { verification: 'afgekeurd' } })
    await runEvidenceExpiry(db)
    expect(await atRisk()).toBe(true)
  })

  it('approving a partner’s evidence re-assesses the lead organisation’s admissions at once', async () => {
    const { organisation: lead, beheerder } = await f.createOrganisation(db)
    const { organisation: partner } = await f.createOrganisation(db)
    const big = await f.createEvidenceType(db, { name: 'BIG-registratie' })
    const region = await f.createRegionWithPerceel(db, {
      typeIds: [big.id],
      staff: [{ role: 'contractmanager' }],
    })
    const contractmanager = region.staff[0].user
    const entryId = newId()
    await db.entry.create({
      data: {
        id: entryId,
        organisationId: lead.id,
        perceelId: region.perceelId,
        requirementSetId: region.requirementSetId,
        status: 'toegelaten',
        createdById: beheerder.id,
      },
    })
    await db.entryPartner.create({
      data: {
        id: newId(),
        entryId,
        organisationId: partner.id,
        role: 'onderaannemer',
        confirmedAt: new Date('2023-12-01T00:00:00Z'),
        products: { create: [{ productId: region.product.id }] },
      },
    })
    const admission = await f.createAdmission(db, {
      organisationId: lead.id,
      perceelId: region.perceelId,
      productId: region.product.id,
      atRisk: true,
    })
    await db.admission.update({ where: { id: admission.id }, data: { entryId } })
    const old = await f.createEvidenceItem(db, {
      organisationId: partner.id,
      typeId: big.id,
      validUntil: fromAmsterdamLocal(2027, 3, 1),
      verification: 'goedgekeurd',
    })
    const replacement = await f.createEvidenceItem(db, {
      organisationId: partner.id,
      typeId: big.id,
      validFrom: fromAmsterdamLocal(2027, 3, 1),
      validUntil: fromAmsterdamLocal(2028, 3, 1),
      replacesId: old.id,
    })
    const atRisk = async () => (await db.admission.findUniqueOrThrow({ where: { id: admission.id } })).atRisk
    const decide = (decision: 'goedgekeurd' | 'afgekeurd', itemId: string) =>
      decideEvidence(
        {
          regionId: region.regionId,
          itemId,
          decision,
          reason: decision === 'afgekeurd' ? 'Registratie niet te vinden.' : null,
          actor: { userId: contractmanager.id, label: 'cm' },
        },
        db,
        async (tx, organisationId) => {
          await reassessAfterEvidenceChange(tx, organisationId)
        },
      )
    setClockForTests(at(2027, 3, 10))

    // The partner's new version is approved: the lead's admission is cleared in the same transaction.
    await decide('goedgekeurd', replacement.id)
    expect(await atRisk()).toBe(false)
    expect(
      await db.auditEvent.count({ where: { organisationId: lead.id, action: 'toelating.hersteld' } }),
    ).toBe(1)

    // Rejected after all (a fresh item): the lead's admission is at risk at once, without waiting for the job.
    const third = await f.createEvidenceItem(db, {
      organisationId: partner.id,
      typeId: big.id,
      validFrom: fromAmsterdamLocal(2027, 3, 1),
      validUntil: fromAmsterdamLocal(2028, 3, 1),
      replacesId: replacement.id,
    })
    await decide('afgekeurd', third.id)
    expect(await atRisk()).toBe(true)
  })
})
