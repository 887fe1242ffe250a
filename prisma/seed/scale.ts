/**
 * Scale seeder for the keuzehulp benchmark: a nation-sized data set in minutes.
 *
 *   npm run db:seed:scale -- [size]        size is a factor, default 1 (nation-sized):
 *     20,000 providers × size, all municipalities the portal knows (about 342), 40 regions with a published
 *     procurement each (5 percelen, 13 products), ≈ 300,000 admissions × size, ≈ 3 capacity reports per provider and
 *     product (history; the last is current), evidence (required VOG, quality marks HKZ and ISO).
 *
 * DATABASE_URL picks the database (default file:./data/scale.db). Every row it writes has an id starting with
 * "scale-"; a second run first removes those, so it can be repeated. Writes in batches inside transactions.
 * Deterministic (seeded random), so two runs give the same data.
 */
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { createDb, engineOf, sqliteFilePath, type Db, type Prisma } from '../../app/utils/db.server'
import { searchKey } from '../../app/utils/search'
import { seedReference } from './reference'

const DAY = 24 * 60 * 60 * 1000
const BATCH = 500
const ORGS_PER_TX = 500

/** Mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PERCELEN: { key: string; name: string; law: 'wmo' | 'jeugd'; category: string; products: string[] }[] =
  [
    { key: 'beg', name: 'Begeleiding', law: 'wmo', category: '02', products: ['licht', 'middel', 'zwaar'] },
    { key: 'dag', name: 'Dagbesteding', law: 'wmo', category: '07', products: ['regulier', 'intensief'] },
    {
      key: 'hh',
      name: 'Huishoudelijke ondersteuning',
      law: 'wmo',
      category: '01',
      products: ['basis', 'plus'],
    },
    {
      key: 'amb',
      name: 'Ambulante jeugdhulp',
      law: 'jeugd',
      category: '45',
      products: ['licht', 'middel', 'zwaar'],
    },
    {
      key: 'verb',
      name: 'Jeugdhulp met verblijf',
      law: 'jeugd',
      category: '43',
      products: ['deeltijd', 'voltijd', 'gezinshuis'],
    },
  ]
const WORDS_A = [
  'Zon',
  'Linde',
  'Eik',
  'Kompas',
  'Brug',
  'Haven',
  'Horizon',
  'Anker',
  'Bron',
  'Toren',
  'Dijk',
  'Veld',
]
const WORDS_B = ['zorg', 'hulp', 'begeleiding', 'huis', 'kracht', 'steun', 'thuis', 'punt', 'groep', 'lijn']
const LANGUAGES = ['Engels', 'Turks', 'Arabisch', 'Pools', 'Papiaments', 'Tigrinya', 'Duits', 'Fries']
const IDENTITIES = ['Christelijk', 'Islamitisch', 'Joods', 'Humanistisch', 'Reformatorisch']
const TARGETS = [
  'Volwassenen',
  'Ouderen',
  'Jongeren 12-18',
  'Kinderen 0-12',
  'Gezinnen',
  'Mensen met een beperking',
]

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

type Row = Record<string, string | number | boolean | Date | null | undefined>

/**
 * Bulk writer. SQLite: one prepared INSERT per table on a raw better-sqlite3 connection, a transaction per batch of
 * providers (Prisma's createMany through the driver adapter is about 20 times slower there). PostgreSQL: Prisma's
 * createMany (multi-row INSERT) in an interactive transaction. Both write createdAt/updatedAt themselves.
 */
function bulkWriter(db: Db, url: string) {
  if (engineOf(url) === 'sqlite') {
    const raw = new Database(sqliteFilePath(url))
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
    const statements = new Map<string, Database.Statement>()
    const value = (v: Row[string]) =>
      v instanceof Date
        ? v.toISOString().replace('Z', '+00:00')
        : typeof v === 'boolean'
          ? v
            ? 1
            : 0
          : (v ?? null)
    return {
      async write(tables: [string, Row[]][]) {
        const stamp = new Date()
        raw.transaction(() => {
          for (const [table, rows] of tables) {
            if (rows.length === 0) continue
            const columns = [...Object.keys(rows[0]), 'createdAt', 'updatedAt']
            const key = `${table}:${columns.join(',')}`
            let stmt = statements.get(key)
            if (!stmt) {
              stmt = raw.prepare(
                `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
              )
              statements.set(key, stmt)
            }
            for (const row of rows) stmt.run(...columns.map((c) => value(c in row ? row[c] : stamp)))
          }
        })()
      },
      close: () => raw.close(),
    }
  }
  return {
    async write(tables: [string, Row[]][]) {
      await db.$transaction(
        async (tx) => {
          for (const [table, rows] of tables) {
            const model = (
              tx as unknown as Record<string, { createMany: (a: { data: Row[] }) => Promise<unknown> }>
            )[table.charAt(0).toLowerCase() + table.slice(1)]
            for (const c of chunks(rows, BATCH)) await model.createMany({ data: c })
          }
        },
        { timeout: 600_000, maxWait: 60_000 },
      )
    },
    close: () => undefined,
  }
}

export async function clearScaleData(db: Db) {
  const like = { startsWith: 'scale-' }
  await db.capacityReport.deleteMany({ where: { id: like } })
  await db.admission.deleteMany({ where: { id: like } })
  await db.evidenceItem.deleteMany({ where: { id: like } })
  await db.requiredEvidence.deleteMany({ where: { id: like } })
  await db.requirementSet.deleteMany({ where: { id: like } })
  await db.product.deleteMany({ where: { id: like } })
  await db.perceelGemeente.deleteMany({ where: { perceelId: like } })
  await db.perceelSegment.deleteMany({ where: { perceelId: like } })
  await db.perceel.deleteMany({ where: { id: like } })
  await db.segment.deleteMany({ where: { id: like } })
  await db.procurement.deleteMany({ where: { id: like } })
  await db.regionGemeente.deleteMany({ where: { regionId: like } })
  await db.region.deleteMany({ where: { id: like } })
  await db.evidenceType.deleteMany({ where: { id: like } })
  await db.organisation.deleteMany({ where: { id: like } })
}

export type ScaleCounts = {
  organisations: number
  gemeenten: number
  regions: number
  products: number
  admissions: number
  capacityReports: number
  evidenceItems: number
}

export async function seedScale(
  db: Db,
  url: string,
  size = 1,
  log: (m: string) => void = () => {},
): Promise<ScaleCounts> {
  const random = rng(20261123)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const today = new Date()
  if ((await db.gemeente.count()) === 0) await seedReference(db)
  await clearScaleData(db)

  const gemeenten = await db.gemeente.findMany({
    select: { code: true, province: true },
    orderBy: [{ province: 'asc' }, { code: 'asc' }],
  })
  const pc4ByGemeente = new Map<string, string[]>()
  for (const p of await db.pc4.findMany({ select: { code: true, gemeenteCode: true } })) {
    const list = pc4ByGemeente.get(p.gemeenteCode) ?? []
    list.push(p.code)
    pc4ByGemeente.set(p.gemeenteCode, list)
  }

  // Regions: 40 contiguous groups of municipalities (ordered by province), each with one published procurement.
  const REGIONS = 40
  const regionGemeenten: string[][] = Array.from({ length: REGIONS }, () => [])
  gemeenten.forEach((g, i) => regionGemeenten[Math.floor((i * REGIONS) / gemeenten.length)].push(g.code))
  type RegionPlan = { percelen: { id: string; products: string[] }[]; gemeenten: string[] }
  const plans: RegionPlan[] = []
  const evidenceTypes = [
    {
      id: 'scale-type-vog',
      key: 'scale-vog-rp',
      name: 'VOG rechtspersonen',
      expires: true,
      isQualityMark: false,
    },
    { id: 'scale-type-hkz', key: 'scale-hkz', name: 'HKZ-certificaat', expires: true, isQualityMark: true },
    { id: 'scale-type-iso', key: 'scale-iso-9001', name: 'ISO 9001', expires: true, isQualityMark: true },
  ]
  let productCount = 0
  await db.$transaction(
    async (tx) => {
      await tx.evidenceType.createMany({ data: evidenceTypes })
      for (let r = 0; r < REGIONS; r++) {
        const regionId = `scale-region-${r}`
        await tx.region.create({
          data: { id: regionId, slug: `scale-regio-${r}`, name: `Schaalregio ${r + 1}` },
        })
        await tx.regionGemeente.createMany({
          data: regionGemeenten[r].map((gemeenteCode) => ({ regionId, gemeenteCode })),
        })
        const procurementId = `scale-proc-${r}`
        await tx.procurement.create({
          data: {
            id: procurementId,
            regionId,
            name: `Sociaal domein schaalregio ${r + 1}`,
            laws: 'wmo,jeugd',
            contractStart: new Date(today.getTime() - 400 * DAY),
            contractEnd: new Date(today.getTime() + 1000 * DAY),
            status: 'gepubliceerd',
            publishedAt: new Date(today.getTime() - 500 * DAY),
          },
        })
        const plan: RegionPlan = { percelen: [], gemeenten: regionGemeenten[r] }
        for (const [i, p] of PERCELEN.entries()) {
          const perceelId = `scale-perceel-${r}-${p.key}`
          const segmentId = `scale-segment-${r}-${p.key}`
          await tx.segment.create({ data: { id: segmentId, regionId, name: p.name, law: p.law } })
          await tx.perceel.create({
            data: { id: perceelId, procurementId, name: p.name, inkoopvorm: 'openhouse', sortOrder: i },
          })
          await tx.perceelSegment.create({ data: { perceelId, segmentId } })
          await tx.perceelGemeente.createMany({
            data: regionGemeenten[r].map((gemeenteCode) => ({ perceelId, gemeenteCode })),
          })
          const products = p.products.map((variant, j) => ({
            id: `scale-product-${r}-${p.key}-${j}`,
            perceelId,
            law: p.law,
            categoryCode: p.category,
            code: `${p.category}A0${j + 1}`,
            name: `${p.name} ${variant}`,
            unit: p.law === 'wmo' ? '14' : '04',
          }))
          await tx.product.createMany({ data: products })
          productCount += products.length
          await tx.requirementSet.create({
            data: {
              id: `scale-eisen-${r}-${p.key}`,
              perceelId,
              version: 1,
              publishedAt: new Date(today.getTime() - 500 * DAY),
            },
          })
          await tx.requiredEvidence.create({
            data: {
              id: `scale-req-${r}-${p.key}`,
              requirementSetId: `scale-eisen-${r}-${p.key}`,
              evidenceTypeId: 'scale-type-vog',
            },
          })
          plan.percelen.push({ id: perceelId, products: products.map((x) => x.id) })
        }
        plans.push(plan)
      }
    },
    { timeout: 120_000 },
  )
  log(`${REGIONS} regio's, ${productCount} producten`)

  const orgCount = Math.max(1, Math.round(20_000 * size))
  const counts: ScaleCounts = {
    organisations: orgCount,
    gemeenten: gemeenten.length,
    regions: REGIONS,
    products: productCount,
    admissions: 0,
    capacityReports: 0,
    evidenceItems: 0,
  }
  const started = Date.now()
  const writer = bulkWriter(db, url)
  for (let start = 0; start < orgCount; start += ORGS_PER_TX) {
    const orgs: Prisma.OrganisationCreateManyInput[] = []
    const admissions: Prisma.AdmissionCreateManyInput[] = []
    const reports: Prisma.CapacityReportCreateManyInput[] = []
    const evidence: Prisma.EvidenceItemCreateManyInput[] = []
    for (let i = start; i < Math.min(orgCount, start + ORGS_PER_TX); i++) {
      const id = `scale-org-${String(i).padStart(6, '0')}`
      const name = `${pick(WORDS_A)}${pick(WORDS_B)} ${pick(['Zorg', 'Jeugd', 'Wonen', 'Welzijn', 'Begeleiding'])} ${i + 1}`
      const languages = [
        'Nederlands',
        ...(random() < 0.3 ? [pick(LANGUAGES)] : []),
        ...(random() < 0.1 ? [pick(LANGUAGES)] : []),
      ]
      orgs.push({
        id,
        name,
        searchName: searchKey(name),
        kvkNummer: String(70_000_000 + i),
        street: 'Schaalstraat',
        houseNumber: String((i % 200) + 1),
        postcode: '1234 AB',
        city: 'Schaalstad',
        email: `info@${id}.example`,
        phone: '0301234567',
        website: `https://${id}.example`,
        description: `${name} biedt ondersteuning en hulp dichtbij huis.`,
        languages: [...new Set(languages)].join(', '),
        identity: random() < 0.1 ? pick(IDENTITIES) : null,
        targetGroups: [...new Set([pick(TARGETS), pick(TARGETS)])].join(', '),
      })
      // Evidence: the required VOG (5% expired, 2% still being checked), quality marks for some.
      const vogState = random()
      evidence.push({
        id: `scale-ev-${i}-vog`,
        organisationId: id,
        typeId: 'scale-type-vog',
        issuer: 'Justis',
        validFrom: new Date(today.getTime() - 200 * DAY),
        validUntil:
          vogState < 0.05 ? new Date(today.getTime() - 10 * DAY) : new Date(today.getTime() + 600 * DAY),
        verification: vogState > 0.98 ? 'in_controle' : 'goedgekeurd',
      })
      if (random() < 0.4)
        evidence.push({
          id: `scale-ev-${i}-hkz`,
          organisationId: id,
          typeId: 'scale-type-hkz',
          issuer: 'HKZ',
          validFrom: new Date(today.getTime() - 300 * DAY),
          validUntil: new Date(today.getTime() + Math.floor(random() * 900) * DAY),
          verification: 'goedgekeurd',
        })
      if (random() < 0.2)
        evidence.push({
          id: `scale-ev-${i}-iso`,
          organisationId: id,
          typeId: 'scale-type-iso',
          issuer: 'Kiwa',
          validFrom: new Date(today.getTime() - 300 * DAY),
          validUntil: new Date(today.getTime() + Math.floor(random() * 900) * DAY),
          verification: 'goedgekeurd',
        })
      // Admissions: one region, 1-2 percelen with all their products, 2-6 of its municipalities (≈ 15 on average).
      const plan = plans[i % REGIONS]
      const percelen = random() < 0.5 ? [pick(plan.percelen)] : [pick(plan.percelen), pick(plan.percelen)]
      const uniquePercelen = [...new Map(percelen.map((p) => [p.id, p])).values()]
      const gemeenteCount = Math.min(plan.gemeenten.length, 2 + Math.floor(random() * 5))
      const offset = Math.floor(random() * plan.gemeenten.length)
      const chosen = Array.from(
        { length: gemeenteCount },
        (_, k) => plan.gemeenten[(offset + k) % plan.gemeenten.length],
      )
      for (const perceel of uniquePercelen) {
        for (const productId of perceel.products) {
          for (const gemeenteCode of chosen) {
            const s = random()
            const partial = random() < 0.2
            const pc4s = pc4ByGemeente.get(gemeenteCode) ?? []
            const status = s < 0.94 ? 'actief' : s < 0.97 ? 'geschorst' : 'beeindigd'
            const sinceDays = 1 + Math.floor(random() * 700)
            admissions.push({
              id: `scale-adm-${admissions.length}-${i}`,
              organisationId: id,
              perceelId: perceel.id,
              productId,
              gemeenteCode,
              status,
              atRisk: random() < 0.02,
              coversWhole: !partial || pc4s.length === 0,
              pc4s: partial ? pc4s.filter(() => random() < 0.5).join(',') : '',
              since: new Date(today.getTime() - sinceDays * DAY),
              // An ended admission ended somewhere between its start and today.
              endedAt:
                status === 'beeindigd'
                  ? new Date(today.getTime() - Math.floor(random() * sinceDays) * DAY)
                  : null,
              source: 'openhouse',
            })
          }
          // Capacity history: three reports, the last one current (confirmed 0-90 days ago: a third is stale).
          const latest = Math.floor(random() * 90)
          for (let h = 2; h >= 0; h--) {
            const accepting = random()
            reports.push({
              id: `scale-cap-${i}-${productId.slice(14)}-${h}`,
              organisationId: id,
              productId,
              accepting: accepting < 0.6 ? 'ja' : accepting < 0.8 ? 'beperkt' : 'nee',
              waitingWeeks: accepting < 0.8 ? Math.floor(random() * 16) : null,
              freePlaces: accepting < 0.8 ? Math.floor(random() * 10) : 0,
              confirmedAt: new Date(today.getTime() - (latest + h * 45) * DAY),
              isCurrent: h === 0,
              // Each older report gave way when the next one was confirmed, as the capacity screen records it.
              supersededAt: h === 0 ? null : new Date(today.getTime() - (latest + (h - 1) * 45) * DAY),
            })
          }
        }
      }
    }
    await writer.write([
      ['Organisation', orgs as Row[]],
      ['EvidenceItem', evidence as Row[]],
      ['Admission', admissions as Row[]],
      ['CapacityReport', reports as Row[]],
    ])
    counts.admissions += admissions.length
    counts.capacityReports += reports.length
    counts.evidenceItems += evidence.length
    const done = Math.min(orgCount, start + ORGS_PER_TX)
    if (done % 5000 === 0 || done === orgCount)
      log(
        `${done} aanbieders, ${counts.admissions} toelatingen (${Math.round((Date.now() - started) / 1000)} s)`,
      )
  }
  writer.close()
  return counts
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = Number(process.argv[2] ?? '1')
  if (!Number.isFinite(size) || size <= 0) {
    console.error('Gebruik: npm run db:seed:scale -- [grootte]   (factor, standaard 1 = landelijk)')
    process.exit(1)
  }
  const url = process.env.DATABASE_URL ?? 'file:./data/scale.db'
  const { applyMigrations } = await import('../tooling/migrations')
  await applyMigrations(url)
  const db = createDb(url)
  const t0 = Date.now()
  const counts = await seedScale(db, url, size, (m) => console.log(m))
  await db.$disconnect()
  console.log(
    `Schaaldata in ${url.startsWith('file:') ? url : 'PostgreSQL'} (grootte ${size}) in ${((Date.now() - t0) / 1000).toFixed(1)} s:`,
    counts,
  )
}
