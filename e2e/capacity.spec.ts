import { readFile } from 'node:fs/promises'
import { test, expect, expectAccessible, loginAs, e2eDb } from './support/fixtures'
import {
  createAdmission,
  createOrganisation,
  createReport,
  createSegmentWithProducts,
} from '../app/domain/capacity/test-factories'

const RIVIERENLAND = 'regio-rivierenland'
const TIEL = 'GM0281'
const WEST_BETUWE = 'GM1960'
const DAY = 24 * 60 * 60 * 1000

test.describe('werkgebied en capaciteit', () => {
  // Long journeys with axe on every step; the shared 2-core machine can be slow.
  test.setTimeout(150_000)

  test('een aanbieder geeft werkgebied en capaciteit door en bevestigt later alles ongewijzigd', async ({
    page,
  }) => {
    const db = e2eDb()
    const seg = await createSegmentWithProducts(db, RIVIERENLAND, {
      name: `E2E werkgebied ${Date.now()}`,
      products: 2,
    })
    const org = await createOrganisation(db)
    for (const productId of seg.productIds) {
      for (const g of [TIEL, WEST_BETUWE])
        await createAdmission(db, { organisationId: org.id, productId, gemeenteCode: g })
    }
    const products = await db.product.findMany({
      where: { id: { in: seg.productIds } },
      orderBy: { code: 'asc' },
    })
    const [p1, p2] = products as [(typeof products)[number], (typeof products)[number]]

    await loginAs(page, org.beheerderEmail)
    await page.goto('/aanbieder/capaciteit')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkgebied en capaciteit')
    await expectAccessible(page)
    // Nothing confirmed yet: no "unchanged" button.
    await expect(page.getByRole('button', { name: 'Alles ongewijzigd bevestigen' })).toHaveCount(0)

    const first = page.getByRole('region', { name: `${p1.name} (${p1.code})` })
    await first.getByRole('group', { name: 'Gemeente Tiel' }).getByLabel('In de hele gemeente').check()
    await first
      .getByRole('group', { name: 'Gemeente West Betuwe' })
      .getByLabel('Alleen in de postcodegebieden hieronder')
      .check()
    // 4001 is Tiel: accepted, with a warning after saving.
    await first.getByLabel('Postcodegebieden in West Betuwe (niet verplicht)').fill('4191, 4001')
    await first.getByRole('group', { name: 'Neemt u nieuwe cliënten aan?' }).getByLabel(/^Ja/).check()
    await first.getByLabel('Verwachte wachttijd tot de start, in weken').fill('6')
    await first.getByLabel('Aantal vrije plekken (niet verplicht)').fill('3')

    const second = page.getByRole('region', { name: `${p2.name} (${p2.code})` })
    await second.getByRole('group', { name: 'Gemeente Tiel' }).getByLabel('In de hele gemeente').check()
    await second
      .getByRole('group', { name: 'Gemeente West Betuwe' })
      .getByLabel('Niet in deze gemeente')
      .check()
    // Two locations with their own waiting lists: the figures for the whole product disappear from view.
    await second
      .getByRole('group', { name: 'Waarvoor geeft u de capaciteit op?' })
      .getByLabel('Per locatie')
      .check()
    await expect(second.getByLabel('Verwachte wachttijd tot de start, in weken')).toBeHidden()
    const location = (n: number) => second.getByRole('group', { name: `Locatie ${n} voor ${p2.name}` })
    await location(1).getByLabel('Naam of plaats van de locatie').fill('Tiel centrum')
    await location(1).getByLabel('Neemt deze locatie nieuwe cliënten aan?').selectOption('beperkt')
    await location(1).getByLabel('Verwachte wachttijd op deze locatie, in weken').fill('200')
    await location(2).getByLabel('Naam of plaats van de locatie').fill('Culemborg')
    await location(2).getByLabel('Neemt deze locatie nieuwe cliënten aan?').selectOption('nee')
    await page.getByRole('button', { name: 'Opslaan en bevestigen' }).click()
    await expect(location(1).getByText('Vul een getal in van hoogstens 104')).toBeVisible()
    await expect(location(2).getByText('Vul de verwachte wachttijd in weken in')).toBeVisible()

    // A PC4 area that does not exist is refused by the server, next to the field.
    await location(1).getByLabel('Verwachte wachttijd op deze locatie, in weken').fill('8')
    await location(2).getByLabel('Verwachte wachttijd op deze locatie, in weken').fill('20')
    await second
      .getByRole('group', { name: 'Gemeente Tiel' })
      .getByLabel('Alleen in de postcodegebieden hieronder')
      .check()
    await second.getByLabel('Postcodegebieden in Tiel (niet verplicht)').fill('4001 4009')
    await page.getByRole('button', { name: 'Opslaan en bevestigen' }).click()
    await expect(second.getByText('Postcodegebied 4009 bestaat niet. Controleer de 4 cijfers.')).toBeVisible()
    await expect(location(1).getByLabel('Naam of plaats van de locatie')).toHaveValue('Tiel centrum')
    await expectAccessible(page)

    await second.getByLabel('Postcodegebieden in Tiel (niet verplicht)').fill('4001 4002')
    await page.getByRole('button', { name: 'Opslaan en bevestigen' }).click()
    await expect(page.getByText(/Uw werkgebied en capaciteit zijn opgeslagen/)).toBeVisible()
    await expect(page.getByText(/Postcodegebied 4001 ligt volgens de postcodetabel in Tiel/)).toBeVisible()
    await expect(first.getByText(/postcodegebied 4001 ligt volgens de postcodetabel in Tiel/)).toBeVisible()
    await expect(first.getByText(/Laatst bevestigd op .*: Actueel/)).toBeVisible()
    // Saved locations by name, with spare empty rows for more.
    await expect(location(1).getByLabel('Naam of plaats van de locatie')).toHaveValue('Culemborg')
    await expect(location(2).getByLabel('Verwachte wachttijd op deze locatie, in weken')).toHaveValue('8')
    await expect(location(3).getByLabel('Naam of plaats van de locatie')).toHaveValue('')
    await expectAccessible(page)

    const admissions = await db.admission.findMany({
      where: { organisationId: org.id },
      orderBy: { id: 'asc' },
    })
    const wb1 = admissions.find((a) => a.productId === p1.id && a.gemeenteCode === WEST_BETUWE)
    expect(wb1).toMatchObject({ coversWhole: false, pc4s: '4001,4191' })
    const wb2 = admissions.find((a) => a.productId === p2.id && a.gemeenteCode === WEST_BETUWE)
    expect(wb2).toMatchObject({ coversWhole: false, pc4s: '' })
    const reports = await db.capacityReport.findMany({ where: { organisationId: org.id, isCurrent: true } })
    expect(
      reports.map((r) => [r.productId, r.location, r.accepting, r.waitingWeeks, r.freePlaces]).sort(),
    ).toEqual(
      [
        [p1.id, '', 'ja', 6, 3],
        [p2.id, 'Tiel centrum', 'beperkt', 8, null],
        [p2.id, 'Culemborg', 'nee', 20, null],
      ].sort(),
    )

    // Later: all unchanged, in one click.
    await page.getByRole('button', { name: 'Alles ongewijzigd bevestigen' }).click()
    await expect(
      page.getByText('U hebt de capaciteit van 2 product(en) ongewijzigd bevestigd.'),
    ).toBeVisible()
    await expectAccessible(page)
    expect(await db.capacityReport.count({ where: { organisationId: org.id } })).toBe(6)
    expect(await db.capacityReport.count({ where: { organisationId: org.id, isCurrent: true } })).toBe(3)
  })

  test('zonder JavaScript: capaciteit per locatie, met fouten bij het veld en wat getypt was blijft staan', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
    const page = await context.newPage()
    const db = e2eDb()
    const seg = await createSegmentWithProducts(db, RIVIERENLAND, {
      name: `E2E locaties ${Date.now()}`,
      products: 1,
    })
    const org = await createOrganisation(db)
    await createAdmission(db, { organisationId: org.id, productId: seg.productIds[0]!, gemeenteCode: TIEL })
    const product = await db.product.findUniqueOrThrow({ where: { id: seg.productIds[0]! } })

    await loginAs(page, org.beheerderEmail)
    await page.goto('/aanbieder/capaciteit')
    const section = page.getByRole('region', { name: `${product.name} (${product.code})` })
    await section.getByRole('group', { name: 'Gemeente Tiel' }).getByLabel('In de hele gemeente').check()
    await section
      .getByRole('group', { name: 'Waarvoor geeft u de capaciteit op?' })
      .getByLabel('Per locatie')
      .check()
    // The styles hide the part that was not chosen, also without JavaScript.
    await expect(section.getByLabel('Verwachte wachttijd tot de start, in weken')).toBeHidden()
    const location = (n: number) => section.getByRole('group', { name: `Locatie ${n} voor ${product.name}` })
    await location(1).getByLabel('Naam of plaats van de locatie').fill('Vestiging Tiel')
    await location(1).getByLabel('Neemt deze locatie nieuwe cliënten aan?').selectOption('ja')
    await location(2).getByLabel('Naam of plaats van de locatie').fill('vestiging tiel')
    await page.getByRole('button', { name: 'Opslaan en bevestigen' }).click()
    await expect(location(1).getByText('Vul de verwachte wachttijd in weken in')).toBeVisible()
    await expect(location(2).getByText('Deze locatie staat er al')).toBeVisible()
    await expect(location(2).getByLabel('Naam of plaats van de locatie')).toHaveValue('vestiging tiel')
    // axe needs scripts in the page: the same page with errors is checked in the journey above.

    await location(1).getByLabel('Verwachte wachttijd op deze locatie, in weken').fill('3')
    await location(2).getByLabel('Naam of plaats van de locatie').fill('Vestiging Culemborg')
    await location(2).getByLabel('Neemt deze locatie nieuwe cliënten aan?').selectOption('nee')
    await location(2).getByLabel('Verwachte wachttijd op deze locatie, in weken').fill('26')
    await page.getByRole('button', { name: 'Opslaan en bevestigen' }).click()
    await expect(page.getByText(/Uw werkgebied en capaciteit zijn opgeslagen/)).toBeVisible()
    const current = await db.capacityReport.findMany({
      where: { organisationId: org.id, isCurrent: true },
      orderBy: { location: 'asc' },
    })
    expect(current.map((r) => [r.location, r.accepting, r.waitingWeeks])).toEqual([
      ['Vestiging Culemborg', 'nee', 26],
      ['Vestiging Tiel', 'ja', 3],
    ])
    await context.close()
  })

  test('een inkoper ziet het overzicht met grafiek en tabel en downloadt de CSV-bestanden', async ({
    page,
  }) => {
    const db = e2eDb()
    const name = `E2E dashboard ${Date.now()}`
    const seg = await createSegmentWithProducts(db, RIVIERENLAND, { name, products: 1 })
    const productId = seg.productIds[0]!
    const today = Date.now()
    const waits = [3, 9, 20]
    for (const [i, weeks] of waits.entries()) {
      const org = await createOrganisation(db, { name: `${name} aanbieder ${i + 1}` })
      await createAdmission(db, {
        organisationId: org.id,
        productId,
        gemeenteCode: TIEL,
        since: new Date(today - 300 * DAY),
      })
      await createReport(db, {
        organisationId: org.id,
        productId,
        accepting: 'ja',
        waitingWeeks: weeks + 5,
        confirmedAt: new Date(today - 120 * DAY),
      })
      await createReport(db, {
        organisationId: org.id,
        productId,
        accepting: i === 2 ? 'nee' : 'ja',
        waitingWeeks: weeks,
        // The third has not confirmed for 40 days.
        confirmedAt: new Date(today - (i === 2 ? 40 : 3) * DAY),
      })
    }

    await loginAs(page, 'inkoper@rivierenland.example')
    await page.goto('/regio/rivierenland/capaciteit')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Capaciteit en wachttijden in/)
    const row = page.getByRole('row', { name: new RegExp(`${name} Tiel`) })
    await expect(row.getByRole('cell')).toHaveText(['Tiel', '3', '2', '9 weken', '20 weken', '1'])
    await expect(page.getByRole('img', { name: /Wachttijd in weken, alle segmenten/ })).toBeVisible()
    // The chart and its table show the demo data's six months of history, not only what this test made.
    const demoTrend = page.getByRole('table', { name: 'Ontwikkeling, alle segmenten' })
    const oldest = demoTrend.getByRole('row').nth(1).getByRole('cell')
    await expect(oldest.nth(2)).toHaveText(/^\d+ weken$/)
    await expect(oldest.nth(3)).toHaveText(/^\d+ weken$/)
    expect(Number(await oldest.nth(0).textContent())).toBeGreaterThan(10)
    await expectAccessible(page)

    // The trend of this one segment: 4 months ago the waiting times were 5 weeks longer.
    await page.getByLabel('Segment', { exact: true }).selectOption({ label: name })
    await page.getByRole('button', { name: 'Toon ontwikkeling' }).click()
    await expect(
      page.getByRole('img', { name: `Wachttijd in weken, ${name}, afgelopen 6 maanden` }),
    ).toBeVisible()
    const trend = page.getByRole('table', { name: `Ontwikkeling, ${name}` })
    await expect(trend.getByRole('row', { name: /^vandaag/ }).getByRole('cell')).toHaveText([
      '3',
      '2',
      '9 weken',
      '20 weken',
      '1',
    ])
    await expect(trend.getByRole('row').nth(1).getByRole('cell')).toHaveText([
      '3',
      '0',
      'geen gegevens',
      'geen gegevens',
      '3',
    ])
    await expect(trend.getByText('14 weken')).not.toHaveCount(0)
    await expectAccessible(page)

    // The same trend for one municipality: all three providers work in Tiel.
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Tiel' })
    await page.getByRole('button', { name: 'Toon ontwikkeling' }).click()
    await expect(page).toHaveURL(/gemeente=GM0281/)
    const tielTrend = page.getByRole('table', { name: `Ontwikkeling, ${name}, Tiel` })
    await expect(tielTrend.getByRole('row', { name: /^vandaag/ }).getByRole('cell')).toHaveText([
      '3',
      '2',
      '9 weken',
      '20 weken',
      '1',
    ])
    await expect(
      page.getByRole('img', { name: `Wachttijd in weken, ${name}, Tiel, afgelopen 6 maanden` }),
    ).toBeVisible()
    await expectAccessible(page)
    const [trendDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Download de ontwikkeling, ${name}, Tiel (CSV)` }).click(),
    ])
    const trendCsv = await readFile((await trendDownload.path())!, 'utf8')
    expect(trendCsv.startsWith('\uFEFFMoment;Segment;Gemeente;CBS-code;Toegelaten aanbieders')).toBe(true)
    // Seven moments (six month ends and today); today's row as in the table.
    expect(trendCsv.trim().split('\r\n')).toHaveLength(8)
    expect(trendCsv).toMatch(new RegExp(`;${name};Tiel;GM0281;3;2;9;20;1\\r\\n$`))

    const [figures] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download de cijfers per segment en gemeente (CSV)' }).click(),
    ])
    const figuresCsv = await readFile((await figures.path())!, 'utf8')
    expect(figuresCsv.startsWith('\uFEFFPeildatum;Segment;Gemeente;CBS-code;Toegelaten aanbieders')).toBe(
      true,
    )
    expect(figuresCsv).toMatch(new RegExp(`;${name};Tiel;GM0281;3;2;9;20;1\\r\\n`))

    const [providers] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download de actuele capaciteit per aanbieder (CSV)' }).click(),
    ])
    expect(providers.suggestedFilename()).toMatch(
      /^capaciteit-aanbieders-rivierenland-\d{4}-\d{2}-\d{2}\.csv$/,
    )
    const providersCsv = await readFile((await providers.path())!, 'utf8')
    expect(providersCsv).toContain(
      'Aanbieder;Perceel;Productcode;Product;Gemeente;Werkgebied;Neemt nieuwe cliënten aan',
    )
    expect(providersCsv).toMatch(new RegExp(`${name} aanbieder 3;[^\\r\\n]*;Tiel;hele gemeente;Nee;;20;`))
  })
})
