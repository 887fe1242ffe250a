import { test, expect, expectAccessible, loginAs, e2eDb, waitForMail, uniqueEmail } from './support/fixtures'
import type { Browser, Page } from '@playwright/test'
import { newId } from '../app/utils/ids.server'
import { toDateTimeLocalValue } from '../app/utils/time'

const INKOPER = 'inkoper@rivierenland.example'
const LINGE = 'beheerder@delinge.example'
const KOMPAS = 'beheerder@kompas.example'
const HOUR = 3600_000
const DAY = 24 * HOUR

/** A published round of Rivierenland with one session, made directly in the database. */
async function makeRound(options: { seats?: number; closesInMs?: number } = {}) {
  const db = e2eDb()
  const id = `e2e-ronde-${newId().slice(0, 10)}`
  const sessionId = `e2e-sessie-${newId().slice(0, 10)}`
  const title = `Consultatie ${id.slice(-6)}`
  await db.consultationRound.create({
    data: {
      id,
      regionId: 'regio-rivierenland',
      title,
      description: 'Een ronde voor de test.',
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + (options.closesInMs ?? 10 * DAY)),
      questionsDeadline: new Date(Date.now() + 5 * DAY),
      status: 'gepubliceerd',
      publishedAt: new Date(Date.now() - DAY),
      gemeenten: { create: [{ gemeenteCode: 'GM0281' }] },
      writtenPrompts: {
        create: [
          { id: `${id}-p1`, text: 'Wat vindt u van de tarieven?', sortOrder: 0 },
          { id: `${id}-p2`, text: 'Wat moet anders?', sortOrder: 1 },
        ],
      },
      sessions: {
        create: {
          id: sessionId,
          kind: 'dialoogsessie',
          title: `Dialoogsessie ${id.slice(-6)}`,
          startsAt: new Date(Date.now() + 3 * DAY),
          durationMinutes: 60,
          address: 'Stadhuis Tiel',
          onlineUrl: 'https://vergaderen.example/e2e',
          seats: options.seats ?? 10,
          seatsPerOrganisation: 2,
          registrationDeadline: new Date(Date.now() + 2 * DAY),
        },
      },
    },
  })
  return { id, sessionId, title }
}

async function pageAs(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled })
  const page = await context.newPage()
  await loginAs(page, email)
  return page
}

test.describe('consultaties', () => {
  test.describe.configure({ timeout: 420_000 })

  test('een inkoper publiceert een ronde met een sessie; iedereen vindt haar in het overzicht', async ({
    page,
  }) => {
    const title = `Marktconsultatie ${newId().slice(0, 6)}`
    await loginAs(page, INKOPER)
    await page.goto('/regio/rivierenland/consultaties')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consultaties van Regio Rivierenland')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Nieuwe consultatieronde' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe consultatieronde')
    await expectAccessible(page)

    // The closing must come after the opening: checked on the server, what was typed stays.
    const now = Date.now()
    await page.getByLabel('Titel').fill(title)
    await page.getByLabel('Beschrijving').fill('Wij leggen de concept-productomschrijvingen aan u voor.')
    await page.getByLabel('Opent op').fill(toDateTimeLocalValue(new Date(now - HOUR)))
    await page.getByLabel('Sluit op').fill(toDateTimeLocalValue(new Date(now - 2 * HOUR)))
    await page
      .getByLabel(/Vragen voor schriftelijke inbreng/)
      .fill('Wat vindt u van de tarieven?\nWat moet anders?')
    await page.getByRole('button', { name: 'Concept opslaan' }).click()
    await expect(page.getByText('Kies een sluiting na de opening')).toBeVisible()
    await expect(page.getByLabel('Titel')).toHaveValue(title)
    await expectAccessible(page)
    await page.getByLabel('Sluit op').fill(toDateTimeLocalValue(new Date(now + 10 * DAY)))
    await page.getByLabel(/Vragen stellen tot/).fill(toDateTimeLocalValue(new Date(now + 5 * DAY)))
    await page.getByRole('button', { name: 'Concept opslaan' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page.getByText('Concept (niet gepubliceerd)')).toBeVisible()
    await expectAccessible(page)

    // A session.
    await page.getByRole('link', { name: 'Sessie toevoegen' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessie toevoegen')
    await expectAccessible(page)
    await page.getByLabel('Soort sessie').selectOption('informatiebijeenkomst')
    await page.getByLabel('Titel').fill('Informatiebijeenkomst aanbieders')
    await page.getByLabel('Begint op').fill(toDateTimeLocalValue(new Date(now + 4 * DAY)))
    await page.getByLabel('Duur in minuten').fill('90')
    await page.getByLabel(/^Adres/).fill('Regiokantoor, Tiel')
    await page.getByLabel('Aantal plaatsen').fill('20')
    await page.getByLabel('Plaatsen per organisatie').fill('2')
    await page.getByLabel('Aanmelden kan tot').fill(toDateTimeLocalValue(new Date(now + 3 * DAY)))
    await page.getByLabel(/Gereserveerde plaatsen/).fill('30123456: 1')
    await page.getByRole('button', { name: 'Sessie toevoegen' }).click()
    await expect(page.getByText('De sessie is toegevoegd.')).toBeVisible()
    await expect(page.getByText('Gereserveerd: Zorggroep De Linge (1)')).toBeVisible()

    await page.getByRole('button', { name: 'Ronde publiceren' }).click()
    await expect(page.getByText('De ronde is gepubliceerd.')).toBeVisible()
    await expect(page.getByText('Open voor inbreng')).toBeVisible()
    await expectAccessible(page)
    const round = await e2eDb().consultationRound.findFirstOrThrow({ where: { title } })
    expect(
      await e2eDb().auditEvent.count({ where: { subjectId: round.id, action: 'consultatie.gepubliceerd' } }),
    ).toBe(1)

    // Everyone sees it, filtered by region, without JavaScript-only controls.
    const anon = await (await page.context().browser()!.newContext()).newPage()
    await anon.goto('/consultaties?regio=rivierenland')
    await expect(anon.getByRole('link', { name: title })).toBeVisible()
    await expectAccessible(anon)
    await anon.goto('/consultaties?regio=leidse-regio')
    await expect(anon.getByRole('link', { name: title })).toHaveCount(0)
    await anon.goto(`/consultaties/${round.id}`)
    await expect(anon.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(anon.getByRole('heading', { name: 'Informatiebijeenkomst aanbieders' })).toBeVisible()
    await expectAccessible(anon)
    await anon.context().close()
  })

  test('twee aanbieders melden zich aan; de tweede komt op de wachtlijst en schuift door als de eerste afmeldt', async ({
    browser,
  }) => {
    const round = await makeRound({ seats: 1 })
    const anna = uniqueEmail('anna')
    const bram = uniqueEmail('bram')

    const linge = await pageAs(browser, LINGE)
    await linge.goto(`/consultaties/${round.id}`)
    await expect(linge.getByText('de online link ziet u na aanmelding')).toBeVisible()
    await expectAccessible(linge)
    await linge.getByLabel('Naam deelnemer').fill('Anna de Linge')
    await linge.getByLabel('E-mailadres deelnemer').fill(anna)
    await linge.getByRole('button', { name: 'Aanmelden' }).click()
    await expect(linge.getByText(/Anna de Linge is aangemeld/)).toBeVisible()
    await expect(linge.getByRole('link', { name: 'https://vergaderen.example/e2e' })).toBeVisible()
    await expectAccessible(linge)
    const confirmation = await waitForMail(anna, /Aanmelding bevestigd/)
    expect(confirmation.attachments.map((a) => a.filename)).toContain('sessie.ics')

    // The .ics download.
    const ics = await linge.request.get(`/consultaties/${round.id}/sessies/${round.sessionId}/agenda.ics`)
    expect(ics.headers()['content-type']).toContain('text/calendar')
    const icsText = await ics.text()
    expect(icsText).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(icsText).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/)

    const kompas = await pageAs(browser, KOMPAS)
    await kompas.goto(`/consultaties/${round.id}`)
    await expect(kompas.getByText('Deze sessie is vol.')).toBeVisible()
    // Nobody sees another organisation's registrations or the online link without a seat.
    await expect(kompas.getByText('Anna de Linge')).toHaveCount(0)
    await expect(kompas.getByRole('link', { name: 'https://vergaderen.example/e2e' })).toHaveCount(0)
    await kompas.getByLabel('Naam deelnemer').fill('Bram Kompas')
    await kompas.getByLabel('E-mailadres deelnemer').fill(bram)
    await kompas.getByRole('button', { name: 'Aanmelden' }).click()
    await expect(kompas.getByText(/Bram Kompas staat op de wachtlijst/)).toBeVisible()
    await expect(kompas.getByRole('cell', { name: 'Op de wachtlijst' })).toBeVisible()
    await expectAccessible(kompas)
    await waitForMail(bram, /Op de wachtlijst/)

    // The first cancels: the second gets the seat and an e-mail with the calendar file.
    await linge.goto(`/consultaties/${round.id}`)
    await linge.getByRole('button', { name: 'Anna de Linge afmelden' }).click()
    await expect(linge.getByText('De deelnemer is afgemeld.')).toBeVisible()
    const promoted = await waitForMail(bram, /U heeft een plaats gekregen/)
    expect(promoted.attachments.map((a) => a.filename)).toContain('sessie.ics')
    await kompas.goto(`/consultaties/${round.id}`)
    await expect(kompas.getByRole('cell', { name: 'Aangemeld (plaats zeker)' })).toBeVisible()

    // The buyer sees the attendee list and changes the round: the change is listed and mailed to those registered.
    const inkoper = await pageAs(browser, INKOPER)
    await inkoper.goto(`/regio/rivierenland/consultaties/${round.id}`)
    await expect(inkoper.getByRole('cell', { name: `Bram Kompas (${bram})` })).toBeVisible()
    await expectAccessible(inkoper)
    // Changing the round, without JavaScript (the form must work without it).
    await inkoper.getByRole('link', { name: 'Ronde wijzigen' }).click()
    await expect(inkoper.getByRole('heading', { level: 1 })).toHaveText('Ronde wijzigen')
    await expectAccessible(inkoper)
    // (axe needs JavaScript, so it runs on the page above; the page below has JavaScript switched off.)
    const noJs = await pageAs(browser, INKOPER, false)
    await noJs.goto(`/regio/rivierenland/consultaties/${round.id}/wijzigen`)
    await noJs.getByLabel('Beschrijving').fill('Een ronde voor de test, met een nieuwe planning.')
    await noJs.getByRole('button', { name: 'Wijziging publiceren' }).click()
    await expect(noJs.getByText('Beschrijf kort wat er is gewijzigd')).toBeVisible()
    await noJs.getByLabel('Wat is er gewijzigd?').fill('De planning in de beschrijving is aangepast.')
    await noJs.getByRole('button', { name: 'Wijziging publiceren' }).click()
    await expect(noJs.getByText(/De wijziging is opgeslagen/)).toBeVisible()
    await waitForMail(bram, /Wijziging in consultatieronde/)
    await kompas.goto(`/consultaties/${round.id}`)
    await expect(kompas.getByText(/De planning in de beschrijving is aangepast\./)).toBeVisible()
    for (const p of [linge, kompas, inkoper, noJs]) await p.context().close()
  })

  test('met JavaScript verdwijnt een foutmelding tijdens het typen en komt de wijziging aan', async ({
    browser,
  }) => {
    const round = await makeRound()
    const inkoper = await pageAs(browser, INKOPER)
    await inkoper.goto(`/regio/rivierenland/consultaties/${round.id}/wijzigen`)
    await inkoper.getByLabel('Beschrijving').fill('Een ronde voor de test, met een nieuwe planning.')
    await inkoper.getByRole('button', { name: 'Wijziging publiceren' }).click()
    const summary = inkoper.getByLabel('Wat is er gewijzigd?')
    await expect(inkoper.getByText('Beschrijf kort wat er is gewijzigd')).toBeVisible()
    await expect(summary).toBeFocused()
    await summary.fill('De planning is aangepast.')
    // Cleared before the field loses focus: otherwise the button moves when the message goes and the click misses it.
    await expect(inkoper.getByText('Beschrijf kort wat er is gewijzigd')).toHaveCount(0)
    await inkoper.getByRole('button', { name: 'Wijziging publiceren' }).click()
    await expect(inkoper.getByText(/De wijziging is opgeslagen/)).toBeVisible()
    await expectAccessible(inkoper)
    await inkoper.context().close()
  })

  test('een aanbieder stelt een vraag; de inkoper antwoordt en publiceert de nota van inlichtingen', async ({
    browser,
  }) => {
    const round = await makeRound()
    const question = `Geldt de HKZ-eis ook voor zzp'ers? (${newId().slice(0, 6)})`
    const linge = await pageAs(browser, LINGE)
    await linge.goto(`/consultaties/${round.id}`)
    await linge.getByLabel('Uw vraag').fill(question)
    await linge.getByRole('button', { name: 'Vraag versturen' }).click()
    await expect(linge.getByText(/Uw vraag is ontvangen/)).toBeVisible()
    await expect(linge.getByText('Nog niet beantwoord')).toBeVisible()
    await expectAccessible(linge)

    const inkoper = await pageAs(browser, INKOPER)
    await inkoper.goto(`/regio/rivierenland/consultaties/${round.id}`)
    await expect(inkoper.getByText(question)).toBeVisible()
    await expect(inkoper.getByText(/Gesteld door Zorggroep De Linge/)).toBeVisible()
    await inkoper
      .getByLabel('Antwoord')
      .fill('Nee, voor zzp’ers volstaat het HKZ-schema voor kleine organisaties.')
    await inkoper.getByRole('button', { name: 'Antwoord opslaan' }).click()
    await expect(inkoper.getByText(/Het antwoord is opgeslagen/)).toBeVisible()
    await inkoper.getByRole('button', { name: 'Nota van inlichtingen 1 publiceren' }).click()
    await expect(inkoper.getByText(/De nota van inlichtingen is gepubliceerd met 1 vraag/)).toBeVisible()
    await expectAccessible(inkoper)

    // Every provider sees the same answer, without the name of the asker.
    const kompas = await pageAs(browser, KOMPAS)
    await kompas.goto(`/consultaties/${round.id}`)
    await kompas.getByRole('link', { name: 'Nota van inlichtingen 1' }).click()
    await expect(kompas.getByRole('heading', { level: 1 })).toHaveText('Nota van inlichtingen 1')
    await expect(kompas.getByText(question)).toBeVisible()
    await expect(kompas.getByText(/HKZ-schema voor kleine organisaties/)).toBeVisible()
    await expect(kompas.getByText('Zorggroep De Linge')).toHaveCount(0)
    await expectAccessible(kompas)
    const pdf = await kompas.request.get(`/consultaties/${round.id}/nvi/1/nota.pdf`)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    for (const p of [linge, kompas, inkoper]) await p.context().close()
  })

  test('een aanbieder geeft schriftelijke inbreng met een bijlage; na de sluiting exporteert de inkoper alles', async ({
    browser,
  }) => {
    const round = await makeRound()
    const linge = await pageAs(browser, LINGE)
    await linge.goto(`/consultaties/${round.id}`)
    await linge.getByRole('link', { name: 'Schriftelijke inbreng geven of wijzigen' }).click()
    await expect(linge.getByRole('heading', { level: 1 })).toHaveText('Schriftelijke inbreng')
    await expectAccessible(linge)
    await linge
      .getByLabel(/1\. Wat vindt u van de tarieven\?/)
      .fill('De tarieven voor Begeleiding zwaar zijn te laag.')
    await linge.getByLabel(/Bijlagen toevoegen/).setInputFiles({
      name: 'onderbouwing.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% onderbouwing\n'),
    })
    await linge.getByRole('button', { name: 'Inbreng opslaan' }).click()
    await expect(linge.getByText(/Uw inbreng is opgeslagen/)).toBeVisible()
    await expect(linge.getByText(/onderbouwing\.pdf/)).toBeVisible()
    await expectAccessible(linge)

    // Another organisation does not see it.
    const kompas = await pageAs(browser, KOMPAS)
    await kompas.goto(`/consultaties/${round.id}/inbreng`)
    await expect(kompas.getByLabel(/1\. Wat vindt u van de tarieven\?/)).toHaveValue('')

    // Before closing there is no export.
    const inkoper = await pageAs(browser, INKOPER)
    await inkoper.goto(`/regio/rivierenland/consultaties/${round.id}`)
    await expect(inkoper.getByText('U kunt de inbreng exporteren zodra de ronde gesloten is.')).toBeVisible()

    // The round closes (moved in the database: the clock of the server is real).
    await e2eDb().consultationRound.update({
      where: { id: round.id },
      data: { closesAt: new Date(Date.now() - 60_000), questionsDeadline: new Date(Date.now() - 120_000) },
    })
    await linge.goto(`/consultaties/${round.id}/inbreng`)
    await expect(linge.getByText(/Uw inbreng is niet meer te wijzigen/)).toBeVisible()
    await expect(linge.getByText('De tarieven voor Begeleiding zwaar zijn te laag.')).toBeVisible()
    await expect(linge.getByRole('button', { name: 'Inbreng opslaan' })).toHaveCount(0)
    await expectAccessible(linge)

    await inkoper.goto(`/regio/rivierenland/consultaties/${round.id}`)
    await expect(inkoper.getByRole('link', { name: 'Alle inbreng als CSV' })).toBeVisible()
    await expectAccessible(inkoper)
    const csv = await inkoper.request.get(`/regio/rivierenland/consultaties/${round.id}/inbreng.csv`)
    expect(csv.status()).toBe(200)
    const csvText = await csv.text()
    expect(csvText).toContain('"Zorggroep De Linge"')
    expect(csvText).toContain('De tarieven voor Begeleiding zwaar zijn te laag.')
    expect(csvText).toContain('onderbouwing.pdf')
    const zip = await inkoper.request.get(`/regio/rivierenland/consultaties/${round.id}/inbreng.zip`)
    expect(zip.headers()['content-type']).toBe('application/zip')
    const zipBytes = await zip.body()
    expect(zipBytes.subarray(0, 2).toString()).toBe('PK')
    expect(zipBytes.includes(Buffer.from('zorgaanbieders/Zorggroep De Linge/'))).toBe(true)
    expect(zipBytes.includes(Buffer.from('% onderbouwing'))).toBe(true)

    // A provider cannot export.
    const denied = await linge.request.get(`/regio/rivierenland/consultaties/${round.id}/inbreng.csv`, {
      maxRedirects: 0,
    })
    expect(denied.status()).toBe(404)

    // The report after closing.
    await inkoper.getByLabel('Verslag van de consultatie').fill('Twaalf aanbieders gaven inbreng.')
    await inkoper.getByRole('button', { name: 'Verslag publiceren' }).click()
    await expect(inkoper.getByText('Het consultatieverslag is gepubliceerd.')).toBeVisible()
    await linge.goto(`/consultaties/${round.id}`)
    await expect(linge.getByText('Twaalf aanbieders gaven inbreng.')).toBeVisible()
    for (const p of [linge, kompas, inkoper]) await p.context().close()
  })

  test('de inkoper wijzigt een sessie (zonder JavaScript) en annuleert haar; de deelnemers krijgen bericht', async ({
    browser,
  }) => {
    const round = await makeRound({ seats: 3 })
    const anna = uniqueEmail('anna')
    const bram = uniqueEmail('bram')
    await e2eDb().sessionRegistration.createMany({
      data: [anna, bram].map((email, i) => ({
        id: `${round.sessionId}-r${i}`,
        sessionId: round.sessionId,
        organisationId: 'org-de-linge',
        attendeeName: `Deelnemer ${i + 1}`,
        attendeeEmail: email,
        status: 'zeker',
        seatNumber: i + 1,
      })),
    })
    const sessionPage = `/regio/rivierenland/consultaties/${round.id}/sessies/${round.sessionId}`

    const inkoper = await pageAs(browser, INKOPER)
    await inkoper.goto(`/regio/rivierenland/consultaties/${round.id}`)
    await inkoper.getByRole('link', { name: /wijzigen of annuleren/ }).click()
    await expect(inkoper.getByRole('heading', { level: 1 })).toHaveText('Sessie wijzigen')
    await expectAccessible(inkoper)

    // Fewer seats than people holding one: refused next to the field, what was typed stays.
    const noJs = await pageAs(browser, INKOPER, false)
    await noJs.goto(sessionPage)
    await noJs.getByLabel('Aantal plaatsen').fill('1')
    await noJs.getByLabel('Plaatsen per organisatie').fill('1')
    await noJs.getByLabel(/^Adres/).fill('Regiokantoor, Tiel')
    await noJs.getByLabel('Reden van de wijziging').fill('De zaal in het stadhuis is bezet.')
    await noJs.getByRole('button', { name: 'Wijziging opslaan' }).click()
    await expect(noJs.getByText('2 deelnemers hebben al een plaats. Vul 2 of meer plaatsen in')).toBeVisible()
    await expect(noJs.getByLabel('Aantal plaatsen')).toHaveValue('1')
    await expect(noJs.getByLabel(/^Adres/)).toHaveValue('Regiokantoor, Tiel')
    await expect(noJs.getByLabel('Reden van de wijziging')).toHaveValue('De zaal in het stadhuis is bezet.')
    await noJs.getByLabel('Aantal plaatsen').fill('4')
    await noJs.getByLabel('Plaatsen per organisatie').fill('2')
    await noJs.getByRole('button', { name: 'Wijziging opslaan' }).click()
    await expect(noJs.getByText(/De sessie is gewijzigd\./)).toBeVisible()
    const changed = await waitForMail(anna, /Sessie gewijzigd/)
    expect(changed.text).toContain('De zaal in het stadhuis is bezet.')
    expect(changed.attachments.map((a) => a.filename)).toContain('sessie.ics')
    expect(
      await e2eDb().auditEvent.count({
        where: { subjectId: round.sessionId, action: 'consultatie.sessie.gewijzigd' },
      }),
    ).toBe(1)

    // Everyone sees the change and the new place.
    const anon = await (await browser.newContext()).newPage()
    await anon.goto(`/consultaties/${round.id}`)
    await expect(anon.getByText(/plaats: Regiokantoor, Tiel; 4 plaatsen \(was 3\)/)).toBeVisible()
    await expect(anon.getByText('2 van 4 plaatsen vrij')).toBeVisible()

    // A cancellation needs a reason.
    await noJs.goto(sessionPage)
    await noJs.getByRole('button', { name: 'Sessie annuleren' }).click()
    await expect(noJs.getByText('Geef de reden waarom de sessie niet doorgaat')).toBeVisible()
    await noJs.getByLabel('Reden van de annulering').fill('Te weinig aanmeldingen.')
    await noJs.getByRole('button', { name: 'Sessie annuleren' }).click()
    await expect(noJs.getByText(/is geannuleerd/)).toBeVisible()
    const cancelled = await waitForMail(bram, /gaat niet door/)
    expect(cancelled.text).toContain('Te weinig aanmeldingen.')

    // The public page keeps the session, as cancelled: the reason, no seats, no form, no .ics link.
    await anon.goto(`/consultaties/${round.id}`)
    const publicCard = anon.getByRole('region', { name: `Dialoogsessie ${round.id.slice(-6)}` })
    await expect(publicCard.getByText('Geannuleerd')).toBeVisible()
    await expect(publicCard.getByText(/gaat niet door\. Reden: Te weinig aanmeldingen\./)).toBeVisible()
    await expect(publicCard.getByText(/plaatsen vrij/)).toHaveCount(0)
    await expect(publicCard.getByRole('link', { name: /Zet in uw agenda/ })).toHaveCount(0)
    await expectAccessible(anon)
    const ics = await anon.request.get(`/consultaties/${round.id}/sessies/${round.sessionId}/agenda.ics`)
    expect(await ics.text()).toContain('STATUS:CANCELLED')

    // The buyer keeps the attendee list.
    await noJs.goto(`/regio/rivierenland/consultaties/${round.id}`)
    const buyerCard = noJs.getByRole('region', { name: `Dialoogsessie ${round.id.slice(-6)}` })
    await expect(buyerCard.getByText('Geannuleerd')).toBeVisible()
    await expect(buyerCard.getByRole('cell', { name: new RegExp(anna) })).toBeVisible()
    await expect(buyerCard.getByRole('cell', { name: new RegExp(bram) })).toBeVisible()
    await expect(buyerCard.getByRole('link', { name: /wijzigen of annuleren/ })).toHaveCount(0)
    expect(await e2eDb().sessionRegistration.count({ where: { sessionId: round.sessionId } })).toBe(2)

    // The session page is read-only now; a form sent from a page opened before is refused.
    await inkoper.getByLabel('Reden van de annulering').fill('Nog een keer.')
    await inkoper.getByRole('button', { name: 'Sessie annuleren' }).click()
    await expect(
      inkoper.getByText('De sessie is geannuleerd. Wijzigen of opnieuw annuleren kan niet meer.'),
    ).toBeVisible()
    await inkoper.goto(sessionPage)
    await expect(inkoper.getByRole('heading', { level: 1 })).toHaveText('Geannuleerde sessie')
    await expect(inkoper.getByText(/Reden: Te weinig aanmeldingen\./)).toBeVisible()
    await expect(inkoper.getByRole('button', { name: 'Sessie annuleren' })).toHaveCount(0)
    await expectAccessible(inkoper)
    expect(
      await e2eDb().auditEvent.count({
        where: { subjectId: round.sessionId, action: 'consultatie.sessie.geannuleerd' },
      }),
    ).toBe(1)
    for (const p of [inkoper, noJs, anon]) await p.context().close()
  })

  test('vrije plaatsen tellen gereserveerde plaatsen eerlijk; afmelden kan niet meer na de start', async ({
    browser,
  }) => {
    const round = await makeRound({ seats: 2 })
    await e2eDb().sessionSeatReservation.create({
      data: { sessionId: round.sessionId, organisationId: 'org-de-linge', seats: 2 },
    })
    const kompas = await pageAs(browser, KOMPAS)
    await kompas.goto(`/consultaties/${round.id}`)
    await expect(
      kompas.getByText('2 van 2 plaatsen vrij, waarvan 2 gereserveerd voor uitgenodigde organisaties'),
    ).toBeVisible()
    await expect(kompas.getByText(/Er is geen plaats vrij voor uw organisatie\./)).toBeVisible()
    await expectAccessible(kompas)
    const linge = await pageAs(browser, LINGE)
    await linge.goto(`/consultaties/${round.id}`)
    await expect(
      linge.getByText('2 van 2 plaatsen vrij, waarvan 2 gereserveerd voor uw organisatie'),
    ).toBeVisible()
    await linge.getByLabel('Naam deelnemer').fill('Anna de Linge')
    await linge.getByLabel('E-mailadres deelnemer').fill(uniqueEmail('anna'))
    await linge.getByRole('button', { name: 'Aanmelden' }).click()
    await expect(linge.getByText(/Anna de Linge is aangemeld/)).toBeVisible()
    await expect(linge.getByRole('button', { name: 'Anna de Linge afmelden' })).toBeVisible()

    // The session starts (moved in the database: the clock of the server is real).
    await e2eDb().consultationSession.update({
      where: { id: round.sessionId },
      data: { startsAt: new Date(Date.now() - 60_000), registrationDeadline: new Date(Date.now() - 120_000) },
    })
    await linge.goto(`/consultaties/${round.id}`)
    await expect(linge.getByRole('cell', { name: 'Aangemeld (plaats zeker)' })).toBeVisible()
    await expect(linge.getByRole('button', { name: 'Anna de Linge afmelden' })).toHaveCount(0)
    await expectAccessible(linge)
    for (const p of [kompas, linge]) await p.context().close()
  })

  test('de pagina voor inbreng zegt wanneer een aangekondigde ronde opengaat', async ({ browser }) => {
    const round = await makeRound()
    await e2eDb().consultationRound.update({
      where: { id: round.id },
      data: { opensAt: new Date(Date.now() + 2 * DAY) },
    })
    const linge = await pageAs(browser, LINGE)
    await linge.goto(`/consultaties/${round.id}/inbreng`)
    await expect(linge.getByText(/De ronde opent op .*Vanaf dan kunt u hier inbreng geven/)).toBeVisible()
    await expect(linge.getByText(/gesloten sinds/)).toHaveCount(0)
    await expect(linge.getByRole('button', { name: 'Inbreng opslaan' })).toHaveCount(0)
    await expectAccessible(linge)
    await linge.context().close()
  })
})
