import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, e2eDb } from './support/fixtures'
import type { DbOrTx } from '../app/utils/db.server'
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

/** Two unused PC4 codes at most 15 apart, so the second one's municipality is offered as a neighbour of the first. */
async function freePc4Pair(db: DbOrTx): Promise<[string, string]> {
  for (;;) {
    const first = await freePc4(db)
    for (let d = 1; d <= 15 && Number(first) + d <= 9999; d++) {
      const near = String(Number(first) + d)
      if (!(await db.pc4.findUnique({ where: { code: near } }))) return [first, near]
    }
  }
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
    // Werkgebied: the provider that only works in the other PC4 is not shown. The count is in the title (read out
    // on load: the page has no React runtime, so a live region would never be announced) and in the heading.
    await expect(page).toHaveTitle(`3 aanbieders in ${gemeente.name} | Keuzehulp | Aanbiederspoort`)
    await expect(page.getByRole('heading', { name: `3 aanbieders in ${gemeente.name}` })).toBeVisible()
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
    const oneFound = `1 aanbieder voor Begeleiding thuis ${s} in ${gemeente.name}`
    await expect(page).toHaveTitle(`${oneFound} | Keuzehulp | Aanbiederspoort`)
    await expect(page.getByRole('heading', { name: oneFound })).toBeVisible()
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
    await expect(page.getByRole('heading', { name: oneFound })).toBeVisible()

    // 4. A suspended provider vanishes at once.
    const unfiltered = `/keuzehulp?gemeente=${gemeente.code}&postcode=${pc4}`
    await db.admission.updateMany({ where: { organisationId: traag.id }, data: { status: 'geschorst' } })
    await page.goto(unfiltered)
    await expect(page.getByRole('heading', { name: `2 aanbieders in ${gemeente.name}` })).toBeVisible()
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
    await expect(plain).toHaveTitle(`2 aanbieders in ${gemeente.name} | Keuzehulp | Aanbiederspoort`)
    await expect(plain.getByRole('heading', { name: `2 aanbieders in ${gemeente.name}` })).toBeVisible()
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
    await expect(page).toHaveTitle(`1 aanbieder in ${gemeente.name} | Keuzehulp | Aanbiederspoort`)
    await expect(page.getByRole('heading', { name: `1 aanbieder in ${gemeente.name}` })).toBeVisible()
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

  test('gemeente wijzigen bij een postcode op de grens houdt soort hulp en filters vast', async ({
    page,
  }) => {
    const db = e2eDb()
    const s = uniqueSuffix()
    const [pc4, nearPc4] = await freePc4Pair(db)
    const grens = await makeGemeente(db, { name: `Grensdorp ${s}`, pc4s: [pc4] })
    const buur = await makeGemeente(db, { name: `Buurstad ${s}`, pc4s: [nearPc4] })
    const catalogue = await makeCatalogue(db, {
      gemeenteCodes: [grens.code, buur.code],
      segmentName: `Thuishulp ${s}`,
    })
    const hulp = `s-${catalogue.segmentId}`
    await makeListedProvider(db, catalogue, grens.code, {
      name: `Grens Turks ${s}`,
      languages: 'Turks',
      waitingWeeks: 1,
    })
    await makeListedProvider(db, catalogue, grens.code, { name: `Grens Traag ${s}`, waitingWeeks: 10 })
    await makeListedProvider(db, catalogue, buur.code, {
      name: `Buur Turks ${s}`,
      languages: 'Nederlands, Turks',
      waitingWeeks: 2,
    })
    await makeListedProvider(db, catalogue, buur.code, { name: `Buur Nederlands ${s}`, waitingWeeks: 1 })

    await page.goto(
      `/keuzehulp?gemeente=${grens.code}&postcode=${pc4}&hulp=${hulp}&nieuw=1&wacht=4&taal=Turks&sort=naam&pagina=1`,
    )
    await expect(page).toHaveTitle(
      `1 aanbieder voor Thuishulp ${s} in ${grens.name} | Keuzehulp | Aanbiederspoort`,
    )
    expect(await resultNames(page)).toEqual([`Grens Turks ${s}`])

    await page.getByLabel('Andere gemeente kiezen').selectOption(buur.code)
    await page.getByRole('button', { name: 'Gemeente wijzigen' }).click()
    await expect(page).toHaveTitle(
      `1 aanbieder voor Thuishulp ${s} in ${buur.name} | Keuzehulp | Aanbiederspoort`,
    )
    const url = new URL(page.url())
    expect(Object.fromEntries(url.searchParams)).toEqual({
      gemeente: buur.code,
      postcode: pc4,
      hulp,
      nieuw: '1',
      wacht: '4',
      taal: 'Turks',
      sort: 'naam',
    })
    expect(await resultNames(page)).toEqual([`Buur Turks ${s}`])
    await expect(page.getByLabel('Soort hulp')).toHaveValue(hulp)
    await expect(page.getByLabel('Alleen aanbieders die nieuwe cliënten aannemen')).toBeChecked()
    await expect(page.getByLabel('Maximale wachttijd')).toHaveValue('4')
    await expect(page.getByLabel('Taal', { exact: true })).toHaveValue('Turks')
    await expect(page.getByLabel('Sorteren op')).toHaveValue('naam')
    await expectAccessible(page)

    // No results: the title says so, and a filter value this list does not offer is still shown as chosen.
    await page.goto(`/keuzehulp?gemeente=${buur.code}&postcode=${pc4}&hulp=${hulp}&taal=Fries`)
    await expect(page).toHaveTitle(
      `Geen aanbieders voor Thuishulp ${s} in ${buur.name} | Keuzehulp | Aanbiederspoort`,
    )
    await expect(
      page.getByRole('heading', { name: `Geen aanbieders voor Thuishulp ${s} in ${buur.name}` }),
    ).toBeVisible()
    await expect(page.getByLabel('Taal', { exact: true })).toHaveValue('Fries')
    await expectAccessible(page)
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
