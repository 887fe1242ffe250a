import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { makeGemeente, makePerceel, makeRegion, makeUser } from '~/domain/contracts/test-factories'
import {
  addRegionGemeente,
  gemeentenOutsideRegion,
  listRegionGemeenten,
  removeRegionGemeente,
  setStaffGemeenten,
} from './regions.server'

const db = getDb()
const actor = { userId: 'u-regiobeheer', label: 'Regiobeheerder <beheer@regio.example>' }

describe("a region's municipalities", () => {
  it('the regiobeheerder adds one (once), and removes it only when no perceel of the region has it', async () => {
    const region = await makeRegion(db)
    const tiel = await makeGemeente(db, 'Tiel-test')
    expect((await gemeentenOutsideRegion(region.id)).map((g) => g.code)).toContain(tiel.code)

    expect(await addRegionGemeente(region.id, actor, { gemeenteCode: tiel.code, scope: 'Wmo' })).toEqual({
      ok: true,
    })
    expect(await addRegionGemeente(region.id, actor, { gemeenteCode: tiel.code, scope: '' })).toEqual({
      ok: false,
      message: 'Tiel-test hoort al bij de regio.',
    })
    expect(await addRegionGemeente(region.id, actor, { gemeenteCode: 'GM9999x', scope: '' })).toMatchObject({
      ok: false,
    })
    expect(await listRegionGemeenten(region.id)).toEqual([
      { code: tiel.code, name: 'Tiel-test', scope: 'Wmo', percelen: [] },
    ])
    expect((await gemeentenOutsideRegion(region.id)).map((g) => g.code)).not.toContain(tiel.code)

    // Once a perceel of the region has it, removing is refused with the perceel named.
    await makePerceel(db, { regionId: region.id, gemeenteCode: tiel.code, name: 'Begeleiding test' })
    const refused = await removeRegionGemeente(region.id, actor, tiel.code)
    expect(refused).toEqual({
      ok: false,
      message: 'Tiel-test neemt deel aan Begeleiding test. Haal de gemeente eerst uit dat perceel.',
    })
    await db.perceelGemeente.deleteMany({ where: { gemeenteCode: tiel.code } })
    expect(await removeRegionGemeente(region.id, actor, tiel.code)).toEqual({ ok: true })
    expect(await listRegionGemeenten(region.id)).toEqual([])

    const audit = await db.auditEvent.findMany({ where: { regionId: region.id }, orderBy: { at: 'asc' } })
    expect(audit.map((a) => a.action)).toEqual(['regio.gemeente-toegevoegd', 'regio.gemeente-verwijderd'])
  })

  it('sets the municipalities a staff member works for, only from the region', async () => {
    const region = await makeRegion(db)
    const [a, b, elsewhere] = await Promise.all([makeGemeente(db), makeGemeente(db), makeGemeente(db)])
    for (const g of [a, b]) await addRegionGemeente(region.id, actor, { gemeenteCode: g.code, scope: '' })
    const user = await makeUser(db)
    const membership = await db.regionMembership.create({
      data: { id: `rm-${user.id}`, userId: user.id, regionId: region.id, role: 'contractmanager' },
    })
    const codes = async () =>
      (await db.regionMembershipGemeente.findMany({ where: { membershipId: membership.id } }))
        .map((g) => g.gemeenteCode)
        .sort()

    expect(await setStaffGemeenten(region.id, actor, membership.id, [a.code, elsewhere.code])).toEqual({
      ok: false,
      message: 'Kies gemeenten van de regio.',
    })
    expect(await codes()).toEqual([])
    expect(await setStaffGemeenten(region.id, actor, membership.id, [a.code, b.code])).toEqual({ ok: true })
    expect(await codes()).toEqual([a.code, b.code].sort())
    expect(await setStaffGemeenten(region.id, actor, membership.id, [])).toEqual({ ok: true })
    expect(await codes()).toEqual([])
    expect(await setStaffGemeenten('andere-regio', actor, membership.id, [])).toMatchObject({ ok: false })
  })
})
