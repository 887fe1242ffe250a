import { readFile } from 'node:fs/promises'
import type { Browser, Download, Page } from '@playwright/test'
import { test, expect, expectAccessible, loginAs, e2eDb } from './support/fixtures'
import { newId } from '../app/utils/ids.server'
import { minimalPdf } from '../app/utils/minimal-pdf'

const INKOPER = 'inkoper@rivierenland.example'
const LINGE = 'beheerder@delinge.example'
const KOMPAS = 'beheerder@kompas.example'
const DAY = 24 * 3600_000
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
])

/** A published, open round of Rivierenland with one written question. */
async function openRound() {
  const id = `e2e-docronde-${newId().slice(0, 10)}`
  const title = `Documentronde ${id.slice(-6)}`
  await e2eDb().consultationRound.create({
    data: {
      id,
      regionId: 'regio-rivierenland',
      title,
      description: 'Een ronde met documenten.',
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 10 * DAY),
      status: 'gepubliceerd',
      publishedAt: new Date(Date.now() - DAY),
      gemeenten: { create: [{ gemeenteCode: 'GM0281' }] },
      writtenPrompts: { create: [{ id: `${id}-p1`, text: 'Wat vindt u van de planning?', sortOrder: 0 }] },
    },
  })
  return { id, title }
}

async function contextPage(browser: Browser, email?: string, javaScriptEnabled = true): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage()
  if (email) await loginAs(page, email)
  return page
}

/** Clicks a link that answers with an attachment and returns the download with its bytes. */
async function downloadVia(page: Page, name: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name, exact: true }).click(),
  ])
  return { download, bytes: await readFile((await download.path())!) }
}

/** The buyer's documents page: a PNG is refused, two PDFs are added and one is removed again. */
async function manageDocuments(page: Page, keep: string, drop: string) {
  await page.getByRole('link', { name: 'Documenten beheren' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Documenten van /)
  await expect(page.getByText('Er zijn nog geen documenten.')).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Titel van het document').fill('Een plaatje')
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({
    name: 'plaatje.png',
    mimeType: 'application/pdf',
    buffer: PNG,
  })
  await page.getByRole('button', { name: 'Document toevoegen' }).click()
  await expect(page.getByText(/Het bestand "plaatje\.png" is geen PDF/)).toBeVisible()
  await expect(page.getByLabel('Titel van het document')).toHaveValue('Een plaatje')
  await expectAccessible(page)

  for (const title of [keep, drop]) {
    await page.getByLabel('Titel van het document').fill(title)
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: `${title.toLowerCase().replace(/\s+/g, '-')}.pdf`,
      mimeType: 'application/pdf',
      buffer: minimalPdf([title]),
    })
    await page.getByRole('button', { name: 'Document toevoegen' }).click()
    await expect(page.getByText(/^Het document is toegevoegd\./)).toBeVisible()
    await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible()
  }
  await expectAccessible(page)
  await page.getByRole('button', { name: `Verwijder ${drop}` }).click()
  await expect(page.getByText(/^Het document is verwijderd\./)).toBeVisible()
  await expect(page.getByRole('link', { name: drop, exact: true })).toHaveCount(0)
  await expect(page.getByRole('link', { name: keep, exact: true })).toBeVisible()
  await expectAccessible(page)

  // The buyer downloads it too.
  const { bytes } = await downloadVia(page, keep)
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
}

test.describe('documenten bij consultaties en inkooptrajecten', () => {
  test.describe.configure({ timeout: 300_000 })

  test('een inkoper voegt een PDF toe aan een gepubliceerde ronde; een bezoeker zonder account downloadt hem', async ({
    page,
    browser,
  }) => {
    const round = await openRound()
    await loginAs(page, INKOPER)
    await page.goto(`/regio/rivierenland/consultaties/${round.id}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(round.title)
    await expectAccessible(page)
    await manageDocuments(page, 'Conceptbestek', 'Oude planning')

    // The changes are listed on the round's page.
    await page.getByRole('link', { name: 'Terug naar de ronde' }).click()
    await expect(page.getByText('Document toegevoegd: Conceptbestek')).toBeVisible()
    await expect(page.getByText('Document verwijderd: Oude planning')).toBeVisible()
    await expectAccessible(page)

    const visitor = await contextPage(browser)
    await visitor.goto(`/consultaties/${round.id}`)
    await expect(visitor.getByRole('heading', { name: 'Documenten' })).toBeVisible()
    await expect(visitor.getByRole('cell', { name: 'conceptbestek.pdf' })).toBeVisible()
    await expect(visitor.getByText('Document toegevoegd: Conceptbestek')).toBeVisible()
    await expectAccessible(visitor)
    const { download, bytes } = await downloadVia(visitor, 'Conceptbestek')
    expect(download.suggestedFilename()).toBe('conceptbestek.pdf')
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')

    // Before publication nobody outside the region gets it.
    const document = await e2eDb().consultationDocument.findFirstOrThrow({ where: { roundId: round.id } })
    await e2eDb().consultationRound.update({ where: { id: round.id }, data: { status: 'concept' } })
    const hidden = await visitor.request.get(`/consultaties/${round.id}/documenten/${document.id}`)
    expect(hidden.status()).toBe(404)
    await visitor.context().close()
  })

  test('een inkoper voegt PDF-bestanden toe aan een gepubliceerd inkooptraject, ook zonder JavaScript; iedereen downloadt ze uit de inkoopagenda', async ({
    page,
    browser,
  }) => {
    const id = `e2e-doctraject-${newId().slice(0, 10)}`
    const name = `Inkoop met documenten ${id.slice(-6)}`
    await e2eDb().procurement.create({
      data: {
        id,
        regionId: 'regio-rivierenland',
        name,
        laws: 'wmo',
        contractStart: new Date('2027-01-01T00:00:00Z'),
        contractEnd: new Date('2029-12-31T00:00:00Z'),
        status: 'gepubliceerd',
        version: 1,
        publishedAt: new Date(),
      },
    })
    await loginAs(page, INKOPER)
    await page.goto(`/regio/rivierenland/inkoop/${id}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
    await expectAccessible(page)
    await manageDocuments(page, 'Beleidskader', 'Verouderde tarieven')

    // The same form without JavaScript: a plain multipart post. (axe needs JavaScript in the page, so it ran on this
    // page above, in the context with JavaScript.)
    const noScript = await contextPage(browser, INKOPER, false)
    await noScript.goto(page.url())
    await noScript.getByLabel('Titel van het document').fill('Nota van inlichtingen')
    await noScript.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'nvi.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf(['Nota van inlichtingen']),
    })
    await noScript.getByRole('button', { name: 'Document toevoegen' }).click()
    await expect(noScript.getByText(/^Het document is toegevoegd\./)).toBeVisible()
    await expect(noScript.getByRole('link', { name: 'Nota van inlichtingen', exact: true })).toBeVisible()
    await noScript.context().close()

    const visitor = await contextPage(browser)
    await visitor.goto(`/inkoopagenda/${id}`)
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(name)
    await expect(visitor.getByRole('cell', { name: 'beleidskader.pdf' })).toBeVisible()
    await expect(visitor.getByText(/versie 2: Document toegevoegd: Beleidskader/)).toBeVisible()
    await expect(visitor.getByText(/versie 4: Document verwijderd: Verouderde tarieven/)).toBeVisible()
    await expect(visitor.getByText(/versie 5: Document toegevoegd: Nota van inlichtingen/)).toBeVisible()
    await expect(visitor.getByRole('cell', { name: 'nvi.pdf' })).toBeVisible()
    await expectAccessible(visitor)
    const { download, bytes } = await downloadVia(visitor, 'Beleidskader')
    expect(download.suggestedFilename()).toBe('beleidskader.pdf')
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    await visitor.context().close()
  })

  test('een aanbieder downloadt de bijlage van de eigen inbreng, ook na de sluiting; een ander krijgt 404', async ({
    browser,
  }) => {
    const round = await openRound()
    const linge = await contextPage(browser, LINGE)
    await linge.goto(`/consultaties/${round.id}/inbreng`)
    await expect(linge.getByRole('heading', { level: 1 })).toHaveText('Schriftelijke inbreng')
    await expectAccessible(linge)
    await linge.getByLabel(/1\. Wat vindt u van de planning\?/).fill('De planning is krap.')
    await linge.getByLabel(/Bijlagen toevoegen/).setInputFiles({
      name: 'planning-linge.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf(['Planning De Linge']),
    })
    await linge.getByRole('button', { name: 'Inbreng opslaan' }).click()
    await expect(linge.getByText(/Uw inbreng is opgeslagen/)).toBeVisible()
    await expectAccessible(linge)
    const open = await downloadVia(linge, 'planning-linge.pdf')
    expect(open.download.suggestedFilename()).toBe('planning-linge.pdf')
    expect(open.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const href = await linge
      .getByRole('link', { name: 'planning-linge.pdf', exact: true })
      .getAttribute('href')
    expect(href).toMatch(new RegExp(`^/consultaties/${round.id}/inbreng/bijlagen/`))

    // Another organisation, and an anonymous visitor, do not get it.
    const kompas = await contextPage(browser, KOMPAS)
    expect((await kompas.request.get(href!)).status()).toBe(404)
    const anonymous = await contextPage(browser)
    const login = await anonymous.request.get(href!, { maxRedirects: 0 })
    expect(login.status()).toBe(302)
    expect(login.headers()['location']).toMatch(/^\/inloggen/)

    // After closing everything is read-only, and the attachment stays available to its own organisation.
    await e2eDb().consultationRound.update({
      where: { id: round.id },
      data: { closesAt: new Date(Date.now() - 60_000) },
    })
    await linge.goto(`/consultaties/${round.id}/inbreng`)
    await expect(linge.getByText(/Uw inbreng is niet meer te wijzigen/)).toBeVisible()
    await expectAccessible(linge)
    const closed = await downloadVia(linge, 'planning-linge.pdf')
    expect(closed.bytes.equals(open.bytes)).toBe(true)
    expect((await kompas.request.get(href!)).status()).toBe(404)
    for (const p of [linge, kompas, anonymous]) await p.context().close()
  })
})
