import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { addDays } from '~/utils/time'
import { now } from '~/utils/clock'
import { seedAdmissions } from '../../../prisma/seed/admissions'
import { SEED_IDS } from '../../../prisma/seed/ids'
import { createEvidenceType, createProvider, ensureGemeenten } from './test-factories'
import { ENTRY_STATES } from './state'
import { publicRegister } from './queries.server'

const db = getDb()
const GEMEENTEN = [
  { code: 'GM0214', name: 'Buren' },
  { code: 'GM0216', name: 'Culemborg' },
  { code: 'GM1740', name: 'Neder-Betuwe' },
  { code: 'GM0281', name: 'Tiel' },
  { code: 'GM1960', name: 'West Betuwe' },
  { code: 'GM0668', name: 'West Maas en Waal' },
]

/** The smallest catalogue the admissions seed hangs on (the catalogue seed makes the real one). */
async function miniCatalogue() {
  await ensureGemeenten(db, GEMEENTEN)
  await db.region.create({
    data: { id: 'regio-rivierenland', slug: 'rivierenland', name: 'Regio Rivierenland' },
  })
  await db.procurement.create({
    data: {
      id: SEED_IDS.procurements.rivierenland2023,
      regionId: 'regio-rivierenland',
      name: 'Wmo en Jeugdhulp 2023',
      laws: 'wmo,jeugd',
      contractStart: new Date('2023-01-01'),
      contractEnd: new Date('2026-12-31'),
      status: 'gepubliceerd',
    },
  })
  for (const [id, inkoopvorm, products] of [
    [SEED_IDS.percelen.rlAmbulanteBehandeling, 'openhouse', ['45A01', '45A02', '45A03']],
    [SEED_IDS.percelen.rlBegeleiding, 'aanbesteding', ['02A01', '02A02']],
  ] as const) {
    await db.perceel.create({
      data: {
        id,
        procurementId: SEED_IDS.procurements.rivierenland2023,
        name: id,
        inkoopvorm,
        registrationRegime: inkoopvorm === 'openhouse' ? 'momenten' : null,
        gemeenten: { create: GEMEENTEN.map((g) => ({ gemeenteCode: g.code })) },
        products: {
          create: products.map((code) => ({
            id: newId(),
            law: 'jeugd',
            categoryCode: '45',
            code,
            name: code,
            unit: '01',
          })),
        },
      },
    })
  }
  const type = await createEvidenceType(db)
  await db.requirementSet.create({
    data: {
      id: SEED_IDS.requirementSets.rlAmbulanteBehandelingV1,
      perceelId: SEED_IDS.percelen.rlAmbulanteBehandeling,
      version: 1,
      publishedAt: new Date('2022-06-01'),
      evidence: { create: [{ id: newId(), evidenceTypeId: type.id }] },
      questions: {
        create: [
          { id: newId(), kind: 'knockout_yesno', text: 'Meldcode?', requiredAnswer: true, sortOrder: 1 },
          { id: newId(), kind: 'knockout_number', text: 'Jaren ervaring?', minimum: 2, sortOrder: 2 },
        ],
      },
    },
  })
  const t = now()
  for (const [opens, closes, decision] of [
    [-120, -60, -20],
    [-30, 30, 70],
  ]) {
    await db.registrationMoment.create({
      data: {
        id: newId(),
        perceelId: SEED_IDS.percelen.rlAmbulanteBehandeling,
        opensAt: addDays(t, opens),
        closesAt: addDays(t, closes),
        decisionDate: addDays(t, decision),
      },
    })
  }
  const linge = await createProvider(db, { name: 'Zorggroep De Linge' })
  await db.organisation.update({ where: { id: linge.organisation.id }, data: { id: 'org-de-linge' } })
}

describe('admissions demo seed', () => {
  it('skips with a warning when the catalogue perceel does not exist', async () => {
    await seedAdmissions(db)
    expect(await db.entry.count()).toBe(0)
  })

  it('creates entries in every state, a queue with overdue entries, and admissions (open house and gunning)', async () => {
    await miniCatalogue()
    await seedAdmissions(db)
    const states = await db.entry.groupBy({ by: ['status'], _count: true })
    const present = new Set(states.map((s) => s.status))
    for (const s of ENTRY_STATES) expect(present.has(s), s).toBe(true)
    expect(await db.organisation.count({ where: { id: { startsWith: 'org-gen-' } } })).toBe(30)
    const overdue = await db.entry.count({
      where: { status: { in: ['ingediend', 'in_behandeling'] }, decisionDueAt: { lt: now() } },
    })
    expect(overdue).toBeGreaterThan(0)
    expect(await db.admission.count({ where: { organisationId: 'org-de-linge', source: 'openhouse' } })).toBe(
      8,
    )
    expect(await db.admission.count({ where: { source: 'gunning' } })).toBeGreaterThan(0)
    // A demo combination: the admitted entry's confirmed onderaannemer appears in the public register.
    const combination = await db.entryPartner.findUniqueOrThrow({
      where: { id: 'partner-gen-22-gen-14' },
      include: { organisation: true },
    })
    expect(combination.confirmedAt).not.toBeNull()
    const register = await publicRegister(SEED_IDS.percelen.rlAmbulanteBehandeling)
    expect(register!.perGemeente.flatMap((g) => g.providers.flatMap((x) => x.partners))).toContain(
      `met onderaannemer ${combination.organisation.name}`,
    )
    // open keys only on open entries, and the second run adds nothing
    const openKeys = await db.entryGemeente.count({ where: { openKey: { not: null } } })
    await seedAdmissions(db)
    expect(await db.entryGemeente.count({ where: { openKey: { not: null } } })).toBe(openKeys)
  }, 120_000)
})
