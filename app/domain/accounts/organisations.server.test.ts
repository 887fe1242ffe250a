import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { makeOrganisation, makeUser } from '~/domain/contracts/test-factories'
import { describeInvitation } from './invitations.server'
import {
  changeOrganisationRole,
  inviteToOrganisation,
  removeOrganisationMember,
} from './organisations.server'

const db = getDb()

async function member(organisationId: string, role: 'beheerder' | 'medewerker', name = 'Bea Beheer') {
  const user = await makeUser(db, { name })
  const m = await db.organisationMembership.create({
    data: { id: newId(), userId: user.id, organisationId, role },
  })
  return {
    membershipId: m.id,
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

const address = () => `genodigde-${newId().slice(0, 8)}@test.example`
const admins = (organisationId: string) =>
  db.organisationMembership.count({ where: { organisationId, role: 'beheerder' } })

describe('the last beheerder under concurrent changes', () => {
  it('two beheerders demoting or removing each other at once leave one beheerder (repeated)', async () => {
    for (let round = 0; round < 6; round++) {
      const org = await makeOrganisation(db)
      const [a, b] = [await member(org.id, 'beheerder'), await member(org.id, 'beheerder')]
      const actions =
        round % 3 === 0
          ? [
              changeOrganisationRole(org.id, a.inviter.actor, b.membershipId, 'medewerker'),
              changeOrganisationRole(org.id, b.inviter.actor, a.membershipId, 'medewerker'),
            ]
          : round % 3 === 1
            ? [
                removeOrganisationMember(org.id, a.inviter.actor, b.membershipId),
                removeOrganisationMember(org.id, b.inviter.actor, a.membershipId),
              ]
            : [
                removeOrganisationMember(org.id, a.inviter.actor, b.membershipId),
                changeOrganisationRole(org.id, b.inviter.actor, a.membershipId, 'medewerker'),
              ]
      const results = await Promise.all(actions)
      expect(await admins(org.id)).toBe(1)
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.find((r) => !r.ok)).toMatchObject({
        message: expect.stringMatching(/laatste beheerder/),
      })
    }
  })
})

describe('open invitations of an organisation', () => {
  it('stop working when the beheerder who sent them is demoted or removed, only for that organisation', async () => {
    const org = await makeOrganisation(db)
    const elsewhere = await makeOrganisation(db)
    const boss = await member(org.id, 'beheerder', 'Bram Baas')
    const other = await member(org.id, 'beheerder', 'Olga Ander')
    await db.organisationMembership.create({
      data: { id: newId(), userId: boss.inviter.userId, organisationId: elsewhere.id, role: 'beheerder' },
    })
    const [x, y, z, w] = [address(), address(), address(), address()]
    await inviteToOrganisation(org.id, boss.inviter, x, 'beheerder')
    await inviteToOrganisation(org.id, boss.inviter, y, 'medewerker')
    await inviteToOrganisation(elsewhere.id, boss.inviter, z, 'medewerker')
    await inviteToOrganisation(org.id, other.inviter, w, 'medewerker')
    const [tx, ty, tz, tw] = await Promise.all([x, y, z, w].map(invitationLink))

    expect(
      await changeOrganisationRole(org.id, other.inviter.actor, boss.membershipId, 'medewerker'),
    ).toEqual({
      ok: true,
    })
    expect(await describeInvitation(tx!)).toBeNull()
    expect(await describeInvitation(ty!)).toBeNull()
    expect(await describeInvitation(tz!)).not.toBeNull() // another organisation
    expect(await describeInvitation(tw!)).not.toBeNull() // another beheerder's
    const revoked = await db.auditEvent.findFirstOrThrow({
      where: { organisationId: org.id, action: 'organisatie.uitnodiging-ingetrokken' },
    })
    expect(revoked).toMatchObject({
      actorUserId: other.inviter.userId,
      summary: expect.stringMatching(
        /^Open uitnodigingen van Bram Baas ingetrokken \(.*\): geen beheerder meer$/,
      ),
    })
    expect(revoked.summary).toContain(x)
    expect(revoked.summary).toContain(y)

    // Removed as a (former) beheerder: what they sent is gone as well.
    const third = await member(org.id, 'beheerder', 'Thea Derde')
    const v = address()
    await inviteToOrganisation(org.id, third.inviter, v, 'medewerker')
    const tv = await invitationLink(v)
    expect(await removeOrganisationMember(org.id, other.inviter.actor, third.membershipId)).toEqual({
      ok: true,
    })
    expect(await describeInvitation(tv)).toBeNull()
    expect(
      await db.auditEvent.count({
        where: {
          organisationId: org.id,
          action: 'organisatie.uitnodiging-ingetrokken',
          summary: { contains: 'Thea Derde' },
        },
      }),
    ).toBe(1)
  })

  it('inviting an address again ends its earlier invitation there, so only the latest role counts', async () => {
    const org = await makeOrganisation(db)
    const elsewhere = await makeOrganisation(db)
    const boss = await member(org.id, 'beheerder')
    await db.organisationMembership.create({
      data: { id: newId(), userId: boss.inviter.userId, organisationId: elsewhere.id, role: 'beheerder' },
    })
    const x = address()
    await inviteToOrganisation(elsewhere.id, boss.inviter, x, 'beheerder')
    const atElsewhere = await invitationLink(x)
    await inviteToOrganisation(org.id, boss.inviter, x, 'beheerder')
    const first = await invitationLink(x)
    await inviteToOrganisation(org.id, boss.inviter, x, 'medewerker')
    const second = await invitationLink(x)

    expect(await describeInvitation(first)).toBeNull()
    expect(await describeInvitation(second)).toMatchObject({ role: 'Medewerker' })
    expect(await describeInvitation(atElsewhere)).not.toBeNull()
    const audit = await db.auditEvent.findMany({ where: { organisationId: org.id } })
    expect(audit.map((a) => a.action).sort()).toEqual([
      'organisatie.uitgenodigd',
      'organisatie.uitgenodigd',
      'organisatie.uitnodiging-ingetrokken',
    ])
    expect(audit.find((a) => a.action === 'organisatie.uitnodiging-ingetrokken')!.summary).toBe(
      `Eerdere uitnodiging aan ${x} ingetrokken: opnieuw uitgenodigd`,
    )
  })
})
