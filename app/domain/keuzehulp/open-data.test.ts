import { describe, expect, it } from 'vitest'
import { db } from '~/utils/db.server'
import { addDays, startOfAmsterdamDay } from '~/utils/time'
import { buildOpenData, openDataCsv, openDataResponse } from './open-data.server'
import {
  makeCatalogue,
  makeEvidence,
  makeEvidenceType,
  makeGemeente,
  makeListedProvider,
  makeOrganisation,
} from './test-factories'

const URL_JSON = 'http://x/api/open-data/aanbieders.json'

async function get(today: Date, etag?: string, format: 'json' | 'csv' = 'json') {
  const response = await openDataResponse(
    new Request(URL_JSON, { headers: etag ? { 'If-None-Match': etag } : {} }),
    format,
    today,
  )
  const body = response.status === 200 ? await response.text() : ''
  return { status: response.status, etag: response.headers.get('ETag') ?? '', body }
}

function withoutGeneratedAt(body: string) {
  return body.replace(/"generated_at":"[^"]*"/, '"generated_at":""')
}

/** What the old fingerprint of a table looked at: the latest updatedAt and the number of rows. */
async function fingerprint(table: 'admission' | 'evidenceItem') {
  const agg =
    table === 'admission'
      ? await db.admission.aggregate({ _max: { updatedAt: true }, _count: true })
      : await db.evidenceItem.aggregate({ _max: { updatedAt: true }, _count: true })
  return `${agg._max.updatedAt?.toISOString()}/${agg._count}`
}

describe('open data van de keuzehulp', () => {
  it('publiceert dezelfde openbare feiten, met ETag en 304', async () => {
    const g = await makeGemeente(db, { name: 'Opendorp' })
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code], productNames: ['Begeleiding licht'] })
    const mark = await makeEvidenceType(db, { name: 'HKZ', isQualityMark: true })
    const shown = await makeListedProvider(db, c, g.code, {
      name: '=Gevaarlijke, "naam"',
      coversWhole: false,
      pc4s: ['4001', '4002'],
      qualityMarkTypeId: mark.id,
      waitingWeeks: 3,
    })
    const hidden = await makeListedProvider(db, c, g.code, { name: 'Geschorst' })
    await db.admission.updateMany({ where: { organisationId: hidden.id }, data: { status: 'geschorst' } })

    const data = await buildOpenData(new Date())
    expect(data.organization.map((o) => o.id)).toEqual([shown.id])
    expect(data.organization[0].quality_marks.map((m) => m.name)).toEqual(['HKZ'])
    expect(data.service).toHaveLength(1)
    expect(data.service_area[0]).toMatchObject({
      gemeente_code: g.code,
      extent_type: 'pc4',
      pc4: ['4001', '4002'],
    })
    expect(data.service_capacity[0]).toMatchObject({
      accepting: 'ja',
      waiting_weeks: 3,
      recently_confirmed: true,
    })

    const csv = openDataCsv(data)
    const [header, row] = csv.trim().split('\r\n')
    expect(header.split(',')[0]).toBe('organization_id')
    // Formula injection neutralised, quotes and commas escaped.
    expect(row).toContain(`"'=Gevaarlijke, ""naam"""`)

    const first = await openDataResponse(
      new Request('http://x/api/open-data/aanbieders.json'),
      'json',
      new Date(),
    )
    expect(first.status).toBe(200)
    const etag = first.headers.get('ETag') ?? ''
    const again = await openDataResponse(
      new Request('http://x/api/open-data/aanbieders.json', { headers: { 'If-None-Match': etag } }),
      'json',
      new Date(),
    )
    expect(again.status).toBe(304)
    await db.admission.updateMany({ where: { organisationId: shown.id }, data: { status: 'beeindigd' } })
    const changed = await openDataResponse(
      new Request('http://x/api/open-data/aanbieders.json', { headers: { 'If-None-Match': etag } }),
      'json',
      new Date(),
    )
    expect(changed.status).toBe(200)
    expect(((await changed.json()) as { organization: unknown[] }).organization).toEqual([])
  })

  it('toont de nieuwste goedgekeurde versie van een keurmerk, met de Amsterdamse datum, en laat een telefoonnummer heel', async () => {
    const g = await makeGemeente(db, { name: 'Versiedorp' })
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code], productNames: ['Begeleiding'] })
    const mark = await makeEvidenceType(db, { name: 'PREZO', isQualityMark: true })
    const org = await makeListedProvider(db, c, g.code, { name: 'Met vernieuwd keurmerk' })
    await db.organisation.update({ where: { id: org.id }, data: { phone: '+31612345678' } })
    // v1 was entered as valid until 2030 by mistake; the approved v2 corrects it to 1 July 2027.
    const until2030 = startOfAmsterdamDay(new Date('2030-01-01T12:00:00Z'))
    const v1 = await makeEvidence(db, { organisationId: org.id, typeId: mark.id, validUntil: until2030 })
    const july = startOfAmsterdamDay(new Date('2027-07-01T12:00:00Z'))
    const v2 = await makeEvidence(db, { organisationId: org.id, typeId: mark.id, validUntil: july })
    await db.evidenceItem.update({ where: { id: v2.id }, data: { replacesId: v1.id } })

    const data = await buildOpenData(new Date())
    const published = data.organization.find((o) => o.id === org.id)!
    // Stored as Amsterdam midnight (30 June 22:00 UTC), published as the day people mean.
    expect(published.quality_marks).toEqual([{ name: 'PREZO', valid_until: '2027-07-01' }])
    const row = openDataCsv(data)
      .split('\r\n')
      .find((line) => line.startsWith(org.id))!
    expect(row).toContain(',+31612345678,')
    expect(row).not.toContain("'+31")

    // A renewal still in its check leaves the approved version on show.
    const v3 = await makeEvidence(db, {
      organisationId: org.id,
      typeId: mark.id,
      verification: 'in_controle',
    })
    await db.evidenceItem.update({ where: { id: v3.id }, data: { replacesId: v2.id } })
    const later = (await buildOpenData(new Date())).organization.find((o) => o.id === org.id)!
    expect(later.quality_marks).toEqual([{ name: 'PREZO', valid_until: '2027-07-01' }])
  })

  it('een wijziging zonder nieuwere updatedAt (zelfde milliseconde, achterlopende klok) geeft een nieuwe ETag', async () => {
    const g = await makeGemeente(db, { name: 'Millidorp' })
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code] })
    const blijft = await makeListedProvider(db, c, g.code, { name: 'Blijft' })
    const weg = await makeListedProvider(db, c, g.code, { name: 'Wordt geschorst' })
    const today = new Date()
    const before = await get(today)
    expect(before.body).toContain(weg.id)
    expect((await get(today, before.etag)).status).toBe(304)

    // A writer that does not move updatedAt forward: max(updatedAt) and the count stay the same.
    const print = await fingerprint('admission')
    await db.$executeRaw`UPDATE "Admission" SET "status" = 'geschorst' WHERE "organisationId" = ${weg.id}`
    expect(await fingerprint('admission')).toBe(print)

    const after = await get(today, before.etag)
    expect(after.status).toBe(200)
    expect(after.etag).not.toBe(before.etag)
    expect(after.body).toContain(blijft.id)
    expect(after.body).not.toContain(weg.id)
  })

  it('een verwijderde rij geeft een nieuwe ETag, ook als er een andere bij komt', async () => {
    const g = await makeGemeente(db, { name: 'Wisdorp' })
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code] })
    const mark = await makeEvidenceType(db, { name: 'Wiskeurmerk', isQualityMark: true })
    const org = await makeListedProvider(db, c, g.code, { name: 'Met keurmerk', qualityMarkTypeId: mark.id })
    // The latest evidence item belongs to someone else, so max(updatedAt) does not move when the mark goes.
    const other = await makeOrganisation(db)
    await makeEvidence(db, { organisationId: other.id, typeId: c.requiredTypeId })
    const today = new Date()
    const before = await get(today)
    expect(before.body).toContain('Wiskeurmerk')

    // Delete the quality mark and add an unrelated item with an old updatedAt: count and max(updatedAt) unchanged.
    const print = await fingerprint('evidenceItem')
    const old = new Date(Date.now() - 400 * 24 * 60 * 60 * 1000)
    await db.$transaction(async (tx) => {
      await tx.evidenceItem.deleteMany({ where: { organisationId: org.id, typeId: mark.id } })
      const { id } = await makeEvidence(tx, { organisationId: other.id, typeId: mark.id })
      await tx.$executeRaw`UPDATE "EvidenceItem" SET "updatedAt" = ${old} WHERE "id" = ${id}`
    })
    expect(await fingerprint('evidenceItem')).toBe(print)

    const after = await get(today, before.etag)
    expect(after.status).toBe(200)
    expect(after.etag).not.toBe(before.etag)
    expect(after.body).not.toContain('Wiskeurmerk')
  })

  it('de dag wisselt om middernacht in Amsterdam, niet in UTC', async () => {
    // Tomorrow's Amsterdam midnight, and half an hour before and ten minutes after it: the same UTC date.
    const midnight = startOfAmsterdamDay(addDays(new Date(), 2))
    const evening = new Date(midnight.getTime() - 30 * 60 * 1000)
    const later = new Date(midnight.getTime() - 15 * 60 * 1000)
    const night = new Date(midnight.getTime() + 10 * 60 * 1000)
    expect(night.toISOString().slice(0, 10)).toBe(evening.toISOString().slice(0, 10))

    const g = await makeGemeente(db, { name: 'Nachtdorp' })
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code] })
    const mark = await makeEvidenceType(db, { name: 'Keurmerk tot middernacht', isQualityMark: true })
    const org = await makeListedProvider(db, c, g.code, { name: 'Nachtzorg' })
    // Valid through the Amsterdam day before `midnight`.
    await makeEvidence(db, { organisationId: org.id, typeId: mark.id, validUntil: evening })

    const first = await get(evening)
    expect(first.body).toContain('Keurmerk tot middernacht')
    // Same Amsterdam day, nothing public written: the same content and ETag, and a 304. The body may be rebuilt
    // (PostgreSQL's change counter is cluster-wide, so a parallel test file's commit moves it), which only changes
    // generated_at.
    const again = await get(later)
    expect(again.etag).toBe(first.etag)
    expect(withoutGeneratedAt(again.body)).toBe(withoutGeneratedAt(first.body))
    expect((await get(later, first.etag)).status).toBe(304)

    const nextDay = await get(night, first.etag)
    expect(nextDay.status).toBe(200)
    expect(nextDay.etag).not.toBe(first.etag)
    expect(nextDay.body).toContain('Nachtzorg')
    expect(nextDay.body).not.toContain('Keurmerk tot middernacht')
  })

  it('dezelfde inhoud houdt dezelfde ETag, ook nadat er elders iets is geschreven', async () => {
    const today = new Date()
    const json = await get(today)
    const csv = await get(today, undefined, 'csv')
    expect(json.etag).toMatch(/^W\/"json-/)
    expect(csv.etag).toMatch(/^"csv-/)
    // A write that changes nothing public (a new municipality without providers): rebuilt, same content, 304.
    await makeGemeente(db, { name: 'Leegdorp' })
    expect((await get(today, json.etag)).status).toBe(304)
    expect((await get(today, csv.etag, 'csv')).status).toBe(304)
    expect((await get(today, `"iets-anders", ${json.etag}`)).status).toBe(304)
    expect((await get(today, '"iets-anders"')).status).toBe(200)
  })
})
