/**
 * Small factories for evidence tests (Vitest and Playwright): organisations with a beheerder, evidence types and items
 * with a real stored PDF, a region with staff and a published perceel with required evidence, and admissions.
 * Unique names throughout, so tests do not depend on the demo seed of other capabilities.
 */
import type { DbOrTx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { searchKey } from '~/utils/search'
import { getStorage, type FileStorage } from '~/utils/storage.server'
import { minimalPdf } from '~/utils/minimal-pdf'

const uniq = () => newId().slice(0, 10)

let kvk = Math.floor(Math.random() * 9_000_000)
function uniqueKvk() {
  kvk = (kvk + 7919) % 10_000_000
  return String(80_000_000 + kvk)
}

export async function createUser(db: DbOrTx, opts: { email?: string; name?: string } = {}) {
  return db.user.create({
    data: {
      id: newId(),
      email: opts.email ?? `bewijs-${uniq()}@test.example`,
      name: opts.name ?? 'Test Gebruiker',
      passwordHash: 'x',
      emailVerifiedAt: new Date(),
    },
  })
}

/** An organisation with one beheerder. */
export async function createOrganisation(db: DbOrTx, opts: { beheerderEmail?: string } = {}) {
  const name = `Zorg ${uniq()}`
  const organisation = await db.organisation.create({
    data: {
      id: newId(),
      name,
      searchName: searchKey(name),
      kvkNummer: uniqueKvk(),
      street: 'Straat',
      houseNumber: '1',
      postcode: '4001 AA',
      city: 'Tiel',
      email: `info-${uniq()}@test.example`,
      phone: '0344 123 456',
    },
  })
  const beheerder = await createUser(db, { email: opts.beheerderEmail })
  await db.organisationMembership.create({
    data: { id: newId(), userId: beheerder.id, organisationId: organisation.id, role: 'beheerder' },
  })
  return { organisation, beheerder }
}

export async function createEvidenceType(
  db: DbOrTx,
  opts: { name?: string; expires?: boolean; asksProfessionalCounts?: boolean } = {},
) {
  return db.evidenceType.create({
    data: {
      id: newId(),
      key: `test-${uniq()}`,
      name: opts.name ?? `Certificaat ${uniq()}`,
      expires: opts.expires ?? true,
      asksProfessionalCounts: opts.asksProfessionalCounts ?? false,
    },
  })
}

/** An evidence item with one stored PDF. */
export async function createEvidenceItem(
  db: DbOrTx,
  opts: {
    organisationId: string
    typeId: string
    validFrom?: Date
    validUntil?: Date | null
    issuedAt?: Date | null
    verification?: 'in_controle' | 'goedgekeurd' | 'afgekeurd'
    replacesId?: string
    storage?: FileStorage
  },
) {
  const stored = await (opts.storage ?? getStorage()).put(minimalPdf(['Testcertificaat']))
  const id = newId()
  const fileId = newId()
  await db.evidenceItem.create({
    data: {
      id,
      organisationId: opts.organisationId,
      typeId: opts.typeId,
      issuer: 'Testinstelling',
      validFrom: opts.validFrom ?? new Date('2024-01-01T00:00:00Z'),
      validUntil: opts.validUntil === undefined ? new Date('2030-01-01T00:00:00Z') : opts.validUntil,
      issuedAt: opts.issuedAt ?? null,
      verification: opts.verification ?? 'in_controle',
      replacesId: opts.replacesId ?? null,
    },
  })
  await db.storedFile.create({
    data: {
      id: fileId,
      storageKey: stored.storageKey,
      displayName: 'certificaat.pdf',
      contentType: 'application/pdf',
      size: stored.size,
      sha256: stored.sha256,
      organisationId: opts.organisationId,
    },
  })
  await db.evidenceFile.create({ data: { evidenceItemId: id, fileId } })
  return { id, fileId, storageKey: stored.storageKey }
}

/** A region with one staff member per given role, and a published procurement with one perceel requiring `typeIds`. */
export async function createRegionWithPerceel(
  db: DbOrTx,
  opts: { typeIds: string[]; staff?: { role: string; email?: string }[]; regionId?: string },
) {
  await db.gemeente.upsert({
    where: { code: 'GM0281' },
    create: { code: 'GM0281', name: 'Tiel', searchName: 'tiel', province: 'Gelderland' },
    update: {},
  })
  const regionId = opts.regionId ?? newId()
  if (!opts.regionId) {
    await db.region.create({ data: { id: regionId, slug: `regio-${uniq()}`, name: `Testregio ${uniq()}` } })
  }
  const staff = []
  for (const s of opts.staff ?? []) {
    const user = await createUser(db, { email: s.email })
    await db.regionMembership.create({ data: { id: newId(), userId: user.id, regionId, role: s.role } })
    staff.push({ role: s.role, user })
  }
  const procurementId = newId()
  await db.procurement.create({
    data: {
      id: procurementId,
      regionId,
      name: `Inkoop ${uniq()}`,
      laws: 'jeugd',
      contractStart: new Date('2023-01-01T00:00:00Z'),
      contractEnd: new Date('2031-01-01T00:00:00Z'),
      status: 'gepubliceerd',
      publishedAt: new Date('2022-06-01T00:00:00Z'),
    },
  })
  const perceelId = newId()
  await db.perceel.create({
    data: { id: perceelId, procurementId, name: `Perceel ${uniq()}`, inkoopvorm: 'openhouse' },
  })
  const product = await db.product.create({
    data: {
      id: newId(),
      perceelId,
      law: 'jeugd',
      categoryCode: '45',
      code: 'T0001',
      name: 'Behandeling',
      unit: '01',
    },
  })
  const requirementSetId = newId()
  await db.requirementSet.create({
    data: { id: requirementSetId, perceelId, version: 1, publishedAt: new Date('2022-06-01T00:00:00Z') },
  })
  for (const typeId of opts.typeIds) {
    await db.requiredEvidence.create({ data: { id: newId(), requirementSetId, evidenceTypeId: typeId } })
  }
  return { regionId, procurementId, perceelId, product, requirementSetId, staff }
}

export async function createAdmission(
  db: DbOrTx,
  opts: { organisationId: string; perceelId: string; productId: string; atRisk?: boolean },
) {
  return db.admission.create({
    data: {
      id: newId(),
      organisationId: opts.organisationId,
      perceelId: opts.perceelId,
      productId: opts.productId,
      gemeenteCode: 'GM0281',
      since: new Date('2024-01-01T00:00:00Z'),
      atRisk: opts.atRisk ?? false,
    },
  })
}
