import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { saveCapacity, confirmUnchanged } = await import('./save.server')
const { remindStaleCapacity } = await import('./jobs.server')
const { capacityOn, currentCapacity, providerCapacityOverview, regionDashboard, regionProviderCapacity } =
  await import('./queries.server')
const f = await import('./test-factories')

const db = getDb()
const actor = { userId: 'u-test', label: 'Test <test@example.org>' }

async function world() {
  const g1 = await f.ensureGemeente(db, 'GM0281', 'Tiel')
  const g2 = await f.ensureGemeente(db, 'GM1960', 'West Betuwe')
  await f.ensurePc4(db, '4001', g1, 'Tiel')
  await f.ensurePc4(db, '4002', g1, 'Tiel')
  await f.ensurePc4(db, '4191', g2, 'Geldermalsen')
  const regionId = await f.createRegion(db, [g1, g2])
  const seg = await f.createSegmentWithProducts(db, regionId, { name: 'Begeleiding', products: 2 })
  const org = await f.createOrganisation(db)
  for (const productId of seg.productIds) {
    for (const g of [g1, g2])
      await f.createAdmission(db, { organisationId: org.id, productId, gemeenteCode: g })
  }
  return { g1, g2, regionId, seg, org }
}

describe('saving werkgebied and capacity', () => {
  afterAll(() => setClockForTests(null))

  it('saves werkgebied and a new report per product, keeps history, warns for a PC4 elsewhere', async () => {
    const { g1, g2, seg, org } = await world()
    const [p1, p2] = seg.productIds as [string, string]
    setClockForTests(new Date('2026-10-01T10:00:00Z'))
    const first = await saveCapacity(db, {
      organisationId: org.id,
      actor,
      products: [
        {
          productId: p1,
          reports: [{ location: '', accepting: 'ja', waitingWeeks: 4, freePlaces: 3 }],
          gemeenten: [
            { gemeenteCode: g1, dekking: 'geheel' },
            { gemeenteCode: g2, dekking: 'niet' },
          ],
        },
        {
          productId: p2,
          reports: [{ location: '', accepting: 'beperkt', waitingWeeks: 10 }],
          gemeenten: [
            { gemeenteCode: g1, dekking: 'deels', pc4s: '4001, 4002 4191' },
            { gemeenteCode: g2, dekking: 'geheel' },
          ],
        },
      ],
    })
    expect(first).toMatchObject({ ok: true, saved: 2 })
    expect(first.ok && first.warnings).toEqual([
      expect.stringContaining('4191 ligt volgens de postcodetabel in West Betuwe'),
    ])
    const adm = await db.admission.findFirstOrThrow({
      where: { organisationId: org.id, productId: p2, gemeenteCode: g1 },
    })
    expect(adm).toMatchObject({ coversWhole: false, pc4s: '4001,4002,4191' })
    const none = await db.admission.findFirstOrThrow({
      where: { organisationId: org.id, productId: p1, gemeenteCode: g2 },
    })
    expect(none).toMatchObject({ coversWhole: false, pc4s: '' })

    const overview = await providerCapacityOverview(db, org.id)
    const p2View = overview.find((p) => p.productId === p2)!
    expect(p2View.gemeenten.find((g) => g.gemeenteCode === g1)!.elsewhere).toEqual([
      { code: '4191', gemeenteName: 'West Betuwe' },
    ])

    setClockForTests(new Date('2026-11-01T10:00:00Z'))
    await saveCapacity(db, {
      organisationId: org.id,
      actor,
      products: [
        {
          productId: p1,
          reports: [{ location: '', accepting: 'nee', waitingWeeks: 20 }],
          gemeenten: [{ gemeenteCode: g1, dekking: 'geheel' }],
        },
      ],
    })
    const history = await db.capacityReport.findMany({
      where: { organisationId: org.id, productId: p1 },
      orderBy: { confirmedAt: 'asc' },
    })
    expect(history.map((h) => [h.accepting, h.isCurrent, h.supersededAt?.toISOString() ?? null])).toEqual([
      ['ja', false, '2026-11-01T10:00:00.000Z'],
      ['nee', true, null],
    ])
    const acceptingOn = async (at: string) =>
      (await capacityOn(db, org.id, p1, new Date(at))).map((r) => r.accepting)
    expect(await acceptingOn('2026-10-15T00:00:00Z')).toEqual(['ja'])
    expect(await acceptingOn('2026-11-02T00:00:00Z')).toEqual(['nee'])
    expect(await acceptingOn('2026-09-01T00:00:00Z')).toEqual([])
    const audit = await db.auditEvent.findMany({
      where: { subjectId: org.id, action: 'capaciteit.bijgewerkt' },
    })
    expect(audit).toHaveLength(2)
    // The werkgebied's history: one event per admission whose coverage changed, before and after.
    const werkgebied = await db.auditEvent.findMany({
      where: { organisationId: org.id, action: 'werkgebied.gewijzigd' },
    })
    const changes = werkgebied.map((e) => [e.subjectId, e.summary.replace(/^Werkgebied [^:]+ in /, '')])
    expect(changes).toHaveLength(2)
    expect(changes).toEqual(
      expect.arrayContaining([
        [none.id, 'West Betuwe: hele gemeente → niet in deze gemeente'],
        [adm.id, 'Tiel: hele gemeente → postcodegebieden 4001, 4002, 4191'],
      ]),
    )
  })

  it('refuses PC4 areas that do not exist and municipalities the organisation is not admitted for', async () => {
    const { g1, seg, org } = await world()
    const other = await f.createOrganisation(db)
    const result = await saveCapacity(db, {
      organisationId: other.id,
      actor,
      products: [
        {
          productId: seg.productIds[0]!,
          reports: [{ location: '', accepting: 'ja', waitingWeeks: 1 }],
          gemeenten: [{ gemeenteCode: g1, dekking: 'geheel' }],
        },
      ],
    })
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'products[0]': [expect.stringContaining('niet (meer) toegelaten voor dit product')],
        'products[0].gemeenten[0].dekking': [expect.stringContaining('niet (meer) toegelaten')],
      },
    })
    const unknown = await saveCapacity(db, {
      organisationId: org.id,
      actor,
      products: [
        {
          productId: seg.productIds[0]!,
          reports: [{ location: '', accepting: 'ja', waitingWeeks: 1 }],
          gemeenten: [{ gemeenteCode: g1, dekking: 'deels', pc4s: '4001 9998' }],
        },
      ],
    })
    expect(unknown).toEqual({
      ok: false,
      fieldErrors: {
        'products[0].gemeenten[0].pc4s': ['Postcodegebied 9998 bestaat niet. Controleer de 4 cijfers.'],
      },
    })
    // A product without a municipality in the request still needs an active admission.
    const notAdmitted = await saveCapacity(db, {
      organisationId: other.id,
      actor,
      products: [
        {
          productId: seg.productIds[0]!,
          reports: [{ location: '', accepting: 'ja', waitingWeeks: 1 }],
          gemeenten: [],
        },
      ],
    })
    expect(notAdmitted).toEqual({
      ok: false,
      fieldErrors: { 'products[0]': [expect.stringContaining('niet (meer) toegelaten voor dit product')] },
    })
    expect(await db.capacityReport.count({ where: { organisationId: { in: [org.id, other.id] } } })).toBe(0)
  })

  it('confirms everything unchanged: new rows with the same values, confirmed now', async () => {
    const { seg, org } = await world()
    const [p1, p2] = seg.productIds as [string, string]
    await f.createReport(db, {
      organisationId: org.id,
      productId: p1,
      accepting: 'beperkt',
      waitingWeeks: 6,
      freePlaces: 2,
      confirmedAt: new Date('2026-08-01T10:00:00Z'),
    })
    setClockForTests(new Date('2026-11-20T09:00:00Z'))
    expect(await confirmUnchanged(db, { organisationId: org.id, actor })).toEqual({
      confirmed: 1,
      missing: 1,
    })
    const current = await currentCapacity(db, { organisationIds: [org.id] })
    expect(current).toHaveLength(1)
    expect(current[0]).toMatchObject({
      productId: p1,
      accepting: 'beperkt',
      waitingWeeks: 6,
      freePlaces: 2,
      confirmedAt: new Date('2026-11-20T09:00:00Z'),
      freshness: { status: 'actueel' },
    })
    expect(await db.capacityReport.count({ where: { organisationId: org.id } })).toBe(2)
    expect(p2).toBeTruthy()
  })

  it('leaves exactly one current report set when the same organisation saves twice at once', async () => {
    const { g1, seg, org } = await world()
    const [p1] = seg.productIds as [string, string]
    const save = (waitingWeeks: number) =>
      saveCapacity(db, {
        organisationId: org.id,
        actor,
        products: [
          {
            productId: p1,
            reports: [{ location: '', accepting: 'ja', waitingWeeks }],
            gemeenten: [{ gemeenteCode: g1, dekking: 'geheel' }],
          },
        ],
      })
    const currentRows = () =>
      db.capacityReport.count({ where: { organisationId: org.id, productId: p1, isCurrent: true } })
    setClockForTests(new Date('2026-11-02T10:00:00Z'))
    // A double submit, first without any report yet, then over an existing one, and "ongewijzigd" twice at once.
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([save(round + 1), save(round + 10)])
      expect(results.every((r) => r.ok)).toBe(true)
      expect(await currentRows()).toBe(1)
    }
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        confirmUnchanged(db, { organisationId: org.id, actor }),
        confirmUnchanged(db, { organisationId: org.id, actor }),
      ])
      expect(await currentRows()).toBe(1)
    }
    // Every row but the current one was superseded.
    expect(
      await db.capacityReport.count({ where: { organisationId: org.id, productId: p1, supersededAt: null } }),
    ).toBe(1)
  })

  it('keeps capacity per location: one report per location, confirmed together, counted once per provider', async () => {
    const { g1, regionId, seg, org } = await world()
    const [p1] = seg.productIds as [string, string]
    const gemeenten = [{ gemeenteCode: g1, dekking: 'geheel' as const }]
    setClockForTests(new Date('2026-11-02T10:00:00Z'))
    const twice = await saveCapacity(db, {
      organisationId: org.id,
      actor,
      products: [
        {
          productId: p1,
          reports: [
            { location: 'Zeist', accepting: 'ja', waitingWeeks: 3 },
            { location: ' zeist ', accepting: 'nee', waitingWeeks: 9 },
          ],
          gemeenten,
        },
      ],
    })
    expect(twice).toEqual({
      ok: false,
      fieldErrors: { 'products[0]': ['Elke locatie mag maar één keer voorkomen'] },
    })

    expect(
      await saveCapacity(db, {
        organisationId: org.id,
        actor,
        products: [
          {
            productId: p1,
            reports: [
              { location: 'Zeist', accepting: 'nee', waitingWeeks: 20, freePlaces: 0 },
              { location: 'Amersfoort', accepting: 'beperkt', waitingWeeks: 6, freePlaces: 2 },
            ],
            remark: 'Groepsbegeleiding alleen in Amersfoort',
            gemeenten,
          },
        ],
      }),
    ).toMatchObject({ ok: true })
    const current = await currentCapacity(db, { organisationIds: [org.id] })
    expect(current.map((r) => [r.location, r.accepting, r.waitingWeeks, r.remark])).toEqual([
      ['Amersfoort', 'beperkt', 6, 'Groepsbegeleiding alleen in Amersfoort'],
      ['Zeist', 'nee', 20, 'Groepsbegeleiding alleen in Amersfoort'],
    ])
    expect(new Set(current.map((r) => r.confirmedAt.toISOString()))).toEqual(
      new Set(['2026-11-02T10:00:00.000Z']),
    )

    // The dashboard counts the provider once: it accepts (Amersfoort) and its shortest wait is 6 weeks.
    const today = new Date('2026-11-03T10:00:00Z')
    const d = await regionDashboard(db, regionId, { today })
    expect(d.figures.find((r) => r.gemeenteCode === g1)).toMatchObject({
      providers: 1,
      accepting: 1,
      medianWaitingWeeks: 6,
      longestWaitingWeeks: 6,
    })
    // The CSV per provider has a row per location.
    const rows = (await regionProviderCapacity(db, regionId, today)).filter(
      (r) => r.gemeente === 'Tiel' && r.report?.productId === p1,
    )
    expect(rows.map((r) => r.report?.location)).toEqual(['Amersfoort', 'Zeist'])

    // Confirming unchanged copies both locations; going back to one figure for the whole product ends them.
    setClockForTests(new Date('2026-11-20T10:00:00Z'))
    expect(await confirmUnchanged(db, { organisationId: org.id, actor })).toMatchObject({ confirmed: 1 })
    expect((await currentCapacity(db, { organisationIds: [org.id] })).map((r) => r.location)).toEqual([
      'Amersfoort',
      'Zeist',
    ])
    setClockForTests(new Date('2026-11-25T10:00:00Z'))
    await saveCapacity(db, {
      organisationId: org.id,
      actor,
      products: [{ productId: p1, reports: [{ location: '', accepting: 'ja', waitingWeeks: 1 }], gemeenten }],
    })
    expect((await currentCapacity(db, { organisationIds: [org.id] })).map((r) => r.location)).toEqual([''])
    // What was true on 21 November: both locations.
    const then = await capacityOn(db, org.id, p1, new Date('2026-11-21T00:00:00Z'))
    expect(then.map((r) => `${r.location}: ${r.accepting}`)).toEqual(['Amersfoort: beperkt', 'Zeist: nee'])
    expect(await db.capacityReport.count({ where: { organisationId: org.id } })).toBe(5)
  })
})

describe('dashboard', () => {
  afterAll(() => setClockForTests(null))

  it('computes figures per segment and municipality and the trend from history', async () => {
    const { g1, g2, regionId, seg, org } = await world()
    const [p1] = seg.productIds as [string, string]
    const org2 = await f.createOrganisation(db)
    await f.createAdmission(db, {
      organisationId: org2.id,
      productId: p1,
      gemeenteCode: g1,
      since: new Date('2026-09-01T00:00:00Z'),
    })
    await f.createReport(db, {
      organisationId: org.id,
      productId: p1,
      accepting: 'ja',
      waitingWeeks: 4,
      confirmedAt: new Date('2026-06-10T10:00:00Z'),
    })
    await f.createReport(db, {
      organisationId: org.id,
      productId: p1,
      accepting: 'nee',
      waitingWeeks: 12,
      confirmedAt: new Date('2026-11-10T10:00:00Z'),
    })
    await f.createReport(db, {
      organisationId: org2.id,
      productId: p1,
      accepting: 'ja',
      waitingWeeks: 2,
      confirmedAt: new Date('2026-09-05T10:00:00Z'),
    })

    const d = await regionDashboard(db, regionId, { today: new Date('2026-11-23T10:00:00Z') })
    const tiel = d.figures.find((r) => r.gemeenteCode === g1)!
    expect(tiel).toMatchObject({
      segmentName: 'Begeleiding',
      gemeenteName: 'Tiel',
      providers: 2,
      accepting: 1,
      medianWaitingWeeks: 7,
      longestWaitingWeeks: 12,
      notConfirmed: 1,
    })
    expect(d.figures.find((r) => r.gemeenteCode === g2)).toMatchObject({
      providers: 1,
      longestWaitingWeeks: 12,
    })
    expect(d.trend).toHaveLength(7)
    // End of June: only org, with 4 weeks; end of September: org (4) and org2 (2); today: 12 and 2.
    expect(d.trend[1]).toMatchObject({ providers: 1, medianWaitingWeeks: 4, longestWaitingWeeks: 4 })
    expect(d.trend[4]).toMatchObject({ providers: 2, medianWaitingWeeks: 3, longestWaitingWeeks: 4 })
    expect(d.trend[6]).toMatchObject({
      providers: 2,
      medianWaitingWeeks: 7,
      longestWaitingWeeks: 12,
      accepting: 1,
    })

    const perProvider = await regionProviderCapacity(db, regionId, new Date('2026-11-23T10:00:00Z'))
    expect(perProvider.filter((r) => r.report?.waitingWeeks === 12)).toHaveLength(2)
  })
})

describe('reminder job', () => {
  let capture: MailCapture
  beforeAll(async () => {
    capture = await startMailCapture({ port })
  })
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })

  it('e-mails the beheerders once per 30-day period and audits it', async () => {
    const { seg, org } = await world()
    for (const productId of seg.productIds) {
      await f.createReport(db, {
        organisationId: org.id,
        productId,
        waitingWeeks: 3,
        confirmedAt: new Date('2026-10-01T10:00:00Z'),
      })
    }
    // Other tests in this file left stale organisations too: count this organisation's reminders only.
    const reminders = () =>
      db.auditEvent.count({ where: { subjectId: org.id, action: 'capaciteit.herinnering-verstuurd' } })
    // 30 days later: still fresh.
    await remindStaleCapacity(db, new Date('2026-10-31T10:00:00Z'))
    expect(await reminders()).toBe(0)
    const day31 = new Date('2026-11-01T10:00:00Z')
    setClockForTests(day31)
    expect(await remindStaleCapacity(db, day31)).toBeGreaterThanOrEqual(1)
    expect(await reminders()).toBe(1)
    expect(await remindStaleCapacity(db, day31)).toBe(0)
    await remindStaleCapacity(db, new Date('2026-11-20T10:00:00Z'))
    expect(await reminders()).toBe(1)
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(org.beheerderEmail))
    expect(mail.subject).toBe(`Bevestig uw capaciteit en wachttijden (${org.name})`)
    expect(mail.text).toContain('/aanbieder/capaciteit')
    const audits = await db.auditEvent.findMany({
      where: { subjectId: org.id, action: 'capaciteit.herinnering-verstuurd' },
    })
    expect(audits).toHaveLength(1)
    // The next period gives one new reminder.
    expect(await remindStaleCapacity(db, new Date('2026-12-01T10:00:00Z'))).toBeGreaterThanOrEqual(1)
    expect(
      await db.auditEvent.count({ where: { subjectId: org.id, action: 'capaciteit.herinnering-verstuurd' } }),
    ).toBe(2)
  })
})
