import { beforeAll, describe, expect, it } from 'vitest'
import { createDb, db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { readSearchState } from './rules'
import { helpOptions, providerProfile, resolvePlace, searchProviders } from './search.server'
import {
  makeCatalogue,
  makeEvidence,
  makeEvidenceType,
  makeGemeente,
  makeListedProvider,
  makeOrganisation,
  makeAdmission,
  makeCapacity,
  freePc4,
} from './test-factories'
import { buildOpenData, openDataCsv } from './open-data.server'

const DAY = 24 * 60 * 60 * 1000
const today = new Date()

let gemeente: Awaited<ReturnType<typeof makeGemeente>>
let catalogue: Awaited<ReturnType<typeof makeCatalogue>>
let mark: Awaited<ReturnType<typeof makeEvidenceType>>

async function search(query: string) {
  const state = readSearchState(new URLSearchParams(query))
  const options = await helpOptions(gemeente.code)
  return searchProviders({ ...state, gemeente: gemeente.code }, options, today)
}

beforeAll(async () => {
  gemeente = await makeGemeente(db, { name: 'Zorgdorp', pc4s: ['4001', '4002'] })
  catalogue = await makeCatalogue(db, {
    gemeenteCodes: [gemeente.code],
    segmentName: 'Begeleiding',
    productNames: ['Begeleiding licht', 'Begeleiding zwaar'],
  })
  mark = await makeEvidenceType(db, { name: 'HKZ-keurmerk', isQualityMark: true })
})

describe('keuzehulp: plaats zoeken', () => {
  it('vindt een gemeente op naam en op postcode', async () => {
    expect(await resolvePlace('zorgdorp')).toMatchObject({
      kind: 'gemeente',
      gemeente: { code: gemeente.code },
    })
    expect(await resolvePlace('4002 AB')).toMatchObject({
      kind: 'gemeente',
      gemeente: { code: gemeente.code },
      postcode: '4002',
    })
    expect(await resolvePlace('9999')).toEqual({ kind: 'onbekend', reason: 'postcode' })
  })

  it('vindt een woonplaats in elke schrijfwijze, en Den Bosch', async () => {
    const pc4 = await freePc4(db)
    const haven = await makeGemeente(db, { name: 'Havengemeente', pc4s: [pc4], place: "'t Dorp-aan-Zée" })
    for (const typed of ["'t Dorp-aan-Zée", 't dorp aan zee', 'T DORP AAN ZEE'])
      expect(await resolvePlace(typed)).toMatchObject({ kind: 'gemeente', gemeente: { code: haven.code } })
    const bosch = await makeGemeente(db, { name: "'s-Hertogenbosch" })
    expect(await resolvePlace('den bosch')).toMatchObject({
      kind: 'gemeente',
      gemeente: { code: bosch.code },
    })
  })

  it('biedt de soorten hulp van gepubliceerde inkooptrajecten aan, per wet', async () => {
    const options = await helpOptions(gemeente.code)
    expect(options.groups.map((g) => [g.label, g.law])).toEqual([['Begeleiding', 'wmo']])
    expect(options.groups[0].products.map((p) => p.name)).toEqual(['Begeleiding licht', 'Begeleiding zwaar'])
  })
})

describe('keuzehulp: wie wordt getoond', () => {
  it('laat een aanbieder vanaf de dag na het contracteinde weg, ook voordat de taak de toelating beëindigt', async () => {
    const eindstad = await makeGemeente(db, { name: 'Eindstad', pc4s: ['4101'] })
    const ending = await makeCatalogue(db, { gemeenteCodes: [eindstad.code], productNames: ['Dagbesteding'] })
    const org = await makeListedProvider(db, ending, eindstad.code, { name: 'Contract loopt af' })
    const find = async () => {
      const options = await helpOptions(eindstad.code)
      const results = await searchProviders(
        { ...readSearchState(new URLSearchParams()), gemeente: eindstad.code },
        options,
        today,
      )
      return results.items.map((r) => r.id)
    }
    expect(await find()).toEqual([org.id])
    // Contract terms of the perceel: ended yesterday (the admission is still "actief" in the table).
    await db.contract.create({
      data: {
        id: `contract-${org.id}`,
        perceelId: ending.perceelId,
        startDate: new Date(today.getTime() - 400 * DAY),
        endDate: new Date(today.getTime() - DAY),
      },
    })
    expect(await find()).toEqual([])
    expect(await providerProfile(org.id, today)).toBeNull()
    expect((await buildOpenData(today)).organization.map((o) => o.id)).not.toContain(org.id)
    // An extension moves the end: shown again.
    await db.contract.update({
      where: { id: `contract-${org.id}` },
      data: { endDate: new Date(today.getTime() + 300 * DAY) },
    })
    expect(await find()).toEqual([org.id])
  })

  it('toont alleen actieve, gecontroleerde aanbieders in het werkgebied', async () => {
    const shown = await makeListedProvider(db, catalogue, gemeente.code, {
      name: 'Aa Zichtbaar',
      qualityMarkTypeId: mark.id,
      waitingWeeks: 3,
    })
    const suspended = await makeListedProvider(db, catalogue, gemeente.code, { name: 'Bb Geschorst' })
    await db.admission.updateMany({ where: { organisationId: suspended.id }, data: { status: 'geschorst' } })
    const atRisk = await makeListedProvider(db, catalogue, gemeente.code, { name: 'Cc Risico' })
    await db.admission.updateMany({ where: { organisationId: atRisk.id }, data: { atRisk: true } })
    const elsewhere = await makeListedProvider(db, catalogue, gemeente.code, {
      name: 'Dd Alleen 4001',
      coversWhole: false,
      pc4s: ['4001'],
    })
    // Required evidence expired: not shown.
    const expired = await makeOrganisation(db, { name: 'Ee Verlopen' })
    await makeEvidence(db, {
      organisationId: expired.id,
      typeId: catalogue.requiredTypeId,
      validUntil: new Date(Date.now() - DAY),
    })
    await makeAdmission(db, {
      organisationId: expired.id,
      perceelId: catalogue.perceelId,
      productId: catalogue.products[0].id,
      gemeenteCode: gemeente.code,
    })
    // Evidence not yet approved: not shown.
    const pending = await makeOrganisation(db, { name: 'Ff In controle' })
    await makeEvidence(db, {
      organisationId: pending.id,
      typeId: catalogue.requiredTypeId,
      verification: 'in_controle',
    })
    await makeAdmission(db, {
      organisationId: pending.id,
      perceelId: catalogue.perceelId,
      productId: catalogue.products[0].id,
      gemeenteCode: gemeente.code,
    })

    const all = await search('sort=naam')
    expect(all.items.map((i) => i.name)).toEqual(['Aa Zichtbaar', 'Dd Alleen 4001'])
    expect(all.items[0].qualityMarks.map((m) => m.name)).toEqual(['HKZ-keurmerk'])
    expect(all.items[0].products).toEqual(['Begeleiding licht', 'Begeleiding zwaar'])

    const in4002 = await search('postcode=4002&sort=naam')
    expect(in4002.items.map((i) => i.name)).toEqual(['Aa Zichtbaar'])
    const in4001 = await search('postcode=4001&sort=naam')
    expect(in4001.items.map((i) => i.name)).toEqual(['Aa Zichtbaar', 'Dd Alleen 4001'])

    expect(await providerProfile(shown.id, today)).not.toBeNull()
    expect(await providerProfile(suspended.id, today)).toBeNull()
    expect(await providerProfile(elsewhere.id, today)).not.toBeNull()
  })

  it('filtert op capaciteit, taal, identiteit en doelgroep en sorteert op wachttijd', async () => {
    const g = await makeGemeente(db, { name: 'Filterstad' })
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code], law: 'jeugd', segmentName: 'Jeugdhulp' })
    await makeListedProvider(db, c, g.code, {
      name: 'Lang wachten',
      waitingWeeks: 10,
      languages: 'Nederlands',
    })
    await makeListedProvider(db, c, g.code, {
      name: 'Kort wachten',
      waitingWeeks: 1,
      languages: 'Nederlands, Turks',
      identity: 'Christelijk',
      targetGroups: 'Jongeren 12-18',
    })
    await makeListedProvider(db, c, g.code, { name: 'Vol', accepting: 'nee', waitingWeeks: null })
    await makeListedProvider(db, c, g.code, {
      name: 'Oud bericht',
      confirmedAt: new Date(Date.now() - 90 * DAY),
    })
    const options = await helpOptions(g.code)
    const run = async (q: string) =>
      (
        await searchProviders(
          { ...readSearchState(new URLSearchParams(q)), gemeente: g.code },
          options,
          today,
        )
      ).items
    expect((await run('')).map((i) => i.name)).toEqual(['Kort wachten', 'Lang wachten', 'Vol', 'Oud bericht'])
    expect((await run('nieuw=1')).map((i) => i.name)).toEqual(['Kort wachten', 'Lang wachten'])
    expect((await run('wacht=4')).map((i) => i.name)).toEqual(['Kort wachten'])
    expect((await run('taal=turks')).map((i) => i.name)).toEqual(['Kort wachten'])
    expect((await run('identiteit=Christelijk')).map((i) => i.name)).toEqual(['Kort wachten'])
    expect((await run('doelgroep=Jongeren 12-18')).map((i) => i.name)).toEqual(['Kort wachten'])
    expect((await run('')).find((i) => i.name === 'Oud bericht')?.capacity.kind).toBe('verouderd')
  })

  it('toont capaciteit per locatie: samengevat in de lijst, per locatie op de aanbiederpagina en in open data', async () => {
    const g = await makeGemeente(db, { name: 'Locatiestad' })
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code], productNames: ['Dagbesteding'] })
    const org = await makeListedProvider(db, c, g.code, { name: 'Twee vestigingen' })
    const productId = c.products[0]!.id
    // One save per location: the whole-product report is replaced by two, confirmed together.
    const confirmedAt = new Date(Date.now() - 2 * DAY)
    await db.capacityReport.updateMany({ where: { organisationId: org.id }, data: { isCurrent: false } })
    await makeCapacity(db, {
      organisationId: org.id,
      productId,
      location: 'Zeist',
      waitingWeeks: 6,
      confirmedAt,
    })
    await makeCapacity(db, {
      organisationId: org.id,
      productId,
      location: 'Amersfoort',
      accepting: 'nee',
      waitingWeeks: null,
      confirmedAt,
    })

    const options = await helpOptions(g.code)
    const [item] = (
      await searchProviders({ ...readSearchState(new URLSearchParams('')), gemeente: g.code }, options, today)
    ).items
    expect(item!.capacity).toMatchObject({ kind: 'actueel', accepting: 'ja', waitingWeeks: 6 })

    const profile = await providerProfile(org.id, today)
    expect(
      profile!.products[0]!.locations.map((l) => [
        l.name,
        l.capacity.kind === 'actueel' && l.capacity.accepting,
      ]),
    ).toEqual([
      ['Amersfoort', 'nee'],
      ['Zeist', 'ja'],
    ])

    const data = await buildOpenData(today)
    const lines = data.service_capacity.filter((s) => s.service_id === `${org.id}.${productId}`)
    expect(lines.map((l) => l.location).sort()).toEqual(['Amersfoort', 'Zeist'])
    const csvRows = openDataCsv(data)
      .split('\r\n')
      .filter((row) => row.startsWith(org.id))
    expect(csvRows).toHaveLength(2)
    // The location is the last column (added in format 1.1).
    expect(csvRows[0]).toMatch(/,Amersfoort$/)
    expect(csvRows[1]).toMatch(/,ja,,6,.*,Zeist$/)
  })

  it('pagineert per 20', async () => {
    const g = await makeGemeente(db)
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code] })
    for (let i = 0; i < 23; i++)
      await makeListedProvider(db, c, g.code, { name: `Aanbieder ${String(i).padStart(2, '0')}` })
    const options = await helpOptions(g.code)
    const page2 = await searchProviders(
      { ...readSearchState(new URLSearchParams('sort=naam&pagina=2')), gemeente: g.code },
      options,
      today,
    )
    expect(page2.total).toBe(23)
    expect(page2.pageCount).toBe(2)
    expect(page2.items.map((i) => i.name)).toEqual(['Aanbieder 20', 'Aanbieder 21', 'Aanbieder 22'])
  })

  it('toont niets uit een inkooptraject dat niet gepubliceerd is', async () => {
    const g = await makeGemeente(db)
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code], procurementStatus: 'concept' })
    await makeListedProvider(db, c, g.code)
    expect((await helpOptions(g.code)).groups).toEqual([])
  })
})

describe('keuzehulp: het leesmodel in het geheugen', () => {
  it('ziet een schorsing meteen, ook als een ander proces (een andere verbinding) schrijft', async () => {
    const g = await makeGemeente(db)
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code] })
    const a = await makeListedProvider(db, c, g.code, { name: 'Aa Blijft' })
    const b = await makeListedProvider(db, c, g.code, { name: 'Bb Wordt geschorst' })
    const options = await helpOptions(g.code)
    const names = async () =>
      (
        await searchProviders(
          { ...readSearchState(new URLSearchParams('sort=naam')), gemeente: g.code },
          options,
          today,
        )
      ).items.map((i) => i.name)
    expect(await names()).toEqual(['Aa Blijft', 'Bb Wordt geschorst'])
    expect(await names()).toEqual(['Aa Blijft', 'Bb Wordt geschorst'])

    // A write through this process's client.
    await db.admission.updateMany({ where: { organisationId: b.id }, data: { status: 'geschorst' } })
    expect(await names()).toEqual(['Aa Blijft'])

    // A write through a client of its own, as another server instance would do it.
    const other = createDb(getEnv().DATABASE_URL)
    try {
      await other.admission.updateMany({ where: { organisationId: b.id }, data: { status: 'actief' } })
      expect(await names()).toEqual(['Aa Blijft', 'Bb Wordt geschorst'])
      await other.admission.updateMany({ where: { organisationId: a.id }, data: { atRisk: true } })
      expect(await names()).toEqual(['Bb Wordt geschorst'])
    } finally {
      await other.$disconnect()
    }
  })
})
