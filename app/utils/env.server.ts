import { z } from 'zod'

/**
 * Configuration, parsed once at start-up. Code reads `env` from here and never touches process.env itself.
 *
 * Two modes: `strict` (NODE_ENV=production without PORTAAL_DEMO) demands every secret and fails fast;
 * otherwise (development, tests and the README's quick start) sensible local defaults fill the gaps.
 */
const boolFromString = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes')

const base = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORTAAL_DEMO: boolFromString,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL moet met file: of postgres:// beginnen')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET moet minstens 32 tekens lang zijn').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL moet met smtp:// of smtps:// beginnen')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  APP_URL: z.string().url().optional(),
  STORAGE_DIR: z.string().min(1).default('./data/files'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(2000),
})

export type Env = {
  NODE_ENV: 'development' | 'production' | 'test'
  strict: boolean
  PORT: number
  DATABASE_URL: string
  SESSION_SECRET: string
  /** null means: no relay configured, mail goes to the in-process capture server (shown at /dev/mail). */
  SMTP_URL: string | null
  MAIL_FROM: string
  APP_URL: string
  STORAGE_DIR: string
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' | 'silent'
  OUTBOX_INTERVAL_MS: number
  secureCookies: boolean
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === '' ? undefined : v]))
  const result = base.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`)
    throw new EnvError(`Ongeldige configuratie:\n${lines.join('\n')}`)
  }
  const raw = result.data
  const strict = raw.NODE_ENV === 'production' && !raw.PORTAAL_DEMO
  if (strict) {
    const missing = (['DATABASE_URL', 'SESSION_SECRET', 'SMTP_URL', 'MAIL_FROM', 'APP_URL'] as const).filter(
      (k) => !raw[k],
    )
    if (missing.length > 0) {
      throw new EnvError(
        `Productie start niet zonder configuratie. Ontbrekend: ${missing.join(', ')}. ` +
          'Zie README.md, "Configuratie". Voor een demo met standaardwaarden: npm start.',
      )
    }
  }
  const appUrl = raw.APP_URL ?? `http://localhost:${raw.PORT}`
  return {
    NODE_ENV: raw.NODE_ENV,
    strict,
    PORT: raw.PORT,
    DATABASE_URL: raw.DATABASE_URL ?? 'file:./data/portaal.db',
    SESSION_SECRET: raw.SESSION_SECRET ?? 'alleen-voor-ontwikkeling-niet-in-productie-gebruiken',
    SMTP_URL: raw.SMTP_URL ?? null,
    MAIL_FROM: raw.MAIL_FROM ?? 'Aanbiederspoort <noreply@aanbiederspoort.localhost>',
    APP_URL: appUrl.replace(/\/$/, ''),
    STORAGE_DIR: raw.STORAGE_DIR,
    LOG_LEVEL: raw.LOG_LEVEL,
    OUTBOX_INTERVAL_MS: raw.OUTBOX_INTERVAL_MS,
    secureCookies: appUrl.startsWith('https://') || strict,
  }
}

let cached: Env | undefined

/** The process's configuration. Parsed on first use; the server calls it at start-up so errors surface at once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}
