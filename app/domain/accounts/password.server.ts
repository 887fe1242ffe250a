import { hash, verify } from '@node-rs/argon2'

// argon2id with OWASP's minimum settings (19 MiB, 2 passes): slow for attackers, ~20 ms here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** Verifying against this when no account exists keeps the answer time the same either way. */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash() {
  dummyHash ??= hashPassword('geen-echt-wachtwoord-alleen-voor-gelijke-tijd')
  return dummyHash
}
