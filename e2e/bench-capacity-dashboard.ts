/**
 * Benchmark of the capacity dashboard on the scale data set (the keuzehulp's, `npm run db:seed:scale`).
 *
 *   npm run bench:capacity -- [--runs 15] [--size 1] [--seed] [--check]
 *
 * - Database: BENCH_DATABASE_URL (default file:./data/scale.db; also postgresql://…). Without scale data (or with
 *   --seed) it runs the scale seeder first with --size (a factor, 1 = nation-sized: 20,000 providers, 40 regions,
 *   ~300,000 admissions, ~3 capacity reports per provider × product).
 * - Region: the busiest one (most admissions in its percelen). On PostgreSQL it first runs ANALYZE when the tables
 *   have no statistics yet (as autovacuum would; the dashboard's SQL needs them for a sensible plan).
 * - Times, in this process, what the routes do after the access check: the dashboard (`regionDashboard`, with the
 *   trend of all segments and of one segment) and both CSV exports (figures; current capacity per provider). One
 *   warm-up run, then `--runs` runs each; prints median and p95 of wall time and of this process's CPU time (on
 *   PostgreSQL the server's CPU is not in it), and the load average before and after (the machine may be shared).
 * - --check: also times the straightforward way (`regionDashboardByRules`: every row into `figuresAt`) and says
 *   whether both give the same figures and trend, for all segments and for each segment.
 *
 * Prints figures; asserts nothing about time.
 */
import { loadavg } from 'node:os'
import { isDeepStrictEqual } from 'node:util'
import { createDb, engineOf } from '../app/utils/db.server'
import { regionDashboard, regionDashboardByRules } from '../app/domain/capacity/queries.server'
import { regionFiguresCsv, regionProvidersCsv } from '../app/domain/capacity/csv.server'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
function option(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`)
  const v = i >= 0 ? Number(args[i + 1]) : fallback
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} moet een positief getal zijn`)
  return v
}
const RUNS = Math.floor(option('runs', 15))
const SIZE = option('size', 1)
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'file:./data/scale.db'

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

async function time(label: string, fn: () => Promise<string>) {
  let detail = ''
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    detail = await fn()
    const ms = performance.now() - start
    const used = process.cpuUsage(cpuStart)
    // The first run warms up (query plans, JIT).
    if (i > 0) {
      wall.push(ms)
      cpu.push((used.user + used.system) / 1000)
    }
  }
  wall.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const f = (v: number) => v.toFixed(v < 10 ? 1 : 0).padStart(6)
  console.log(
    `${label.padEnd(34)} wall mediaan ${f(percentile(wall, 50))} ms  p95 ${f(percentile(wall, 95))} ms   ` +
      `CPU mediaan ${f(percentile(cpu, 50))} ms  p95 ${f(percentile(cpu, 95))} ms   ${detail}`,
  )
}

async function main() {
  const engine = engineOf(DATABASE_URL)
  const { applyMigrations } = await import('../prisma/tooling/migrations')
  await applyMigrations(DATABASE_URL)
  const db = createDb(DATABASE_URL)
  try {
    const existing = await db.admission.count({ where: { id: { startsWith: 'scale-' } } })
    if (existing === 0 || flag('seed')) {
      console.log(`Schaaldata maken (grootte ${SIZE})…`)
      const { seedScale } = await import('../prisma/seed/scale')
      const t = Date.now()
      const counts = await seedScale(db, DATABASE_URL, SIZE, (m) => console.log(`  ${m}`))
      console.log(`  klaar in ${((Date.now() - t) / 1000).toFixed(1)} s`, counts)
    }
    if (engine === 'postgresql') {
      // Without statistics (a fresh bulk load on a server without autovacuum) the planner guesses one row per
      // table and picks nested loops: collect them first, as autovacuum would.
      const stats = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT COUNT(*)::int AS n FROM pg_stat_user_tables WHERE relname IN ('Admission', 'CapacityReport')
           AND last_analyze IS NULL AND last_autoanalyze IS NULL`,
      )
      if (stats[0]!.n > 0) {
        console.log('PostgreSQL: nog geen statistieken; ANALYZE "Admission", "CapacityReport"')
        await db.$executeRawUnsafe('ANALYZE "Admission", "CapacityReport"')
      }
    }
    // The busiest region: most admissions in the percelen of its procurements.
    const perPerceel = await db.admission.groupBy({ by: ['perceelId'], _count: { _all: true } })
    const percelen = await db.perceel.findMany({
      select: { id: true, procurement: { select: { regionId: true } } },
    })
    const regionOf = new Map(percelen.map((p) => [p.id, p.procurement.regionId]))
    const perRegion = new Map<string, number>()
    for (const g of perPerceel) {
      const regionId = regionOf.get(g.perceelId)
      if (regionId) perRegion.set(regionId, (perRegion.get(regionId) ?? 0) + g._count._all)
    }
    const [regionId, admissions] = [...perRegion].sort((a, b) => b[1] - a[1])[0]!
    const region = await db.region.findUniqueOrThrow({
      where: { id: regionId },
      select: {
        id: true,
        slug: true,
        name: true,
        segments: { select: { id: true }, orderBy: { name: 'asc' } },
      },
    })
    const reports = await db.capacityReport.count({
      where: { product: { perceel: { procurement: { regionId } } } },
    })
    console.log(
      `${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${DATABASE_URL.replace(/\/\/[^@/]*@/, '//')}): ` +
        `${await db.organisation.count()} organisaties, ${await db.admission.count()} toelatingen, ` +
        `${await db.capacityReport.count()} capaciteitsmeldingen`,
    )
    console.log(
      `Drukste regio: ${region.name} (${region.id}), ${admissions} toelatingen, ${reports} meldingen, ` +
        `${region.segments.length} segmenten; ${RUNS} runs na 1 warm-up`,
    )
    console.log(`load average vooraf: ${load()}`)
    const today = new Date()
    const oneSegment = region.segments[0]?.id ?? null
    await time('dashboard, trend alle segmenten', async () => {
      const d = await regionDashboard(db, regionId, { today })
      return `${d.figures.length} cellen, ${d.trend.length} trendpunten`
    })
    await time('dashboard, trend één segment', async () => {
      const d = await regionDashboard(db, regionId, { today, segmentId: oneSegment })
      return `${d.figures.length} cellen`
    })
    await time('CSV cijfers', async () => {
      const csv = await regionFiguresCsv(db, region, today)
      return `${csv.body.split('\r\n').length - 2} rijen`
    })
    await time('CSV aanbieders', async () => {
      const csv = await regionProvidersCsv(db, region, today)
      return `${csv.body.split('\r\n').length - 2} rijen`
    })
    if (flag('check')) {
      await time('referentie: alles door figuresAt', async () => {
        const d = await regionDashboardByRules(db, regionId, { today })
        return `${d.figures.length} cellen, ${d.trend.length} trendpunten`
      })
      let same = true
      for (const segmentId of [null, ...region.segments.map((s) => s.id)]) {
        const fast = await regionDashboard(db, regionId, { today, segmentId })
        const rules = await regionDashboardByRules(db, regionId, { today, segmentId })
        if (!isDeepStrictEqual(fast, rules)) {
          same = false
          console.log(`VERSCHIL bij segment ${segmentId ?? '(alle)'}`)
        }
      }
      console.log(
        `Snel pad gelijk aan figuresAt (cijfers en trend, alle segmenten en elk apart): ${same ? 'ja' : 'NEE'}`,
      )
      if (!same) process.exitCode = 1
    }
    console.log(`load average achteraf: ${load()}`)
  } finally {
    await db.$disconnect()
  }
}

await main()
