import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { test, expect, loginAs } from './support/fixtures'
import { ROLES, ROUTE_RULES, type Outcome, type Role } from './route-access.rules'

/**
 * The authorisation walk: every path of e2e/route-access.rules.ts is requested (GET, redirects not followed) as every
 * role, and the outcome is compared with the rule. A route file without a rule fails the walk.
 */
const LOGINS: Record<Exclude<Role, 'anoniem'>, string> = {
  aanbieder: 'beheerder@delinge.example',
  medewerker: 'medewerker@delinge.example',
  andereAanbieder: 'beheerder@kompas.example',
  inkoper: 'inkoper@rivierenland.example',
  contractmanager: 'contractmanager@rivierenland.example',
  regiobeheerder: 'regiobeheer@rivierenland.example',
  andereInkoper: 'inkoper@leidseregio.example',
  platformbeheer: 'beheer@aanbiederspoort.example',
  adviesraad: 'adviesraad@rivierenland.example',
}

const routesDir = fileURLToPath(new URL('../app/routes', import.meta.url))

test('elk routebestand heeft een regel in route-access.rules.ts', () => {
  const files = readdirSync(routesDir).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\.tsx?$/.test(f))
  const covered = new Set(ROUTE_RULES.map((r) => r.file))
  const missing = files.filter((f) => !covered.has(f))
  expect(missing, 'routes zonder regel: voeg ze toe aan e2e/route-access.rules.ts').toEqual([])
  const stale = [...covered].filter((f) => !files.includes(f))
  expect(stale, 'regels voor routes die niet (meer) bestaan').toEqual([])
})

function outcomeOf(status: number, location: string | undefined): Outcome | number {
  if (status >= 300 && status < 400) {
    return location && new URL(location, 'http://x').pathname === '/inloggen' ? 'login' : 'redirect'
  }
  return status
}

for (const role of ROLES) {
  test(`rondgang als ${role}`, async ({ page }) => {
    test.setTimeout(180_000)
    if (role !== 'anoniem') await loginAs(page, LOGINS[role])
    const wrong: string[] = []
    for (const rule of ROUTE_RULES) {
      const expected = rule.expect[role] ?? rule.otherwise
      const res = await page.request.get(rule.path, { maxRedirects: 0 })
      const got = outcomeOf(res.status(), res.headers()['location'])
      if (got !== expected) {
        wrong.push(
          `${rule.path} (${rule.file}): verwacht ${expected}, kreeg ${got}${res.headers()['location'] ? ` -> ${res.headers()['location']}` : ''}`,
        )
      }
    }
    expect(wrong, `rondgang als ${role}`).toEqual([])
  })
}

/**
 * The same walk for actions: a POST (an empty form) from someone the page refuses must be refused the same way, and
 * never reach the action's own logic. 405 is fine too: the route has no action at all. Pages a role may open are left
 * out, so the walk changes nothing in the demo data.
 */
const REFUSED_ROLES = ['anoniem', 'medewerker', 'andereAanbieder', 'andereInkoper', 'adviesraad'] as const
for (const role of REFUSED_ROLES) {
  test(`acties als ${role}`, async ({ page }) => {
    test.setTimeout(180_000)
    if (role !== 'anoniem') await loginAs(page, LOGINS[role])
    const wrong: string[] = []
    for (const rule of ROUTE_RULES) {
      const expected = rule.post?.[role] ?? rule.expect[role] ?? rule.otherwise
      if (expected === 200 || expected === 'redirect') continue
      const res = await page.request.post(rule.path, { maxRedirects: 0, form: {} })
      const got = outcomeOf(res.status(), res.headers()['location'])
      if (got !== expected && got !== 405) {
        wrong.push(`POST ${rule.path} (${rule.file}): verwacht ${expected}, kreeg ${got}`)
      }
    }
    expect(wrong, `acties als ${role}`).toEqual([])
  })
}
