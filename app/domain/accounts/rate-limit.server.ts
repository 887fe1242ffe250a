import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { clientIp } from '~/utils/session.server'

const WINDOW_MS = 15 * 60_000

/**
 * Fixed-window counter in the database, so limits hold across restarts and processes. Returns true when the key
 * has gone over `max` in the current window.
 */
export async function hit(key: string, max: number, windowMs = WINDOW_MS): Promise<boolean> {
  const at = now()
  const bucket = await db.rateLimitBucket.findUnique({ where: { key } })
  if (!bucket || at.getTime() - bucket.windowStart.getTime() >= windowMs) {
    await db.rateLimitBucket.upsert({
      where: { key },
      create: { key, windowStart: at, count: 1 },
      update: { windowStart: at, count: 1 },
    })
    return false
  }
  const updated = await db.rateLimitBucket.update({ where: { key }, data: { count: { increment: 1 } } })
  return updated.count > max
}

const TOO_MANY = 'U heeft het te vaak geprobeerd. Wacht 15 minuten en probeer het dan opnieuw.'

/** Sign-in: at most 20 attempts per IP and 10 per account in 15 minutes. Same message either way. */
export async function checkSignInLimit(request: Request, email: string): Promise<string | null> {
  const ip = clientIp(request) ?? 'onbekend'
  const [byIp, byAccount] = await Promise.all([
    hit(`inloggen:ip:${ip}`, 20),
    hit(`inloggen:account:${email.trim().toLowerCase()}`, 10),
  ])
  return byIp || byAccount ? TOO_MANY : null
}

/** Sign-up and password reset: per IP and per address. */
export async function checkMailFormLimit(
  request: Request,
  kind: string,
  email: string,
): Promise<string | null> {
  const ip = clientIp(request) ?? 'onbekend'
  const [byIp, byAccount] = await Promise.all([
    hit(`${kind}:ip:${ip}`, 20),
    hit(`${kind}:account:${email.trim().toLowerCase()}`, 5),
  ])
  return byIp || byAccount ? TOO_MANY : null
}
