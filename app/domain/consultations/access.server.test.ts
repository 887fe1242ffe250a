import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { createUserSession } from '~/utils/session.server'
import { makeOrganisation, makeRegion, makeUser } from './test-factories'
import { roundViewer } from './access.server'

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
