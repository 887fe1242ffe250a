import { createCookie, createCookieSessionStorage, redirect } from '@remix-run/node'
import { getEnv } from './env.server'
import { db } from './db.server'
import { hashToken, newToken } from './ids.server'
import { now } from './clock'

/** A session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 8 * 60 * 60_000
/** …and after this long in any case. */
export const ABSOLUTE_TIMEOUT_MS = 14 * 24 * 60 * 60_000
const TOUCH_EVERY_MS = 5 * 60_000

let cookie: ReturnType<typeof createCookie> | undefined
function sessionCookie() {
  const env = getEnv()
  cookie ??= createCookie('portaal_sessie', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.secureCookies,
    path: '/',
    secrets: [env.SESSION_SECRET],
  })
  return cookie
}

type Flash = { message: string }
let flashStorage: ReturnType<typeof createCookieSessionStorage<Flash, Flash>> | undefined
function flash() {
  const env = getEnv()
  flashStorage ??= createCookieSessionStorage<Flash, Flash>({
    cookie: {
      name: 'portaal_melding',
      httpOnly: true,
      sameSite: 'lax',
      secure: env.secureCookies,
      path: '/',
      secrets: [env.SESSION_SECRET],
    },
  })
  return flashStorage
}

export function clientIp(request: Request): string | null {
  return request.headers.get('x-portaal-client-ip')
}

/**
 * Starts a database session and returns the Set-Cookie header. The cookie holds only a random id; the database
 * keeps its hash, so a stolen database cannot be replayed as cookies.
 */
export async function createUserSession(
  request: Request,
  userId: string,
  options: { secondFactorDone: boolean },
) {
  const token = newToken()
  const at = now()
  await db.userSession.create({
    data: {
      id: hashToken(token),
      userId,
      ip: clientIp(request),
      userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
      secondFactorAt: options.secondFactorDone ? at : null,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + ABSOLUTE_TIMEOUT_MS),
    },
  })
  return sessionCookie().serialize(token, { maxAge: ABSOLUTE_TIMEOUT_MS / 1000 })
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && value.length > 20 ? value : null
}

export type CurrentSession = NonNullable<Awaited<ReturnType<typeof getCurrentSession>>>

/** The signed-in user's session, or null. Expired and idle sessions are removed here. */
export async function getCurrentSession(request: Request) {
  const token = await readSessionToken(request)
  if (!token) return null
  const id = hashToken(token)
  const session = await db.userSession.findUnique({
    where: { id },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      secondFactorAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          emailVerifiedAt: true,
          isPlatformAdmin: true,
          totpEnabledAt: true,
        },
      },
    },
  })
  if (!session) return null
  const at = now()
  if (session.expiresAt <= at || at.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) {
    await db.userSession.deleteMany({ where: { id } })
    return null
  }
  if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id }, data: { lastSeenAt: at } })
  }
  return session
}

export async function destroySessionCookie() {
  return sessionCookie().serialize('', { maxAge: 0 })
}

export async function endCurrentSession(request: Request) {
  const token = await readSessionToken(request)
  if (token) await db.userSession.deleteMany({ where: { id: hashToken(token) } })
  return destroySessionCookie()
}

/** A one-time message for the next page ("Uw wijzigingen zijn opgeslagen"). */
export async function setFlash(request: Request, message: string) {
  const storage = flash()
  const session = await storage.getSession(request.headers.get('cookie'))
  session.flash('message', message)
  return storage.commitSession(session)
}

export async function readFlash(
  request: Request,
): Promise<{ message: string | null; setCookie: string | null }> {
  const storage = flash()
  const session = await storage.getSession(request.headers.get('cookie'))
  const message = session.get('message') as string | undefined
  if (!message) return { message: null, setCookie: null }
  return { message, setCookie: await storage.commitSession(session) }
}

/** Post/redirect/get with a confirmation message on the next page. */
export async function redirectWithFlash(
  request: Request,
  to: string,
  message: string,
  init: ResponseInit = {},
) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await setFlash(request, message))
  return redirect(to, { ...init, headers })
}
