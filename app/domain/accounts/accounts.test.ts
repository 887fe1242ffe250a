import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'

const port = await reserveLoopbackSmtp()
process.env.APP_URL = 'http://portaal.test'
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { newId, hashToken } = await import('~/utils/ids.server')
const tokens = await import('./tokens.server')
const signup = await import('./signup.server')
const account = await import('./account.server')
const orgs = await import('./organisations.server')
const regions = await import('./regions.server')
const invitations = await import('./invitations.server')
const { hit, checkMailFormLimit } = await import('./rate-limit.server')
const { totpFor } = await import('./totp.server')
const { completeSecondFactor } = await import('./second-factor.server')
const { secondFactorPassed } = await import('./permissions.server')
const { hashPassword, verifyPassword } = await import('./password.server')

const db = getDb()
const actor = { system: 'test' }
let capture: MailCapture

beforeAll(async () => {
  capture = await startMailCapture({ port })
  await db.gemeente.createMany({
    data: [
      { code: 'GM0281', name: 'Tiel', searchName: 'tiel', province: 'Gelderland' },
      { code: 'GM0216', name: 'Culemborg', searchName: 'culemborg', province: 'Gelderland' },
    ],
  })
})
afterAll(async () => {
  setClockForTests(null)
  await capture.close()
})

async function makeUser(email = `u-${newId()}@test.example`, extra: { verified?: boolean } = {}) {
  const id = newId()
  await db.user.create({
    data: {
      id,
      email,
      name: `Gebruiker ${email.slice(0, 6)}`,
      passwordHash: await hashPassword('een-goed-wachtwoord'),
      emailVerifiedAt: extra.verified === false ? null : new Date(),
    },
  })
  return { id, userId: id, email, actor: { userId: id, label: email } }
}

async function makeOrg(kvk: string, beheerderId: string) {
  const id = newId()
  await db.organisation.create({
    data: {
      id,
      name: `Org ${kvk}`,
      searchName: `org ${kvk}`,
      kvkNummer: kvk,
      street: 'Straat',
      houseNumber: '1',
      postcode: '1234 AB',
      city: 'Tiel',
      email: 'info@org.example',
      phone: '+31344123456',
    },
  })
  const membership = await db.organisationMembership.create({
    data: { id: newId(), userId: beheerderId, organisationId: id, role: 'beheerder' },
  })
  return { id, beheerderMembershipId: membership.id }
}

async function makeSession(userId: string) {
  const id = hashToken(newId())
  await db.userSession.create({
    data: { id, userId, lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 3600_000) },
  })
  return id
}

describe('tokens', () => {
  it('stores only the hash, works once, and not after expiry', async () => {
    const user = await makeUser()
    const t0 = new Date('2026-11-23T10:00:00Z')
    setClockForTests(t0)
    const raw = await tokens.issueToken(db, 'wachtwoord-herstellen', { email: user.email, userId: user.id })
    expect(await db.verificationToken.count({ where: { tokenHash: raw } })).toBe(0)
    expect(await db.verificationToken.count({ where: { tokenHash: hashToken(raw) } })).toBe(1)
    expect(await tokens.consumeToken(db, 'email-bevestigen', raw)).toBeNull() // other purpose
    expect(await tokens.consumeToken(db, 'wachtwoord-herstellen', raw)).not.toBeNull()
    expect(await tokens.consumeToken(db, 'wachtwoord-herstellen', raw)).toBeNull() // used

    const late = await tokens.issueToken(db, 'wachtwoord-herstellen', { email: user.email, userId: user.id })
    setClockForTests(new Date(t0.getTime() + tokens.TOKEN_TTL_MS['wachtwoord-herstellen'] + 1))
    expect(await tokens.consumeToken(db, 'wachtwoord-herstellen', late)).toBeNull()
    setClockForTests(null)
  })

  it('a new reset link makes the previous one stop working', async () => {
    const user = await makeUser()
    const first = await tokens.issueToken(db, 'wachtwoord-herstellen', { email: user.email, userId: user.id })
    const second = await tokens.issueToken(db, 'wachtwoord-herstellen', {
      email: user.email,
      userId: user.id,
    })
    expect(await tokens.consumeToken(db, 'wachtwoord-herstellen', first)).toBeNull()
    expect(await tokens.consumeToken(db, 'wachtwoord-herstellen', second)).not.toBeNull()
  })
})

describe('sign-up and confirmation', () => {
  it('creates an account and mails a link and a code; the code confirms once', async () => {
    const email = `nieuw-${newId()}@test.example`
    const id = await signup.signUp(
      { name: 'Nina Nieuw', email, password: 'een-goed-wachtwoord' },
      '127.0.0.1',
    )
    expect(id).toBeTruthy()
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(email))
    expect(mail.subject).toMatch(/Bevestig uw e-mailadres/)
    expect(mail.text).toContain('http://portaal.test/account/bevestigen?token=')
    const code = /code in op de website: (\d{6})/.exec(mail.text)![1]!
    expect(
      await signup.confirmEmailByCode({ id: id!, email }, '000000' === code ? '111111' : '000000', null),
    ).toBe(false)
    expect(await signup.confirmEmailByCode({ id: id!, email }, code, null)).toBe(true)
    const user = await db.user.findUniqueOrThrow({ where: { id: id! } })
    expect(user.emailVerifiedAt).not.toBeNull()
    // The link from the same e-mail no longer works once the address is confirmed.
    const token = /token=(\S+)/.exec(mail.text)![1]!
    expect(await signup.confirmEmailByToken(token, null)).toBeNull()
  })

  it('answers the same for a known address, but e-mails that person instead of creating an account', async () => {
    const existing = await makeUser()
    const before = await db.user.count()
    const id = await signup.signUp(
      { name: 'Iemand', email: existing.email.toUpperCase(), password: 'een-goed-wachtwoord' },
      null,
    )
    expect(id).toBeNull()
    expect(await db.user.count()).toBe(before)
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(existing.email))
    expect(mail.subject).toBe('U heeft al een account bij Aanbiederspoort')
  })
})

describe('password reset', () => {
  it('sets the new password, ends every session and works once', async () => {
    const user = await makeUser()
    await makeSession(user.id)
    await makeSession(user.id)
    await signup.requestPasswordReset(user.email, null)
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(user.email) && /Nieuw wachtwoord/.test(m.subject))
    const token = /wachtwoord-herstellen\/(\S+)/.exec(mail.text)![1]!
    expect(await signup.resetPassword(token, 'nog-een-goed-wachtwoord', null)).toBe(true)
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0)
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(await verifyPassword(stored.passwordHash, 'nog-een-goed-wachtwoord')).toBe(true)
    expect(await signup.resetPassword(token, 'derde-goede-wachtwoord', null)).toBe(false)
    expect(await db.auditEvent.count({ where: { subjectId: user.id, action: 'wachtwoord.hersteld' } })).toBe(
      1,
    )
  })

  it('does nothing visible for an unknown address', async () => {
    const before = await db.outboxMessage.count()
    await signup.requestPasswordReset('niemand@test.example', null)
    expect(await db.outboxMessage.count()).toBe(before)
  })
})

describe('account changes', () => {
  it('changing the password ends the other sessions only', async () => {
    const user = await makeUser()
    const current = await makeSession(user.id)
    await makeSession(user.id)
    expect(await account.changePassword(user, current, 'fout-wachtwoord', 'nieuw-wachtwoord-123')).toBe(false)
    expect(await account.changePassword(user, current, 'een-goed-wachtwoord', 'nieuw-wachtwoord-123')).toBe(
      true,
    )
    const left = await db.userSession.findMany({ where: { userId: user.id } })
    expect(left.map((s) => s.id)).toEqual([current])
  })

  it('changes the e-mail address only after the link at the new address', async () => {
    const user = await makeUser()
    const next = `nieuw-adres-${newId()}@test.example`
    expect(await account.requestEmailChange(user, 'een-goed-wachtwoord', next)).toBe('sent')
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email)
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(next))
    const token = /email-wijzigen\/(\S+)/.exec(mail.text)![1]!
    expect(await account.confirmEmailChange(token, null)).toBe(next)
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(next)
    expect(await account.confirmEmailChange(token, null)).toBeNull()
  })

  it('a password change, a reset or a newer request ends an open e-mail change link', async () => {
    const linkFor = async (address: string) => {
      await processOutbox(db)
      const mail = await capture.waitFor((m) => m.to.includes(address))
      return /email-wijzigen\/(\S+)/.exec(mail.text)![1]!
    }
    const user = await makeUser()
    const session = await makeSession(user.id)
    // Someone who knew the old password asks for their own address; the owner changes the password.
    const attacker = `overname-${newId()}@test.example`
    await account.requestEmailChange(user, 'een-goed-wachtwoord', attacker)
    const stolen = await linkFor(attacker)
    await account.changePassword(user, session, 'een-goed-wachtwoord', 'nieuw-wachtwoord-123')
    expect(await account.confirmEmailChange(stolen, null)).toBeNull()

    // A reset ends it too, and of two requests only the latest link works.
    const first = `eerste-${newId()}@test.example`
    const second = `tweede-${newId()}@test.example`
    await account.requestEmailChange(user, 'nieuw-wachtwoord-123', first)
    const firstLink = await linkFor(first)
    await account.requestEmailChange(user, 'nieuw-wachtwoord-123', second)
    const secondLink = await linkFor(second)
    expect(await account.confirmEmailChange(firstLink, null)).toBeNull()
    const reset = await tokens.issueToken(db, 'wachtwoord-herstellen', { email: user.email, userId: user.id })
    expect(await signup.resetPassword(reset, 'derde-wachtwoord-123', null)).toBe(true)
    expect(await account.confirmEmailChange(secondLink, null)).toBeNull()
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email)
  })

  it('ends only the user’s own sessions', async () => {
    const a = await makeUser()
    const b = await makeUser()
    const bSession = await makeSession(b.id)
    expect(await account.endSession(a, bSession)).toBe(false)
    expect(await db.userSession.count({ where: { id: bSession } })).toBe(1)
    expect(await account.endSession(b, bSession)).toBe(true)
  })
})

describe('TOTP and recovery codes', () => {
  it('switches on with a valid code, stores only hashes of the recovery codes, and each code works once', async () => {
    const user = await makeUser()
    const sessionId = await makeSession(user.id)
    const { secret } = await account.startTotpSetup(user.id, user.email)
    expect(await account.enableTotp(user, sessionId, '000000')).toBeNull()
    const codes = await account.enableTotp(user, sessionId, totpFor(secret).generate())
    expect(codes).toHaveLength(account.RECOVERY_CODE_COUNT)
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } })
    expect(stored.map((r) => r.codeHash)).not.toContain(codes![0])
    expect(stored.map((r) => r.codeHash)).toContain(hashToken(codes![0]!.replace(/-/g, '')))

    const session2 = await makeSession(user.id)
    const viewer = {
      user: { id: user.id },
      session: { id: session2 },
    } as unknown as Parameters<typeof completeSecondFactor>[0]
    expect(await completeSecondFactor(viewer, codes![0]!.toUpperCase(), actor)).toBe('ok')
    expect(await completeSecondFactor(viewer, codes![0]!, actor)).toBe('wrong')
    expect(await account.unusedRecoveryCodeCount(user.id)).toBe(account.RECOVERY_CODE_COUNT - 1)
  })

  it('accepts an app code once: the code that switched it on, or a code seen at sign-in, cannot be used again', async () => {
    const t0 = new Date('2026-12-06T10:00:05Z')
    setClockForTests(t0)
    try {
      const user = await makeUser()
      const sessionId = await makeSession(user.id)
      const { secret } = await account.startTotpSetup(user.id, user.email)
      const codeAt = (at: Date) => totpFor(secret).generate({ timestamp: at.getTime() })
      expect(await account.enableTotp(user, sessionId, codeAt(t0))).not.toBeNull()
      const viewer = {
        user: { id: user.id },
        session: { id: await makeSession(user.id) },
      } as unknown as Parameters<typeof completeSecondFactor>[0]
      expect(await completeSecondFactor(viewer, codeAt(t0), actor)).toBe('reused')

      const t1 = new Date(t0.getTime() + 30_000)
      setClockForTests(t1)
      expect(await completeSecondFactor(viewer, codeAt(t1), actor)).toBe('ok')
      // Replayed at once, or by two requests racing: refused.
      const [a, b] = await Promise.all([
        completeSecondFactor(viewer, codeAt(t1), actor),
        completeSecondFactor(viewer, codeAt(t1), actor),
      ])
      expect([a, b]).toEqual(['reused', 'reused'])
      // A code from the step before, still inside the drift window, is older than the one used: refused too.
      expect(await completeSecondFactor(viewer, codeAt(t0), actor)).toBe('reused')
      expect(await completeSecondFactor(viewer, '123 456', actor)).not.toBe('ok')

      setClockForTests(new Date(t1.getTime() + 30_000))
      expect(await completeSecondFactor(viewer, codeAt(new Date(t1.getTime() + 30_000)), actor)).toBe('ok')
    } finally {
      setClockForTests(null)
    }
  })

  it('switches off with the password and removes the recovery codes', async () => {
    const user = await makeUser()
    const sessionId = await makeSession(user.id)
    const { secret } = await account.startTotpSetup(user.id, user.email)
    expect(await account.enableTotp(user, sessionId, totpFor(secret).generate())).not.toBeNull()

    expect(await account.disableTotp(user, 'fout')).toBe(false)
    expect(await account.disableTotp(user, 'een-goed-wachtwoord')).toBe(true)
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0)
  })
})

describe('second factor across sessions', () => {
  it('a session opened before the app was switched on must still pass the second factor', async () => {
    const user = await makeUser()
    // Two devices signed in without a second factor (the user had none): both marked as passed at sign-in.
    const signedInAt = new Date(Date.now() - 60_000)
    const [laptop, phone] = [await makeSession(user.id), await makeSession(user.id)]
    await db.userSession.updateMany({ where: { userId: user.id }, data: { secondFactorAt: signedInAt } })
    const { secret } = await account.startTotpSetup(user.id, user.email)
    expect(await account.enableTotp(user, laptop, totpFor(secret).generate())).not.toBeNull()

    const passed = async (sessionId: string) => {
      const session = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })
      const current = await db.user.findUniqueOrThrow({ where: { id: user.id } })
      return secondFactorPassed({
        session: { secondFactorAt: session.secondFactorAt },
        user: { totpEnabledAt: current.totpEnabledAt },
      } as Parameters<typeof secondFactorPassed>[0])
    }
    expect(await passed(laptop)).toBe(true)
    expect(await passed(phone)).toBe(false)
    // The phone gives a code: now it has passed.
    const viewer = { user: { id: user.id }, session: { id: phone } } as unknown as Parameters<
      typeof completeSecondFactor
    >[0]
    const nextCode = totpFor(secret).generate({ timestamp: Date.now() + 30_000 })
    expect(await completeSecondFactor(viewer, nextCode, actor)).toBe('ok')
    expect(await passed(phone)).toBe(true)
  })
})

describe('rate limits', () => {
  it('counts per key in a fixed window', async () => {
    const t0 = new Date('2026-11-23T09:00:00Z')
    setClockForTests(t0)
    const key = `test:${newId()}`
    for (let i = 0; i < 3; i++) expect(await hit(key, 3)).toBe(false)
    expect(await hit(key, 3)).toBe(true)
    setClockForTests(new Date(t0.getTime() + 15 * 60_000))
    expect(await hit(key, 3)).toBe(false)
    setClockForTests(null)
  })

  it('limits sign-up and reset per address', async () => {
    const request = new Request('http://x/registreren', { headers: { 'x-portaal-client-ip': '10.0.0.9' } })
    const address = `veel-${newId()}@test.example`
    for (let i = 0; i < 5; i++) expect(await checkMailFormLimit(request, 'registreren', address)).toBeNull()
    expect(await checkMailFormLimit(request, 'registreren', address)).toMatch(/te vaak/)
  })
})

describe('organisations and members', () => {
  const input = (kvkNummer: string) => ({
    name: 'Zorg Test',
    kvkNummer,
    street: 'Straat',
    houseNumber: '1',
    postcode: '1234 AB',
    city: 'Tiel',
    email: 'info@zorg.example',
    phone: '+31344123456',
    description: 'Zorg',
    targetGroups: 'kinderen , jongeren',
    languages: undefined,
    identity: undefined,
    vestigingsnummer: undefined,
    agbCode: undefined,
    website: undefined,
  })

  it('makes the creator beheerder and explains a duplicate KvK-nummer by naming the beheerders', async () => {
    const creator = await makeUser()
    const result = await orgs.createOrganisation(creator.id, creator.actor, input('55554444'))
    expect(result.ok).toBe(true)
    const id = (result as { id: string }).id
    const m = await db.organisationMembership.findFirstOrThrow({ where: { organisationId: id } })
    expect(m.role).toBe('beheerder')
    expect((await db.organisation.findUniqueOrThrow({ where: { id } })).targetGroups).toBe(
      'kinderen,jongeren',
    )
    const second = await makeUser()
    const again = await orgs.createOrganisation(second.id, second.actor, input('55554444'))
    expect(again).toEqual({
      ok: false,
      message: expect.stringContaining(`Vraag Gebruiker ${creator.email.slice(0, 6)}`),
    })
    expect((again as { message: string }).message).not.toContain(creator.email)
  })

  it('the last beheerder cannot remove themself or be demoted', async () => {
    const boss = await makeUser()
    const org = await makeOrg('66667777', boss.id)
    expect(await orgs.removeOrganisationMember(org.id, boss.actor, org.beheerderMembershipId)).toEqual({
      ok: false,
      message: expect.stringMatching(/laatste beheerder/),
    })
    expect(
      await orgs.changeOrganisationRole(org.id, boss.actor, org.beheerderMembershipId, 'medewerker'),
    ).toEqual({ ok: false, message: expect.stringMatching(/laatste beheerder/) })
    const colleague = await makeUser()
    const cm = await db.organisationMembership.create({
      data: { id: newId(), userId: colleague.id, organisationId: org.id, role: 'medewerker' },
    })
    expect(await orgs.changeOrganisationRole(org.id, boss.actor, cm.id, 'beheerder')).toEqual({ ok: true })
    expect(await orgs.removeOrganisationMember(org.id, boss.actor, org.beheerderMembershipId)).toEqual({
      ok: true,
    })
    // Another organisation's membership id does nothing.
    const other = await makeUser()
    const otherOrg = await makeOrg('12121212', other.id)
    expect((await orgs.removeOrganisationMember(org.id, boss.actor, otherOrg.beheerderMembershipId)).ok).toBe(
      false,
    )
    expect(
      await db.auditEvent.count({ where: { organisationId: org.id, action: 'organisatie.rol-gewijzigd' } }),
    ).toBe(1)
  })

  it('an invitation is valid 7 days and works once, for a new or an existing account', async () => {
    const boss = await makeUser()
    const org = await makeOrg('88889999', boss.id)
    const invitee = `collega-${newId()}@test.example`
    const t0 = new Date('2026-11-23T10:00:00Z')
    setClockForTests(t0)
    expect(
      await orgs.inviteToOrganisation(
        org.id,
        { userId: boss.id, name: 'Baas', actor },
        invitee,
        'medewerker',
      ),
    ).toEqual({
      ok: true,
    })
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(invitee))
    const token = /uitnodiging\/(\S+)/.exec(mail.text)![1]!
    setClockForTests(new Date(t0.getTime() + 7 * 24 * 3600_000 + 1))
    expect(await invitations.describeInvitation(token)).toBeNull()
    setClockForTests(new Date(t0.getTime() + 6 * 24 * 3600_000))
    expect((await invitations.describeInvitation(token))?.name).toBe('Org 88889999')
    const userId = await invitations.acceptInvitationWithNewAccount(
      token,
      { name: 'Col', password: 'een-goed-wachtwoord' },
      null,
    )
    expect(userId).toBeTruthy()
    expect(
      await db.organisationMembership.count({ where: { organisationId: org.id, userId: userId! } }),
    ).toBe(1)
    expect(
      await invitations.acceptInvitationWithNewAccount(
        token,
        { name: 'X', password: 'een-goed-wachtwoord' },
        null,
      ),
    ).toBeNull()
    setClockForTests(null)

    const existing = await makeUser()
    await orgs.inviteToOrganisation(
      org.id,
      { userId: boss.id, name: 'Baas', actor },
      existing.email,
      'beheerder',
    )
    await processOutbox(db)
    const mail2 = await capture.waitFor((m) => m.to.includes(existing.email) && /Uitnodiging/.test(m.subject))
    const token2 = /uitnodiging\/(\S+)/.exec(mail2.text)![1]!
    const stranger = await makeUser()
    expect(await invitations.acceptInvitation(token2, stranger, null)).toEqual({
      ok: false,
      reason: 'other-account',
    })
    expect(await invitations.acceptInvitation(token2, existing, null)).toMatchObject({
      ok: true,
      organisationId: org.id,
    })
    expect(await invitations.acceptInvitation(token2, existing, null)).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })
})

describe('regions', () => {
  it('creates a region, invites its first regiobeheerder, and keeps the last one', async () => {
    const admin = await makeUser()
    const slug = `regio-${newId().slice(0, 6)}`
    const adminEmail = `rb-${newId()}@test.example`
    expect(
      await regions.createRegion(
        { userId: admin.id, name: 'Beheer', actor },
        { name: 'Testregio', slug, gemeenteCodes: ['GM0281', 'GM0216'], adminEmail },
      ),
    ).toEqual({ ok: true })
    const region = await db.region.findUniqueOrThrow({ where: { slug } })
    await processOutbox(db)
    const mail = await capture.waitFor((m) => m.to.includes(adminEmail))
    const token = /uitnodiging\/(\S+)/.exec(mail.text)![1]!
    const userId = await invitations.acceptInvitationWithNewAccount(
      token,
      { name: 'RB', password: 'een-goed-wachtwoord' },
      null,
    )
    const rb = await db.regionMembership.findFirstOrThrow({ where: { regionId: region.id, userId: userId! } })
    expect(rb.role).toBe('regiobeheerder')
    expect((await regions.removeRegionMembership(region.id, actor, rb.id)).ok).toBe(false)
    expect((await regions.changeRegionRole(region.id, actor, rb.id, 'inkoper')).ok).toBe(false)

    // Staff for one municipality only; a municipality outside the region is refused.
    const inkoper = `ink-${newId()}@test.example`
    expect(
      (
        await regions.inviteToRegion(region.id, { userId: userId!, name: 'RB', actor }, inkoper, 'inkoper', [
          'GM0999',
        ])
      ).ok,
    ).toBe(false)
    expect(
      await regions.inviteToRegion(region.id, { userId: userId!, name: 'RB', actor }, inkoper, 'inkoper', [
        'GM0281',
      ]),
    ).toEqual({ ok: true })
    await processOutbox(db)
    const mail2 = await capture.waitFor((m) => m.to.includes(inkoper))
    const token2 = /uitnodiging\/(\S+)/.exec(mail2.text)![1]!
    const inkoperId = await invitations.acceptInvitationWithNewAccount(
      token2,
      { name: 'Ink', password: 'een-goed-wachtwoord' },
      null,
    )
    const m = await db.regionMembership.findFirstOrThrow({
      where: { userId: inkoperId! },
      select: { role: true, gemeenten: { select: { gemeenteCode: true } } },
    })
    expect(m).toEqual({ role: 'inkoper', gemeenten: [{ gemeenteCode: 'GM0281' }] })
    expect(
      await regions.createRegion(
        { userId: admin.id, name: 'Beheer', actor },
        { name: 'Dubbel', slug, gemeenteCodes: ['GM0281'], adminEmail },
      ),
    ).toEqual({ ok: false, message: expect.stringMatching(/al een regio/) })
  })
})
