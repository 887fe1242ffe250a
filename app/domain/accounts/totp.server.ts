import { Secret, TOTP } from 'otpauth'

/** TOTP as authenticator apps expect it: SHA-1, 6 digits, 30 seconds, one step of clock drift allowed. */
export function totpFor(secretBase32: string, label = 'Aanbiederspoort') {
  return new TOTP({
    issuer: 'Aanbiederspoort',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  })
}

/**
 * The 30-second time step a code belongs to, or null when it is not valid now (one step of drift either way). The
 * caller stores the step so the same code cannot be used twice (RFC 6238 §5.2).
 */
export function totpStep(secretBase32: string, code: string, at: Date = new Date()): number | null {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const totp = totpFor(secretBase32)
  const delta = totp.validate({ token, timestamp: at.getTime(), window: 1 })
  return delta === null ? null : totp.counter({ timestamp: at.getTime() }) + delta
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}
