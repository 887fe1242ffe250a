import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, e2eDb } from './support/fixtures'
import {
  freePc4,
  makeCatalogue,
  makeEvidenceType,
  makeGemeente,
  makeListedProvider,
  uniqueSuffix,
} from '../app/domain/keuzehulp/test-factories'

/** The names in the result list, in order. */
async function resultNames(page: Page) {
  return page.locator('.keuzehulp-item h3').allInnerTexts()
}

async function expectNoCookies(page: Page) {
  expect(await page.context().cookies(), 'de keuzehulp zet geen cookies').toEqual([])
}

test.describe('keuzehulp', () => {
  test('een inwoner zoekt op postcode, filtert, opent een aanbieder; geschorst verdwijnt; zonder JavaScript hetzelfde', async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000)
    const db = e2eDb()
    const s = uniqueSuffix()
    const pc4 = await freePc4(db)
    const otherPc4 = await freePc4(db)
    const gemeente = await makeGemeente(db, {
      name: `Keuzedorp ${s}`,
      pc4s: [pc4, otherPc4],
      place: `Keuzedorp ${s}`,
    })
    const catalogue = await makeCatalogue(db, {
      gemeenteCodes: [gemeente.code],
      segmentName: `Begeleiding thuis ${s}`,
      productNames: [`Begeleiding licht ${s}`, `Begeleiding zwaar ${s}`],
    })
    const mark = await makeEvidenceType(db, { name: `Keurmerk Zorg ${s}`, isQualityMark: true })
    const snel = await makeListedProvider(db, catalogue, gemeente.code, {
      name: `Snelle Hulp ${s}`,
      waitingWeeks: 1,
      languages: 'Nederlands, Turks',
      identity: 'Islamitisch',
      targetGroups: 'Volwassenen',
      description: 'Wij helpen u thuis met het op orde houden van uw dag.',
      qualityMarkTypeId: mark.id,
    })
    const traag = await makeListedProvider(db, catalogue, gemeente.code, {
      name: `Trage Zorg ${s}`,
      waitingWeeks: 8,
    })
    await makeListedProvider(db, catalogue, gemeente.code, {
      name: `Volle Zorg ${s}`,
      accepting: 'nee',
      waitingWeeks: null,
    })
    await makeListedProvider(db, catalogue, gemeente.code, {
      name: `Andere Wijk ${s}`,
      coversWhole: false,
      pc4s: [otherPc4],
    })

    // 1. Search by postcode.
    const first = await page.goto('/keuzehulp')
    expect(first?.headers()['set-cookie']).toBeUndefined()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keuzehulp: vind een zorgaanbieder')
    await expectAccessible(page)
    await page.getByLabel('Uw gemeente of postcode').fill(`${pc4} AB`)
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await expect(page).toHaveURL(new RegExp(`gemeente=${gemeente.code}&postcode=${pc4}`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Keuzehulp: zorgaanbieders in ${gemeente.name}`,
    )
    await expect(page.getByText(`Postcode ${pc4} (${gemeente.name}) ligt vooral in gemeente`)).toBeVisible()
    await expect(page.getByLabel('Andere gemeente kiezen')).toHaveValue(gemeente.code)
    // Werkgebied: the provider that only works in the other PC4 is not shown.
    await expect(page.getByRole('heading', { name: '3 aanbieders gevonden' })).toBeVisible()
    expect(await resultNames(page)).toEqual([`Snelle Hulp ${s}`, `Trage Zorg ${s}`, `Volle Zorg ${s}`])
    const firstResult = page.locator('.keuzehulp-item').first()
    await expect(firstResult).toContainText('Neemt nieuwe cliënten aan')
    await expect(firstResult).toContainText('wachttijd ongeveer 1 week, bevestigd op')
    await expect(firstResult).toContainText(`Keurmerk Zorg ${s} (geldig tot`)
    await expectAccessible(page)

    // 2. Filter: kind of help, accepting, maximum waiting time, language.
    await page.getByLabel('Soort hulp').selectOption(`s-${catalogue.segmentId}`)
    await page.getByLabel('Alleen aanbieders die nieuwe cliënten aannemen').check()
    await page.getByLabel('Maximale wachttijd').selectOption('4')
    await page.getByLabel('Taal', { exact: true }).selectOption('Turks')
    await page.getByRole('button', { name: 'Resultaten tonen' }).click()
    await expect(page.getByRole('heading', { name: '1 aanbieder gevonden' })).toBeVisible()
    expect(await resultNames(page)).toEqual([`Snelle Hulp ${s}`])
    const filteredUrl = page.url()
    expect(filteredUrl).toContain('nieuw=1')
    expect(filteredUrl).toContain('wacht=4')
    await expectAccessible(page)

    // 3. Open the provider.
    await page.getByRole('link', { name: `Snelle Hulp ${s}` }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Snelle Hulp ${s}`)
    await expect(page.getByText('Wij helpen u thuis met het op orde houden van uw dag.')).toBeVisible()
    await expect(page.getByText(`Keurmerk Zorg ${s}, geldig tot`)).toBeVisible()
    await expect(page.getByRole('cell', { name: `${gemeente.name} (hele gemeente)` }).first()).toBeVisible()
    await expect(page.getByText('Islamitisch')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Terug naar de resultaten' }).click()
    await expect(page.getByRole('heading', { name: '1 aanbieder gevonden' })).toBeVisible()

    // 4. A suspended provider vanishes at once.
    const unfiltered = `/keuzehulp?gemeente=${gemeente.code}&postcode=${pc4}`
    await db.admission.updateMany({ where: { organisationId: traag.id }, data: { status: 'geschorst' } })
    await page.goto(unfiltered)
    await expect(page.getByRole('heading', { name: '2 aanbieders gevonden' })).toBeVisible()
    const withJs = await resultNames(page)
    expect(withJs).toEqual([`Snelle Hulp ${s}`, `Volle Zorg ${s}`])
    const gone = await page.goto(`/keuzehulp/aanbieder/${traag.id}`)
    expect(gone?.status()).toBe(404)
    await expectNoCookies(page)

    // 5. The same search without JavaScript gives the same results, through the plain GET forms.
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      baseURL: test.info().project.use.baseURL,
    })
    const plain = await noJs.newPage()
    await plain.goto('/keuzehulp')
    await plain.getByLabel('Uw gemeente of postcode').fill(pc4)
    await plain.getByRole('button', { name: 'Zoeken' }).click()
    await expect(plain.getByRole('heading', { name: '2 aanbieders gevonden' })).toBeVisible()
    expect(await resultNames(plain)).toEqual(withJs)
    await plain.getByLabel('Alleen aanbieders die nieuwe cliënten aannemen').check()
    await plain.getByLabel('Maximale wachttijd').selectOption('4')
    await plain.getByLabel('Taal', { exact: true }).selectOption('Turks')
    await plain.getByRole('button', { name: 'Resultaten tonen' }).click()
    expect(await resultNames(plain)).toEqual([`Snelle Hulp ${s}`])
    // axe needs script in the page; the same markup was checked above with JavaScript on.
    await plain.getByRole('link', { name: `Snelle Hulp ${s}` }).click()
    await expect(plain.getByRole('heading', { level: 1 })).toHaveText(`Snelle Hulp ${s}`)
    expect(await noJs.cookies()).toEqual([])
    await noJs.close()
    expect(snel.id).toBeTruthy()
  })

  test('zoeken op naam, een onbekende plaats, en de open data met ETag', async ({ page, request }) => {
    const db = e2eDb()
    const s = uniqueSuffix()
    const gemeente = await makeGemeente(db, { name: `Opendatastad ${s}` })
    const catalogue = await makeCatalogue(db, { gemeenteCodes: [gemeente.code], law: 'jeugd' })
    const provider = await makeListedProvider(db, catalogue, gemeente.code, { name: `Open Jeugdhulp ${s}` })

    await page.goto('/keuzehulp')
    await page.getByLabel('Uw gemeente of postcode').fill(`opendatastad ${s}`)
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await expect(page.getByRole('heading', { name: '1 aanbieder gevonden' })).toBeVisible()
    await expect(page.getByRole('group', { name: /Jeugd: hulp voor kinderen/ })).toHaveCount(0)
    await expectAccessible(page)

    await page.goto('/keuzehulp?waar=Nergenshuizen-aan-Zee')
    await expect(page.getByText('Deze gemeente kennen wij niet.')).toBeVisible()
    await expectAccessible(page)

    await page.goto('/api/open-data')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data van de keuzehulp')
    await expectAccessible(page)
    await expectNoCookies(page)

    const json = await request.get('/api/open-data/aanbieders.json')
    expect(json.status()).toBe(200)
    const etag = json.headers()['etag']
    expect(etag).toBeTruthy()
    const body = (await json.json()) as {
      organization: { id: string; name: string }[]
      service_area: { service_id: string; gemeente_code: string }[]
    }
    expect(body.organization.find((o) => o.id === provider.id)?.name).toBe(`Open Jeugdhulp ${s}`)
    expect(body.service_area.some((a) => a.gemeente_code === gemeente.code)).toBe(true)
    const again = await request.get('/api/open-data/aanbieders.json', { headers: { 'If-None-Match': etag } })
    expect(again.status()).toBe(304)

    const csv = await request.get('/api/open-data/aanbieders.csv')
    expect(csv.headers()['content-type']).toContain('text/csv')
    expect(await csv.text()).toContain(`Open Jeugdhulp ${s}`)

    // A change makes a new version.
    await db.admission.updateMany({ where: { organisationId: provider.id }, data: { status: 'beeindigd' } })
    const changed = await request.get('/api/open-data/aanbieders.json', {
      headers: { 'If-None-Match': etag },
    })
    expect(changed.status()).toBe(200)
    const after = (await changed.json()) as { organization: { id: string }[] }
    expect(after.organization.some((o) => o.id === provider.id)).toBe(false)
  })

  test('laadt geen React-runtime: alleen het kleine suggestiescript, en dat vult suggesties', async ({
    page,
  }) => {
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
    })
    await page.goto('/keuzehulp')
    expect(scripts).toEqual(['/js/gemeente-suggesties.js'])
    await page.getByLabel('Uw gemeente of postcode').pressSequentially('Tie')
    await expect(page.locator('#gemeente-suggesties option[value="Tiel"]')).toBeAttached()
  })
})
