/**
 * Factories for keuzehulp tests (Vitest and Playwright via e2eDb()). Relative imports only, so Playwright can load
 * this file too. Every factory creates unique rows, so tests never collide with the demo data or each other.
 */
import type { DbOrTx } from '../../utils/db.server'
import { newId } from '../../utils/ids.server'
import { searchKey } from '../../utils/search'

const DAY = 24 * 60 * 60 * 1000

export function uniqueSuffix() {
  return newId().slice(0, 8)
}

/** A municipality with one or more PC4 areas. Codes are random so they do not clash with the reference data. */
export async function makeGemeente(
  db: DbOrTx,
  opts: { name?: string; pc4s?: string[]; place?: string } = {},
) {
  let code = ''
  for (;;) {
    code = `GM${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`
    if (!(await db.gemeente.findUnique({ where: { code } }))) break
  }
  const name = opts.name ?? `Testgemeente ${uniqueSuffix()}`
  await db.gemeente.create({ data: { code, name, searchName: searchKey(name), province: 'Utrecht' } })
  const pc4s: string[] = []
  for (const wanted of opts.pc4s ?? []) {
    await db.pc4.create({ data: { code: wanted, gemeenteCode: code, place: opts.place ?? name } })
    pc4s.push(wanted)
  }
  return { code, name, pc4s }
}

/** A PC4 code that is not in use yet (9000-9999 range tried at random). */
export async function freePc4(db: DbOrTx): Promise<string> {
  for (;;) {
    const code = String(1000 + Math.floor(Math.random() * 9000))
    if (!(await db.pc4.findUnique({ where: { code } }))) return code
  }
}

/**
 * A region with a published procurement, one perceel (with a segment) for the given municipalities, products, and a
 * published requirement set asking for one evidence type.
 */
export async function makeCatalogue(
  db: DbOrTx,
  opts: {
    gemeenteCodes: string[]
    law?: 'wmo' | 'jeugd'
    segmentName?: string
    productNames?: string[]
    procurementStatus?: string
  },
) {
  const s = uniqueSuffix()
  const law = opts.law ?? 'wmo'
  const regionId = newId()
  await db.region.create({ data: { id: regionId, slug: `test-regio-${s}`, name: `Testregio ${s}` } })
  const procurementId = newId()
  await db.procurement.create({
    data: {
      id: procurementId,
      regionId,
      name: `Inkoop ${s}`,
      laws: law,
      contractStart: new Date(Date.now() - 365 * DAY),
      contractEnd: new Date(Date.now() + 3 * 365 * DAY),
      status: opts.procurementStatus ?? 'gepubliceerd',
      publishedAt: new Date(),
    },
  })
  const segmentId = newId()
  await db.segment.create({
    data: { id: segmentId, regionId, name: opts.segmentName ?? `Begeleiding ${s}`, law },
  })
  const perceelId = newId()
  await db.perceel.create({
    data: { id: perceelId, procurementId, name: `Perceel ${s}`, inkoopvorm: 'openhouse' },
  })
  await db.perceelSegment.create({ data: { perceelId, segmentId } })
  for (const code of opts.gemeenteCodes)
    await db.perceelGemeente.create({ data: { perceelId, gemeenteCode: code } })
  const products: { id: string; name: string }[] = []
  for (const [i, name] of (opts.productNames ?? [`Begeleiding licht ${s}`]).entries()) {
    const id = newId()
    await db.product.create({
      data: {
        id,
        perceelId,
        law,
        categoryCode: law === 'wmo' ? '02' : '45',
        code: `T${i}${s.slice(0, 3)}`,
        name,
        unit: '14',
      },
    })
    products.push({ id, name })
  }
  const requiredType = await makeEvidenceType(db, { name: `Verklaring ${s}` })
  const requirementSetId = newId()
  await db.requirementSet.create({
    data: { id: requirementSetId, perceelId, version: 1, publishedAt: new Date() },
  })
  await db.requiredEvidence.create({
    data: { id: newId(), requirementSetId, evidenceTypeId: requiredType.id },
  })
  return { regionId, procurementId, segmentId, perceelId, products, requiredTypeId: requiredType.id }
}

export async function makeEvidenceType(db: DbOrTx, opts: { name?: string; isQualityMark?: boolean } = {}) {
  const id = newId()
  const name = opts.name ?? `Keurmerk ${uniqueSuffix()}`
  await db.evidenceType.create({
    data: { id, key: `test-${id}`, name, expires: true, isQualityMark: opts.isQualityMark ?? false },
  })
  return { id, name }
}

export async function makeEvidence(
  db: DbOrTx,
  opts: {
    organisationId: string
    typeId: string
    verification?: string
    validFrom?: Date
    validUntil?: Date | null
  },
) {
  const id = newId()
  await db.evidenceItem.create({
    data: {
      id,
      organisationId: opts.organisationId,
      typeId: opts.typeId,
      issuer: 'Testinstelling',
      validFrom: opts.validFrom ?? new Date(Date.now() - 30 * DAY),
      validUntil: opts.validUntil === undefined ? new Date(Date.now() + 365 * DAY) : opts.validUntil,
      verification: opts.verification ?? 'goedgekeurd',
    },
  })
  return { id }
}

export async function makeOrganisation(
  db: DbOrTx,
  opts: {
    name?: string
    description?: string
    languages?: string
    identity?: string | null
    targetGroups?: string
  } = {},
) {
  const id = newId()
  const name = opts.name ?? `Zorg ${uniqueSuffix()}`
  await db.organisation.create({
    data: {
      id,
      name,
      searchName: searchKey(name),
      kvkNummer: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
      street: 'Dorpsstraat',
      houseNumber: '1',
      postcode: '1234 AB',
      city: 'Teststad',
      email: `info-${id}@test.example`,
      phone: '0301234567',
      website: 'https://zorg.example',
      description: opts.description ?? 'Wij bieden begeleiding thuis.',
      languages: opts.languages ?? 'Nederlands',
      identity: opts.identity ?? null,
      targetGroups: opts.targetGroups ?? 'Volwassenen',
    },
  })
  return { id, name }
}

export async function makeAdmission(
  db: DbOrTx,
  opts: {
    organisationId: string
    perceelId: string
    productId: string
    gemeenteCode: string
    status?: string
    atRisk?: boolean
    coversWhole?: boolean
    pc4s?: string[]
  },
) {
  const id = newId()
  await db.admission.create({
    data: {
      id,
      organisationId: opts.organisationId,
      perceelId: opts.perceelId,
      productId: opts.productId,
      gemeenteCode: opts.gemeenteCode,
      status: opts.status ?? 'actief',
      atRisk: opts.atRisk ?? false,
      coversWhole: opts.coversWhole ?? true,
      pc4s: (opts.pc4s ?? []).join(','),
      since: new Date(Date.now() - 60 * DAY),
    },
  })
  return { id }
}

export async function makeCapacity(
  db: DbOrTx,
  opts: {
    organisationId: string
    productId: string
    accepting?: 'ja' | 'beperkt' | 'nee'
    waitingWeeks?: number | null
    freePlaces?: number | null
    confirmedAt?: Date
    isCurrent?: boolean
    location?: string
  },
) {
  await db.capacityReport.create({
    data: {
      id: newId(),
      organisationId: opts.organisationId,
      productId: opts.productId,
      location: opts.location ?? '',
      accepting: opts.accepting ?? 'ja',
      waitingWeeks: opts.waitingWeeks === undefined ? 2 : opts.waitingWeeks,
      freePlaces: opts.freePlaces ?? null,
      confirmedAt: opts.confirmedAt ?? new Date(Date.now() - 5 * DAY),
      isCurrent: opts.isCurrent ?? true,
    },
  })
}

/**
 * A provider that may be shown: organisation, approved required evidence, active admissions for every product in
 * the given municipality, and a current capacity report.
 */
export async function makeListedProvider(
  db: DbOrTx,
  catalogue: Awaited<ReturnType<typeof makeCatalogue>>,
  gemeenteCode: string,
  opts: Parameters<typeof makeOrganisation>[1] & {
    accepting?: 'ja' | 'beperkt' | 'nee'
    waitingWeeks?: number | null
    confirmedAt?: Date
    coversWhole?: boolean
    pc4s?: string[]
    qualityMarkTypeId?: string
  } = {},
) {
  const org = await makeOrganisation(db, opts)
  await makeEvidence(db, { organisationId: org.id, typeId: catalogue.requiredTypeId })
  if (opts.qualityMarkTypeId)
    await makeEvidence(db, { organisationId: org.id, typeId: opts.qualityMarkTypeId })
  const admissions: string[] = []
  for (const product of catalogue.products) {
    const a = await makeAdmission(db, {
      organisationId: org.id,
      perceelId: catalogue.perceelId,
      productId: product.id,
      gemeenteCode,
      coversWhole: opts.coversWhole,
      pc4s: opts.pc4s,
    })
    admissions.push(a.id)
    await makeCapacity(db, {
      organisationId: org.id,
      productId: product.id,
      accepting: opts.accepting,
      waitingWeeks: opts.waitingWeeks,
      confirmedAt: opts.confirmedAt,
    })
  }
  return { ...org, admissionIds: admissions }
}
