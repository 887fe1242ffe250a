/**
 * Evidence types a region defines itself, next to the platform's catalogue (HKZ, VOG, …): for a requirement that is
 * specific to one region, such as a local covenant or a training certificate. Percelen of that region can then ask
 * for it in their requirement sets, and providers keep it like any other evidence.
 */
import type { Db, DbOrTx } from '~/utils/db.server'
import { db as defaultDb } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { searchKey } from '~/utils/search'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import type { RegionEvidenceTypeInput } from './type-form'

export type TypeChangeResult = { ok: true; id: string } | { ok: false; field: 'name' | null; message: string }

/** The platform's types and the region's own, with how much each of the region's own is in use. */
export async function listTypesForRegion(regionId: string, db: DbOrTx = defaultDb) {
  const types = await db.evidenceType.findMany({
    where: { OR: [{ regionId: null }, { regionId }] },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      description: true,
      expires: true,
      isQualityMark: true,
      asksProfessionalCounts: true,
      regionId: true,
      _count: { select: { items: true, required: true } },
    },
  })
  const present = (t: (typeof types)[number]) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    expires: t.expires,
    isQualityMark: t.isQualityMark,
    asksProfessionalCounts: t.asksProfessionalCounts,
    itemCount: t._count.items,
    requiredCount: t._count.required,
  })
  return {
    platform: types.filter((t) => t.regionId === null).map(present),
    own: types.filter((t) => t.regionId === regionId).map(present),
  }
}

/** A name must be unambiguous for providers choosing a type: not the same as a platform type or another own type. */
async function nameTaken(db: DbOrTx, regionId: string, name: string, exceptId?: string) {
  const key = searchKey(name)
  const candidates = await db.evidenceType.findMany({
    where: { OR: [{ regionId: null }, { regionId }], ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  })
  return candidates.some((c) => searchKey(c.name) === key)
}

const TAKEN = 'Er is al een soort bewijsstuk met deze naam. Kies een andere naam.'

export async function createRegionEvidenceType(
  actor: Actor,
  regionId: string,
  input: RegionEvidenceTypeInput,
  db: Db = defaultDb,
): Promise<TypeChangeResult> {
  if (await nameTaken(db, regionId, input.name)) return { ok: false, field: 'name', message: TAKEN }
  const id = newId()
  await db.$transaction(async (tx) => {
    await tx.evidenceType.create({
      data: {
        id,
        key: `regio-${id}`,
        name: input.name,
        description: input.description ?? '',
        expires: input.expires,
        isQualityMark: input.isQualityMark,
        asksProfessionalCounts: input.asksProfessionalCounts,
        regionId,
      },
    })
    await recordAudit(tx, {
      actor,
      action: 'bewijstype.aangemaakt',
      subjectType: 'EvidenceType',
      subjectId: id,
      summary: `Soort bewijsstuk "${input.name}" toegevoegd (${input.expires ? 'met' : 'zonder'} einddatum)`,
      regionId,
    })
  })
  return { ok: true, id }
}

/**
 * Name, description, whether residents see it as a quality mark and whether it asks for counts of professionals can
 * change at any time (counts only bind new items; existing ones keep what they state). Whether the type expires
 * cannot change once providers hold evidence of it: their items were entered under the other rule.
 */
export async function updateRegionEvidenceType(
  actor: Actor,
  regionId: string,
  typeId: string,
  input: RegionEvidenceTypeInput,
  db: Db = defaultDb,
): Promise<TypeChangeResult> {
  const type = await db.evidenceType.findFirst({
    where: { id: typeId, regionId },
    select: { id: true, name: true, expires: true, _count: { select: { items: true } } },
  })
  if (!type) return { ok: false, field: null, message: 'Dit soort bewijsstuk bestaat niet (meer).' }
  if (await nameTaken(db, regionId, input.name, typeId)) return { ok: false, field: 'name', message: TAKEN }
  if (type.expires !== input.expires && type._count.items > 0) {
    return {
      ok: false,
      field: null,
      message:
        'Aanbieders hebben al bewijsstukken van dit soort. Of het een einddatum heeft, kan daarom niet meer veranderen.',
    }
  }
  await db.$transaction(async (tx) => {
    await tx.evidenceType.update({
      where: { id: typeId },
      data: {
        name: input.name,
        description: input.description ?? '',
        expires: input.expires,
        isQualityMark: input.isQualityMark,
        asksProfessionalCounts: input.asksProfessionalCounts,
      },
    })
    await recordAudit(tx, {
      actor,
      action: 'bewijstype.gewijzigd',
      subjectType: 'EvidenceType',
      subjectId: typeId,
      summary:
        type.name === input.name ? `"${input.name}" gewijzigd` : `"${type.name}" heet nu "${input.name}"`,
      regionId,
    })
  })
  return { ok: true, id: typeId }
}

/** Only a type nobody uses can go: requirement sets and providers' evidence keep referring to it otherwise. */
export async function removeRegionEvidenceType(
  actor: Actor,
  regionId: string,
  typeId: string,
  db: Db = defaultDb,
): Promise<TypeChangeResult> {
  const type = await db.evidenceType.findFirst({
    where: { id: typeId, regionId },
    select: { id: true, name: true, _count: { select: { items: true, required: true } } },
  })
  if (!type) return { ok: false, field: null, message: 'Dit soort bewijsstuk bestaat niet (meer).' }
  if (type._count.items > 0 || type._count.required > 0) {
    return {
      ok: false,
      field: null,
      message: `"${type.name}" wordt gebruikt in eisen van percelen of door aanbieders en kan niet weg. Pas de naam of beschrijving aan als dat nodig is.`,
    }
  }
  await db.$transaction(async (tx) => {
    await tx.evidenceType.delete({ where: { id: typeId } })
    await recordAudit(tx, {
      actor,
      action: 'bewijstype.verwijderd',
      subjectType: 'EvidenceType',
      subjectId: typeId,
      summary: `Soort bewijsstuk "${type.name}" verwijderd`,
      regionId,
    })
  })
  return { ok: true, id: typeId }
}
