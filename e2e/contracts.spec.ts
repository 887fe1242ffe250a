import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, loginAs, e2eDb, uniqueEmail } from './support/fixtures'
import {
  makeAdmission,
  makeBeheerder,
  makeContract,
  makeObligation,
  makeOrganisation,
  makePerceel,
} from '../app/domain/contracts/test-factories'
import { dueDates } from '../app/domain/contracts/recurrence'
import { minimalPdf } from '../app/utils/minimal-pdf'
import {
  addDays,
  amsterdamParts,
  formatDate,
  fromAmsterdamLocal,
  startOfAmsterdamDay,
} from '../app/utils/time'

const BUYER = 'inkoper@rivierenland.example'

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies()
  await loginAs(page, email)
}

/** A Rivierenland perceel with a contract running three more years and one admitted provider with its own beheerder. */
async function scenario() {
  const db = e2eDb()
  const suffix = Math.random().toString(36).slice(2, 8)
  const p = await makePerceel(db, { regionId: 'regio-rivierenland', name: `Perceel E2E ${suffix}` })
  const contract = await makeContract(db, {
    perceelId: p.perceelId,
    start: fromAmsterdamLocal(2023, 1, 1),
    end: fromAmsterdamLocal(amsterdamParts(new Date()).year + 3, 12, 31),
    maxEnd: fromAmsterdamLocal(amsterdamParts(new Date()).year + 9, 12, 31),
  })
  const org = await makeOrganisation(db, { name: `Zorg E2E ${suffix}` })
  const email = uniqueEmail('verplichtingen')
  await makeBeheerder(db, org.id, email)
  await makeAdmission(db, {
    organisationId: org.id,
    perceelId: p.perceelId,
    productId: p.productId,
    gemeenteCode: p.gemeenteCode,
  })
  return { ...p, contract, org, email, suffix }
}

test.describe('contractverplichtingen', () => {
  test('inkoper legt een kwartaalrapportage vast; aanbieder ziet vier data, levert in; inkoper accepteert; te laat in beide overzichten', async ({
    page,
  }) => {
    // A long journey over eight pages with axe on each; the shared 2-core machine can be slow.
    test.setTimeout(240_000)
    const s = await scenario()
    const title = `Kwartaalrapportage ${s.suffix}`

    // The buyer defines the quarterly report.
    await loginAs(page, BUYER)
    await page.goto('/regio/rivierenland/contracten')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contracten van Regio Rivierenland')
    await expectAccessible(page)
    await page.getByRole('link', { name: `Perceel E2E ${s.suffix}` }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Contract Perceel E2E ${s.suffix}`)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Verplichting toevoegen' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verplichting toevoegen')
    await expectAccessible(page)
    await page.getByLabel('Soort verplichting').selectOption('rapportage')
    await page.getByLabel('Naam', { exact: true }).fill(title)
    await page.getByLabel('Wat moet de aanbieder doen?').fill('Rapporteer over het afgelopen kwartaal.')
    await page.getByLabel('Hoe vaak').selectOption('per_kwartaal')
    await page.getByLabel('Dag', { exact: true }).fill('30')
    await expect(page.getByLabel('De aanbieder moet een document uploaden')).toBeChecked()
    await page.getByRole('button', { name: 'Verplichting toevoegen' }).click()
    await expect(page.getByText(`De verplichting "${title}" is toegevoegd`)).toBeVisible()
    await expect(page.getByRole('link', { name: title })).toBeVisible()
    await expectAccessible(page)

    // The provider sees the next four quarterly due dates: a year ahead, whatever day the suite runs.
    const today = startOfAmsterdamDay(new Date())
    const expected = dueDates(
      { recurrence: 'per_kwartaal', dueDay: 30 },
      { start: s.contract.startDate, end: s.contract.endDate },
    )
      .filter((d) => d >= today)
      .slice(0, 4)
    expect(expected).toHaveLength(4)
    await switchUser(page, s.email)
    await page.goto('/aanbieder/verplichtingen')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn verplichtingen')
    await expectAccessible(page)
    for (const due of expected) {
      await expect(
        page
          .getByRole('row')
          .filter({ hasText: title })
          .filter({ hasText: formatDate(due) }),
      ).toHaveCount(1)
    }

    // It uploads the report due first.
    await page.getByRole('link', { name: title }).first().click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expectAccessible(page)
    await page.getByLabel('Document').setInputFiles({
      name: 'kwartaalrapportage.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf(['Kwartaalrapportage', s.org.name]),
    })
    await page.getByLabel('Toelichting (niet verplicht)').fill('Zie bijlage.')
    await page.getByRole('button', { name: 'Indienen' }).click()
    await expect(page.getByText(`Ingediend: ${title}`)).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn verplichtingen')
    await expectAccessible(page)

    // The buyer accepts it from the compliance overview.
    const submitted = await e2eDb().obligation.findFirstOrThrow({
      where: { organisationId: s.org.id, status: 'ingediend' },
    })
    const year = amsterdamParts(submitted.dueDate).year
    await switchUser(page, BUYER)
    await page.goto(
      `/regio/rivierenland/contracten/${s.perceelId}/naleving?jaar=${year}&aanbieder=${s.org.id}`,
    )
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Naleving Perceel E2E ${s.suffix}`)
    await expectAccessible(page)
    await page.getByRole('link', { name: new RegExp(`${s.org.name}, .*: Ingediend$`) }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page.getByRole('link', { name: /kwartaalrapportage\.pdf/ })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Accepteren').check()
    await page.getByRole('button', { name: 'Oordeel opslaan' }).click()
    await expect(page.getByText(`Geaccepteerd: ${title} van ${s.org.name}.`)).toBeVisible()
    await expectAccessible(page)
    expect((await e2eDb().obligation.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe(
      'geaccepteerd',
    )

    // A late one (its due day has passed, nothing submitted) shows as late for both.
    const template = await e2eDb().obligationTemplate.findFirstOrThrow({
      where: { contractId: s.contract.id },
    })
    const lateDue = startOfAmsterdamDay(addDays(new Date(), -10))
    await makeObligation(e2eDb(), {
      templateId: template.id,
      organisationId: s.org.id,
      dueDate: lateDue,
      title,
    })
    await page.goto(
      `/regio/rivierenland/contracten/${s.perceelId}/naleving?jaar=${amsterdamParts(lateDue).year}&status=te_laat`,
    )
    await expect(
      page.getByRole('link', { name: `${s.org.name}, ${title} ${shortDate(lateDue)}: Te laat` }),
    ).toBeVisible()
    await expectAccessible(page)

    await switchUser(page, s.email)
    await page.goto('/aanbieder/verplichtingen')
    const lateSection = page.getByRole('table', { name: 'Verplichtingen die te laat zijn' })
    await expect(lateSection.getByRole('row').filter({ hasText: formatDate(lateDue) })).toContainText(
      'Te laat',
    )
    await expect(page.getByRole('heading', { name: 'Te laat (1)' })).toBeVisible()
    await expectAccessible(page)
  })

  test('een aanbieder ziet de verplichtingen van een ander niet; een andere regio ook niet', async ({
    page,
  }) => {
    const s = await scenario()
    const db = e2eDb()
    const contract = await db.contract.findUniqueOrThrow({ where: { perceelId: s.perceelId } })
    const template = await db.obligationTemplate.create({
      data: {
        id: `sjabloon-${s.suffix}`,
        contractId: contract.id,
        kind: 'overleg',
        title: 'Kwartaalgesprek',
        recurrence: 'per_kwartaal',
        dueDay: 45,
      },
    })
    const o = await makeObligation(db, {
      templateId: template.id,
      organisationId: s.org.id,
      dueDate: startOfAmsterdamDay(addDays(new Date(), 20)),
      title: 'Kwartaalgesprek',
    })
    const other = await makeOrganisation(db)
    const otherEmail = uniqueEmail('andere')
    await makeBeheerder(db, other.id, otherEmail)
    await loginAs(page, otherEmail)
    expect((await page.goto(`/aanbieder/verplichtingen/${o.id}`))?.status()).toBe(404)
    await switchUser(page, 'inkoper@leidseregio.example')
    expect((await page.goto(`/regio/leidse-regio/contracten/verplichting/${o.id}`))?.status()).toBe(404)
    expect((await page.goto(`/regio/rivierenland/contracten/${s.perceelId}`))?.status()).toBe(404)

    // The own provider marks the meeting held, without JavaScript-only widgets.
    await switchUser(page, s.email)
    await page.goto(`/aanbieder/verplichtingen/${o.id}`)
    await expectAccessible(page)
    await page
      .getByLabel('Datum en korte notitie van het gesprek (niet verplicht)')
      .fill('Gehouden op 3 november.')
    await page.getByRole('button', { name: 'Markeren als gehouden' }).click()
    await expect(page.getByText('Ingediend: Kwartaalgesprek')).toBeVisible()
  })
})

function shortDate(d: Date): string {
  const p = amsterdamParts(d)
  return `${String(p.day).padStart(2, '0')}-${String(p.month).padStart(2, '0')}-${p.year}`
}
