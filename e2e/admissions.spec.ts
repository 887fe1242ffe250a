import type { Browser, Page } from '@playwright/test'
import { test, expect, expectAccessible, loginAs, waitForMail, e2eDb, uniqueEmail } from './support/fixtures'
import {
  createCompleteDraft,
  createEvidenceItem,
  createOpenHousePerceel,
  createProvider,
} from '../app/domain/admissions/test-factories'
import { endOfAmsterdamDay } from '../app/utils/time'

const REGION = 'regio-rivierenland'
const INKOPER = 'inkoper@rivierenland.example'
const DAY = 86_400_000

async function buyerPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await loginAs(page, INKOPER)
  return page
}

test.describe('toetredingen', () => {
  test('een aanbieder maakt een concept, dient in, vult aan en wordt toegelaten', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000)
    const db = e2eDb()
    const p = await createOpenHousePerceel(db, { regionId: REGION })
    const email = uniqueEmail('toetreding')
    const { organisation } = await createProvider(db, { email, name: `Praktijk Toetreding ${Date.now()}` })
    const item = await createEvidenceItem(db, { organisationId: organisation.id, typeId: p.evidenceType.id })
    const perceel = await db.perceel.findUniqueOrThrow({ where: { id: p.perceelId } })

    // Dashboard → start an entry for Tiel and one product.
    await loginAs(page, email)
    await page.goto('/aanbieder/toetredingen')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toetredingen en toelatingen')
    await expectAccessible(page)
    await page.getByRole('link', { name: `Toetreding starten voor ${perceel.name}` }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Toetreding starten: ${perceel.name}`)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Toetreding starten' }).click()
    await expect(page.getByText('Kies minstens één gemeente').first()).toBeVisible()
    await page.getByLabel('Tiel').check()
    await page.getByLabel(`${p.products[0].code} ${p.products[0].name}`).check()
    await page.getByRole('button', { name: 'Toetreding starten' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Toetreding: ${perceel.name}`)
    await expect(page.getByText('Concept', { exact: true })).toBeVisible()
    await expectAccessible(page)

    // A failing knock-out answer is explained at once when saving, and blocks submission.
    await page
      .getByRole('group', { name: /meldcode/ })
      .getByLabel('Nee')
      .check()
    await page.getByLabel(/Hoeveel jaar ervaring/).fill('5')
    await page.getByRole('button', { name: 'Concept opslaan' }).click()
    await expect(page.getByText(/Met het antwoord "nee" voldoet u niet aan deze eis/)).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Opslaan en indienen' }).click()
    await expect(page.getByText('Uw toetreding is nog niet compleet')).toBeVisible()
    await expect(page.getByText(/Voeg een bewijsstuk toe voor/).first()).toBeVisible()

    // Complete it and submit.
    await page
      .getByRole('group', { name: /meldcode/ })
      .getByLabel('Ja')
      .check()
    await page.getByLabel(p.evidenceType.name).selectOption(item.id)
    await page.getByRole('button', { name: 'Opslaan en indienen' }).click()
    await expect(page.getByText('Uw toetreding is ingediend')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByText('Ingediend', { exact: true })).toBeVisible()
    await expectAccessible(page)
    const confirmation = await waitForMail(email, /Toetreding ingediend/)
    expect(confirmation.text).toContain('Tiel')
    expect(confirmation.text).toMatch(/uiterlijk \d+ \w+ \d{4} een besluit/)
    const entry = await db.entry.findFirstOrThrow({ where: { organisationId: organisation.id } })

    // The buyer asks for more information.
    const buyer = await buyerPage(browser, baseURL)
    await buyer.goto(`/regio/rivierenland/toetredingen?perceel=${p.perceelId}`)
    await expect(buyer.getByRole('heading', { level: 1 })).toHaveText('Toetredingen beoordelen')
    await expectAccessible(buyer)
    await buyer.getByRole('link', { name: organisation.name }).click()
    await expect(buyer.getByRole('heading', { level: 1 })).toContainText(organisation.name)
    await expectAccessible(buyer)
    await buyer.getByLabel('Wat moet de aanbieder aanvullen?').fill('Voeg het meest recente certificaat toe.')
    await buyer.getByRole('button', { name: 'Aanvulling vragen' }).click()
    await expect(buyer.getByText('De aanbieder is gevraagd de toetreding aan te vullen.')).toBeVisible({
      timeout: 30_000,
    })
    const request = await waitForMail(email, /Aanvulling gevraagd/)
    expect(request.text).toContain('Voeg het meest recente certificaat toe.')

    // The provider amends (adds a municipality) and resubmits.
    await page.goto(`/aanbieder/toetredingen/${entry.id}`)
    await expect(page.getByText('Voeg het meest recente certificaat toe.', { exact: true })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Culemborg').check()
    await page.getByRole('button', { name: 'Opslaan en opnieuw indienen' }).click()
    await expect(page.getByText('Uw toetreding is ingediend')).toBeVisible({ timeout: 30_000 })

    // The buyer admits, with reasons; the provider gets the decision with the letter attached.
    await buyer.reload()
    await expect(buyer.getByText('Ingediend', { exact: true })).toBeVisible()
    await buyer.getByRole('button', { name: 'Toelaten' }).click()
    await expect(buyer.getByText('Geef een toelichting').first()).toBeVisible()
    await buyer
      .getByRole('group', { name: 'Toelaten' })
      .getByLabel('Motivering van het besluit')
      .fill('Voldoet aan alle eisen.')
    await buyer.getByRole('button', { name: 'Toelaten' }).click()
    await expect(buyer.getByText('De aanbieder is toegelaten.')).toBeVisible({ timeout: 30_000 })
    await expect(buyer.getByRole('cell', { name: /naar "Toegelaten"/ })).toBeVisible()
    await expectAccessible(buyer)
    const decision = await waitForMail(email, /Besluit: toegelaten/)
    expect(decision.attachments.map((a) => a.contentType)).toContain('application/pdf')

    // Admitted: the dashboard and the public register show it.
    await page.goto('/aanbieder/toetredingen')
    await expect(page.getByText('Toegelaten', { exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: `Bevestigen (${perceel.name})` })).toBeVisible()
    await expectAccessible(page)
    await page.goto(`/register/${p.perceelId}`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(perceel.name)
    await expect(page.getByRole('cell', { name: organisation.name }).first()).toBeVisible()
    await expectAccessible(page)
    await buyer.context().close()
  })

  test('een concept uit een gesloten registratiemoment gaat mee naar het volgende moment en wordt daar ingediend', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const db = e2eDb()
    const now = Date.now()
    const p = await createOpenHousePerceel(db, {
      regionId: REGION,
      opensAt: new Date(now - 20 * DAY),
      closesAt: new Date(now - DAY),
      decisionDate: new Date(now + 30 * DAY),
    })
    const next = await db.registrationMoment.create({
      data: {
        id: `moment-e2e-${now}`,
        perceelId: p.perceelId,
        opensAt: new Date(now - 60 * 60 * 1000),
        closesAt: new Date(now + 10 * DAY),
        decisionDate: new Date(now + 40 * DAY),
      },
    })
    const email = uniqueEmail('verplaatsen')
    const { organisation, beheerder } = await createProvider(db, {
      email,
      name: `Praktijk Verplaatst ${now}`,
    })
    const entryId = await createCompleteDraft(db, p, organisation, beheerder.id)

    await loginAs(page, email)
    await page.goto(`/aanbieder/toetredingen/${entryId}`)
    await expect(
      page.getByRole('heading', { name: 'Het registratiemoment van dit concept is gesloten' }),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Opslaan en indienen' }).click()
    await expect(page.getByText(/Het registratiemoment is gesloten sinds/)).toBeVisible()
    await page.getByRole('button', { name: 'Verplaatsen naar het volgende registratiemoment' }).click()
    await expect(page.getByText(/Uw concept is verplaatst naar het registratiemoment/)).toBeVisible({
      timeout: 30_000,
    })
    await expect(
      page.getByRole('heading', { name: 'Het registratiemoment van dit concept is gesloten' }),
    ).toHaveCount(0)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Opslaan en indienen' }).click()
    await expect(page.getByText('Uw toetreding is ingediend')).toBeVisible({ timeout: 30_000 })
    const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } })
    expect(entry.registrationMomentId).toBe(next.id)
    // Due at the end of the moment's decision day (Amsterdam), not at its first minute.
    expect(entry.decisionDueAt).toEqual(endOfAmsterdamDay(next.decisionDate))
  })

  test('een inkoper ziet de wachtrij met verlopen termijnen, wijst af met redenen en schorst een toelating', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const db = e2eDb()
    const p = await createOpenHousePerceel(db, { regionId: REGION })
    const a = await createProvider(db, {
      email: uniqueEmail('wachtrij-a'),
      name: `Praktijk Alfa ${Date.now()}`,
    })
    const b = await createProvider(db, {
      email: uniqueEmail('wachtrij-b'),
      name: `Praktijk Beta ${Date.now()}`,
    })
    const entryA = await createCompleteDraft(db, p, a.organisation, a.beheerder.id)
    const entryB = await createCompleteDraft(db, p, b.organisation, b.beheerder.id)
    const now = Date.now()
    await db.entry.update({
      where: { id: entryA },
      data: {
        status: 'ingediend',
        submittedAt: new Date(now - 30 * DAY),
        decisionDueAt: new Date(now - 2 * DAY),
      },
    })
    await db.entry.update({
      where: { id: entryB },
      data: {
        status: 'ingediend',
        submittedAt: new Date(now - DAY),
        decisionDueAt: new Date(now + 20 * DAY),
      },
    })

    await loginAs(page, INKOPER)
    await page.goto(`/regio/rivierenland/toetredingen?perceel=${p.perceelId}`)
    await expectAccessible(page)
    const rows = page.getByRole('row')
    await expect(rows.nth(1)).toContainText(a.organisation.name)
    await expect(rows.nth(1)).toContainText('Termijn verstreken')
    await expect(rows.nth(2)).toContainText(b.organisation.name)
    await expect(rows.nth(2)).not.toContainText('Termijn verstreken')

    // Reject A, naming the unmet requirement.
    await page.getByRole('link', { name: a.organisation.name }).click()
    await expect(page.getByText('(termijn verstreken)')).toBeVisible()
    await page.getByRole('button', { name: 'In behandeling nemen' }).click()
    await expect(page.getByText('De toetreding is in behandeling genomen.')).toBeVisible()
    await expectAccessible(page)
    const reject = page.getByRole('group', { name: 'Afwijzen' })
    await reject
      .getByLabel('Motivering van het besluit')
      .fill('De reikwijdte van het certificaat dekt jeugdhulp niet.')
    await page.getByRole('button', { name: 'Afwijzen' }).click()
    await expect(
      page.getByText('Kies of beschrijf de eisen waaraan de aanbieder niet voldoet.'),
    ).toBeVisible()
    await page
      .getByLabel(/Andere eisen waaraan niet is voldaan/)
      .fill('HKZ-certificaat met jeugdhulp in de reikwijdte')
    await page
      .getByRole('group', { name: 'Afwijzen' })
      .getByLabel('Motivering van het besluit')
      .fill('De reikwijdte van het certificaat dekt jeugdhulp niet.')
    await page.getByRole('button', { name: 'Afwijzen' }).click()
    await expect(page.getByText('De toetreding is afgewezen.')).toBeVisible({ timeout: 30_000 })
    await expectAccessible(page)
    const rejection = await waitForMail(a.beheerder.email, /toetreding afgewezen/)
    expect(rejection.text).toContain('HKZ-certificaat met jeugdhulp in de reikwijdte')
    expect(rejection.attachments.map((x) => x.contentType)).toContain('application/pdf')

    // Admit B, then suspend one of its admissions with a reason.
    await page.goto(`/regio/rivierenland/toetredingen/${entryB}`)
    await page
      .getByRole('group', { name: 'Toelaten' })
      .getByLabel('Motivering van het besluit')
      .fill('In orde.')
    await page.getByRole('button', { name: 'Toelaten' }).click()
    await expect(page.getByText('De aanbieder is toegelaten.')).toBeVisible({ timeout: 30_000 })
    const admission = await db.admission.findFirstOrThrow({ where: { entryId: entryB } })
    await page.goto(`/regio/rivierenland/toelatingen?perceel=${p.perceelId}`)
    await expect(page.getByRole('link', { name: b.organisation.name })).toBeVisible()
    await expectAccessible(page)
    await page.goto(`/regio/rivierenland/toelatingen/${admission.id}`)
    await expectAccessible(page)
    await page
      .getByRole('group', { name: 'Toelating schorsen' })
      .getByLabel('Reden')
      .fill('De VOG is verlopen.')
    await page.getByRole('button', { name: 'Schorsen' }).click()
    await expect(page.getByText('De toelating is geschorst.')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('cell', { name: 'De VOG is verlopen.' })).toBeVisible()
    await waitForMail(b.beheerder.email, /Toelating geschorst/)
  })
})
