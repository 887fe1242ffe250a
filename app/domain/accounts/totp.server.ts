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

export function verifyTotp(secretBase32: string, code: string, at: Date = new Date()): boolean {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return false
  return totpFor(secretBase32).validate({ token, timestamp: at.getTime(), window: 1 }) !== null
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}
