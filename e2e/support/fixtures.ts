import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { createCookie } from '@remix-run/node'
import { createDb, type Db } from '../../app/utils/db.server'
import { hashToken, newId, newToken } from '../../app/utils/ids.server'
import { E2E_DATABASE_URL, SINK_HTTP } from './e2e-env'
const SESSION_SECRET = 'e2e-sessie-geheim-e2e-sessie-geheim-1234'

let sharedDb: Db | undefined
/** The same database the portal under test uses, for factories and for checking what was stored. */
export function e2eDb(): Db {
  sharedDb ??= createDb(E2E_DATABASE_URL)
  return sharedDb
}

export type SinkMessage = {
  id: number
  to: string[]
  subject: string
  text: string
  html: string | null
  attachments: { filename: string; contentType: string; size: number }[]
}

/** Waits until the test SMTP server has received a message to `to` whose subject matches. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 15_000): Promise<SinkMessage> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const res = await fetch(`${SINK_HTTP}/messages?to=${encodeURIComponent(to)}`)
    const list = (await res.json()) as SinkMessage[]
    const found = list.find((m) => subject.test(m.subject))
    if (found) return found
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`Geen e-mail aan ${to} met onderwerp ${subject} ontvangen`)
}

export function firstLink(text: string): string {
  const match = text.match(/https?:\/\/\S+/)
  if (!match) throw new Error('Geen link in de e-mail')
  return match[0]
}

/** Runs axe on the current page and fails on serious or critical violations. */
export async function expectAccessible(page: Page) {
  // Legacy mode runs axe in the page itself; the default opens an extra blank page per check to combine frame
  // results, which doubled the cost of each check. Our pages have no iframes, so nothing is missed.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe op ${page.url()}`,
  ).toEqual([])
}

/** Signs a user in by creating a session row and setting its cookie: for journeys where sign-in is not under test. */
export async function loginAs(page: Page, email: string) {
  const db = e2eDb()
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  const token = newToken()
  await db.userSession.create({
    data: {
      id: hashToken(token),
      userId: user.id,
      secondFactorAt: new Date(),
      lastSeenAt: new Date(),
      expiresAt: new Date(Date.now() + 3600_000),
    },
  })
  const cookie = createCookie('portaal_sessie', {
    secrets: [SESSION_SECRET],
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
  })
  const value = (await cookie.serialize(token)).split(';')[0].split('=').slice(1).join('=')
  const baseURL = test.info().project.use.baseURL as string
  await page.context().addCookies([{ name: 'portaal_sessie', value, url: baseURL }])
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${newId().slice(0, 10)}@e2e.example`
}

/** Every journey fails on a console error or an uncaught exception in the browser. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (msg) => {
        // A 4xx page the test asked for is logged by Chromium as a failed resource; that is not a script error.
        if (
          msg.type() === 'error' &&
          !/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())
        )
          errors.push(msg.text())
      })
      page.on('pageerror', (err) => errors.push(err.message))
      await use(errors)
      expect(errors, 'fouten in de browserconsole').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
