import {
  test,
  expect,
  expectAccessible,
  firstLink,
  loginAs,
  waitForMail,
  e2eDb,
  uniqueEmail,
} from './support/fixtures'
import {
  createCompleteDraft,
  createEvidenceItem,
  createOpenHousePerceel,
  createProvider,
} from '../app/domain/admissions/test-factories'

const INKOPER = 'inkoper@rivierenland.example'

test.describe('toetredingen met partners', () => {
  test('de hoofdaanbieder noemt een onderaannemer, die bevestigt vanuit het eigen account, en de hoofdaanbieder dient in', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000)
    const db = e2eDb()
    const p = await createOpenHousePerceel(db, { regionId: 'regio-rivierenland' })
    const leadEmail = uniqueEmail('hoofdaanbieder')
    const partnerEmail = uniqueEmail('onderaannemer')
    const lead = await createProvider(db, { email: leadEmail, name: `Jeugdpraktijk Hoofd ${Date.now()}` })
    const partner = await createProvider(db, {
      email: partnerEmail,
      name: `Behandelcentrum Onder ${Date.now()}`,
    })
    await createEvidenceItem(db, { organisationId: partner.organisation.id, typeId: p.evidenceType.id })
    const entryId = await createCompleteDraft(db, p, lead.organisation, lead.beheerder.id, {
      products: p.products.map((x) => x.id),
    })
    const leadItem = await db.entryEvidence.findFirstOrThrow({
      where: { entryId },
      include: { evidenceItem: true },
    })
    const perceel = await db.perceel.findUniqueOrThrow({ where: { id: p.perceelId } })
    const zwaar = `${p.products[1]!.code} ${p.products[1]!.name}`

    // The lead opens its draft and adds a partner by KvK-nummer: an unknown number is explained.
    await loginAs(page, leadEmail)
    await page.goto(`/aanbieder/toetredingen/${entryId}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Toetreding: ${perceel.name}`)
    await expect(page.getByText('Er staan geen partners bij deze toetreding.')).toBeVisible()
    await expectAccessible(page)
    const addForm = page.getByRole('group', { name: 'Partner toevoegen' })
    await addForm.getByLabel('KvK-nummer van de partner').fill('00000001')
    await addForm.getByLabel('Onderaannemer').check()
    await addForm.getByRole('group', { name: 'Producten die de partner levert' }).getByLabel(zwaar).check()
    await addForm.getByRole('button', { name: 'Partner toevoegen' }).click()
    await expect(
      page.getByText(/Er is geen organisatie met KvK-nummer 00000001 in het portaal/),
    ).toBeVisible()
    await expectAccessible(page)
    await addForm.getByLabel('KvK-nummer van de partner').fill(partner.organisation.kvkNummer)
    await addForm.getByLabel(/Toelichting voor de partner/).fill('U levert de zware behandeling in Tiel.')
    await addForm.getByRole('button', { name: 'Partner toevoegen' }).click()
    await expect(page.getByText(`${partner.organisation.name} is toegevoegd als onderaannemer.`)).toBeVisible(
      {
        timeout: 30_000,
      },
    )
    const partners = page.getByRole('table', { name: 'Partners bij deze toetreding' })
    await expect(partners.getByRole('cell', { name: new RegExp(partner.organisation.name) })).toBeVisible()
    await expect(partners.getByText('Wacht op bevestiging')).toBeVisible()
    await expectAccessible(page)

    // Submission is refused while the partner has not confirmed.
    await page.getByRole('button', { name: 'Opslaan en indienen' }).click()
    await expect(page.getByText('Uw toetreding is nog niet compleet')).toBeVisible({ timeout: 30_000 })
    await expect(
      page.getByText(
        new RegExp(`${partner.organisation.name} \\(onderaannemer\\) heeft de deelname nog niet`),
      ),
    ).toBeVisible()
    await expectAccessible(page)

    // The partner's beheerder gets the invitation and confirms from its own account.
    const invitation = await waitForMail(partnerEmail, /Verzoek als onderaannemer/)
    expect(invitation.text).toContain(lead.organisation.name)
    expect(invitation.text).toContain('U levert de zware behandeling in Tiel.')
    const link = new URL(firstLink(invitation.text))
    const partnerContext = await browser.newContext({ baseURL })
    const partnerPage = await partnerContext.newPage()
    await loginAs(partnerPage, partnerEmail)
    await partnerPage.goto('/aanbieder/toetredingen')
    await expect(partnerPage.getByRole('heading', { name: 'Verzoeken als partner' })).toBeVisible()
    await expect(partnerPage.getByText('Wacht op uw bevestiging')).toBeVisible()
    await expectAccessible(partnerPage)
    await partnerPage.goto(`${link.pathname}${link.search}`)
    await expect(partnerPage.getByRole('heading', { level: 1 })).toHaveText(
      `Verzoek als onderaannemer: ${perceel.name}`,
    )
    await expect(partnerPage.getByText(zwaar).first()).toBeVisible()
    // Only its own part: not the lead's evidence, nor its answers.
    await expect(partnerPage.getByText(leadItem.evidenceItem.number)).toHaveCount(0)
    await expect(partnerPage.getByText(/meldcode/)).toHaveCount(0)
    await expectAccessible(partnerPage)
    await partnerPage.getByRole('button', { name: 'Deelname bevestigen' }).click()
    await expect(partnerPage.getByText('U heeft uw deelname bevestigd.')).toBeVisible({ timeout: 30_000 })
    await expect(partnerPage.getByText(/^Bevestigd op /)).toBeVisible()
    await expectAccessible(partnerPage)
    await partnerContext.close()
    const confirmation = await waitForMail(leadEmail, /bevestigt/)
    expect(confirmation.text).toContain(partner.organisation.name)

    // The lead submits now.
    await page.goto(`/aanbieder/toetredingen/${entryId}`)
    await expect(partners.getByText(/^Bevestigd op /)).toBeVisible()
    await expect(
      page.getByRole('table', { name: 'Wie levert welk bewijsstuk' }).getByRole('cell', { name: zwaar }),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Opslaan en indienen' }).click()
    await expect(page.getByText('Uw toetreding is ingediend')).toBeVisible({ timeout: 30_000 })
    await expectAccessible(page)
    const submitted = await waitForMail(leadEmail, /Toetreding ingediend/)
    expect(submitted.text).toContain(`Partner: ${partner.organisation.name}, onderaannemer voor ${zwaar}`)

    // The buyer sees the partner, its role, products, confirmation and evidence; admits; the register names it.
    const buyerContext = await browser.newContext({ baseURL })
    const buyer = await buyerContext.newPage()
    await loginAs(buyer, INKOPER)
    await buyer.goto(`/regio/rivierenland/toetredingen/${entryId}`)
    const table = buyer.getByRole('table', { name: 'Onderaannemers en combinatiepartners' })
    await expect(table.getByRole('cell', { name: new RegExp(partner.organisation.name) })).toBeVisible()
    await expect(table.getByRole('cell', { name: 'Onderaannemer' })).toBeVisible()
    await expect(table.getByText(/^Bevestigd op /)).toBeVisible()
    await expect(table.getByRole('cell', { name: `${p.evidenceType.name}: voldoet` })).toBeVisible()
    await expectAccessible(buyer)
    await buyer
      .getByRole('group', { name: 'Toelaten' })
      .getByLabel('Motivering van het besluit')
      .fill('Voldoet aan alle eisen, met onderaannemer.')
    await buyer.getByRole('button', { name: 'Toelaten' }).click()
    await expect(buyer.getByText('De aanbieder is toegelaten.')).toBeVisible({ timeout: 30_000 })
    await expectAccessible(buyer)
    await buyer.goto(`/register/${p.perceelId}`)
    await expect(
      buyer
        .getByRole('cell', {
          name: `${lead.organisation.name} (met onderaannemer ${partner.organisation.name})`,
        })
        .first(),
    ).toBeVisible()
    await expectAccessible(buyer)
    await buyerContext.close()
  })
})
