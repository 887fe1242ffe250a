import { test, expect, expectAccessible, loginAs } from './support/fixtures'

test.describe('de startpagina', () => {
  test('is Nederlands, heeft één h1, een skiplink en doorstaat axe', async ({ page }) => {
    const response = await page.goto('/')
    expect(response?.status()).toBe(200)
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Aanbiederspoort')
    await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeAttached()
    await expect(page.getByRole('link', { name: 'Toegankelijkheidsverklaring' })).toBeVisible()
    const csp = response?.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    await expectAccessible(page)
  })

  test('toont een Nederlandse 404 zonder technische details', async ({ page }) => {
    const response = await page.goto('/bestaat-niet')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet')
    await expect(page.locator('body')).not.toContainText('Error:')
    await expectAccessible(page)
  })

  test('healthz antwoordt na een databasevraag', async ({ request }) => {
    const res = await request.get('/healthz')
    expect(res.status()).toBe(200)
    expect(await res.text()).toBe('ok')
  })

  test('openbare pagina’s laden voor bezoekers geen JavaScript; wie inlogt krijgt de React-runtime', async ({
    page,
  }) => {
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
    })
    for (const path of [
      '/',
      '/inkoopagenda',
      '/inkoopagenda/inkoop-leidse-regio-wmo-2021',
      '/consultaties',
      '/toegankelijkheid',
    ]) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectAccessible(page)
    }
    expect(scripts).toEqual([])

    // The public follow-button form of a signed-in provider is a Remix form again.
    await loginAs(page, 'beheerder@kompas.example')
    await page.goto('/inkoopagenda/inkoop-leidse-regio-wmo-2021')
    await expect(page.getByRole('button', { name: /Volg dit traject|Niet meer volgen/ })).toBeVisible()
    await expectAccessible(page)
    expect(scripts.some((s) => s.startsWith('/build/'))).toBe(true)
  })
})
