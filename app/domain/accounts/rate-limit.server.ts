import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { clientIp } from '~/utils/session.server'

const WINDOW_MS = 15 * 60_000

/**
 * Fixed-window counter in the database, so limits hold across restarts and processes. Returns true when the key
 * has gone over `max` in the current window.
 *
 * One statement checks and counts: reading the bucket and then writing it let parallel requests after an expired
 * window all start a new window at 1 and all pass. The upsert runs atomically on both engines (a row lock on
 * PostgreSQL, the single writer on SQLite), and every value in SET reads the row as it was before this update.
 */
export async function hit(key: string, max: number, windowMs = WINDOW_MS): Promise<boolean> {
  const at = now()
  const expired = new Date(at.getTime() - windowMs)
  const rows = await db.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "createdAt", "updatedAt")
    VALUES (${key}, ${at}, 1, ${at}, ${at})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${expired} THEN 1
                     ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${expired} THEN ${at}
                           ELSE "RateLimitBucket"."windowStart" END,
      "updatedAt" = ${at}
    RETURNING "count"`
  return Number(rows[0]!.count) > max
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
