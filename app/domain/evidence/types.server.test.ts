import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import {
  createRegionEvidenceType,
  listTypesForRegion,
  removeRegionEvidenceType,
  updateRegionEvidenceType,
} from './types.server'
import { createEvidenceItem, createOrganisation, createRegionWithPerceel } from './test-factories'

const db = getDb()
const actor = { userId: 'test', label: 'Ingrid Inkoper' }
const input = (name: string, expires = true) => ({
  name,
  description: undefined,
  expires,
  isQualityMark: false,
  asksProfessionalCounts: false,
})

async function region() {
  const { regionId } = await createRegionWithPerceel(db, { typeIds: [] })
  return regionId
}

describe("a region's own evidence types", () => {
  it('are added with an audit event and listed for that region only', async () => {
    const mine = await region()
    const other = await region()
    const name = `Certificaat meldcode ${newId().slice(0, 6)}`
    const result = await createRegionEvidenceType(actor, mine, input(name))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect((await listTypesForRegion(mine)).own.map((t) => t.name)).toEqual([name])
    expect((await listTypesForRegion(other)).own).toEqual([])
    const audit = await db.auditEvent.findMany({ where: { subjectId: result.id } })
    expect(audit.map((a) => [a.action, a.actorLabel, a.regionId])).toEqual([
      ['bewijstype.aangemaakt', 'Ingrid Inkoper', mine],
    ])
  })

  it('refuse a name that is already taken, whatever its case or accents', async () => {
    const mine = await region()
    const name = `Scholing Signaleren ${newId().slice(0, 6)}`
    await createRegionEvidenceType(actor, mine, input(name))
    const again = await createRegionEvidenceType(actor, mine, input(`  ${name.toUpperCase()}`.trim()))
    expect(again).toEqual({ ok: false, field: 'name', message: expect.stringContaining('al een soort') })
    await db.evidenceType.upsert({
      where: { id: 'platform-test-hkz' },
      create: { id: 'platform-test-hkz', key: 'platform-test-hkz', name: 'Platformtype Test', expires: true },
      update: {},
    })
    const platform = await createRegionEvidenceType(actor, mine, input('platformtype test'))
    expect(platform.ok).toBe(false)
  })

  it('cannot be changed or removed by another region', async () => {
    const mine = await region()
    const other = await region()
    const created = await createRegionEvidenceType(actor, mine, input(`Eigen ${newId().slice(0, 6)}`))
    if (!created.ok) throw new Error('not created')
    expect((await updateRegionEvidenceType(actor, other, created.id, input('Overgenomen'))).ok).toBe(false)
    expect((await removeRegionEvidenceType(actor, other, created.id)).ok).toBe(false)
    expect(await db.evidenceType.count({ where: { id: created.id } })).toBe(1)
  })

  it('keep whether they expire once providers hold evidence of them, and cannot be removed then', async () => {
    const mine = await region()
    const created = await createRegionEvidenceType(actor, mine, input(`Met einde ${newId().slice(0, 6)}`))
    if (!created.ok) throw new Error('not created')
    const { organisation } = await createOrganisation(db)
    await createEvidenceItem(db, { organisationId: organisation.id, typeId: created.id })
    const flip = await updateRegionEvidenceType(actor, mine, created.id, input('Zonder einde', false))
    expect(flip).toEqual({ ok: false, field: null, message: expect.stringContaining('einddatum') })
    const rename = await updateRegionEvidenceType(actor, mine, created.id, input('Nieuwe naam'))
    expect(rename.ok).toBe(true)
    expect((await removeRegionEvidenceType(actor, mine, created.id)).ok).toBe(false)
  })

  it('can be removed while unused', async () => {
    const mine = await region()
    const created = await createRegionEvidenceType(actor, mine, input(`Tijdelijk ${newId().slice(0, 6)}`))
    if (!created.ok) throw new Error('not created')
    expect(await removeRegionEvidenceType(actor, mine, created.id)).toEqual({ ok: true, id: created.id })
    expect(await db.evidenceType.count({ where: { id: created.id } })).toBe(0)
  })

  it('may ask for counts of professionals, set on creation and changed later', async () => {
    const mine = await region()
    const name = `Verklaring registratie ${newId().slice(0, 6)}`
    const created = await createRegionEvidenceType(actor, mine, {
      ...input(name),
      asksProfessionalCounts: true,
    })
    if (!created.ok) throw new Error(created.message)
    expect((await listTypesForRegion(mine)).own[0].asksProfessionalCounts).toBe(true)
    const changed = await updateRegionEvidenceType(actor, mine, created.id, input(name))
    expect(changed.ok).toBe(true)
    const stored = await db.evidenceType.findUniqueOrThrow({ where: { id: created.id } })
    expect(stored.asksProfessionalCounts).toBe(false)
  })
})
