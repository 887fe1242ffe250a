import { describe, expect, it, vi } from 'vitest'
import { getDb } from '~/utils/db.server'
import { queueEmail } from '~/utils/email.server'
import type * as Email from '~/utils/email.server'
import { makeGemeente, makePerceel, makeRegion, makeUser } from '~/domain/contracts/test-factories'
import {
  addRegionGemeente,
  createRegion,
  gemeentenOutsideRegion,
  inviteRegionAdmin,
  listRegions,
  listRegionGemeenten,
  removeRegionGemeente,
  setStaffGemeenten,
} from './regions.server'

// queueEmail as is, but a test can make it fail once to show what is (not) left behind.
vi.mock('~/utils/email.server', async (importOriginal) => {
  const actual = await importOriginal<typeof Email>()
  return { ...actual, queueEmail: vi.fn(actual.queueEmail) }
})

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

describe('platform beheer and the regiobeheerder of a region', () => {
  async function platformAdmin() {
    const user = await makeUser(db, { name: 'Pim Platform' })
    return {
      userId: user.id,
      name: user.name,
      actor: { userId: user.id, label: `Pim Platform <${user.email}>` },
    }
  }

  it('saves nothing when the first invitation cannot be made, so the region can simply be created again', async () => {
    const admin = await platformAdmin()
    const gemeente = await makeGemeente(db)
    const input = {
      name: 'Regio Atomair',
      slug: `atomair-${gemeente.code.toLowerCase()}`,
      gemeenteCodes: [gemeente.code],
      adminEmail: 'eerste@regio.example',
    }
    vi.mocked(queueEmail).mockRejectedValueOnce(new Error('outbox onbereikbaar'))
    await expect(createRegion(admin, input)).rejects.toThrow('outbox onbereikbaar')
    expect(await db.region.count({ where: { slug: input.slug } })).toBe(0)
    expect(
      await db.auditEvent.count({ where: { action: 'regio.aangemaakt', summary: { contains: 'Atomair' } } }),
    ).toBe(0)

    expect(await createRegion(admin, input)).toEqual({ ok: true })
    const region = await db.region.findUniqueOrThrow({ where: { slug: input.slug } })
    expect(await db.outboxMessage.count({ where: { to: 'eerste@regio.example' } })).toBe(1)
    const audit = await db.auditEvent.findMany({ where: { regionId: region.id }, orderBy: { at: 'asc' } })
    expect(audit.map((a) => a.action)).toEqual(['regio.aangemaakt', 'regio.uitgenodigd'])
  })

  it('invites a new regiobeheerder for an existing region, audited, and shows a region without one', async () => {
    const admin = await platformAdmin()
    const region = await makeRegion(db)
    const row = async () => (await listRegions()).find((r) => r.id === region.id)
    expect(await row()).toMatchObject({ admins: 0, invitedAdmins: [] })

    expect(await inviteRegionAdmin(admin, region.id, ' Nieuwe.Beheerder@Regio.example ')).toEqual({
      ok: true,
    })
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: 'nieuwe.beheerder@regio.example' } })
    expect(mail.subject).toBe(`Uitnodiging voor ${region.name} in Aanbiederspoort`)
    expect(mail.text).toContain('als regiobeheerder')
    const token = await db.verificationToken.findFirstOrThrow({
      where: { regionId: region.id, email: 'nieuwe.beheerder@regio.example' },
    })
    expect(token.role).toBe('regiobeheerder')
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { regionId: region.id, action: 'regio.uitgenodigd' },
    })
    expect(audit.summary).toBe('nieuwe.beheerder@regio.example uitgenodigd als regiobeheerder')
    expect(audit.actorUserId).toBe(admin.userId)
    expect(await row()).toMatchObject({ admins: 0, invitedAdmins: ['nieuwe.beheerder@regio.example'] })

    expect(await inviteRegionAdmin(admin, 'bestaat-niet', 'x@regio.example')).toEqual({
      ok: false,
      message: 'Kies een regio uit de lijst.',
    })
  })
})
