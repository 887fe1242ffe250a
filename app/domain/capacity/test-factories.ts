/**
 * Small factories for capacity tests (Vitest and Playwright): municipalities, PC4 areas, a region with a segment,
 * perceel and products, organisations with a beheerder, admissions and capacity reports. Relative imports, so
 * Playwright can load this file too.
 */
import type { Db } from '../../utils/db.server'
import { newId } from '../../utils/ids.server'
import { searchKey } from '../../utils/search'

export async function ensureGemeente(db: Db, code: string, name = `Gemeente ${code}`) {
  await db.gemeente.upsert({
    where: { code },
    create: { code, name, searchName: searchKey(name), province: 'Gelderland' },
    update: {},
  })
  return code
}

export async function ensurePc4(db: Db, code: string, gemeenteCode: string, place = `Plaats ${code}`) {
  await db.pc4.upsert({ where: { code }, create: { code, gemeenteCode, place }, update: {} })
  return code
}

export async function createRegion(db: Db, gemeenteCodes: string[]) {
  const id = newId()
  await db.region.create({
    data: {
      id,
      slug: `regio-${id.slice(0, 8)}`,
      name: `Testregio ${id.slice(0, 6)}`,
      gemeenten: { create: gemeenteCodes.map((gemeenteCode) => ({ gemeenteCode })) },
    },
  })
  return id
}

/** A segment with one perceel (in a new procurement) and `products` products. */
export async function createSegmentWithProducts(
  db: Db,
  regionId: string,
  options: { name?: string; products?: number; procurementId?: string } = {},
) {
  const segmentId = newId()
  const name = options.name ?? `Segment ${segmentId.slice(0, 6)}`
  await db.segment.create({ data: { id: segmentId, regionId, name, law: 'wmo' } })
  const procurementId = options.procurementId ?? newId()
  if (!options.procurementId) {
    await db.procurement.create({
      data: {
        id: procurementId,
        regionId,
        name: `Inkoop ${procurementId.slice(0, 6)}`,
        laws: 'wmo',
        contractStart: new Date('2025-01-01T00:00:00Z'),
        contractEnd: new Date('2029-01-01T00:00:00Z'),
        status: 'gepubliceerd',
      },
    })
  }
  const perceelId = newId()
  await db.perceel.create({
    data: {
      id: perceelId,
      procurementId,
      name: `Perceel ${name}`,
      inkoopvorm: 'openhouse',
      segments: { create: [{ segmentId }] },
    },
  })
  const productIds: string[] = []
  for (let i = 0; i < (options.products ?? 1); i++) {
    const id = newId()
    await db.product.create({
      data: {
        id,
        perceelId,
        law: 'wmo',
        categoryCode: '02',
        code: `T${String(i + 1).padStart(2, '0')}${id.slice(0, 2)}`,
        name: `${name} product ${i + 1}`,
        unit: '14',
      },
    })
    productIds.push(id)
  }
  return { segmentId, perceelId, procurementId, productIds }
}

let kvk = 10_000_000 + Math.floor(Math.random() * 80_000_000)

/** An organisation with a beheerder (and optionally a medewerker); returns their ids and e-mail addresses. */
export async function createOrganisation(db: Db, options: { name?: string; withMedewerker?: boolean } = {}) {
  const id = newId()
  const name = options.name ?? `Zorg ${id.slice(0, 8)}`
  await db.organisation.create({
    data: {
      id,
      name,
      searchName: searchKey(name),
      kvkNummer: String(kvk++),
      street: 'Straat',
      houseNumber: '1',
      postcode: '4001 AA',
      city: 'Tiel',
      email: `info-${id.slice(0, 8)}@zorg.example`,
      phone: '+31344000000',
    },
  })
  const beheerderEmail = `beheerder-${id.slice(0, 10)}@zorg.example`
  const beheerder = await createMember(db, id, beheerderEmail, 'beheerder')
  const medewerkerEmail = options.withMedewerker ? `medewerker-${id.slice(0, 10)}@zorg.example` : null
  const medewerker = medewerkerEmail ? await createMember(db, id, medewerkerEmail, 'medewerker') : null
  return { id, name, beheerder, beheerderEmail, medewerker, medewerkerEmail }
}

async function createMember(db: Db, organisationId: string, email: string, role: string) {
  const userId = newId()
  await db.user.create({
    data: {
      id: userId,
      email,
      name: email.split('@')[0]!,
      passwordHash: 'x',
      emailVerifiedAt: new Date(),
      organisationMemberships: { create: { id: newId(), organisationId, role } },
    },
  })
  return userId
}

export async function createAdmission(
  db: Db,
  a: {
    organisationId: string
    productId: string
    gemeenteCode: string
    since?: Date
    status?: string
    endedAt?: Date | null
    coversWhole?: boolean
    pc4s?: string
  },
) {
  const product = await db.product.findUniqueOrThrow({
    where: { id: a.productId },
    select: { perceelId: true },
  })
  const id = newId()
  await db.admission.create({
    data: {
      id,
      organisationId: a.organisationId,
      perceelId: product.perceelId,
      productId: a.productId,
      gemeenteCode: a.gemeenteCode,
      since: a.since ?? new Date('2025-01-01T00:00:00Z'),
      status: a.status ?? 'actief',
      endedAt: a.endedAt ?? null,
      coversWhole: a.coversWhole ?? true,
      pc4s: a.pc4s ?? '',
    },
  })
  return id
}

/** Adds a capacity report to the history, replacing the current one (same rule as the app). */
export async function createReport(
  db: Db,
  r: {
    organisationId: string
    productId: string
    accepting?: string
    waitingWeeks?: number | null
    freePlaces?: number | null
    confirmedAt: Date
  },
) {
  await db.$transaction(async (tx) => {
    await tx.capacityReport.updateMany({
      where: { organisationId: r.organisationId, productId: r.productId, isCurrent: true },
      data: { isCurrent: false, supersededAt: r.confirmedAt },
    })
    await tx.capacityReport.create({
      data: {
        id: newId(),
        organisationId: r.organisationId,
        productId: r.productId,
        accepting: r.accepting ?? 'ja',
        waitingWeeks: r.waitingWeeks ?? null,
        freePlaces: r.freePlaces ?? null,
        confirmedAt: r.confirmedAt,
      },
    })
  })
}
