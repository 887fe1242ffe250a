import { describe, expect, it } from 'vitest'
import { db } from '~/utils/db.server'
import { buildOpenData } from './open-data.server'
import { readSearchState } from './rules'
import { helpOptions, providerProfile, searchProviders } from './search.server'
import { newId } from '~/utils/ids.server'
import {
  makeAdmission,
  makeCatalogue,
  makeEvidence,
  makeEvidenceType,
  makeGemeente,
  makeListedProvider,
  makeOrganisation,
} from './test-factories'

const today = new Date()

async function searchNames(gemeenteCode: string) {
  const options = await helpOptions(gemeenteCode)
  const state = { ...readSearchState(new URLSearchParams('sort=naam')), gemeente: gemeenteCode }
  return (await searchProviders(state, options, today)).items.map((i) => i.name)
}

/** What each of the three public outputs says about a provider in a municipality. */
async function shownIn(organisationId: string, gemeenteCode: string, name: string) {
  const profile = await providerProfile(organisationId, today)
  const open = await buildOpenData(today)
  return {
    search: (await searchNames(gemeenteCode)).includes(name),
    providerPage: profile?.products.some((p) => p.gemeenten.some((g) => g.code === gemeenteCode)) ?? false,
    openData: open.service_area.some(
      (a) => a.gemeente_code === gemeenteCode && a.service_id.startsWith(`${organisationId}.`),
    ),
  }
}

describe('keuzehulp: zoeken, aanbiederpagina en open data volgen dezelfde regel', () => {
  it('een gemeente die het perceel niet meer dekt, verdwijnt uit alle drie', async () => {
    const blijft = await makeGemeente(db, { name: 'Blijfdorp' })
    const vervalt = await makeGemeente(db, { name: 'Vervaldorp' })
    const c = await makeCatalogue(db, { gemeenteCodes: [blijft.code, vervalt.code] })
    // Admitted in both municipalities.
    const beide = await makeListedProvider(db, c, blijft.code, { name: 'Aa Beide' })
    await makeAdmission(db, {
      organisationId: beide.id,
      perceelId: c.perceelId,
      productId: c.products[0].id,
      gemeenteCode: vervalt.code,
    })
    // Admitted only where the perceel will stop.
    const alleen = await makeListedProvider(db, c, vervalt.code, { name: 'Bb Alleen daar' })

    const all = { search: true, providerPage: true, openData: true }
    const none = { search: false, providerPage: false, openData: false }
    expect(await shownIn(beide.id, vervalt.code, 'Aa Beide')).toEqual(all)
    expect(await shownIn(alleen.id, vervalt.code, 'Bb Alleen daar')).toEqual(all)

    // The region takes the municipality off the perceel; the admissions stay in the table.
    await db.perceelGemeente.delete({
      where: { perceelId_gemeenteCode: { perceelId: c.perceelId, gemeenteCode: vervalt.code } },
    })

    expect(await shownIn(beide.id, vervalt.code, 'Aa Beide')).toEqual(none)
    expect(await shownIn(alleen.id, vervalt.code, 'Bb Alleen daar')).toEqual(none)
    expect(await shownIn(beide.id, blijft.code, 'Aa Beide')).toEqual(all)
    // Nothing left to show for the provider that was only there: no page, no open data.
    expect(await providerProfile(alleen.id, today)).toBeNull()
    expect((await buildOpenData(today)).organization.some((o) => o.id === alleen.id)).toBe(false)
  })

  it('een aanbieder die "niet in deze gemeente" koos, staat daar nergens', async () => {
    const g = await makeGemeente(db, { name: 'Nietdorp', pc4s: ['4901'] })
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code] })
    const elders = await makeListedProvider(db, c, g.code, { name: 'Ee Niet hier' })
    const deels = await makeListedProvider(db, c, g.code, {
      name: 'Ff Deels',
      coversWhole: false,
      pc4s: ['4901'],
    })
    const all = { search: true, providerPage: true, openData: true }
    expect(await shownIn(elders.id, g.code, 'Ee Niet hier')).toEqual(all)

    // Werkgebied: admitted, but the provider does not work in this municipality.
    await db.admission.updateMany({
      where: { organisationId: elders.id },
      data: { coversWhole: false, pc4s: '' },
    })
    expect(await shownIn(elders.id, g.code, 'Ee Niet hier')).toEqual({
      search: false,
      providerPage: false,
      openData: false,
    })
    expect(await shownIn(deels.id, g.code, 'Ff Deels')).toEqual(all)
  })

  it('houdt een toelating aan de eisen van haar toetreding; bewijs van een partner telt voor diens product', async () => {
    const g = await makeGemeente(db, { name: 'Partnerdorp' })
    const c = await makeCatalogue(db, { gemeenteCodes: [g.code], productNames: ['Begeleiding'] })
    const lead = await makeListedProvider(db, c, g.code, { name: 'Gg Hoofdaanbieder' })
    const v1 = await db.requirementSet.findFirstOrThrow({ where: { perceelId: c.perceelId } })
    const entryId = newId()
    await db.entry.create({
      data: {
        id: entryId,
        organisationId: lead.id,
        perceelId: c.perceelId,
        requirementSetId: v1.id,
        status: 'toegelaten',
        createdById: 'test',
      },
    })
    await db.admission.updateMany({ where: { organisationId: lead.id }, data: { entryId } })
    const all = { search: true, providerPage: true, openData: true }
    const none = { search: false, providerPage: false, openData: false }

    // A later version asks for more: it applies to later moments, not to this admission.
    const extra = await makeEvidenceType(db, { name: 'Nieuwe eis' })
    const v2 = newId()
    await db.requirementSet.create({
      data: { id: v2, perceelId: c.perceelId, version: 2, publishedAt: new Date() },
    })
    for (const typeId of [c.requiredTypeId, extra.id])
      await db.requiredEvidence.create({
        data: { id: newId(), requirementSetId: v2, evidenceTypeId: typeId },
      })
    expect(await shownIn(lead.id, g.code, 'Gg Hoofdaanbieder')).toEqual(all)

    // The lead's own required evidence is rejected; a confirmed partner that delivers the product holds it.
    await db.evidenceItem.updateMany({
      where: { organisationId: lead.id, typeId: c.requiredTypeId },
      data: { verification: 'afgekeurd' },
    })
    expect(await shownIn(lead.id, g.code, 'Gg Hoofdaanbieder')).toEqual(none)
    const partner = await makeOrganisation(db, { name: 'Partner' })
    await makeEvidence(db, { organisationId: partner.id, typeId: c.requiredTypeId })
    await db.entryPartner.create({
      data: {
        id: newId(),
        entryId,
        organisationId: partner.id,
        role: 'onderaannemer',
        confirmedAt: new Date(),
        products: { create: [{ productId: c.products[0].id }] },
      },
    })
    expect(await shownIn(lead.id, g.code, 'Gg Hoofdaanbieder')).toEqual(all)
  })

  it('een toelating in een niet-openbaar inkooptraject of van een ander perceel telt nergens', async () => {
    const g = await makeGemeente(db, { name: 'Conceptdorp' })
    const open = await makeCatalogue(db, { gemeenteCodes: [g.code] })
    const other = await makeCatalogue(db, { gemeenteCodes: [g.code] })
    const concept = await makeCatalogue(db, { gemeenteCodes: [g.code], procurementStatus: 'concept' })
    const inConcept = await makeListedProvider(db, concept, g.code, { name: 'Cc Concept' })
    // An admission on another public perceel than its product's (inconsistent data): not shown anywhere.
    const scheef = await makeListedProvider(db, open, g.code, { name: 'Dd Scheef' })
    await db.admission.updateMany({
      where: { organisationId: scheef.id },
      data: { perceelId: other.perceelId },
    })
    await db.requiredEvidence.deleteMany({ where: { requirementSet: { perceelId: other.perceelId } } })

    const none = { search: false, providerPage: false, openData: false }
    expect(await shownIn(inConcept.id, g.code, 'Cc Concept')).toEqual(none)
    expect(await shownIn(scheef.id, g.code, 'Dd Scheef')).toEqual(none)
  })
})
