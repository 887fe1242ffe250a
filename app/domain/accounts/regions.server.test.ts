import { describe, expect, it, vi } from 'vitest'
import { getDb } from '~/utils/db.server'
import { queueEmail } from '~/utils/email.server'
import type * as Email from '~/utils/email.server'
import { makeGemeente, makePerceel, makeRegion, makeUser } from '~/domain/contracts/test-factories'
import { newId } from '~/utils/ids.server'
import { describeInvitation } from './invitations.server'
import {
  addRegionGemeente,
  changeRegionRole,
  createRegion,
  inviteToRegion,
  gemeentenOutsideRegion,
  inviteRegionAdmin,
  listRegions,
  listRegionGemeenten,
  removeRegionGemeente,
  removeRegionMembership,
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

async function staff(regionId: string, role: string, name = 'Stan Staf', gemeenteCodes: string[] = []) {
  const user = await makeUser(db, { name })
  const m = await db.regionMembership.create({
    data: {
      id: newId(),
      userId: user.id,
      regionId,
      role,
      gemeenten: { create: gemeenteCodes.map((gemeenteCode) => ({ gemeenteCode })) },
    },
  })
  return {
    membershipId: m.id,
    userId: user.id,
    inviter: { userId: user.id, name, actor: { userId: user.id, label: user.email } },
  }
}

const seen = new Set<string>()
/** The raw token of the invitation just mailed to this address (the one not seen before). */
async function invitationLink(to: string) {
  const mails = await db.outboxMessage.findMany({ where: { to } })
  const fresh = mails.map((m) => /uitnodiging\/(\S+)/.exec(m.text)![1]!).filter((t) => !seen.has(t))
  expect(fresh).toHaveLength(1)
  seen.add(fresh[0]!)
  return fresh[0]!
}

const address = () => `genodigde-${newId().slice(0, 8)}@regio.example`

describe('the last regiobeheerder under concurrent changes', () => {
  it('two regiobeheerders demoting or removing each other at once leave one (repeated)', async () => {
    for (let round = 0; round < 6; round++) {
      const region = await makeRegion(db)
      const [a, b] = [await staff(region.id, 'regiobeheerder'), await staff(region.id, 'regiobeheerder')]
      const actions =
        round % 3 === 0
          ? [
              changeRegionRole(region.id, a.inviter.actor, b.membershipId, 'inkoper'),
              changeRegionRole(region.id, b.inviter.actor, a.membershipId, 'inkoper'),
            ]
          : round % 3 === 1
            ? [
                removeRegionMembership(region.id, a.inviter.actor, b.membershipId),
                removeRegionMembership(region.id, b.inviter.actor, a.membershipId),
              ]
            : [
                removeRegionMembership(region.id, a.inviter.actor, b.membershipId),
                changeRegionRole(region.id, b.inviter.actor, a.membershipId, 'contractmanager'),
              ]
      const results = await Promise.all(actions)
      expect(
        await db.regionMembership.count({ where: { regionId: region.id, role: 'regiobeheerder' } }),
      ).toBe(1)
      expect(results.filter((r) => r.ok)).toHaveLength(1)
    }
  })
})

describe('open invitations of a region', () => {
  it('stop working when the regiobeheerder who sent them loses that role, only for that region', async () => {
    const region = await makeRegion(db)
    const elsewhere = await makeRegion(db)
    const boss = await staff(region.id, 'regiobeheerder', 'Rita Regio')
    const other = await staff(region.id, 'regiobeheerder', 'Otto Ander')
    await db.regionMembership.create({
      data: { id: newId(), userId: boss.userId, regionId: elsewhere.id, role: 'regiobeheerder' },
    })
    const [x, z, w] = [address(), address(), address()]
    expect(await inviteToRegion(region.id, boss.inviter, x, 'inkoper', [])).toEqual({ ok: true })
    await inviteToRegion(elsewhere.id, boss.inviter, z, 'inkoper', [])
    await inviteToRegion(region.id, other.inviter, w, 'inkoper', [])
    const [tx, tz, tw] = await Promise.all([x, z, w].map(invitationLink))

    expect(await changeRegionRole(region.id, other.inviter.actor, boss.membershipId, 'inkoper')).toEqual({
      ok: true,
    })
    expect(await describeInvitation(tx!)).toBeNull()
    expect(await describeInvitation(tz!)).not.toBeNull()
    expect(await describeInvitation(tw!)).not.toBeNull()
    expect(
      await db.auditEvent.findFirstOrThrow({
        where: { regionId: region.id, action: 'regio.uitnodiging-ingetrokken' },
      }),
    ).toMatchObject({
      actorUserId: other.inviter.userId,
      summary: `Open uitnodigingen van Rita Regio ingetrokken (${x}): geen regiobeheerder meer`,
    })

    // Removing another role of a regiobeheerder leaves their invitations; removing the regiobeheerder ends them.
    const inkoperRole = await db.regionMembership.create({
      data: { id: newId(), userId: other.userId, regionId: region.id, role: 'inkoper' },
    })
    expect(await removeRegionMembership(region.id, boss.inviter.actor, inkoperRole.id)).toEqual({ ok: true })
    expect(await describeInvitation(tw!)).not.toBeNull()
    const third = await staff(region.id, 'regiobeheerder', 'Tom Derde')
    expect(await removeRegionMembership(region.id, third.inviter.actor, other.membershipId)).toEqual({
      ok: true,
    })
    expect(await describeInvitation(tw!)).toBeNull()
  })

  it('inviting an address again ends its earlier invitation in the region', async () => {
    const region = await makeRegion(db)
    const boss = await staff(region.id, 'regiobeheerder')
    const x = address()
    await inviteToRegion(region.id, boss.inviter, x, 'regiobeheerder', [])
    const first = await invitationLink(x)
    await inviteToRegion(region.id, boss.inviter, x, 'inkoper', [])
    const second = await invitationLink(x)
    expect(await describeInvitation(first)).toBeNull()
    expect(await describeInvitation(second)).toMatchObject({ role: 'Inkoper' })
    expect(
      await db.auditEvent.findFirstOrThrow({
        where: { regionId: region.id, action: 'regio.uitnodiging-ingetrokken' },
      }),
    ).toMatchObject({ summary: `Eerdere uitnodiging aan ${x} ingetrokken: opnieuw uitgenodigd` })
  })
})

describe('taking a municipality out of the region', () => {
  it('is refused while staff or an open invitation work for that municipality alone, naming them', async () => {
    const region = await makeRegion(db)
    const [tiel, buren] = [await makeGemeente(db, 'Tiel-scope'), await makeGemeente(db, 'Buren-scope')]
    for (const g of [tiel, buren])
      await addRegionGemeente(region.id, actor, { gemeenteCode: g.code, scope: '' })
    const boss = await staff(region.id, 'regiobeheerder', 'Rita Regio')
    const only = await staff(region.id, 'inkoper', 'Ina Inkoop', [tiel.code])
    const both = await staff(region.id, 'contractmanager', 'Carl Contract', [tiel.code, buren.code])
    const whole = await staff(region.id, 'inkoper', 'Hans Heel')
    const invitedOnly = address()
    const invitedBoth = address()
    await inviteToRegion(region.id, boss.inviter, invitedOnly, 'inkoper', [tiel.code])
    await inviteToRegion(region.id, boss.inviter, invitedBoth, 'inkoper', [tiel.code, buren.code])

    expect(await removeRegionGemeente(region.id, actor, tiel.code)).toEqual({
      ok: false,
      message:
        'Tiel-scope kan nog niet uit de regio. Ina Inkoop (inkoper) werkt alleen voor Tiel-scope. Kies eerst bij "Voor welke gemeenten een medewerker werkt" andere gemeenten, of niets voor de hele regio. ' +
        `De open uitnodiging aan ${invitedOnly} geldt alleen voor Tiel-scope. Trek die eerst in bij Medewerkers.`,
    })
    const codes = async (membershipId: string) =>
      (await db.regionMembershipGemeente.findMany({ where: { membershipId } })).map((g) => g.gemeenteCode)
    expect(await codes(only.membershipId)).toEqual([tiel.code])
    expect(await listRegionGemeenten(region.id)).toHaveLength(2)

    // Once nobody depends on Tiel alone, it goes; the others keep their other municipalities.
    await setStaffGemeenten(region.id, actor, only.membershipId, [buren.code])
    await db.verificationToken.updateMany({ where: { email: invitedOnly }, data: { usedAt: new Date() } })
    expect(await removeRegionGemeente(region.id, actor, tiel.code)).toEqual({ ok: true })
    expect(await codes(only.membershipId)).toEqual([buren.code])
    expect(await codes(both.membershipId)).toEqual([buren.code])
    expect(await codes(whole.membershipId)).toEqual([])
    const open = await db.verificationToken.findFirstOrThrow({ where: { email: invitedBoth } })
    expect(open.gemeenteCodes).toBe(buren.code)
  })
})
