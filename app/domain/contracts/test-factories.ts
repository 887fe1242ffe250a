/**
 * Small factories for contract tests (Vitest and Playwright): a region with a perceel, products and tariffs, a
 * provider organisation with a beheerder, admissions and a contract. Each call makes unique rows, so tests can share
 * a database. They take the database client as an argument (the Vitest db or Playwright's e2eDb()).
 */
import type { DbOrTx } from '../../utils/db.server'
import { newId } from '../../utils/ids.server'
import { fromAmsterdamLocal } from '../../utils/time'
import { now } from '../../utils/clock'

const short = () => newId().slice(0, 8)
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

export async function makeGemeente(db: DbOrTx, name = `Testgemeente ${short()}`) {
  const code = `GM${digits(4)}`
  return db.gemeente.upsert({
    where: { code },
    create: { code, name, searchName: name.toLowerCase(), province: 'Gelderland' },
    update: {},
  })
}

export async function makeRegion(db: DbOrTx, opts: { id?: string; slug?: string; name?: string } = {}) {
  const id = opts.id ?? `regio-${short()}`
  return db.region.create({
    data: { id, slug: opts.slug ?? id, name: opts.name ?? `Regio ${id}` },
  })
}

/** A procurement with one perceel, one gemeente and one product with a tariff. */
export async function makePerceel(
  db: DbOrTx,
  opts: { regionId?: string; name?: string; gemeenteCode?: string } = {},
) {
  const regionId = opts.regionId ?? (await makeRegion(db)).id
  const gemeenteCode = opts.gemeenteCode ?? (await makeGemeente(db)).code
  const procurementId = newId()
  await db.procurement.create({
    data: {
      id: procurementId,
      regionId,
      name: `Inkoop ${short()}`,
      laws: 'wmo',
      contractStart: fromAmsterdamLocal(2023, 1, 1),
      contractEnd: fromAmsterdamLocal(2025, 12, 31),
      extensionOptions: '2 x 3 jaar',
      status: 'gepubliceerd',
    },
  })
  const perceelId = newId()
  await db.perceel.create({
    data: {
      id: perceelId,
      procurementId,
      name: opts.name ?? `Perceel ${short()}`,
      inkoopvorm: 'openhouse',
      gemeenten: { create: [{ gemeenteCode }] },
    },
  })
  const productId = newId()
  await db.product.create({
    data: {
      id: productId,
      perceelId,
      law: 'wmo',
      categoryCode: '02',
      code: `T${digits(4)}`,
      name: 'Begeleiding individueel',
      unit: '04',
      tariffs: {
        create: [
          {
            id: newId(),
            amountCents: 6543,
            validFrom: fromAmsterdamLocal(2023, 1, 1),
            validUntil: fromAmsterdamLocal(2023, 12, 31),
          },
          { id: newId(), amountCents: 123456, validFrom: fromAmsterdamLocal(2024, 1, 1) },
        ],
      },
    },
  })
  return { regionId, perceelId, productId, gemeenteCode, procurementId }
}

export async function makeOrganisation(db: DbOrTx, opts: { name?: string; email?: string } = {}) {
  const id = newId()
  const name = opts.name ?? `Zorg ${short()}`
  const org = await db.organisation.create({
    data: {
      id,
      name,
      searchName: name.toLowerCase(),
      kvkNummer: digits(8),
      street: 'Dorpsstraat',
      houseNumber: '1',
      postcode: '4001 AA',
      city: 'Tiel',
      email: opts.email ?? `info-${short()}@zorg.example`,
      phone: '+31344123456',
    },
  })
  return org
}

export async function makeUser(db: DbOrTx, opts: { email?: string; name?: string } = {}) {
  return db.user.create({
    data: {
      id: newId(),
      email: opts.email ?? `gebruiker-${short()}@test.example`,
      name: opts.name ?? 'Test Gebruiker',
      passwordHash: 'x',
      emailVerifiedAt: new Date(),
    },
  })
}

/** A beheerder of the organisation (receives the provider's e-mail). */
export async function makeBeheerder(db: DbOrTx, organisationId: string, email?: string) {
  const user = await makeUser(db, { email })
  await db.organisationMembership.create({
    data: { id: newId(), userId: user.id, organisationId, role: 'beheerder' },
  })
  return user
}

export async function makeAdmission(
  db: DbOrTx,
  opts: {
    organisationId: string
    perceelId: string
    productId: string
    gemeenteCode: string
    since?: Date
    status?: 'actief' | 'geschorst' | 'beeindigd'
    endedAt?: Date
  },
) {
  return db.admission.create({
    data: {
      id: newId(),
      organisationId: opts.organisationId,
      perceelId: opts.perceelId,
      productId: opts.productId,
      gemeenteCode: opts.gemeenteCode,
      status: opts.status ?? 'actief',
      since: opts.since ?? fromAmsterdamLocal(2023, 1, 1),
      endedAt: opts.endedAt ?? null,
    },
  })
}

export async function makeContract(
  db: DbOrTx,
  opts: { perceelId: string; start?: Date; end?: Date; maxEnd?: Date | null },
) {
  return db.contract.create({
    data: {
      id: newId(),
      perceelId: opts.perceelId,
      startDate: opts.start ?? fromAmsterdamLocal(2023, 1, 1),
      endDate: opts.end ?? fromAmsterdamLocal(2025, 12, 31),
      maxEndDate: opts.maxEnd === undefined ? fromAmsterdamLocal(2031, 12, 31) : opts.maxEnd,
    },
  })
}

export async function makeTemplate(
  db: DbOrTx,
  opts: {
    contractId: string
    title?: string
    kind?: string
    recurrence?: string
    dueDay?: number
    requiresDeliverable?: boolean
    createdAt?: Date
  },
) {
  return db.obligationTemplate.create({
    data: {
      id: newId(),
      contractId: opts.contractId,
      kind: opts.kind ?? 'rapportage',
      title: opts.title ?? 'Kwartaalrapportage',
      recurrence: opts.recurrence ?? 'per_kwartaal',
      dueDay: opts.dueDay ?? 30,
      requiresDeliverable: opts.requiresDeliverable ?? true,
      // The test clock, not the database's: a hand-over plan is only owed for endings after the template existed.
      createdAt: opts.createdAt ?? now(),
    },
  })
}

/** An obligation with a given status and due date (for late ones and review screens). */
export async function makeObligation(
  db: DbOrTx,
  opts: { templateId: string; organisationId: string; dueDate: Date; status?: string; title?: string },
) {
  // Copies the template as the sync does (obligations.server.ts).
  const template = await db.obligationTemplate.findUniqueOrThrow({ where: { id: opts.templateId } })
  return db.obligation.create({
    data: {
      id: newId(),
      templateId: opts.templateId,
      organisationId: opts.organisationId,
      dueDate: opts.dueDate,
      status: opts.status ?? 'open',
      title: opts.title ?? 'Kwartaalrapportage',
      kind: template.kind,
      description: template.description,
      requiresDeliverable: template.requiresDeliverable,
    },
  })
}

/** Everything at once: a region, a perceel with a contract, an organisation with a beheerder and an admission. */
export async function makeContractScenario(
  db: DbOrTx,
  opts: { regionId?: string; beheerderEmail?: string; since?: Date } = {},
) {
  const p = await makePerceel(db, { regionId: opts.regionId })
  const org = await makeOrganisation(db)
  const beheerder = await makeBeheerder(db, org.id, opts.beheerderEmail)
  const contract = await makeContract(db, { perceelId: p.perceelId })
  const admission = await makeAdmission(db, {
    organisationId: org.id,
    perceelId: p.perceelId,
    productId: p.productId,
    gemeenteCode: p.gemeenteCode,
    since: opts.since,
  })
  return { ...p, org, beheerder, contract, admission }
}
