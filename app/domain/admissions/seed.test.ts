import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { addDays, startOfAmsterdamDay } from '~/utils/time'
import { now } from '~/utils/clock'
import { seedAdmissions } from '../../../prisma/seed/admissions'
import { seedContracts } from '../../../prisma/seed/contracts'
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
    // A buyer also sees a suspended and an ended admission on the open-house perceel, with reason and audit.
    const perceelId = SEED_IDS.percelen.rlAmbulanteBehandeling
    const suspended = await db.admission.findMany({ where: { perceelId, status: 'geschorst' } })
    const ended = await db.admission.findMany({ where: { perceelId, status: 'beeindigd' } })
    expect(suspended.length).toBeGreaterThan(0)
    expect(ended.length).toBeGreaterThan(0)
    expect(suspended.every((a) => a.endedAt === null)).toBe(true)
    for (const a of ended) {
      expect(a.endedAt!.getTime()).toBeGreaterThan(a.since.getTime())
      expect(a.endedAt!.getTime()).toBeLessThan(now().getTime())
    }
    for (const [a, action] of [
      [suspended[0]!, 'toelating.schorsen'],
      [ended[0]!, 'toelating.beeindigen'],
    ] as const) {
      const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: a.id, action } })
      expect(audit.reason).toBeTruthy()
      expect(audit.summary).toMatch(/van "Actief" naar "(Geschorst|Beëindigd)"/)
    }
    const registered = register!.perGemeente.flatMap((g) => g.providers.map((x) => x.name))
    for (const orgId of [suspended[0]!.organisationId, ended[0]!.organisationId]) {
      const org = await db.organisation.findUniqueOrThrow({ where: { id: orgId } })
      expect(registered).not.toContain(org.name)
    }
    // No decision lies in the future.
    expect(await db.entry.count({ where: { decidedAt: { gt: now() } } })).toBe(0)

    // open keys only on open entries, and the second run adds nothing
    const openKeys = await db.entryGemeente.count({ where: { openKey: { not: null } } })
    await seedAdmissions(db)
    expect(await db.entryGemeente.count({ where: { openKey: { not: null } } })).toBe(openKeys)
  }, 120_000)

  it('contract obligations start at each admission, and an ended admission leaves the rest "niet van toepassing"', async () => {
    // Usually on the data of the test above (same file, same database); alone, it makes its own.
    if (!(await db.region.findUnique({ where: { id: 'regio-rivierenland' } }))) {
      await miniCatalogue()
      await seedAdmissions(db)
    }
    await seedContracts(db)
    const obligations = await db.obligation.findMany({
      select: {
        organisationId: true,
        dueDate: true,
        status: true,
        kind: true,
        template: { select: { contract: { select: { perceelId: true } } } },
      },
    })
    expect(obligations.length).toBeGreaterThan(0)
    const admissions = await db.admission.findMany({
      select: { organisationId: true, perceelId: true, since: true, status: true, endedAt: true },
    })
    const admittedDay = (orgId: string, perceelId: string) =>
      startOfAmsterdamDay(
        new Date(
          Math.min(
            ...admissions
              .filter((a) => a.organisationId === orgId && a.perceelId === perceelId)
              .map((a) => a.since.getTime()),
          ),
        ),
      )
    for (const o of obligations)
      expect(o.dueDate.getTime()).toBeGreaterThanOrEqual(
        admittedDay(o.organisationId, o.template.contract.perceelId).getTime(),
      )
    // Providers admitted in the last moment get nothing from the contract's first years.
    const late = admissions.find((a) => a.organisationId === 'org-gen-22')!
    expect(late.since.getTime()).toBeGreaterThan(new Date('2024-01-01').getTime())
    expect(obligations.filter((o) => o.organisationId === 'org-gen-22').length).toBeGreaterThan(0)

    const statuses = new Set(obligations.map((o) => o.status))
    for (const s of ['open', 'ingediend', 'geaccepteerd', 'correctie_gevraagd', 'niet_van_toepassing'])
      expect(statuses.has(s), s).toBe(true)
    const ended = admissions.find((a) => a.status === 'beeindigd')!
    const endedDay = startOfAmsterdamDay(ended.endedAt!)
    const afterEnd = obligations.filter(
      (o) => o.organisationId === ended.organisationId && o.dueDate >= endedDay,
    )
    expect(afterEnd.length).toBeGreaterThan(0)
    for (const o of afterEnd)
      expect(o.status).toBe(
        o.kind === 'overdrachtsplan' ? (o.dueDate < now() ? 'ingediend' : 'open') : 'niet_van_toepassing',
      )
    expect(afterEnd.filter((o) => o.kind === 'overdrachtsplan')).toHaveLength(1)
    expect(
      obligations.filter(
        (o) => o.status === 'niet_van_toepassing' && o.organisationId !== ended.organisationId,
      ),
    ).toHaveLength(0)
  }, 120_000)
})
