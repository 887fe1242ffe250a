import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { newId } = await import('~/utils/ids.server')
const { searchKey } = await import('~/utils/search')
const { fromAmsterdamLocal } = await import('~/utils/time')
const catalogue = await import('./catalogue.server')
const { freezeOpenedMomentsJob } = await import('./jobs.server')
const { readProductCsv } = await import('./rules')

const db = getDb()
const d = (y: number, m: number, day: number, h = 0, min = 0) => fromAmsterdamLocal(y, m, day, h, min)
const actor = { userId: 'user-inkoper', label: 'Ingrid Inkoper <inkoper@test.example>' }

async function region(codes: string[]) {
  for (const code of codes) {
    await db.gemeente.upsert({
      where: { code },
      create: {
        code,
        name: `Gemeente ${code}`,
        searchName: searchKey(`Gemeente ${code}`),
        province: 'Gelderland',
      },
      update: {},
    })
  }
  const id = newId()
  await db.region.create({
    data: {
      id,
      slug: `regio-${id.slice(0, 8)}`,
      name: `Testregio ${id.slice(0, 6)}`,
      gemeenten: { create: codes.map((gemeenteCode) => ({ gemeenteCode })) },
    },
  })
  return { regionId: id, actor }
}

async function organisationWithBeheerder(email: string) {
  const orgId = newId()
  await db.organisation.create({
    data: {
      id: orgId,
      name: `Zorg ${orgId.slice(0, 5)}`,
      searchName: 'zorg',
      kvkNummer: String(Math.floor(Math.random() * 1e8)).padStart(8, '0'),
      street: 'Straat',
      houseNumber: '1',
      postcode: '4001 AA',
      city: 'Tiel',
      email: `info-${orgId.slice(0, 5)}@test.example`,
      phone: '+31344123456',
    },
  })
  const userId = newId()
  await db.user.create({ data: { id: userId, email, name: 'Bea Beheerder', passwordHash: 'x' } })
  await db.organisationMembership.create({
    data: { id: newId(), userId, organisationId: orgId, role: 'beheerder' },
  })
  return orgId
}

async function evidenceType(name: string) {
  const id = newId()
  await db.evidenceType.create({ data: { id, key: id, name, expires: true } })
  return id
}

const procurementValue = {
  name: 'Inkoop Jeugd 2027',
  description: undefined,
  laws: ['jeugd' as const],
  contractStart: d(2027, 1, 1),
  contractEnd: d(2029, 12, 31),
  extensionOptions: '2 x 2 jaar',
}

const openHouse = {
  name: 'Ambulante behandeling',
  description: undefined,
  inkoopvorm: 'openhouse' as const,
  justification: 'Veel aanbieders zijn wenselijk gelet op de wachtlijsten in de GGZ.',
  tenderNedUrl: undefined,
  tenderDeadlines: undefined,
  registrationRegime: 'momenten' as const,
  decisionTermDays: undefined,
  gemeenten: [] as string[],
  segments: [] as string[],
}

// An open house with fixed moments is published only with at least one moment.
const juneMoment = { opensAt: d(2027, 6, 1, 9), closesAt: d(2027, 6, 30, 17), decisionDate: d(2027, 8, 2) }

describe('procurement catalogue (database)', () => {
  let capture: MailCapture
  beforeAll(async () => {
    capture = await startMailCapture({ port })
    setClockForTests(d(2026, 11, 23, 10, 0))
  })
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })

  it('creates a procurement and an open-house perceel, records the justification author and audits both', async () => {
    const scope = await region(['GM0281', 'GM0216'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, {
      ...openHouse,
      gemeenten: ['GM0281'],
    })
    expect(created.ok).toBe(true)
    if (!created.ok) return
    const perceel = await db.perceel.findUniqueOrThrow({
      where: { id: created.id },
      include: { gemeenten: true },
    })
    expect(perceel.justificationById).toBe(actor.userId)
    expect(perceel.justificationAt).toEqual(d(2026, 11, 23, 10, 0))
    expect(perceel.gemeenten.map((g) => g.gemeenteCode)).toEqual(['GM0281'])
    const audit = await db.auditEvent.findMany({
      where: { subjectId: procurementId },
      orderBy: { at: 'asc' },
    })
    expect(audit.map((a) => a.action)).toEqual(['catalogue.procurement.created', 'catalogue.perceel.created'])
    expect(audit.every((a) => a.regionId === scope.regionId)).toBe(true)
  })

  it('refuses municipalities from outside the region', async () => {
    const scope = await region(['GM0281'])
    await region(['GM0668'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, {
      ...openHouse,
      gemeenten: ['GM0668'],
    })
    expect(created).toEqual({ ok: false, errors: { gemeenten: ['Kies gemeenten uit deze regio'] } })
  })

  it("another region's buyer gets 404", async () => {
    const scope = await region(['GM0281'])
    const other = await region(['GM0216'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    await expect(catalogue.getProcurementForBuyer(other.regionId, procurementId)).rejects.toMatchObject({
      status: 404,
    })
    await expect(catalogue.createPerceel(other, procurementId, openHouse)).rejects.toMatchObject({
      status: 404,
    })
  })

  it('refuses overlapping registration moments and moments outside the contract period', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    if (!created.ok) throw new Error('perceel')
    const q1 = { opensAt: d(2027, 1, 1, 9), closesAt: d(2027, 2, 28, 17), decisionDate: d(2027, 4, 1) }
    expect(await catalogue.addMoment(scope, procurementId, created.id, q1)).toEqual({
      ok: true,
      published: false,
    })
    const overlap = await catalogue.addMoment(scope, procurementId, created.id, {
      opensAt: d(2027, 2, 1, 9),
      closesAt: d(2027, 3, 15, 17),
      decisionDate: d(2027, 4, 15),
    })
    expect(overlap.ok).toBe(false)
    if (!overlap.ok && 'errors' in overlap)
      expect(overlap.errors.opensAt?.[0]).toMatch(
        /^Dit inschrijfmoment overlapt met het moment van 1 januari 2027/,
      )
    const outside = await catalogue.addMoment(scope, procurementId, created.id, {
      opensAt: d(2026, 12, 1, 9),
      closesAt: d(2026, 12, 20, 17),
      decisionDate: d(2027, 1, 15),
    })
    expect(outside.ok).toBe(false)
    // The last day of the contract period counts.
    const lastDay = await catalogue.addMoment(scope, procurementId, created.id, {
      opensAt: d(2029, 12, 1, 9),
      closesAt: d(2029, 12, 31, 12),
      decisionDate: d(2030, 1, 31),
    })
    expect(lastDay).toEqual({ ok: true, published: false })
    expect(await db.registrationMoment.count({ where: { perceelId: created.id } })).toBe(2)
  })

  it('imports all products or none', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    if (!created.ok) throw new Error('perceel')
    const row = (code: string) => ({
      law: 'jeugd' as const,
      categoryCode: '45',
      code,
      name: `Product ${code}`,
      unit: '04',
      intensity: null,
      amountCents: 9240,
      validFrom: d(2027, 1, 1),
      validUntil: null,
      indexation: '',
    })
    expect(await catalogue.importProducts(scope, procurementId, created.id, [row('45A01')])).toEqual({
      ok: true,
      count: 1,
      published: false,
    })
    const again = await catalogue.importProducts(scope, procurementId, created.id, [
      row('45A02'),
      row('45A01'),
    ])
    expect(again.ok).toBe(false)
    expect(await db.product.count({ where: { perceelId: created.id } })).toBe(1)
    const exported = await catalogue.exportProductsCsv(scope.regionId, procurementId, created.id)
    expect(exported.csv).toContain('jeugd;45;45A01;Product 45A01;04;;92,40;01-01-2027;;')
  })

  it('versions requirement sets: a change after publication makes a new version and the old one stays', async () => {
    const scope = await region(['GM0281'])
    const hkz = await evidenceType('HKZ-certificaat')
    const vog = await evidenceType('VOG-RP')
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    if (!created.ok) throw new Error('perceel')
    const perceelId = created.id
    await catalogue.addMoment(scope, procurementId, perceelId, juneMoment)

    await catalogue.addRequiredEvidence(scope, procurementId, perceelId, { evidenceTypeId: hkz })
    await catalogue.addRequiredEvidence(scope, procurementId, perceelId, {
      evidenceTypeId: vog,
      issuedWithinMonths: 6,
    })
    await catalogue.addQuestion(scope, procurementId, perceelId, {
      kind: 'knockout_number',
      text: 'Hoeveel cliënten behandelde u in het afgelopen jaar?',
      minimum: 10,
    })
    await catalogue.setRequireAgb(scope, procurementId, perceelId, true)
    // All of that went into one draft: version 1.
    expect(await db.requirementSet.count({ where: { perceelId } })).toBe(1)
    expect(await catalogue.currentRequirementSet(perceelId)).toBeNull()

    const first = await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    expect(first).toMatchObject({ ok: true, version: 1 })
    const v1 = await catalogue.currentRequirementSet(perceelId)
    expect(v1).toMatchObject({ version: 1, requireAgb: true })
    expect(v1!.evidence).toHaveLength(2)

    // Removing an item of the published set happens in a new draft (version 2); version 1 keeps it.
    const vogItem = v1!.evidence.find((e) => e.evidenceType.id === vog)!
    await catalogue.removeRequirement(scope, procurementId, perceelId, 'evidence', vogItem.id)
    await catalogue.addQuestion(scope, procurementId, perceelId, {
      kind: 'knockout_yesno',
      text: 'Beschikt u over een SKJ- of BIG-geregistreerde regiebehandelaar?',
      requiredAnswer: 'ja',
    })
    const working = await catalogue.workingRequirementSet(perceelId)
    expect(working).toMatchObject({ version: 2, publishedAt: null })
    expect(working!.evidence.map((e) => e.evidenceType.id)).toEqual([hkz])
    expect(working!.questions.map((q) => q.kind)).toEqual(['knockout_number', 'knockout_yesno'])
    // Until it is published, entries still see version 1.
    expect((await catalogue.currentRequirementSet(perceelId))!.version).toBe(1)

    const second = await catalogue.publishProcurement(
      scope,
      procurementId,
      'Eis VOG vervalt; vraag regiebehandelaar toegevoegd',
    )
    expect(second).toMatchObject({ ok: true, version: 2 })
    expect((await catalogue.currentRequirementSet(perceelId))!.version).toBe(2)
    const old = await db.requirementSet.findUniqueOrThrow({
      where: { id: v1!.id },
      include: { evidence: true, questions: true },
    })
    expect(old.evidence).toHaveLength(2)
    expect(old.questions).toHaveLength(1)

    const changes = await db.procurementChange.findMany({
      where: { procurementId },
      orderBy: { version: 'asc' },
    })
    expect(changes.map((c) => [c.version, c.summary])).toEqual([
      [1, 'Gepubliceerd'],
      [2, 'Eis VOG vervalt; vraag regiebehandelaar toegevoegd'],
    ])
    const audits = await db.auditEvent.findMany({
      where: { subjectId: procurementId, action: { startsWith: 'catalogue.procurement.' } },
    })
    expect(audits.map((a) => a.action).sort()).toEqual([
      'catalogue.procurement.change_published',
      'catalogue.procurement.created',
      'catalogue.procurement.published',
    ])
  })

  it('freezes the requirement set of a moment when it opens', async () => {
    const scope = await region(['GM0281'])
    const hkz = await evidenceType('HKZ')
    const procurementId = await catalogue.createProcurement(scope, {
      ...procurementValue,
      contractStart: d(2026, 1, 1),
    })
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    if (!created.ok) throw new Error('perceel')
    await catalogue.addRequiredEvidence(scope, procurementId, created.id, { evidenceTypeId: hkz })
    await catalogue.addMoment(scope, procurementId, created.id, {
      opensAt: d(2026, 11, 1, 9),
      closesAt: d(2026, 11, 30, 17),
      decisionDate: d(2027, 1, 15),
    })
    await catalogue.addMoment(scope, procurementId, created.id, {
      opensAt: d(2027, 1, 1, 9),
      closesAt: d(2027, 2, 28, 17),
      decisionDate: d(2027, 4, 1),
    })
    await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    const moments = await db.registrationMoment.findMany({
      where: { perceelId: created.id },
      orderBy: { opensAt: 'asc' },
    })
    const v1 = await catalogue.currentRequirementSet(created.id)
    expect(moments.map((m) => m.requirementSetId)).toEqual([v1!.id, null])

    // A new version published later does not change the open moment; the next moment takes it when it opens.
    await catalogue.setRequireAgb(scope, procurementId, created.id, true)
    await catalogue.publishProcurement(scope, procurementId, 'AGB-code verplicht')
    const v2 = await catalogue.currentRequirementSet(created.id)
    setClockForTests(d(2027, 1, 1, 9, 30))
    expect(await freezeOpenedMomentsJob()).toBe(1)
    expect(await freezeOpenedMomentsJob()).toBe(0)
    setClockForTests(d(2026, 11, 23, 10, 0))
    const after = await db.registrationMoment.findMany({
      where: { perceelId: created.id },
      orderBy: { opensAt: 'asc' },
    })
    expect(after.map((m) => m.requirementSetId)).toEqual([v1!.id, v2!.id])
  })

  it('e-mails organisations that follow the procurement when a change is published', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    const follower = await organisationWithBeheerder('volger@test.example')
    await organisationWithBeheerder('geen-volger@test.example')
    await catalogue.setFollowing(actor, procurementId, follower, true)
    expect(await catalogue.isFollowing(procurementId, follower)).toBe(true)

    const result = await catalogue.publishProcurement(scope, procurementId, 'Tarieven 2027 toegevoegd')
    expect(result).toMatchObject({ ok: true, version: 2, notified: 1 })
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes('volger@test.example'))
    expect(mail.subject).toBe('Wijziging in inkooptraject Inkoop Jeugd 2027')
    expect(mail.text).toContain('Tarieven 2027 toegevoegd')
    expect(mail.text).toContain(`/inkoopagenda/${procurementId}`)
    expect(await db.outboxMessage.count({ where: { to: 'geen-volger@test.example' } })).toBe(0)
  })

  it('publishes every edit of a published procurement as a dated change, e-mailed to followers and entrants and audited', async () => {
    const scope = await region(['GM0281', 'GM0216'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, {
      ...openHouse,
      gemeenten: ['GM0281'],
    })
    if (!created.ok) throw new Error('perceel')
    const perceelId = created.id
    const entrant = await organisationWithBeheerder('inschrijver@test.example')
    const setId = newId()
    await db.requirementSet.create({ data: { id: setId, perceelId, version: 1 } })
    await db.entry.create({
      data: { id: newId(), organisationId: entrant, perceelId, requirementSetId: setId, createdById: 'x' },
    })
    await catalogue.addMoment(scope, procurementId, perceelId, juneMoment)
    await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    const follower = await organisationWithBeheerder('volger-wijziging@test.example')
    await catalogue.setFollowing(actor, procurementId, follower, true)
    const mails = (to: string) => db.outboxMessage.count({ where: { to } })
    const before = {
      entrant: await mails('inschrijver@test.example'),
      follower: await mails('volger-wijziging@test.example'),
    }

    const edited = await catalogue.updateProcurement(scope, procurementId, {
      ...procurementValue,
      contractEnd: d(2030, 12, 31),
      extensionOptions: '1 x 2 jaar',
    })
    expect(edited).toEqual({ ok: true, published: true })
    expect(
      await catalogue.updatePerceel(scope, procurementId, perceelId, {
        ...openHouse,
        justification: 'Weinig aanbieders; aanbod moet worden gestimuleerd.',
        gemeenten: ['GM0281', 'GM0216'],
      }),
    ).toEqual({ ok: true, published: true })
    expect(
      await catalogue.addMilestone(scope, procurementId, {
        label: 'Informatiebijeenkomst',
        at: d(2026, 12, 10, 14, 0),
        ifNeeded: true,
      }),
    ).toBe(true)
    const milestone = await db.procurementMilestone.findFirstOrThrow({ where: { procurementId } })
    expect(await catalogue.removeMilestone(scope, procurementId, milestone.id)).toBe(true)
    const product = {
      law: 'jeugd' as const,
      categoryCode: '45',
      code: '45A01',
      name: 'Ambulante behandeling licht',
      unit: '04',
      intensity: 'licht' as const,
      tariff: 9240,
      validFrom: d(2027, 1, 1),
      validUntil: undefined,
      indexation: undefined,
    }
    expect(await catalogue.addProduct(scope, procurementId, perceelId, product)).toEqual({
      ok: true,
      published: true,
    })
    const productId = (await db.product.findFirstOrThrow({ where: { perceelId, code: '45A01' } })).id
    expect(await catalogue.removeProduct(scope, procurementId, perceelId, productId)).toEqual({
      ok: true,
      published: true,
    })
    const row = (amountCents: number, validFrom: Date, validUntil: Date | null) => ({
      law: 'jeugd' as const,
      categoryCode: '45',
      code: '45A02',
      name: 'Ambulante behandeling middel',
      unit: '04',
      intensity: 'middel',
      amountCents,
      validFrom,
      validUntil,
      indexation: '',
    })
    expect(
      await catalogue.importProducts(scope, procurementId, perceelId, [
        row(10480, d(2027, 1, 1), d(2027, 12, 31)),
        row(10790, d(2028, 1, 1), null),
      ]),
    ).toEqual({ ok: true, count: 1, published: true })
    const moment = { opensAt: d(2027, 1, 4, 9), closesAt: d(2027, 2, 26, 17), decisionDate: d(2027, 4, 1) }
    expect(await catalogue.addMoment(scope, procurementId, perceelId, moment)).toEqual({
      ok: true,
      published: true,
    })
    const momentId = (
      await db.registrationMoment.findFirstOrThrow({ where: { perceelId, opensAt: moment.opensAt } })
    ).id
    expect(await catalogue.removeMoment(scope, procurementId, perceelId, momentId)).toEqual({
      ok: true,
      published: true,
    })
    const second = await catalogue.createPerceel(scope, procurementId, {
      ...openHouse,
      name: 'Jeugd-ggz',
      registrationRegime: 'doorlopend',
      decisionTermDays: 20,
    })
    expect(second).toMatchObject({ ok: true, published: true })

    const changes = await db.procurementChange.findMany({
      where: { procurementId },
      orderBy: { version: 'asc' },
    })
    expect(changes.map((c) => c.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(changes.slice(1).map((c) => c.summary)).toEqual([
      'Gegevens van het inkooptraject gewijzigd: contractperiode nu 1 januari 2027 tot en met 31 december 2030 (was 1 januari 2027 tot en met 31 december 2029); verlengingsopties nu "1 x 2 jaar" (was "2 x 2 jaar")',
      'Perceel "Ambulante behandeling" gewijzigd: onderbouwing van open house gewijzigd: "Weinig aanbieders; aanbod moet worden gestimuleerd."; gemeenten die meedoen: erbij Gemeente GM0216',
      'Mijlpaal toegevoegd aan de tijdlijn: "Informatiebijeenkomst" op 10 december 2026, 14:00 (indien nodig)',
      'Mijlpaal "Informatiebijeenkomst" van 10 december 2026, 14:00 vervalt uit de tijdlijn',
      'Product 45A01 "Ambulante behandeling licht" toegevoegd aan perceel "Ambulante behandeling": € 92,40 (eenheid: uur) vanaf 1 januari 2027',
      'Product 45A01 "Ambulante behandeling licht" vervalt uit perceel "Ambulante behandeling"',
      '1 product met 2 tarieven toegevoegd aan perceel "Ambulante behandeling": 45A02 "Ambulante behandeling middel"',
      'Inschrijfmoment toegevoegd aan perceel "Ambulante behandeling": open van 4 januari 2027, 09:00 tot 26 februari 2027, 17:00, besluit uiterlijk 1 april 2027',
      'Inschrijfmoment van 4 januari 2027, 09:00 tot 26 februari 2027, 17:00 vervalt voor perceel "Ambulante behandeling"',
      'Nieuw perceel "Jeugd-ggz" (open house, doorlopend inschrijven)',
    ])
    expect(changes.every((c) => c.at.getTime() === d(2026, 11, 23, 10, 0).getTime())).toBe(true)
    expect((await db.procurement.findUniqueOrThrow({ where: { id: procurementId } })).version).toBe(11)
    // The public page lists them.
    expect((await catalogue.getPublicProcurement(procurementId)).changes).toHaveLength(11)

    // Each change is audited with the same words, in the same transaction.
    const audits = await db.auditEvent.findMany({
      where: { subjectId: procurementId, summary: { in: changes.slice(1).map((c) => c.summary) } },
    })
    expect(audits.map((a) => a.action).sort()).toEqual(
      [
        'catalogue.milestone.added',
        'catalogue.milestone.removed',
        'catalogue.moment.added',
        'catalogue.moment.removed',
        'catalogue.perceel.created',
        'catalogue.perceel.updated',
        'catalogue.procurement.updated',
        'catalogue.product.added',
        'catalogue.product.imported',
        'catalogue.product.removed',
      ].sort(),
    )

    // One e-mail per change to the entrant and to the follower.
    expect(await mails('inschrijver@test.example')).toBe(before.entrant + 10)
    expect(await mails('volger-wijziging@test.example')).toBe(before.follower + 10)
    await processOutbox(db)
    const mail = await capture.waitFor(
      (m) => m.to.includes('inschrijver@test.example') && m.text.includes('contractperiode nu'),
    )
    expect(mail.subject).toBe('Wijziging in inkooptraject Inkoop Jeugd 2027')
    expect(mail.text).toContain('(versie 2)')
  })

  it('a concept, or a save that changes nothing, is not announced', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    expect(created).toMatchObject({ ok: true, published: false })
    if (created.ok) await catalogue.addMoment(scope, procurementId, created.id, juneMoment)
    expect(
      await catalogue.addMilestone(scope, procurementId, {
        label: 'Start',
        at: d(2026, 12, 1, 9),
        ifNeeded: false,
      }),
    ).toBe(false)
    expect(
      await catalogue.updateProcurement(scope, procurementId, { ...procurementValue, name: 'Nieuw' }),
    ).toEqual({
      ok: true,
      published: false,
    })
    expect(await db.procurementChange.count({ where: { procurementId } })).toBe(0)

    await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    expect(
      await catalogue.updateProcurement(scope, procurementId, { ...procurementValue, name: 'Nieuw' }),
    ).toEqual({
      ok: true,
      published: false,
    })
    if (!created.ok) throw new Error('perceel')
    expect(await catalogue.updatePerceel(scope, procurementId, created.id, openHouse)).toEqual({
      ok: true,
      published: false,
    })
    expect(await db.procurementChange.count({ where: { procurementId } })).toBe(1)
  })

  it('publishes taking away the TenderNed link or the tender dates as a dated change, e-mailed and audited', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const tender = {
      ...openHouse,
      name: 'Jeugdhulp met verblijf',
      inkoopvorm: 'aanbesteding' as const,
      justification: undefined,
      registrationRegime: undefined,
      tenderNedUrl: 'https://www.tenderned.nl/aankondigingen/overzicht/123456',
      tenderDeadlines: 'Vragen tot 1 februari 2027',
    }
    const created = await catalogue.createPerceel(scope, procurementId, tender)
    if (!created.ok) throw new Error('perceel')
    await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    const follower = await organisationWithBeheerder('volger-tender@test.example')
    await catalogue.setFollowing(actor, procurementId, follower, true)

    expect(
      await catalogue.updatePerceel(scope, procurementId, created.id, {
        ...tender,
        tenderNedUrl: undefined,
        tenderDeadlines: undefined,
      }),
    ).toEqual({ ok: true, published: true })
    const summary =
      'Perceel "Jeugdhulp met verblijf" gewijzigd: TenderNed-link verwijderd; belangrijke data van de aanbesteding verwijderd'
    const change = await db.procurementChange.findFirstOrThrow({ where: { procurementId, version: 2 } })
    expect(change.summary).toBe(summary)
    expect(change.at).toEqual(d(2026, 11, 23, 10, 0))
    expect(
      await db.auditEvent.count({
        where: { subjectId: procurementId, action: 'catalogue.perceel.updated', summary },
      }),
    ).toBe(1)
    expect(
      await db.outboxMessage.count({
        where: { to: 'volger-tender@test.example', text: { contains: 'TenderNed-link verwijderd' } },
      }),
    ).toBe(1)
  })

  it('keeps the inkoopvorm and the way of registering once entries, admissions or moments hang on them', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    if (!created.ok) throw new Error('perceel')
    // Nothing hangs on it yet: the buyer may still change its mind.
    const continuous = { ...openHouse, registrationRegime: 'doorlopend' as const, decisionTermDays: 40 }
    expect(await catalogue.updatePerceel(scope, procurementId, created.id, continuous)).toMatchObject({
      ok: true,
    })
    expect(await catalogue.updatePerceel(scope, procurementId, created.id, openHouse)).toMatchObject({
      ok: true,
    })
    await catalogue.addMoment(scope, procurementId, created.id, {
      opensAt: d(2027, 1, 4, 9),
      closesAt: d(2027, 2, 26, 17),
      decisionDate: d(2027, 4, 1),
    })
    expect(await catalogue.updatePerceel(scope, procurementId, created.id, continuous)).toEqual({
      ok: false,
      errors: {
        registrationRegime: [
          'Dit perceel heeft al 1 registratiemoment. De manier van inschrijven verandert daarom niet meer; maak zo nodig een nieuw perceel.',
        ],
      },
    })
    const tender = await catalogue.updatePerceel(scope, procurementId, created.id, {
      ...openHouse,
      inkoopvorm: 'aanbesteding',
      registrationRegime: undefined,
      justification: undefined,
    })
    expect(tender).toMatchObject({
      ok: false,
      errors: { inkoopvorm: [expect.stringContaining('1 registratiemoment')] },
    })
    const stored = await db.perceel.findUniqueOrThrow({ where: { id: created.id } })
    expect([stored.inkoopvorm, stored.registrationRegime]).toEqual(['openhouse', 'momenten'])
  })

  it('refuses a contract period that would leave registration moments outside it', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    if (!created.ok) throw new Error('perceel')
    await catalogue.addMoment(scope, procurementId, created.id, {
      opensAt: d(2027, 1, 4, 9),
      closesAt: d(2027, 2, 26, 17),
      decisionDate: d(2027, 4, 1),
    })
    await catalogue.addMoment(scope, procurementId, created.id, {
      opensAt: d(2029, 12, 1, 9),
      closesAt: d(2029, 12, 31, 12),
      decisionDate: d(2030, 1, 31),
    })
    const shorter = await catalogue.updateProcurement(scope, procurementId, {
      ...procurementValue,
      contractStart: d(2027, 2, 1),
      contractEnd: d(2029, 12, 30),
    })
    expect(shorter).toEqual({
      ok: false,
      errors: {
        contractStart: [
          'Perceel "Ambulante behandeling" heeft een inschrijfmoment dat opent op 4 januari 2027, 09:00. Kies een begindatum op of vóór 4 januari 2027, of verwijder eerst dat inschrijfmoment: inschrijfmomenten vallen binnen de contractperiode',
        ],
        contractEnd: [
          'Perceel "Ambulante behandeling" heeft een inschrijfmoment dat sluit op 31 december 2029, 12:00. Kies een einddatum op of na 31 december 2029, of verwijder eerst dat inschrijfmoment: inschrijfmomenten vallen binnen de contractperiode',
        ],
      },
    })
    const unchanged = await db.procurement.findUniqueOrThrow({ where: { id: procurementId } })
    expect(unchanged.contractStart).toEqual(d(2027, 1, 1))
    expect(unchanged.contractEnd).toEqual(d(2029, 12, 31))
    // Still ending on the last day of a moment, or starting on the day it opens, is fine.
    expect(
      await catalogue.updateProcurement(scope, procurementId, {
        ...procurementValue,
        contractStart: d(2027, 1, 4),
      }),
    ).toMatchObject({ ok: true })
  })

  it('adds registration moments only to an open house with fixed moments', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const moment = { opensAt: d(2027, 1, 4, 9), closesAt: d(2027, 2, 26, 17), decisionDate: d(2027, 4, 1) }
    const tender = await catalogue.createPerceel(scope, procurementId, {
      ...openHouse,
      name: 'Wonen met behandeling',
      inkoopvorm: 'aanbesteding' as const,
      justification: undefined,
      registrationRegime: undefined,
    })
    const continuous = await catalogue.createPerceel(scope, procurementId, {
      ...openHouse,
      name: 'Jeugd-ggz',
      registrationRegime: 'doorlopend' as const,
      decisionTermDays: 20,
    })
    if (!tender.ok || !continuous.ok) throw new Error('perceel')
    for (const perceelId of [tender.id, continuous.id]) {
      expect(await catalogue.addMoment(scope, procurementId, perceelId, moment)).toEqual({
        ok: false,
        message: expect.stringContaining(
          'Inschrijfmomenten horen alleen bij een open house met vaste inschrijfmomenten',
        ),
      })
      expect(await db.registrationMoment.count({ where: { perceelId } })).toBe(0)
    }
  })

  it('imports an exported list with several tariff periods per product into another perceel', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const from = await catalogue.createPerceel(scope, procurementId, openHouse)
    const to = await catalogue.createPerceel(scope, procurementId, { ...openHouse, name: 'Kopie' })
    if (!from.ok || !to.ok) throw new Error('perceel')
    const row = (code: string, amountCents: number, validFrom: Date, validUntil: Date | null) => ({
      law: 'jeugd' as const,
      categoryCode: '45',
      code,
      name: `Product ${code}`,
      unit: '04',
      intensity: null,
      amountCents,
      validFrom,
      validUntil,
      indexation: 'OVA',
    })
    await catalogue.importProducts(scope, procurementId, from.id, [
      row('45A01', 9240, d(2027, 1, 1), d(2027, 12, 31)),
      row('45A02', 10480, d(2027, 1, 1), d(2027, 12, 31)),
      row('45A01', 9510, d(2028, 1, 1), null),
      row('45A02', 10790, d(2028, 1, 1), null),
    ])
    const exported = await catalogue.exportProductsCsv(scope.regionId, procurementId, from.id)
    const read = readProductCsv(exported.csv)
    expect(read.rows.map((r) => r.errors)).toEqual([[], [], [], []])
    expect(
      await catalogue.importProducts(
        scope,
        procurementId,
        to.id,
        read.rows.map((r) => r.value!),
      ),
    ).toMatchObject({ ok: true, count: 2 })
    const tariffs = (perceelId: string) =>
      db.product.findMany({
        where: { perceelId },
        orderBy: { code: 'asc' },
        select: {
          code: true,
          tariffs: {
            orderBy: { validFrom: 'asc' },
            select: { amountCents: true, validFrom: true, validUntil: true },
          },
        },
      })
    expect(await tariffs(to.id)).toEqual(await tariffs(from.id))
    expect((await tariffs(to.id)).map((p) => p.tariffs.length)).toEqual([2, 2])
    // Conflicting rows are refused as a whole, even without the preview.
    const refused = await catalogue.importProducts(scope, procurementId, to.id, [
      row('45B01', 100, d(2027, 1, 1), null),
      row('45B01', 200, d(2027, 6, 1), null),
    ])
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('45B01') })
    expect(await db.product.count({ where: { perceelId: to.id, code: '45B01' } })).toBe(0)
  })

  it('on a published procurement, refuses a registration moment that has already begun, next to the opening', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, {
      ...procurementValue,
      contractStart: d(2026, 1, 1),
    })
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    if (!created.ok) throw new Error('perceel')
    // A concept may still record a moment that lies behind us.
    const past = { opensAt: d(2026, 3, 2, 9), closesAt: d(2026, 3, 31, 17), decisionDate: d(2026, 5, 1) }
    expect(await catalogue.addMoment(scope, procurementId, created.id, past)).toEqual({
      ok: true,
      published: false,
    })
    await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    // Now 23 November 2026, 10:00: this one opened at 9:00 today.
    const begun = { opensAt: d(2026, 11, 23, 9), closesAt: d(2026, 12, 18, 17), decisionDate: d(2027, 1, 29) }
    expect(await catalogue.addMoment(scope, procurementId, created.id, begun)).toEqual({
      ok: false,
      errors: {
        opensAt: [
          'Kies een opening in de toekomst: het traject is gepubliceerd, en een inschrijfmoment dat al begonnen is kan niemand meer gebruiken',
        ],
      },
    })
    expect(
      await catalogue.addMoment(scope, procurementId, created.id, { ...begun, opensAt: d(2026, 11, 23, 11) }),
    ).toEqual({ ok: true, published: true })
    expect(await db.registrationMoment.count({ where: { perceelId: created.id } })).toBe(2)
  })

  it('refuses a product under a law the procurement does not cover, added by hand or imported', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    if (!created.ok) throw new Error('perceel')
    const wmo = {
      law: 'wmo' as const,
      categoryCode: '02',
      code: '02A01',
      name: 'Begeleiding individueel',
      unit: '04',
      intensity: undefined,
      tariff: 6500,
      validFrom: d(2027, 1, 1),
      validUntil: undefined,
      indexation: undefined,
    }
    expect(await catalogue.addProduct(scope, procurementId, created.id, wmo)).toEqual({
      ok: false,
      errors: { law: ['Dit inkooptraject gaat over de Jeugdwet. Kies die wet voor het product'] },
    })
    const row = (law: 'wmo' | 'jeugd', categoryCode: string, code: string) => ({
      law,
      categoryCode,
      code,
      name: `Product ${code}`,
      unit: '04',
      intensity: null,
      amountCents: 6500,
      validFrom: d(2027, 1, 1),
      validUntil: null,
      indexation: '',
    })
    expect(
      await catalogue.importProducts(scope, procurementId, created.id, [
        row('jeugd', '45', '45A01'),
        row('wmo', '02', '02A01'),
      ]),
    ).toEqual({
      ok: false,
      message:
        'Productcode 02A01: Dit inkooptraject gaat over de Jeugdwet. Kies die wet voor het product. Er is niets opgeslagen.',
    })
    expect(await db.product.count({ where: { perceelId: created.id } })).toBe(0)
  })

  it('stores one of two simultaneous submits of the same registration moment and refuses the other', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    for (let round = 0; round < 4; round++) {
      const created = await catalogue.createPerceel(scope, procurementId, { ...openHouse, name: `P${round}` })
      if (!created.ok) throw new Error('perceel')
      const results = await Promise.all([
        catalogue.addMoment(scope, procurementId, created.id, juneMoment),
        catalogue.addMoment(scope, procurementId, created.id, juneMoment),
      ])
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(await db.registrationMoment.count({ where: { perceelId: created.id } })).toBe(1)
    }
  })

  it('publishes only when every open house has its justification, regime and, for fixed moments, a moment', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    const created = await catalogue.createPerceel(scope, procurementId, openHouse)
    if (!created.ok) throw new Error('perceel')
    expect(await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')).toEqual({
      ok: false,
      message:
        'Perceel "Ambulante behandeling" is nog niet klaar om te publiceren. Voeg minstens één inschrijfmoment toe: zonder moment kan niemand zich inschrijven. Er is niets gepubliceerd.',
    })
    await catalogue.addMoment(scope, procurementId, created.id, juneMoment)
    // Saved before the rule, or changed outside the form: the rule is checked again.
    await db.perceel.update({ where: { id: created.id }, data: { justification: ' ' } })
    expect(await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')).toEqual({
      ok: false,
      message: expect.stringContaining(
        'Perceel "Ambulante behandeling" is nog niet klaar om te publiceren. Open house mag alleen met een onderbouwing',
      ),
    })
    const unchanged = await db.procurement.findUniqueOrThrow({ where: { id: procurementId } })
    expect([unchanged.status, unchanged.version]).toEqual(['concept', 0])
    expect(await db.procurementChange.count({ where: { procurementId } })).toBe(0)
    await db.perceel.update({ where: { id: created.id }, data: { justification: openHouse.justification } })
    expect(await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')).toMatchObject({
      ok: true,
      version: 1,
    })
  })

  it('shows only published procurements publicly', async () => {
    const scope = await region(['GM0281'])
    const procurementId = await catalogue.createProcurement(scope, procurementValue)
    await expect(catalogue.getPublicProcurement(procurementId)).rejects.toMatchObject({ status: 404 })
    await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    const p = await catalogue.getPublicProcurement(procurementId)
    expect(p.changes).toHaveLength(1)
  })
})
