import { describe, expect, it } from 'vitest'
import { db } from '~/utils/db.server'
import { buildOpenData, openDataCsv, openDataResponse } from './open-data.server'
import { makeCatalogue, makeEvidenceType, makeGemeente, makeListedProvider } from './test-factories'

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
})
