/**
 * Small factories for admissions tests (Vitest and Playwright): a region with an open-house perceel, products,
 * a requirement set, a registration moment, provider organisations with members and evidence. They create only what
 * the tests need, with unique names, so tests do not depend on the demo seed of other capabilities.
 */
import type { DbOrTx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { searchKey } from '~/utils/search'
import { now } from '~/utils/clock'

const DAY = 86_400_000

function uniq() {
  return newId().slice(0, 8)
}

let kvkCounter = Math.floor(Math.random() * 1_000_000)
export function uniqueKvk(): string {
  kvkCounter = (kvkCounter + 1) % 100_000_000
  return String(90_000_000 + (kvkCounter % 10_000_000)).padStart(8, '0')
}

export async function ensureGemeenten(db: DbOrTx, codes: { code: string; name: string }[]) {
  for (const g of codes) {
    await db.gemeente.upsert({
      where: { code: g.code },
      create: { code: g.code, name: g.name, searchName: searchKey(g.name), province: 'Gelderland' },
      update: {},
    })
  }
}

export const TEST_GEMEENTEN = [
  { code: 'GM0281', name: 'Tiel' },
  { code: 'GM0216', name: 'Culemborg' },
  { code: 'GM0214', name: 'Buren' },
]

export async function createRegion(db: DbOrTx, opts: { slug?: string } = {}) {
  const id = newId()
  await ensureGemeenten(db, TEST_GEMEENTEN)
  return db.region.create({
    data: {
      id,
      slug: opts.slug ?? `regio-${uniq()}`,
      name: `Testregio ${uniq()}`,
      gemeenten: { create: TEST_GEMEENTEN.map((g) => ({ gemeenteCode: g.code })) },
    },
  })
}

export async function createEvidenceType(db: DbOrTx, name = 'HKZ-certificaat') {
  return db.evidenceType.create({
    data: { id: newId(), key: `test-${uniq()}`, name, expires: true },
  })
}

export type PerceelFixture = Awaited<ReturnType<typeof createOpenHousePerceel>>

/**
 * A published procurement with one open-house perceel: three gemeenten, two products, a requirement set with a
 * yes/no knock-out question, a number knock-out question and one required evidence type, and a registration moment
 * open from `opensAt` to `closesAt` (or continuous entry).
 */
export async function createOpenHousePerceel(
  db: DbOrTx,
  opts: {
    regionId?: string
    regime?: 'momenten' | 'doorlopend'
    opensAt?: Date
    closesAt?: Date
    decisionDate?: Date
    decisionTermDays?: number
    freezeSet?: boolean
    inkoopvorm?: 'openhouse' | 'aanbesteding'
  } = {},
) {
  const regionId = opts.regionId ?? (await createRegion(db)).id
  const region = await db.region.findUniqueOrThrow({ where: { id: regionId } })
  await ensureGemeenten(db, TEST_GEMEENTEN)
  const procurementId = newId()
  await db.procurement.create({
    data: {
      id: procurementId,
      regionId,
      name: `Jeugdhulp ${uniq()}`,
      laws: 'jeugd',
      contractStart: new Date('2023-01-01T00:00:00Z'),
      contractEnd: new Date('2029-01-01T00:00:00Z'),
      status: 'gepubliceerd',
      publishedAt: new Date('2022-06-01T00:00:00Z'),
    },
  })
  const perceelId = newId()
  const regime = opts.regime ?? 'momenten'
  await db.perceel.create({
    data: {
      id: perceelId,
      procurementId,
      name: `Ambulante behandeling ${uniq()}`,
      inkoopvorm: opts.inkoopvorm ?? 'openhouse',
      justification: 'Keuzevrijheid voor jeugdigen en ouders.',
      registrationRegime: (opts.inkoopvorm ?? 'openhouse') === 'openhouse' ? regime : null,
      decisionTermDays: opts.decisionTermDays ?? (regime === 'doorlopend' ? 20 : null),
      gemeenten: { create: TEST_GEMEENTEN.map((g) => ({ gemeenteCode: g.code })) },
    },
  })
  const products = []
  for (const [i, name] of ['Behandeling licht', 'Behandeling zwaar'].entries()) {
    products.push(
      await db.product.create({
        data: {
          id: newId(),
          perceelId,
          law: 'jeugd',
          categoryCode: '45',
          code: `45A0${i + 1}`,
          name,
          unit: '01',
        },
      }),
    )
  }
  const evidenceType = await createEvidenceType(db)
  const requirementSetId = newId()
  await db.requirementSet.create({
    data: {
      id: requirementSetId,
      perceelId,
      version: 1,
      publishedAt: new Date('2022-06-01T00:00:00Z'),
    },
  })
  const yesNo = await db.requirementQuestion.create({
    data: {
      id: newId(),
      requirementSetId,
      kind: 'knockout_yesno',
      text: 'Werkt u met een meldcode huiselijk geweld en kindermishandeling?',
      requiredAnswer: true,
      sortOrder: 1,
    },
  })
  const number = await db.requirementQuestion.create({
    data: {
      id: newId(),
      requirementSetId,
      kind: 'knockout_number',
      text: 'Hoeveel jaar ervaring heeft uw organisatie met jeugdhulp?',
      minimum: 2,
      sortOrder: 2,
    },
  })
  const required = await db.requiredEvidence.create({
    data: { id: newId(), requirementSetId, evidenceTypeId: evidenceType.id },
  })
  const t = now().getTime()
  const moment =
    regime === 'momenten' && (opts.inkoopvorm ?? 'openhouse') === 'openhouse'
      ? await db.registrationMoment.create({
          data: {
            id: newId(),
            perceelId,
            opensAt: opts.opensAt ?? new Date(t - 10 * DAY),
            closesAt: opts.closesAt ?? new Date(t + 10 * DAY),
            decisionDate: opts.decisionDate ?? new Date(t + 40 * DAY),
            requirementSetId: opts.freezeSet === false ? null : requirementSetId,
          },
        })
      : null
  return {
    region,
    regionId,
    procurementId,
    perceelId,
    products,
    gemeenten: TEST_GEMEENTEN.map((g) => g.code),
    evidenceType,
    requirementSetId,
    questions: { yesNo, number },
    required,
    moment,
  }
}

export async function createUser(db: DbOrTx, opts: { email?: string; name?: string } = {}) {
  return db.user.create({
    data: {
      id: newId(),
      email: opts.email ?? `gebruiker-${uniq()}@test.example`,
      name: opts.name ?? 'Test Gebruiker',
      passwordHash: 'x',
      emailVerifiedAt: new Date(),
    },
  })
}

/** A provider organisation with a beheerder (and optionally a medewerker). */
export async function createProvider(
  db: DbOrTx,
  opts: { name?: string; medewerkersMaySubmit?: boolean; agbCode?: string | null; email?: string } = {},
) {
  const name = opts.name ?? `Zorgaanbieder ${uniq()}`
  const organisation = await db.organisation.create({
    data: {
      id: newId(),
      name,
      searchName: searchKey(name),
      kvkNummer: uniqueKvk(),
      agbCode: opts.agbCode === undefined ? '73730001' : opts.agbCode,
      street: 'Stationsstraat',
      houseNumber: '1',
      postcode: '4001 AA',
      city: 'Tiel',
      email: `info-${uniq()}@aanbieder.example`,
      phone: '0344 123 456',
      medewerkersMaySubmit: opts.medewerkersMaySubmit ?? false,
    },
  })
  const beheerder = await createUser(db, { email: opts.email })
  await db.organisationMembership.create({
    data: { id: newId(), userId: beheerder.id, organisationId: organisation.id, role: 'beheerder' },
  })
  return { organisation, beheerder }
}

export async function createEvidenceItem(
  db: DbOrTx,
  opts: {
    organisationId: string
    typeId: string
    validFrom?: Date
    validUntil?: Date | null
    verification?: string
  },
) {
  return db.evidenceItem.create({
    data: {
      id: newId(),
      organisationId: opts.organisationId,
      typeId: opts.typeId,
      issuer: 'Kiwa',
      number: `C-${uniq()}`,
      validFrom: opts.validFrom ?? new Date(now().getTime() - 100 * DAY),
      validUntil: opts.validUntil === undefined ? new Date(now().getTime() + 400 * DAY) : opts.validUntil,
      verification: opts.verification ?? 'goedgekeurd',
    },
  })
}

/** A complete draft entry (all answers passing, evidence attached) written directly, for tests of later steps. */
export async function createCompleteDraft(
  db: DbOrTx,
  p: PerceelFixture,
  org: { id: string },
  userId: string,
  opts: { gemeenten?: string[]; products?: string[]; withEvidence?: boolean } = {},
) {
  const entryId = newId()
  const gemeenten = opts.gemeenten ?? [p.gemeenten[0]]
  const products = opts.products ?? [p.products[0].id]
  await db.entry.create({
    data: {
      id: entryId,
      organisationId: org.id,
      perceelId: p.perceelId,
      registrationMomentId: p.moment?.id ?? null,
      requirementSetId: p.requirementSetId,
      status: 'concept',
      createdById: userId,
      gemeenten: {
        create: gemeenten.map((g) => ({ gemeenteCode: g, openKey: `${org.id}:${p.perceelId}:${g}` })),
      },
      products: { create: products.map((productId) => ({ productId })) },
      answers: {
        create: [
          { questionId: p.questions.yesNo.id, value: 'ja' },
          { questionId: p.questions.number.id, value: '5' },
        ],
      },
    },
  })
  if (opts.withEvidence !== false) {
    const item = await createEvidenceItem(db, { organisationId: org.id, typeId: p.evidenceType.id })
    await db.entryEvidence.create({
      data: { entryId, requiredEvidenceId: p.required.id, evidenceItemId: item.id },
    })
  }
  return entryId
}
