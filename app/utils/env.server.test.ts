import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.server'

describe('parseEnv', () => {
  it('fills local defaults outside production so the quick start needs no configuration', () => {
    const env = parseEnv({})
    expect(env.DATABASE_URL).toBe('file:./data/portaal.db')
    expect(env.SMTP_URL).toBeNull()
    expect(env.APP_URL).toBe('http://localhost:3000')
    expect(env.strict).toBe(false)
  })

  it('refuses to start in production without secrets and names what is missing', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError)
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'file:x.db' })).toThrow(/SESSION_SECRET/)
  })

  it('accepts a complete production configuration and uses secure cookies', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://u@localhost/db',
      SESSION_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtp://mail.example.org:587',
      MAIL_FROM: 'portaal@example.org',
      APP_URL: 'https://portaal.example.org/',
    })
    expect(env.strict).toBe(true)
    expect(env.secureCookies).toBe(true)
    expect(env.APP_URL).toBe('https://portaal.example.org')
  })

  it('rejects a database url of an unknown kind', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/)
  })

  it('lets the demo run in production mode with defaults', () => {
    expect(parseEnv({ NODE_ENV: 'production', PORTAAL_DEMO: '1' }).strict).toBe(false)
  })
})
