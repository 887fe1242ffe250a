import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from './db.server'
import { setClockForTests } from './clock'
import { newId } from './ids.server'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, createUserSession, getCurrentSession } from './session.server'
import { checkSignInLimit } from '~/domain/accounts/rate-limit.server'

const db = getDb()
const T0 = new Date('2026-11-23T08:00:00Z')
const MINUTE = 60_000

async function signedInRequest() {
  const id = newId()
  await db.user.create({
    data: { id, email: `sessie-${id}@test.example`, name: 'Sanne Sessie', passwordHash: 'x' },
  })
  const setCookie = await createUserSession(new Request('http://portaal.test/inloggen'), id, {
    secondFactorDone: false,
  })
  const cookie = setCookie.split(';')[0]!
  return { userId: id, request: () => new Request('http://portaal.test/account', { headers: { cookie } }) }
}

afterEach(() => setClockForTests(null))

describe('sessions', () => {
  it('end after the idle timeout, and a request in time keeps them alive', async () => {
    setClockForTests(T0)
    const { userId, request } = await signedInRequest()
    // Used again just before the idle limit: still signed in, and the idle clock starts again.
    setClockForTests(new Date(T0.getTime() + IDLE_TIMEOUT_MS - MINUTE))
    expect((await getCurrentSession(request()))?.user.id).toBe(userId)
    setClockForTests(new Date(T0.getTime() + 2 * IDLE_TIMEOUT_MS - 2 * MINUTE))
    expect((await getCurrentSession(request()))?.user.id).toBe(userId)
    // Then left alone for longer than the idle limit: gone, and removed from the database.
    setClockForTests(new Date(T0.getTime() + 3 * IDLE_TIMEOUT_MS))
    expect(await getCurrentSession(request())).toBeNull()
    expect(await db.userSession.count({ where: { userId } })).toBe(0)
  })

  it('end after the absolute timeout, however active', async () => {
    setClockForTests(T0)
    const { userId, request } = await signedInRequest()
    for (let t = 0; t < ABSOLUTE_TIMEOUT_MS; t += IDLE_TIMEOUT_MS / 2) {
      setClockForTests(new Date(T0.getTime() + t))
      expect((await getCurrentSession(request()))?.user.id).toBe(userId)
    }
    setClockForTests(new Date(T0.getTime() + ABSOLUTE_TIMEOUT_MS))
    expect(await getCurrentSession(request())).toBeNull()
  })
})

describe('sign-in rate limits', () => {
  const attempt = (ip: string, email: string) =>
    checkSignInLimit(
      new Request('http://portaal.test/inloggen', { headers: { 'x-portaal-client-ip': ip } }),
      email,
    )

  it('allow 10 attempts per account from anywhere, then refuse, also from another address', async () => {
    setClockForTests(T0)
    const email = `doelwit-${newId()}@test.example`
    for (let i = 0; i < 10; i++) expect(await attempt(`192.0.2.${i}`, email)).toBeNull()
    expect(await attempt('198.51.100.1', email)).toMatch(/te vaak/)
    // Another account is not affected; after the window the account may try again.
    expect(await attempt('198.51.100.1', `ander-${newId()}@test.example`)).toBeNull()
    setClockForTests(new Date(T0.getTime() + 15 * MINUTE))
    expect(await attempt('198.51.100.1', email.toUpperCase())).toBeNull()
  })

  it('allow 20 attempts per address over any accounts, then refuse that address only', async () => {
    setClockForTests(T0)
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}`
    for (let i = 0; i < 20; i++) expect(await attempt(ip, `poging-${i}-${newId()}@test.example`)).toBeNull()
    expect(await attempt(ip, `nog-een-${newId()}@test.example`)).toMatch(/te vaak/)
    expect(await attempt('203.0.113.250', `nog-een-${newId()}@test.example`)).toBeNull()
  })
})
