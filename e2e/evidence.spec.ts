import path from 'node:path'
import { test, expect, expectAccessible, loginAs, waitForMail, e2eDb, uniqueEmail } from './support/fixtures'
import {
  createAdmission,
  createEvidenceItem,
  createOrganisation,
  createRegionWithPerceel,
} from '../app/domain/evidence/test-factories'
import { minimalPdf } from '../app/utils/minimal-pdf'
import { SEED_IDS } from '../prisma/seed/ids'
import { addDays, startOfAmsterdamDay, toDateInputValue } from '../app/utils/time'
import { DirectoryStorage } from '../app/utils/storage.server'
import { E2E_DIR } from './support/e2e-env'

/** The portal's file storage, so factory-made files are where the server looks. */
const storage = new DirectoryStorage(path.resolve(E2E_DIR, 'files'))

const HKZ = SEED_IDS.evidenceTypes.hkz
const day = (n: number) => toDateInputValue(addDays(startOfAmsterdamDay(new Date()), n))

/** A real PDF padded to `mb` megabytes (a comment after %%EOF keeps it a valid PDF). */
function pdfOfSize(mb: number) {
  const head = minimalPdf(['Groot certificaat'])
  return Buffer.concat([
    head,
    Buffer.from('%'),
    Buffer.alloc(mb * 1024 * 1024 - head.length - 2, 0x20),
    Buffer.from('\n'),
  ])
}

test.describe('bewijsstukken', () => {
  test('een aanbieder voegt een bewijsstuk toe met voortgang, ziet de waarschuwing en vervangt het', async ({
    page,
  }) => {
    test.setTimeout(180_000)
    const db = e2eDb()
    const email = uniqueEmail('bewijs')
    const { organisation } = await createOrganisation(db, { beheerderEmail: email })
    await loginAs(page, email)

    await page.goto('/aanbieder/bewijsstukken')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bewijsstukken van ${organisation.name}`)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Bewijsstuk toevoegen' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bewijsstuk toevoegen')
    await expectAccessible(page)

    // A .pdf that is really HTML is refused, with the reason next to the field.
    await page.getByLabel('Soort bewijsstuk').selectOption(HKZ)
    await page.getByLabel('Afgegeven door').fill('Kiwa Nederland')
    await page.getByLabel('Geldig vanaf').fill(day(-300))
    await page.getByLabel('Geldig tot en met').fill(day(60))
    await page.getByLabel('Bestanden').setInputFiles({
      name: 'certificaat.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<!DOCTYPE html><html><body>nep</body></html>'),
    })
    await page.getByRole('button', { name: 'Bewijsstuk toevoegen' }).click()
    await expect(page.getByText('Het bestand "certificaat.pdf" is geen PDF, PNG of JPEG')).toBeVisible()
    expect(await db.evidenceItem.count({ where: { organisationId: organisation.id } })).toBe(0)
    await expectAccessible(page)

    // A large real PDF, over a slow line, shows the progress bar.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    })
    await page.getByLabel('Bestanden').setInputFiles({
      name: 'HKZ-certificaat 2026.pdf',
      mimeType: 'application/pdf',
      buffer: pdfOfSize(3),
    })
    await page.getByRole('button', { name: 'Bewijsstuk toevoegen' }).click()
    await expect(page.getByLabel('Bezig met versturen')).toBeVisible()
    await expect(page.getByText(/\d+% verstuurd/)).toBeVisible()
    await expectAccessible(page)
    await expect(page.getByText('Het bewijsstuk is toegevoegd.')).toBeVisible({ timeout: 30_000 })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('HKZ-certificaat')
    await expect(page.getByText('Verloopt binnenkort (over 60 dagen) · In controle').first()).toBeVisible()
    await expectAccessible(page)

    // The file downloads as an attachment, with nosniff and no caching.
    const href = await page.getByRole('link', { name: 'HKZ-certificaat 2026.pdf' }).getAttribute('href')
    const download = await page.request.get(href!)
    expect(download.status()).toBe(200)
    expect(download.headers()['content-disposition']).toMatch(
      /^attachment; filename="HKZ-certificaat 2026.pdf"/,
    )
    expect(download.headers()['x-content-type-options']).toBe('nosniff')
    expect(download.headers()['cache-control']).toBe('private, no-store')
    expect((await download.body()).length).toBe(3 * 1024 * 1024)

    // The list warns about the expiry.
    await page.goto('/aanbieder/bewijsstukken')
    const warning = page.locator('.utrecht-alert', { hasText: 'Let op' })
    await expect(warning).toContainText('HKZ-certificaat: Verloopt binnenkort (over 60 dagen) · In controle.')
    await expectAccessible(page)

    // Replace it with a newer version; the old one stays in the history.
    await warning.getByRole('link', { name: 'Nieuwe versie toevoegen' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe versie van HKZ-certificaat')
    await expectAccessible(page)
    await expect(page.getByLabel('Afgegeven door')).toHaveValue('Kiwa Nederland')
    await page.getByLabel('Certificaat- of polisnummer').fill('HKZ-2027-001')
    await page.getByLabel('Geldig vanaf').fill(day(0))
    await page.getByLabel('Geldig tot en met').fill(day(3 * 365))
    await page.getByLabel('Bestanden').setInputFiles([
      { name: 'HKZ 2027.pdf', mimeType: 'application/pdf', buffer: minimalPdf(['HKZ 2027']) },
      { name: 'Auditrapport.pdf', mimeType: 'application/pdf', buffer: minimalPdf(['Audit']) },
    ])
    await page.getByRole('button', { name: 'Nieuwe versie toevoegen' }).click()
    await expect(
      page.getByText('De nieuwe versie is toegevoegd. De oude versie blijft in de geschiedenis.'),
    ).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Eerdere versies' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Auditrapport.pdf' })).toBeVisible()
    await expectAccessible(page)
    await page.goto('/aanbieder/bewijsstukken')
    await expect(page.locator('.utrecht-alert', { hasText: 'Let op' })).toHaveCount(0)
    const items = await db.evidenceItem.findMany({ where: { organisationId: organisation.id } })
    expect(items).toHaveLength(2)

    // Required versus supplied per perceel.
    await page.getByRole('link', { name: 'Eisen per perceel' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eisen per perceel')
    await expectAccessible(page)
  })

  test('een verklaring over SKJ/BIG-registratie vraagt om aantallen professionals', async ({ page }) => {
    const db = e2eDb()
    const email = uniqueEmail('bewijs-skj')
    const { organisation } = await createOrganisation(db, { beheerderEmail: email })
    await loginAs(page, email)
    await page.goto('/aanbieder/bewijsstukken/nieuw')
    const total = page.getByLabel('Aantal professionals dat het werk doet')
    const registered = page.getByLabel('Waarvan geregistreerd in SKJ of BIG')
    // The fields follow the chosen type.
    await page.getByLabel('Soort bewijsstuk').selectOption(HKZ)
    await expect(total).toBeHidden()
    await page.getByLabel('Soort bewijsstuk').selectOption(SEED_IDS.evidenceTypes.skjBig)
    await page.getByLabel('Afgegeven door').fill('Stichting Kwaliteitsregister Jeugd')
    await page.getByLabel('Geldig vanaf').fill(day(-5))
    await page.getByLabel('Geldig tot en met').fill(day(1500))
    await total.fill('45')
    await registered.fill('46')
    const file = { name: 'Verklaring SKJ.pdf', mimeType: 'application/pdf', buffer: minimalPdf(['SKJ']) }
    await page.getByLabel('Bestanden').setInputFiles(file)
    await page.getByRole('button', { name: 'Bewijsstuk toevoegen' }).click()
    await expect(
      page.getByText(/Er kunnen niet meer professionals geregistreerd zijn dan er het werk doen/),
    ).toBeVisible()
    await expect(registered).toHaveAttribute('aria-invalid', 'true')
    await expect(total).toHaveValue('45')
    expect(await db.evidenceItem.count({ where: { organisationId: organisation.id } })).toBe(0)
    await expectAccessible(page)

    await registered.fill('42')
    await page.getByLabel('Bestanden').setInputFiles(file)
    await page.getByRole('button', { name: 'Bewijsstuk toevoegen' }).click()
    await expect(page.getByText('Het bewijsstuk is toegevoegd.')).toBeVisible()
    await expect(page.getByText('42 van 45 professionals geregistreerd (93%)')).toBeVisible()
    await expectAccessible(page)
    const item = await db.evidenceItem.findFirstOrThrow({ where: { organisationId: organisation.id } })
    expect([item.professionalsTotal, item.professionalsRegistered]).toEqual([45, 42])
  })

  test('zonder JavaScript werkt het formulier ook', async ({ browser, baseURL }) => {
    test.setTimeout(120_000)
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
    const page = await context.newPage()
    const db = e2eDb()
    const email = uniqueEmail('bewijs-nojs')
    const { organisation } = await createOrganisation(db, { beheerderEmail: email })
    await loginAs(page, email)
    await page.goto('/aanbieder/bewijsstukken/nieuw')
    // Without JavaScript the count fields are always there, saying they are only for SKJ/BIG.
    await expect(
      page.getByText('Alleen bij een verklaring over registratie van professionals').first(),
    ).toBeVisible()
    await page.getByLabel('Soort bewijsstuk').selectOption(SEED_IDS.evidenceTypes.vogRp)
    await page.getByLabel('Afgegeven door').fill('Justis')
    await page.getByLabel('Geldig vanaf').fill(day(-10))
    await page.getByRole('button', { name: 'Bewijsstuk toevoegen' }).click()
    // The issue date is required for a VOG; the other fields keep what was typed.
    await expect(page.getByText('Vul de datum van afgifte in.')).toBeVisible()
    await expect(page.getByLabel('Afgegeven door')).toHaveValue('Justis')
    await page.getByLabel(/^Datum van afgifte/).fill(day(-10))
    await page.getByLabel('Bestanden').setInputFiles([
      { name: 'VOG.pdf', mimeType: 'application/pdf', buffer: minimalPdf(['VOG']) },
      // A real PNG header with a script appended, named .html: kept as a PNG, only ever served as an attachment.
      {
        name: 'scan.html',
        mimeType: 'text/html',
        buffer: Buffer.concat([
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          Buffer.from('<script>alert(document.cookie)</script>'),
        ]),
      },
    ])
    await page.getByRole('button', { name: 'Bewijsstuk toevoegen' }).click()
    await expect(page.getByText('Het bewijsstuk is toegevoegd.')).toBeVisible()
    await expect(page.getByText('Geldig · In controle')).toBeVisible()
    expect(await db.evidenceItem.count({ where: { organisationId: organisation.id } })).toBe(1)
    const href = await page.getByRole('link', { name: 'scan.html.png' }).getAttribute('href')
    const res = await page.request.get(href!)
    expect(res.headers()['content-type']).toBe('image/png')
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="scan.html.png"/)
    expect(res.headers()['x-content-type-options']).toBe('nosniff')
    expect(res.headers()['content-security-policy']).toContain('sandbox')
    await context.close()
  })

  test('een contractmanager keurt een bewijsstuk goed en een ander af; de aanbieder krijgt bericht', async ({
    page,
  }) => {
    test.setTimeout(180_000)
    const db = e2eDb()
    const beheerderEmail = uniqueEmail('bewijs-cm')
    const { organisation } = await createOrganisation(db, { beheerderEmail })
    const region = await createRegionWithPerceel(db, {
      regionId: 'regio-rivierenland',
      typeIds: [SEED_IDS.evidenceTypes.hkz],
    })
    await createAdmission(db, {
      organisationId: organisation.id,
      perceelId: region.perceelId,
      productId: region.product.id,
    })
    const hkz = await createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: SEED_IDS.evidenceTypes.hkz,
      storage,
    })
    const polis = await createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: SEED_IDS.evidenceTypes.aansprakelijkheid,
      validUntil: addDays(new Date(), 30),
      storage,
    })

    await loginAs(page, 'contractmanager@rivierenland.example')
    await page.goto('/regio/rivierenland/bewijsstukken')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Bewijsstukken van aanbieders in Regio Rivierenland',
    )
    await expectAccessible(page)
    await page.locator(`a[href="/regio/rivierenland/bewijsstukken/${hkz.id}"]`).first().click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `HKZ-certificaat van ${organisation.name}`,
    )
    await expectAccessible(page)
    // The contract manager can open the file.
    const href = await page.getByRole('link', { name: 'certificaat.pdf' }).getAttribute('href')
    const res = await page.request.get(href!)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toBe('application/pdf')
    await page.getByRole('button', { name: 'Goedkeuren' }).click()
    await expect(page.getByText('Het bewijsstuk is goedgekeurd. De aanbieder krijgt bericht.')).toBeVisible()
    await expectAccessible(page)
    await waitForMail(beheerderEmail, /Uw bewijsstuk HKZ-certificaat is goedgekeurd/)

    await page.locator(`a[href="/regio/rivierenland/bewijsstukken/${polis.id}"]`).first().click()
    await page.getByRole('button', { name: 'Afkeuren' }).click()
    await expect(page.getByText('Geef een reden voor de afkeuring.')).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Reden van afkeuring').fill('De polis noemt een andere organisatie.')
    await page.getByRole('button', { name: 'Afkeuren' }).click()
    await expect(
      page.getByText('Het bewijsstuk is afgekeurd. De aanbieder krijgt bericht met uw reden.'),
    ).toBeVisible()
    const mail = await waitForMail(beheerderEmail, /Uw bewijsstuk Aansprakelijkheidsverzekering is afgekeurd/)
    expect(mail.text).toContain('De polis noemt een andere organisatie.')
    const decided = await db.evidenceItem.findMany({
      where: { organisationId: organisation.id },
      orderBy: { createdAt: 'asc' },
    })
    expect(decided.map((i) => i.verification).sort()).toEqual(['afgekeurd', 'goedgekeurd'])

    // Another region's staff and other providers get 404 for the file.
    await page.context().clearCookies()
    await loginAs(page, 'inkoper@leidseregio.example')
    expect((await page.request.get(href!)).status()).toBe(404)
    await page.context().clearCookies()
    await loginAs(page, 'beheerder@kompas.example')
    expect((await page.request.get(href!)).status()).toBe(404)
  })
})

test('een inkoper maakt een eigen soort bewijsstuk; een perceel van de regio kan het eisen', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const name = `Certificaat meldcode ${Date.now().toString(36)}`
  await loginAs(page, 'inkoper@rivierenland.example')
  await page.goto('/regio/rivierenland')
  await page.getByRole('link', { name: 'Soorten bewijsstukken' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Soorten bewijsstukken')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Soort toevoegen' }).click()
  await expect(page.getByText('Vul de naam van het soort bewijsstuk in')).toBeVisible()
  await page.getByLabel('Naam').fill(name)
  await page.getByLabel(/Heeft een einddatum/).check()
  await page.getByRole('button', { name: 'Soort toevoegen' }).click()
  await expect(page.getByText(`"${name}" is toegevoegd.`)).toBeVisible()
  await expectAccessible(page)
  // The same name twice is refused next to the field, with what was typed kept.
  await page.getByLabel('Naam').fill(name.toUpperCase())
  await page.getByRole('button', { name: 'Soort toevoegen' }).click()
  await expect(page.getByText(/Er is al een soort bewijsstuk met deze naam/)).toBeVisible()
  await expect(page.getByLabel('Naam')).toHaveValue(name.toUpperCase())

  await page.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expectAccessible(page)
  await page
    .getByLabel('Beschrijving')
    .fill('Bewijs van scholing in de meldcode, afgegeven door de opleider.')
  await page.getByLabel('Vraagt om aantallen professionals (SKJ/BIG)').check()
  await page.getByRole('button', { name: 'Wijziging opslaan' }).click()
  await expect(page.getByText(`"${name}" is gewijzigd.`)).toBeVisible()
  expect((await e2eDb().evidenceType.findFirstOrThrow({ where: { name } })).asksProfessionalCounts).toBe(true)

  const perceel = SEED_IDS.percelen.rlAmbulanteBehandeling
  const procurement = (await e2eDb().perceel.findUniqueOrThrow({ where: { id: perceel } })).procurementId
  await page.goto(`/regio/rivierenland/inkoop/${procurement}/percelen/${perceel}`)
  await expect(page.getByLabel('Soort bewijsstuk').getByRole('option', { name })).toHaveCount(1)
  // Another region's buyer neither sees nor changes it.
  const id = (await e2eDb().evidenceType.findFirstOrThrow({ where: { name } })).id
  await loginAs(page, 'inkoper@leidseregio.example')
  expect((await page.goto(`/regio/rivierenland/bewijstypen/${id}`))?.status()).toBe(404)
})
