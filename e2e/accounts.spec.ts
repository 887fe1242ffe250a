import { TOTP, Secret } from 'otpauth'
import type { Page } from '@playwright/test'
import {
  test,
  expect,
  expectAccessible,
  loginAs,
  waitForMail,
  firstLink,
  uniqueEmail,
  e2eDb,
} from './support/fixtures'
import { newId } from '../app/utils/ids.server'
import { DEMO_TOTP_SECRET } from '../app/utils/demo.server'

const PASSWORD = 'een-lang-wachtwoord-voor-e2e'

function uniqueKvk() {
  return String(Math.floor(10_000_000 + Math.random() * 89_999_999))
}

async function fillOrganisation(page: Page, org: { name: string; kvk: string }) {
  await page.getByLabel('Statutaire naam').fill(org.name)
  await page.getByLabel('KvK-nummer').fill(org.kvk)
  await page.getByLabel('Straat').fill('Kerkstraat')
  await page.getByLabel('Huisnummer').fill('5')
  await page.getByLabel('Postcode').fill('4001ab')
  await page.getByLabel('Plaats').fill('Tiel')
  await page.getByLabel('E-mailadres voor contact').fill('info@e2e-zorg.example')
  await page.getByLabel('Telefoonnummer').fill('0344 123 456')
  await page.getByLabel('Wat doet uw organisatie?').fill('Begeleiding thuis voor volwassenen.')
}

test('een aanbieder maakt een account, bevestigt via de e-mail, registreert de organisatie en nodigt een collega uit', async ({
  page,
}) => {
  // Many pages, each with an axe run, on a small shared machine.
  test.setTimeout(300_000)
  const email = uniqueEmail('aanbieder')
  const orgName = `E2E Zorg ${newId().slice(0, 6)}`

  await page.goto('/registreren')
  await expectAccessible(page)
  await page.getByLabel('Uw naam').fill('Eva Eerste')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Account aanmaken' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw e-mail')
  await expectAccessible(page)

  const mail = await waitForMail(email, /Bevestig uw e-mailadres/)
  await page.goto(firstLink(mail.text))
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click()
  await expect(page).toHaveURL(/\/inloggen/)
  await expect(page.getByText('Uw e-mailadres is bevestigd')).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page).toHaveURL(/\/$/)

  await page.goto('/aanbieder')
  await expect(page).toHaveURL(/\/aanbieder\/nieuw$/)
  await expectAccessible(page)
  await fillOrganisation(page, { name: orgName, kvk: uniqueKvk() })
  await page.getByRole('button', { name: 'Organisatie registreren' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(orgName)
  await expect(page.getByText('Uw rol: Beheerder')).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Gebruikers' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gebruikers van ${orgName}`)
  await expectAccessible(page)
  const colleague = uniqueEmail('collega')
  await page.getByLabel('E-mailadres van uw collega').fill(colleague)
  await page.getByRole('button', { name: 'Uitnodiging sturen' }).click()
  await expect(page.getByText(`Uitnodiging gestuurd naar ${colleague}`)).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Uitloggen' }).click()
  const invitation = await waitForMail(colleague, /Uitnodiging voor/)
  const link = firstLink(invitation.text)
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Uitnodiging voor ${orgName}`)
  await expectAccessible(page)
  await page.getByLabel('Uw naam').fill('Chris Collega')
  await page.getByLabel('Kies een wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Account aanmaken en uitnodiging aannemen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(orgName)
  await expect(page.getByText('Uw rol: Medewerker')).toBeVisible()
  await expectAccessible(page)

  // The link works once.
  const again = await page.goto(link)
  expect(again?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze uitnodiging werkt niet meer')
  await expectAccessible(page)
})

test('een inkoper logt in met wachtwoord en een code uit de authenticator-app', async ({ page }) => {
  await page.goto('/inloggen')
  await expectAccessible(page)
  await page.getByLabel('E-mailadres').fill('inkoper@rivierenland.example')
  await page.getByLabel('Wachtwoord').fill('welkom-in-het-portaal')
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page).toHaveURL(/\/inloggen\/tweestaps/)
  await expectAccessible(page)
  const code = new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(DEMO_TOTP_SECRET),
  }).generate()
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await expect(page).not.toHaveURL(/\/inloggen/)
  await page.goto('/regio')
  await expect(page).toHaveURL(/\/regio\/rivierenland$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regio Rivierenland')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Medewerkers' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Medewerkers van Regio Rivierenland')
  await expectAccessible(page)
})

test('een aanbieder die de URL aanpast naar een andere organisatie of regio krijgt 404', async ({ page }) => {
  await loginAs(page, 'beheerder@delinge.example')
  const own = await page.goto('/aanbieder')
  expect(own?.status()).toBe(200)
  await expectAccessible(page)
  const other = await page.goto('/aanbieder?organisatie=org-kompas-jeugd')
  expect(other?.status()).toBe(404)
  await expectAccessible(page)
  const region = await page.goto('/regio/rivierenland')
  expect(region?.status()).toBe(404)
  await expectAccessible(page)
})

test('een tweede registratie met hetzelfde KvK-nummer legt uit wie de organisatie beheert en houdt het formulier vast', async ({
  page,
}) => {
  const email = uniqueEmail('dubbel')
  await e2eDb().user.create({
    data: { id: newId(), email, name: 'Dirk Dubbel', passwordHash: 'x', emailVerifiedAt: new Date() },
  })
  await loginAs(page, email)
  await page.goto('/aanbieder/nieuw')
  await fillOrganisation(page, { name: 'Zorggroep De Linge bis', kvk: '30123456' })
  await page.getByRole('button', { name: 'Organisatie registreren' }).click()
  await expect(page.getByText('Zorggroep De Linge staat met dit KvK-nummer al in het portaal')).toBeVisible()
  await expect(page.getByText('Vraag Bas de Linge om u uit te nodigen')).toBeVisible()
  await expect(page.getByLabel('Statutaire naam')).toHaveValue('Zorggroep De Linge bis')
  await expect(page.getByLabel('Straat')).toHaveValue('Kerkstraat')
  await expect(page.locator('body')).not.toContainText('beheerder@delinge.example')
  await expectAccessible(page)
})

test('iemand die voor twee organisaties werkt wisselt van organisatie; de keuze geldt op de andere pagina’s', async ({
  page,
}) => {
  await loginAs(page, 'administratie@zorgkantoor.example')
  await page.goto('/aanbieder')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stichting Hoeve Elim')
  await expectAccessible(page)
  await page.getByLabel('Werken voor organisatie').selectOption({ label: 'De Sleutels Leiden' })
  await page.getByRole('button', { name: 'Wissel van organisatie' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('De Sleutels Leiden')
  await expectAccessible(page)
  await page.goto('/aanbieder/gebruikers')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers van De Sleutels Leiden')
  await expectAccessible(page)
  // A medewerker may not edit the organisation.
  const edit = await page.goto('/aanbieder/organisatie')
  expect(edit?.status()).toBe(403)
  await expectAccessible(page)
})

function codeFor(secret: string) {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate()
}

test('platformbeheer maakt een regio; de eerste regiobeheerder stelt tweestaps in en nodigt een inkoper uit', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000)
  const suffix = newId().slice(0, 6).toLowerCase()
  const regionName = `E2E Regio ${suffix}`
  const slug = `e2e-regio-${suffix}`
  const admin = uniqueEmail('regiobeheer')

  await loginAs(page, 'beheer@aanbiederspoort.example')
  await page.goto('/beheer')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Platformbeheer')
  await expectAccessible(page)
  await page.getByLabel('Naam van de regio').fill(regionName)
  await page.getByLabel('Webadres').fill(slug)
  await page.getByLabel('E-mailadres van de eerste regiobeheerder').fill(admin)
  await page.getByText('Gelderland', { exact: true }).click()
  await page.getByLabel('Wageningen').check()
  await page.getByRole('button', { name: 'Regio aanmaken en uitnodiging sturen' }).click()
  await expect(page.getByText(`${regionName} is aangemaakt.`)).toBeVisible()
  await expectAccessible(page)

  // The first regiobeheerder accepts in a browser of its own and must set up the second factor first.
  const context = await browser.newContext()
  const rb = await context.newPage()
  const invitation = await waitForMail(admin, /Uitnodiging/)
  await rb.goto(firstLink(invitation.text))
  await expectAccessible(rb)
  await rb.getByLabel('Uw naam').fill('Rianne Regio')
  await rb.getByLabel('Kies een wachtwoord').fill(PASSWORD)
  await rb.getByRole('button', { name: /Account aanmaken/ }).click()
  // Municipal staff cannot go anywhere before the second factor is set up.
  await expect(rb).toHaveURL(/\/account\/tweestaps\/instellen/)
  await rb.goto(`/regio/${slug}/medewerkers`)
  await expect(rb).toHaveURL(/\/account\/tweestaps\/instellen/)
  await expectAccessible(rb)
  const secret = (await rb.getByTestId('totp-secret').textContent())!.trim()
  await rb.getByLabel('Code uit de app').fill(codeFor(secret))
  await rb.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click()
  await expect(rb.getByRole('heading', { level: 1 })).toHaveText('Tweestapsverificatie staat aan')
  await expect(rb.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem')).not.toHaveCount(0)
  await expectAccessible(rb)

  await rb.goto(`/regio/${slug}/medewerkers`)
  await expect(rb.getByRole('heading', { level: 1 })).toHaveText(`Medewerkers van ${regionName}`)
  const buyer = uniqueEmail('inkoper')
  await rb.getByLabel('E-mailadres').fill(buyer)
  await rb.getByLabel('Rol', { exact: true }).selectOption('inkoper')
  await rb.getByRole('button', { name: /Uitnodiging sturen|Uitnodigen/ }).click()
  await expect(rb.getByText(`Uitnodiging gestuurd naar ${buyer}.`)).toBeVisible()
  await expect(rb.getByRole('heading', { name: 'Openstaande uitnodigingen' })).toBeVisible()
  await expectAccessible(rb)
  const buyerMail = await waitForMail(buyer, /Uitnodiging/)
  expect(buyerMail.text).toContain(regionName)

  // The regiobeheerder adds a municipality to the region, for the Wmo only.
  await rb.goto(`/regio/${slug}/gemeenten`)
  await expect(rb.getByRole('heading', { level: 1 })).toHaveText(`Gemeenten van ${regionName}`)
  await expectAccessible(rb)
  await rb.getByRole('button', { name: 'Gemeente toevoegen' }).click()
  await expect(rb.getByText('Kies een gemeente', { exact: true })).toBeVisible()
  await rb.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Ede' })
  await rb.getByLabel('Alleen voor (niet verplicht)').fill('Wmo')
  await rb.getByRole('button', { name: 'Gemeente toevoegen' }).click()
  await expect(rb.getByText('De gemeente is toegevoegd aan de regio.')).toBeVisible()
  await expect(rb.getByRole('row').filter({ hasText: 'Ede' })).toContainText('Wmo')
  await expectAccessible(rb)
  // …and says she works for Ede only; the staff list shows it.
  await rb.getByLabel('Medewerker', { exact: true }).selectOption({ label: 'Rianne Regio (regiobeheerder)' })
  await rb.getByRole('group', { name: 'Gemeenten' }).getByLabel('Ede').check()
  await rb.getByRole('button', { name: 'Gemeenten opslaan' }).click()
  await expect(rb.getByText('De gemeenten van de medewerker zijn opgeslagen.')).toBeVisible()
  await rb.goto(`/regio/${slug}/medewerkers`)
  await expect(rb.getByRole('row').filter({ hasText: 'Rianne Regio' })).toContainText('Ede')
  await context.close()
})

test('een aanbieder wijzigt wachtwoord en e-mailadres en zet tweestapsverificatie aan en weer uit', async ({
  page,
}) => {
  test.setTimeout(300_000)
  // A fresh provider user, so the demo accounts stay as they are.
  const db = e2eDb()
  const email = uniqueEmail('eigenaar')
  await page.goto('/registreren')
  await expectAccessible(page)
  await page.getByLabel('Uw naam').fill('Wim Wijzig')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Account aanmaken' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw e-mail')
  await page.goto(firstLink((await waitForMail(email, /Bevestig uw e-mailadres/)).text))
  await expectAccessible(page)
  // Wait for the confirmation to land: navigating away at once can abort the request.
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click()
  await expect(page.getByText('Uw e-mailadres is bevestigd')).toBeVisible()
  await loginAs(page, email)

  await page.goto('/account')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account')
  await expectAccessible(page)
  const passwordForm = page.locator('form', {
    has: page.getByRole('button', { name: 'Wachtwoord wijzigen' }),
  })
  await passwordForm.getByLabel('Huidig wachtwoord').fill('niet-het-goede-wachtwoord')
  await passwordForm.getByLabel('Nieuw wachtwoord').fill('een-ander-lang-wachtwoord')
  await passwordForm.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
  await expect(page.getByText('Dit wachtwoord klopt niet. Vul uw huidige wachtwoord in.')).toBeVisible()
  await passwordForm.getByLabel('Huidig wachtwoord').fill(PASSWORD)
  await passwordForm.getByLabel('Nieuw wachtwoord').fill('een-ander-lang-wachtwoord')
  await passwordForm.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
  await expect(page.getByText('Uw wachtwoord is gewijzigd.')).toBeVisible()
  await expectAccessible(page)

  const newEmail = uniqueEmail('nieuw-adres')
  const emailForm = page.locator('form', { has: page.getByRole('button', { name: 'Link sturen' }) })
  await emailForm.getByLabel('Nieuw e-mailadres').fill(newEmail)
  await emailForm.getByLabel('Huidig wachtwoord').fill('een-ander-lang-wachtwoord')
  await emailForm.getByRole('button', { name: 'Link sturen' }).click()
  await expect(page.getByText(`We hebben een link gestuurd naar ${newEmail}.`)).toBeVisible()
  await page.goto(firstLink((await waitForMail(newEmail, /.*/)).text))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw e-mailadres bevestigen')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Bevestig mijn nieuwe e-mailadres' }).click()
  await expect(page.getByText(`Uw e-mailadres is nu ${newEmail}.`)).toBeVisible()
  expect(await db.user.count({ where: { email: newEmail } })).toBe(1)
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Tweestapsverificatie aanzetten' }).click()
  await expectAccessible(page)
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim()
  await page.getByLabel('Code uit de app').fill('000000')
  await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click()
  await expect(page.locator('.utrecht-form-field-error-message')).toBeVisible()
  await page.getByLabel('Code uit de app').fill(codeFor(secret))
  await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tweestapsverificatie staat aan')
  await expectAccessible(page)
  await page.goto('/account')
  await expect(page.getByText(/Status: aan/)).toBeVisible()
  const offForm = page.locator('form', {
    has: page.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }),
  })
  await offForm.getByLabel('Huidig wachtwoord').fill('een-ander-lang-wachtwoord')
  await offForm.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }).click()
  await expect(page.getByText('Tweestapsverificatie staat uit.')).toBeVisible()
  await expectAccessible(page)
})
