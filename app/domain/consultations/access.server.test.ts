import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { createUserSession } from '~/utils/session.server'
import { getViewer } from '~/domain/accounts/permissions.server'
import {
  makeCouncilMember,
  makeGemeente,
  makeOrganisation,
  makeRegion,
  makeRound,
  makeSession,
  makeUser,
} from './test-factories'
import { inputOwnerFor, roundViewer, viewerHasSeat } from './access.server'

const db = getDb()

/** A request carrying a fresh session of this user, as the browser would send it. */
async function requestAs(userId: string, secondFactorDone: boolean) {
  const setCookie = await createUserSession(new Request('http://portaal.test/'), userId, { secondFactorDone })
  return new Request('http://portaal.test/consultaties/x', { headers: { cookie: setCookie.split(';')[0]! } })
}

async function provider(opts: { confirmed?: boolean; totp?: boolean } = {}) {
  const user = await makeUser(db)
  await db.user.update({
    where: { id: user.id },
    data: {
      emailVerifiedAt: opts.confirmed === false ? null : new Date(),
      totpEnabledAt: opts.totp ? new Date(Date.now() - 60_000) : null,
    },
  })
  const org = await makeOrganisation(db)
  await db.organisationMembership.create({
    data: { id: newId(), userId: user.id, organisationId: org.id, role: 'beheerder' },
  })
  return { user, org }
}

describe('who looks at a public round page', () => {
  it('a provider who gave only the password sees the page as a visitor, and as the organisation after the code', async () => {
    const region = await makeRegion(db)
    const { user, org } = await provider({ totp: true })
    expect(await roundViewer(await requestAs(user.id, false), region.id)).toMatchObject({
      viewer: null,
      membership: null,
    })
    const full = await roundViewer(await requestAs(user.id, true), region.id)
    expect(full.viewer?.user.id).toBe(user.id)
    expect(full.membership?.organisationId).toBe(org.id)
  })

  it('a provider whose e-mail address is not confirmed is a visitor', async () => {
    const region = await makeRegion(db)
    const { user } = await provider({ confirmed: false })
    expect(await roundViewer(await requestAs(user.id, true), region.id)).toMatchObject({
      viewer: null,
      membership: null,
    })
  })

  it('region staff count as staff only with the app set up and its code given', async () => {
    const region = await makeRegion(db)
    const user = await makeUser(db)
    await db.regionMembership.create({
      data: { id: newId(), userId: user.id, regionId: region.id, role: 'inkoper' },
    })
    // No app yet: staff must set one up before they count as signed in.
    expect(await roundViewer(await requestAs(user.id, true), region.id)).toMatchObject({
      viewer: null,
      staffSlug: null,
    })
    await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(Date.now() - 60_000) } })
    expect(await roundViewer(await requestAs(user.id, false), region.id)).toMatchObject({
      viewer: null,
      staffSlug: null,
    })
    expect(await roundViewer(await requestAs(user.id, true), region.id)).toMatchObject({
      staffSlug: region.slug,
    })
  })
})

describe('the online link in a session calendar file', () => {
  it('is only for a fully signed-in provider whose organisation has a seat', async () => {
    const region = await makeRegion(db)
    const round = await makeRound(db, region.id)
    const session = await makeSession(db, round.id)
    const { user, org } = await provider({ totp: true })
    await db.sessionRegistration.create({
      data: {
        id: newId(),
        sessionId: session.id,
        organisationId: org.id,
        attendeeName: 'Sanne',
        attendeeEmail: 'sanne@example.org',
        status: 'zeker',
        seatNumber: 1,
      },
    })
    // Only the password given: no link.
    expect(await viewerHasSeat(await requestAs(user.id, false), session.id)).toBe(false)
    expect(await viewerHasSeat(await requestAs(user.id, true), session.id)).toBe(true)
    // An organisation without a seat: no link.
    const other = await provider()
    expect(await viewerHasSeat(await requestAs(other.user.id, true), session.id)).toBe(false)
  })
})

describe('council input follows the municipalities of a council member', () => {
  it('lets in region-wide members and members of a concerned municipality, and gives the others 404', async () => {
    const region = await makeRegion(db)
    const [tiel, buren] = [await makeGemeente(db), await makeGemeente(db)]
    const round = await makeRound(db, region.id, { inviteCouncils: true })
    await db.consultationRoundGemeente.create({ data: { roundId: round.id, gemeenteCode: tiel.code } })
    const ofBuren = await makeCouncilMember(db, region.id, [buren.code])
    const ofTiel = await makeCouncilMember(db, region.id, [tiel.code])
    const regionWide = await makeCouncilMember(db, region.id)

    const ownerOf = async (userId: string) => {
      const request = await requestAs(userId, true)
      return inputOwnerFor(request, (await getViewer(request))!, round)
    }
    expect((await ownerOf(ofTiel.id)).owner).toEqual({ kind: 'adviesraad', userId: ofTiel.id })
    expect((await ownerOf(regionWide.id)).owner).toEqual({ kind: 'adviesraad', userId: regionWide.id })
    await expect(ownerOf(ofBuren.id)).rejects.toMatchObject({ status: 404 })

    const councilOn = async (userId: string) =>
      (await roundViewer(await requestAs(userId, true), region.id, round.id)).isCouncil
    expect(await councilOn(ofTiel.id)).toBe(true)
    expect(await councilOn(regionWide.id)).toBe(true)
    expect(await councilOn(ofBuren.id)).toBe(false)
  })
})
