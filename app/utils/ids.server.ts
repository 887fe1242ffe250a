import { createId } from '@paralleldrive/cuid2'
import { createHash, randomBytes } from 'node:crypto'

/** Opaque random ids for every row. */
export const newId = createId

/** A random token for links in e-mails and session cookies (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored only as their SHA-256, so a database leak does not leak working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
