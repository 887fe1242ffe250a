import { test, expect, expectAccessible, loginAs, e2eDb } from './support/fixtures'
import { newId } from '../app/utils/ids.server'
import { SEED_IDS } from '../prisma/seed/ids'

const INKOPER = 'inkoper@rivierenland.example'

test.describe('inkoopcatalogus', () => {
  test.describe.configure({ timeout: 300_000 })

  test('een inkoper maakt een traject met een aanbesteding en een open house, leest producten in en publiceert; iedereen leest het in de inkoopagenda', async ({
    page,
    browser,
  }) => {
    const name = `Inkoop Jeugd 2027 ${newId().slice(0, 6)}`
    await loginAs(page, INKOPER)

    // List and new procurement.
    await page.goto('/regio/rivierenland/inkoop')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inkooptrajecten van Regio Rivierenland')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Nieuw inkooptraject' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw inkooptraject')
    await expectAccessible(page)
    await page.getByLabel('Naam van het inkooptraject').fill(name)
    await page.getByLabel('Jeugdwet').check()
    await page.getByLabel('Begin contractperiode').fill('2027-01-01')
    await page.getByLabel('Einde contractperiode').fill('2029-12-31')
    await page.getByLabel(/Verlengingsopties/).fill('2 x 2 jaar')
    await page.getByRole('button', { name: 'Inkooptraject aanmaken' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
    await expect(page.getByText('Het inkooptraject is aangemaakt.')).toBeVisible()
    await expectAccessible(page)
    const procurementUrl = page.url()

    // Perceel 1: a tender.
    await page.getByLabel('Naam van het perceel').fill('Wonen met behandeling')
    await page.getByLabel('Aanbesteding', { exact: true }).check()
    await page
      .getByLabel(/Link naar de aankondiging op TenderNed/)
      .fill('https://www.tenderned.nl/aankondigingen/overzicht/999999')
    await page.getByRole('button', { name: 'Perceel opslaan' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perceel Wonen met behandeling')
    await expectAccessible(page)
    const tenderUrl = page.url()

    // Perceel 2: open house without justification is refused ("nee, tenzij").
    await page.goto(procurementUrl)
    await page.getByLabel('Naam van het perceel').fill('Ambulante behandeling')
    await page.getByLabel('Open house', { exact: true }).check()
    await page.getByLabel(REGIME_MOMENTS).check()
    await page.getByRole('button', { name: 'Perceel opslaan' }).click()
    await expect(page.getByText(/Open house mag alleen met een onderbouwing \("nee, tenzij"\)/)).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
    await expectAccessible(page)
    await page
      .getByLabel(/Onderbouwing open house/)
      .fill('Veel aanbieders zijn wenselijk gelet op de wachtlijsten in de GGZ.')
    await page.getByRole('button', { name: 'Perceel opslaan' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perceel Ambulante behandeling')
    const perceelUrl = page.url()

    // Municipalities taking part.
    await page.getByLabel('Tiel').check()
    await page.getByLabel('Culemborg').check()
    await page.getByRole('button', { name: 'Perceel opslaan' }).click()
    await expect(page.getByText('Het perceel is opgeslagen.')).toBeVisible()

    // Registration moments: one accepted, one overlapping and refused.
    await page.getByLabel('Opent op').fill('2027-01-04T09:00')
    await page.getByLabel('Sluit op').fill('2027-02-26T17:00')
    await page.getByLabel('Besluit uiterlijk op').fill('2027-04-01')
    await page.getByRole('button', { name: 'Inschrijfmoment toevoegen' }).click()
    await expect(page.getByText('Het inschrijfmoment is toegevoegd.')).toBeVisible()
    await page.getByLabel('Opent op').fill('2027-02-01T09:00')
    await page.getByLabel('Sluit op').fill('2027-03-15T17:00')
    await page.getByLabel('Besluit uiterlijk op').fill('2027-04-15')
    await page.getByRole('button', { name: 'Inschrijfmoment toevoegen' }).click()
    await expect(
      page.getByText(/Dit inschrijfmoment overlapt met het moment van 4 januari 2027/),
    ).toBeVisible()
    await expectAccessible(page)

    // Requirements: a knock-out question.
    await page.getByLabel('Soort vraag').selectOption('knockout_number')
    await page
      .getByLabel('Vraag', { exact: true })
      .fill('Hoeveel cliënten behandelde u in het afgelopen jaar?')
    await page.getByLabel(/Minimum \(bij een getal\)/).fill('10')
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click()
    await expect(page.getByText('De vraag is toegevoegd aan de conceptversie van de eisen.')).toBeVisible()

    // CSV import: one bad row shows its error and nothing is saved.
    await page.getByRole('link', { name: 'Producten inlezen uit CSV' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Producten inlezen uit CSV')
    await expectAccessible(page)
    const header =
      'wet;categorie;productcode;naam;eenheid;intensiteit;tarief;geldig_vanaf;geldig_tot;indexatie'
    // 45A01 has two tariff periods: two rows with the same product code.
    const good = [
      'jeugd;45;45A01;Ambulante behandeling licht;04;licht;92,40;01-01-2027;31-12-2027;jaarlijks OVA',
      'jeugd;45;45A02;Ambulante behandeling middel;04;middel;104,80;01-01-2027;;jaarlijks OVA',
      'jeugd;45;45A01;Ambulante behandeling licht;04;licht;95,10;01-01-2028;;jaarlijks OVA',
    ]
    const bad = 'jeugd;02;45A03;Ambulante behandeling zwaar;04;zwaar;118,605;01-01-2027;;'
    await page.getByLabel(/Of plak de regels hier/).fill([header, ...good, bad].join('\n'))
    await page.getByRole('button', { name: 'Controleren' }).click()
    await expect(
      page.getByText('1 regel bevat fouten. Er is niets opgeslagen.', { exact: false }),
    ).toBeVisible()
    const badRow = page.getByRole('row').filter({ hasText: '45A03' })
    await expect(badRow).toContainText('Kies een productcategorie die bij de wet van het product hoort')
    await expect(badRow).toContainText('Vul een tarief in met hoogstens 2 cijfers achter de komma')
    await expect(page.getByRole('button', { name: /Bevestig en sla/ })).toHaveCount(0)
    await expectAccessible(page)
    expect(await e2eDb().product.count({ where: { perceel: { procurement: { name } } } })).toBe(0)

    // Corrected: preview without errors, then confirm.
    const fixed = 'jeugd;45;45A03;Ambulante behandeling zwaar;04;zwaar;118,60;01-01-2027;;'
    await page.getByLabel(/Of plak de regels hier/).fill([header, ...good, fixed].join('\n'))
    await page.getByRole('button', { name: 'Controleren' }).click()
    await expect(page.getByText('Alle 4 regels zijn in orde.', { exact: false })).toBeVisible()
    await page.getByRole('button', { name: 'Bevestig en sla 3 producten met 4 tarieven op' }).click()
    await expect(page.getByText('3 producten met hun tarieven zijn ingelezen.')).toBeVisible()
    await expect(page.getByRole('cell', { name: '€ 104,80', exact: false })).toBeVisible()
    expect(page.url()).toContain(perceelUrl.replace(/^https?:\/\/[^/]+/, ''))

    // Export gives the same list back.
    const exported = await page.request.get(`${perceelUrl}/export.csv`)
    expect(exported.headers()['content-type']).toContain('text/csv')
    const exportedCsv = await exported.body()
    expect(exportedCsv.toString('utf8')).toContain(
      'jeugd;45;45A02;Ambulante behandeling middel;04;middel;104,80;01-01-2027;;jaarlijks OVA',
    )

    // ... and reads back in: the download, uploaded to the other perceel, keeps both tariffs of 45A01.
    await page.goto(`${tenderUrl}/import`)
    await page
      .getByLabel('CSV-bestand (niet verplicht)')
      .setInputFiles({ name: 'producten.csv', mimeType: 'text/csv', buffer: exportedCsv })
    await page.getByRole('button', { name: 'Controleren' }).click()
    await expect(page.getByText('Alle 4 regels zijn in orde.', { exact: false })).toBeVisible()
    await page.getByRole('button', { name: 'Bevestig en sla 3 producten met 4 tarieven op' }).click()
    await expect(page.getByText('3 producten met hun tarieven zijn ingelezen.')).toBeVisible()
    await expect(page.getByRole('cell', { name: /€ 95,10 vanaf 1 januari 2028/ })).toBeVisible()

    // The contract period cannot shrink past a registration moment.
    await page.goto(`${procurementUrl}/bewerken`)
    await page.getByLabel('Einde contractperiode').fill('2027-01-31')
    await page.getByRole('button', { name: 'Gegevens opslaan' }).click()
    await expect(
      page.getByText(
        /Perceel "Ambulante behandeling" heeft een inschrijfmoment dat sluit op 26 februari 2027/,
      ),
    ).toBeVisible()
    await expectAccessible(page)

    // Timeline and publication.
    await page.goto(procurementUrl)
    await page.getByLabel('Omschrijving van de mijlpaal').fill('Informatiebijeenkomst aanbieders')
    await page.getByLabel('Datum en tijd').fill('2026-12-10T14:00')
    await page.getByRole('button', { name: 'Mijlpaal toevoegen' }).click()
    await expect(page.getByText('De mijlpaal is toegevoegd.')).toBeVisible()
    await page.getByLabel('Toelichting bij de publicatie').fill('Eerste publicatie van het traject.')
    await page.getByRole('button', { name: 'Publiceren', exact: true }).click()
    await expect(page.getByText(/Versie 1 is gepubliceerd in de inkoopagenda/)).toBeVisible()
    await expectAccessible(page)

    // After publication an edit is published by itself: a new version, listed and e-mailed.
    await page.getByLabel('Omschrijving van de mijlpaal').fill('Marktconsultatie')
    await page.getByLabel('Datum en tijd').fill('2026-12-17T10:00')
    await page.getByRole('button', { name: 'Mijlpaal toevoegen' }).click()
    await expect(page.getByText('De mijlpaal is toegevoegd. De wijziging is gepubliceerd')).toBeVisible()

    // An anonymous visitor reads it on the inkoopagenda.
    const visitorContext = await browser.newContext()
    const visitor = await visitorContext.newPage()
    await visitor.goto(new URL('/inkoopagenda', page.url()).toString())
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Inkoopagenda')
    await expectAccessible(visitor)
    await visitor.getByRole('link', { name }).click()
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(name)
    const openHouse = visitor
      .locator('section')
      .filter({ has: visitor.getByRole('heading', { name: 'Ambulante behandeling' }) })
    await expect(openHouse).toContainText('Open house, vaste inschrijfmomenten')
    await expect(openHouse).toContainText(
      'Veel aanbieders zijn wenselijk gelet op de wachtlijsten in de GGZ.',
    )
    await expect(openHouse).toContainText('Culemborg, Tiel')
    await expect(openHouse).toContainText('€ 92,40')
    await expect(openHouse).toContainText('4 januari 2027')
    await expect(openHouse).toContainText('Hoeveel cliënten behandelde u in het afgelopen jaar?')
    const tender = visitor
      .locator('section')
      .filter({ has: visitor.getByRole('heading', { name: 'Wonen met behandeling' }) })
    await expect(tender).toContainText('Aanbesteding')
    await expect(visitor.getByText('Informatiebijeenkomst aanbieders')).toBeVisible()
    await expect(visitor.getByText(/versie 1: Eerste publicatie van het traject\./)).toBeVisible()
    await expect(
      visitor.getByText(
        /versie 2: Mijlpaal toegevoegd aan de tijdlijn: "Marktconsultatie" op 17 december 2026/,
      ),
    ).toBeVisible()
    // The public register: linked for open house; for a tender only once something was awarded.
    await expect(tender.getByRole('link', { name: /Register van/ })).toHaveCount(0)
    await expect(visitor.getByRole('link', { name: 'Log in om dit traject te volgen' })).toBeVisible()
    await expectAccessible(visitor)
    await openHouse
      .getByRole('link', { name: /^Register van toegelaten aanbieders\s+voor Ambulante behandeling$/ })
      .click()
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
      'Register van toegelaten aanbieders: Ambulante behandeling',
    )
    await expectAccessible(visitor)
    await visitorContext.close()
  })

  test('de demo-inkoopagenda toont Rivierenland en de Leidse regio', async ({ page }) => {
    await page.goto('/inkoopagenda/inkoop-rivierenland-2023')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inkoop Wmo en Jeugdhulp 2023')
    await expect(
      page.getByText('Veel aanbieders zijn wenselijk gelet op de wachtlijsten in de GGZ.'),
    ).toBeVisible()
    await expectAccessible(page)
    await page.goto('/inkoopagenda/inkoop-leidse-regio-wmo-2021')
    await expect(
      page.getByText('Open house, doorlopend inschrijven, besluit binnen 20 werkdagen'),
    ).toBeVisible()
    await expect(page.getByText('(indien nodig)').first()).toBeVisible()
    await expectAccessible(page)
  })

  test('een aanbieder volgt een traject', async ({ page }) => {
    await loginAs(page, 'beheerder@kompas.example')
    await page.goto('/inkoopagenda/inkoop-leidse-regio-wmo-2021')
    await page.getByRole('button', { name: 'Volg dit traject' }).click()
    await expect(page.getByText('U volgt dit traject.', { exact: false }).first()).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Niet meer volgen' }).click()
    await expect(page.getByText('U volgt dit traject niet meer.')).toBeVisible()
  })
})

const REGIME_MOMENTS = 'Vaste inschrijfmomenten'

test('een inkoper voert een geïndexeerd tarief in; het vorige stopt de dag ervoor en de wijziging is gepubliceerd', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await loginAs(page, 'inkoper@rivierenland.example')
  const perceel = SEED_IDS.percelen.rlAmbulanteBehandeling
  const procurement = SEED_IDS.procurements.rivierenland2023
  await page.goto(`/regio/rivierenland/inkoop/${procurement}/percelen/${perceel}#producten`)
  await page
    .getByRole('link', { name: /: tarieven$/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Tarieven van')
  await expectAccessible(page)
  const rowsBefore = await page.getByRole('table', { name: 'Tariefperiodes' }).getByRole('row').count()
  const year = new Date().getFullYear() + 3
  await page.getByLabel('Tarief in euro').fill('71,15')
  await page.getByLabel('Geldig vanaf').fill(`${year}-01-01`)
  await page.getByLabel('Indexatie').fill(`OVA ${year}`)
  await page.getByRole('button', { name: 'Tarief toevoegen' }).click()
  await expect(page.getByText('Het tarief is toegevoegd.')).toBeVisible()
  const table = page.getByRole('table', { name: 'Tariefperiodes' })
  await expect(table.getByRole('row')).toHaveCount(rowsBefore + 1)
  await expect(table.getByRole('row', { name: /€ 71,15/ })).toContainText('geen einddatum')
  await expect(table.getByRole('cell', { name: `31 december ${year - 1}` })).toBeVisible()
  await expectAccessible(page)
  // An end before the start is refused next to the field; what was typed is kept.
  await page.getByLabel('Tarief in euro').fill('72,00')
  await page.getByLabel('Geldig vanaf').fill(`${year}-06-01`)
  await page.getByLabel('Geldig tot en met').fill(`${year}-03-01`)
  await page.getByRole('button', { name: 'Tarief toevoegen' }).click()
  await expect(page.getByText('Kies een einddatum na de begindatum')).toBeVisible()
  await expect(page.getByLabel('Tarief in euro')).toHaveValue('72,00')

  await page.goto(`/inkoopagenda/${procurement}`)
  await expect(page.getByText(/Nieuw tarief voor product/).first()).toBeVisible()
  await expectAccessible(page)
})

test('een inkoper sluit een gepubliceerd traject; het blijft openbaar maar verandert niet meer', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const id = `e2e-traject-${newId().slice(0, 8)}`
  const name = `Traject om te sluiten ${id.slice(-6)}`
  await e2eDb().procurement.create({
    data: {
      id,
      regionId: 'regio-rivierenland',
      name,
      laws: 'wmo',
      contractStart: new Date('2024-01-01T00:00:00Z'),
      contractEnd: new Date('2027-01-01T00:00:00Z'),
      status: 'gepubliceerd',
      version: 1,
      publishedAt: new Date('2023-10-01T00:00:00Z'),
    },
  })
  await loginAs(page, INKOPER)
  await page.goto(`/regio/rivierenland/inkoop/${id}`)
  await page.getByRole('button', { name: 'Inkooptraject sluiten' }).click()
  await expect(page.getByText('Geef aan waarom het inkooptraject sluit')).toBeVisible()
  await page.getByLabel('Waarom sluit het traject?').fill('De looptijd is voorbij; een nieuw traject volgt.')
  await page.getByRole('button', { name: 'Inkooptraject sluiten' }).click()
  await expect(page.getByText(/Het inkooptraject is gesloten\./)).toBeVisible()
  await expect(page.getByText('Dit inkooptraject is gesloten.', { exact: false }).first()).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Perceel toevoegen' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Wijziging publiceren' })).toHaveCount(0)
  await expectAccessible(page)

  await page.goto(`/inkoopagenda/${id}`)
  await expect(page.getByText('Gesloten').first()).toBeVisible()
  await expect(page.getByText(/De looptijd is voorbij; een nieuw traject volgt\./)).toBeVisible()
  await expectAccessible(page)
})
