/**
 * Keuzehulp benchmark: throughput and server time of /keuzehulp search and the provider page, side by side with a
 * trivial route of the same server, on the scale data set. Prints figures; asserts nothing about time.
 *
 *   npm run bench:keuzehulp -- [--size 1] [--seconds 5] [--rounds 3] [--connections 8] [--seed] [--build]
 *
 * - Database: BENCH_DATABASE_URL (default file:./data/scale.db; also runs against postgresql://…). Without scale
 *   data (or with --seed) it runs the scale seeder first with --size (a factor, 1 = nation-sized). On PostgreSQL it
 *   runs ANALYZE first, as autovacuum would on a production server.
 * - Server: a production build in .cache/build-keuzehulp (built when missing or with --build), started as
 *   `NODE_ENV=production tsx app/server.ts` on port BENCH_PORT (default 3890), with logging off.
 * - Load: this process, keep-alive HTTP (node:http Agent), `--connections` parallel request loops per route. The
 *   routes take turns for `--rounds` rounds of `--seconds` each, so background noise hits them alike.
 * - Routes: /api/ping, /healthz, the keuzehulp start page (for comparison: a document with the root layout, a small
 *   form and an empty loader), one heavy search (busiest municipality), 50 searches in different municipalities in turns, and a
 *   provider page. Before any warm-up, the first search in each of those 50 municipalities is timed: the cold cost of
 *   building a municipality's read model (also what a search pays right after a write to the database).
 *   The search and provider page are measured twice: repeated URLs, mostly answered from the page cache
 *   (app/domain/keuzehulp/page-cache.server.ts), and a new URL for every request (an extra parameter the page
 *   ignores), which is always rendered: the cost of a search nobody made before.
 * - Throughput: requests per second per route, and the ratio to /api/ping (text, no database, no rendering).
 * - Server time: p50/p95 of the `Server-Timing: keuzehulp;dur=…` header (the loader: queries and rules), and p50/p95
 *   of the full request measured over one sequential keep-alive connection (loader + React render + HTTP on
 *   loopback; without queueing behind other requests).
 * - JavaScript: gzipped size per public page, summed over the entry, root and route chunks in the build manifest.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { createDb, engineOf, sqliteFilePath } from '../app/utils/db.server'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback
}
const SIZE = option('size', 1)
const SECONDS = option('seconds', 5)
const ROUNDS = option('rounds', 3)
const CONNECTIONS = option('connections', 8)
const PORT = Number(process.env.BENCH_PORT ?? 3890)
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'file:./data/scale.db'
const BUILD_DIR = '.cache/build-keuzehulp'
const BASE = `http://127.0.0.1:${PORT}`

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

type Got = { status: number; serverMs: number | null; cache: string | null; csp: string; body: string }

function get(pathname: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${BASE}${pathname}`, { agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const timing = String(res.headers['server-timing'] ?? '')
        const m = timing.match(/keuzehulp;dur=([\d.]+)/)
        resolve({
          status: res.statusCode ?? 0,
          serverMs: m ? Number(m[1]) : null,
          cache: timing.match(/keuzehulp-cache;desc="(\w+)"/)?.[1] ?? null,
          csp: String(res.headers['content-security-policy'] ?? ''),
          body: Buffer.concat(chunks).toString(),
        })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

type Stats = { requests: number; errors: number; seconds: number; serverMs: number[]; hits: number }
const emptyStats = (): Stats => ({ requests: 0, errors: 0, seconds: 0, serverMs: [], hits: 0 })

/** A route's paths: one URL, several in turn, or a new URL for every request (never served from the page cache). */
type Paths = string | string[] | { unique: string }
let uniqueCounter = 0
function pathAt(p: Paths, i: number): string {
  if (typeof p === 'string') return p
  if (Array.isArray(p)) return p[i % p.length]
  return `${p.unique}${p.unique.includes('?') ? '&' : '?'}bench=${++uniqueCounter}`
}

/** Requests `paths` over `connections` loops for `seconds`. */
async function hammer(paths: Paths, seconds: number, connections: number, stats: Stats) {
  let next = 0
  const deadline = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const r = await get(pathAt(paths, next++))
        if (r.status !== 200) stats.errors++
        else stats.requests++
        if (r.serverMs !== null) stats.serverMs.push(r.serverMs)
        if (r.cache === 'hit') stats.hits++
      }
    }),
  )
  stats.seconds += (performance.now() - started) / 1000
}

async function sequentialLatency(paths: Paths, count: number): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < count; i++) {
    const t = performance.now()
    await get(pathAt(paths, i))
    out.push(performance.now() - t)
  }
  return out
}

async function ensureData() {
  const db = createDb(DATABASE_URL)
  try {
    const { applyMigrations } = await import('../prisma/tooling/migrations')
    await applyMigrations(DATABASE_URL)
    const existing = await db.organisation.count({ where: { id: { startsWith: 'scale-' } } })
    if (existing === 0 || flag('seed')) {
      console.log(`Schaaldata maken (grootte ${SIZE})…`)
      const { seedScale } = await import('../prisma/seed/scale')
      const t = Date.now()
      const counts = await seedScale(db, DATABASE_URL, SIZE, (m) => console.log(`  ${m}`))
      console.log(`  klaar in ${((Date.now() - t) / 1000).toFixed(1)} s`, counts)
    }
    if (engineOf(DATABASE_URL) === 'postgresql') {
      // What autovacuum does on a production server (it is off on some development servers): without statistics
      // after the bulk load, PostgreSQL plans sequential scans for the keuzehulp's IN lists.
      console.log('PostgreSQL: ANALYZE (tabelstatistieken, zoals autovacuum ze bijhoudt)…')
      await db.$executeRawUnsafe('ANALYZE')
    }
    // The busiest municipality, its Begeleiding segment and one of its postcodes: a realistic, heavy search.
    const busiest = await db.admission.groupBy({
      by: ['gemeenteCode'],
      where: { id: { startsWith: 'scale-' }, status: 'actief' },
      _count: { _all: true },
      orderBy: { _count: { gemeenteCode: 'desc' } },
      take: 1,
    })
    const gemeenteCode = busiest[0].gemeenteCode
    const region = await db.regionGemeente.findFirstOrThrow({
      where: { gemeenteCode, regionId: { startsWith: 'scale-' } },
      select: { regionId: true },
    })
    const pc4 = await db.pc4.findFirst({
      where: { gemeenteCode },
      select: { code: true },
      orderBy: { code: 'asc' },
    })
    const segment = `s-${region.regionId.replace('scale-region-', 'scale-segment-')}-beg`
    // Many searches, for an honest figure next to the single URL above: the 50 busiest municipalities, each with one
    // of its postcodes and a kind of help, in turns (every request asks for another municipality than the last).
    const top = await db.admission.groupBy({
      by: ['gemeenteCode'],
      where: { id: { startsWith: 'scale-' }, status: 'actief' },
      _count: { _all: true },
      orderBy: { _count: { gemeenteCode: 'desc' } },
      take: 50,
    })
    const kinds = ['beg', 'dag', 'hh', 'amb', 'verb']
    const searches: string[] = []
    for (const [i, t] of top.entries()) {
      const r = await db.regionGemeente.findFirst({
        where: { gemeenteCode: t.gemeenteCode, regionId: { startsWith: 'scale-' } },
        select: { regionId: true },
      })
      const codes = await db.pc4.findMany({
        where: { gemeenteCode: t.gemeenteCode },
        select: { code: true },
        orderBy: { code: 'asc' },
      })
      if (!r) continue
      const hulp = `s-${r.regionId.replace('scale-region-', 'scale-segment-')}-${kinds[i % kinds.length]}`
      const pc = codes.length > 0 ? codes[i % codes.length].code : null
      searches.push(
        `/keuzehulp?gemeente=${t.gemeenteCode}${pc ? `&postcode=${pc}` : ''}&hulp=${encodeURIComponent(hulp)}`,
      )
    }
    const counts = {
      organisations: await db.organisation.count(),
      admissions: await db.admission.count(),
      capacityReports: await db.capacityReport.count(),
      gemeenten: await db.gemeente.count(),
      admissionsInGemeente: busiest[0]._count._all,
    }
    return { gemeenteCode, pc4: pc4?.code ?? null, segment, counts, searches }
  } finally {
    await db.$disconnect()
  }
}

/** PostgreSQL: transaction ids handed out so far in the whole cluster (one per writing transaction); else null. */
async function clusterWrites(): Promise<number | null> {
  if (engineOf(DATABASE_URL) !== 'postgresql') return null
  const db = createDb(DATABASE_URL)
  try {
    const rows = await db.$queryRawUnsafe<{ x: string }[]>(
      'SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x',
    )
    return Number(rows[0].x)
  } finally {
    await db.$disconnect()
  }
}

function ensureBuild() {
  if (existsSync(`${BUILD_DIR}/index.js`) && !flag('build')) return
  console.log('Productiebuild maken…')
  const r = spawnSync('npx', ['remix', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, PORTAAL_BUILD_DIR: BUILD_DIR, NODE_ENV: 'production' },
  })
  if (r.status !== 0) throw new Error('remix build mislukt')
}

async function startServer(): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'app/server.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      APP_URL: BASE,
      DATABASE_URL,
      PORTAAL_BUILD_DIR: BUILD_DIR,
      SESSION_SECRET: 'bench-sessie-geheim-bench-sessie-geheim-12345',
      SMTP_URL: 'smtp://127.0.0.1:1',
      MAIL_FROM: 'Bench <bench@aanbiederspoort.localhost>',
      LOG_LEVEL: 'error',
      STORAGE_DIR: './data/bench-files',
    },
  })
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    try {
      if ((await get('/healthz')).status === 200) return child
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  stopServer(child)
  throw new Error('De server startte niet binnen 2 minuten')
}

function stopServer(child: ChildProcess) {
  if (child.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

/** Gzipped JS per page: entry + root + route chunks (and their imports) from the Remix build manifest. */
function javascriptPerPage(): { route: string; kb: number; files: number }[] {
  const assets = `${BUILD_DIR}/assets`
  const file = readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f))
  if (!file) return []
  const text = readFileSync(path.join(assets, file), 'utf8')
  const manifest = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
    entry: { module: string; imports?: string[] }
    routes: Record<
      string,
      { module: string; imports?: string[]; hasLoader?: boolean; path?: string; index?: boolean }
    >
  }
  const gz = new Map<string, number>()
  const size = (url: string) => {
    if (!gz.has(url)) {
      const p = path.join(assets, url.replace(/^\/build\//, ''))
      gz.set(url, existsSync(p) ? gzipSync(readFileSync(p), { level: 9 }).length : 0)
    }
    return gz.get(url) ?? 0
  }
  const chunks = (r: { module: string; imports?: string[] }) => [r.module, ...(r.imports ?? [])]
  const publicRoutes = Object.keys(manifest.routes).filter(
    (id) =>
      id !== 'root' &&
      !/^routes\/(aanbieder|regio|beheer|account|dev|inloggen|uitloggen|registreren|wachtwoord|api\.ping|healthz)/.test(
        id,
      ) &&
      !/\.(ts)$/.test(id),
  )
  return publicRoutes
    .map((id) => {
      const files = new Set([
        ...chunks(manifest.entry),
        ...chunks(manifest.routes.root),
        ...chunks(manifest.routes[id]),
      ])
      return { route: id, kb: [...files].reduce((s, f) => s + size(f), 0) / 1024, files: files.size }
    })
    .sort((a, b) => a.route.localeCompare(b.route))
}

async function main() {
  console.log(
    `Database: ${engineOf(DATABASE_URL) === 'sqlite' ? sqliteFilePath(DATABASE_URL) : 'PostgreSQL'}; ${ROUNDS} rondes × ${SECONDS} s per route, ${CONNECTIONS} verbindingen`,
  )
  const target = await ensureData()
  console.log('Gegevens:', target.counts)
  ensureBuild()
  const server = await startServer()
  try {
    const search = `/keuzehulp?gemeente=${target.gemeenteCode}${target.pc4 ? `&postcode=${target.pc4}` : ''}&hulp=${encodeURIComponent(target.segment)}`
    // Cold: the first search in each of the 50 municipalities after start-up builds that municipality's read model
    // (what every search pays right after a write to the database). Measured before any warm-up.
    const cold: number[] = []
    for (const p of target.searches) {
      const r = await get(p)
      if (r.serverMs !== null) cold.push(r.serverMs)
    }
    const first = await get(search)
    const providerId = first.body.match(/\/keuzehulp\/aanbieder\/([^?"&]+)/)?.[1]
    if (first.status !== 200 || !providerId)
      throw new Error(`Zoekpagina gaf ${first.status} zonder resultaten`)
    const found = first.body.match(/<title>(\d+) aanbieders? /)?.[1] ?? 0
    const provider = `/keuzehulp/aanbieder/${providerId}`
    const routes: { name: string; path: Paths }[] = [
      { name: 'triviaal (/api/ping)', path: '/api/ping' },
      { name: 'healthz (DB-ronde)', path: '/healthz' },
      { name: 'keuzehulp-start (document, lege loader)', path: '/keuzehulp' },
      { name: `zoeken (${found} resultaten)`, path: search },
      { name: `zoeken (${target.searches.length} gemeenten om de beurt)`, path: target.searches },
      { name: 'aanbiederpagina', path: provider },
      // Every request a URL never asked before: what a search costs when the page cache cannot help.
      { name: `zoeken, elke keer nieuwe URL (gerenderd)`, path: { unique: search } },
      { name: 'aanbiederpagina, elke keer nieuwe URL (gerenderd)', path: { unique: provider } },
    ]
    console.log(`Zoek-URL: ${search}\nAanbieder: ${provider}\n`)
    // A page from the cache must carry the nonce of its own response, or the browser blocks its script.
    const again = await get(search)
    const cspNonce = again.csp.match(/'nonce-([^']+)'/)?.[1]
    const htmlNonces = [...again.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1])
    if (
      again.cache !== 'hit' ||
      !cspNonce ||
      htmlNonces.some((n) => n !== cspNonce) ||
      htmlNonces.length === 0
    )
      throw new Error(
        `Paginacache: ${again.cache}, nonce in CSP ${cspNonce}, in HTML ${htmlNonces.join(',')}`,
      )
    // Warm up every route (JIT, SQLite page cache, Prisma).
    for (const r of routes) await hammer(r.path, 1, CONNECTIONS, emptyStats())
    const stats = new Map(routes.map((r) => [r.name, emptyStats()]))
    const writesBefore = await clusterWrites()
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of routes) await hammer(r.path, SECONDS, CONNECTIONS, stats.get(r.name)!)
    }
    const writesDuring = writesBefore === null ? null : ((await clusterWrites()) ?? 0) - writesBefore
    const latency = new Map<string, number[]>()
    for (const r of routes) latency.set(r.name, await sequentialLatency(r.path, 200))

    const ping = stats.get(routes[0].name)!
    const pingRps = ping.requests / ping.seconds
    const rows = routes.map((r) => {
      const s = stats.get(r.name)!
      const rps = s.requests / s.seconds
      const l = latency.get(r.name)!
      return {
        route: r.name,
        'req/s': Math.round(rps),
        'ratio t.o.v. triviaal': Number((rps / pingRps).toFixed(2)),
        fouten: s.errors,
        'uit paginacache': s.requests ? `${Math.round((100 * s.hits) / s.requests)}%` : '-',
        'loader p50 ms': s.serverMs.length ? Number(percentile(s.serverMs, 50).toFixed(2)) : '-',
        'loader p95 ms': s.serverMs.length ? Number(percentile(s.serverMs, 95).toFixed(2)) : '-',
        'verzoek p50 ms': Number(percentile(l, 50).toFixed(2)),
        'verzoek p95 ms': Number(percentile(l, 95).toFixed(2)),
      }
    })
    console.table(rows)
    console.log(
      'loader = Server-Timing keuzehulp;dur (queries en regels, onder belasting; alleen voor gerenderde pagina’s); verzoek = hele verzoek over één keep-alive-verbinding, na elkaar (serverwerk + HTTP op loopback).',
    )
    console.log(
      'uit paginacache = aandeel antwoorden dat de server zonder renderen gaf (zelfde URL, geen schrijfactie sinds het renderen, zelfde dag); de rijen "elke keer nieuwe URL" renderen altijd.',
    )
    console.log(
      `Koud (eerste zoekopdracht per gemeente na de start, leesmodel opbouwen; ${cold.length} gemeenten): loader p50 ${percentile(cold, 50).toFixed(1)} ms, p95 ${percentile(cold, 95).toFixed(1)} ms, max ${Math.max(...cold).toFixed(1)} ms.`,
    )
    if (writesDuring !== null)
      console.log(
        `PostgreSQL: ${writesDuring} schrijvende transacties in het hele cluster tijdens de rondes (ook uit andere databases); elk ervan maakt het leesmodel ongeldig.`,
      )
    console.log(
      'keuzehulp-start = ter vergelijking een documentverzoek met root-layout, een klein formulier en een lege loader.',
    )
    console.log('Doel: ratio ≥ 0,5 en servertijd p95 < 20 ms (SQLite). Geen tijdsasserties.\n')

    // What a visitor's browser really loads (anonymous): every script and modulepreload the served HTML references.
    const pages: { name: string; path: string }[] = [
      { name: 'home', path: '/' },
      { name: 'keuzehulp (start)', path: '/keuzehulp' },
      { name: 'keuzehulp (zoeken)', path: search },
      { name: 'aanbiederpagina', path: `/keuzehulp/aanbieder/${providerId}` },
      { name: 'inkoopagenda', path: '/inkoopagenda' },
      { name: 'consultaties', path: '/consultaties' },
    ]
    // One detail page of each, as linked from its overview (when the data set has one).
    for (const [name, overview, pattern] of [
      ['inkooptraject', '/inkoopagenda', /href="(\/inkoopagenda\/[^"/?]+)"/],
      ['consultatieronde', '/consultaties', /href="(\/consultaties\/[^"/?]+)"/],
    ] as const) {
      const link = (await get(overview)).body.match(pattern)?.[1]
      if (link) pages.push({ name, path: link })
    }
    const shipped = []
    for (const p of pages) {
      const html = (await get(p.path)).body
      const srcs = [
        ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
        ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
        ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="modulepreload"/g),
      ].map((m) => m[1])
      let bytes = 0
      for (const src of new Set(srcs))
        bytes += gzipSync(Buffer.from((await get(src)).body), { level: 9 }).length
      shipped.push({
        pagina: p.name,
        'KB gzip (geladen)': Number((bytes / 1024).toFixed(1)),
        scripts: new Set(srcs).size,
      })
    }
    console.log('JavaScript dat de pagina werkelijk laadt (gzip):')
    console.table(shipped)
  } finally {
    stopServer(server)
    agent.destroy()
  }
  console.log(
    'JavaScript per route voor wie ingelogd is en de React-runtime laadt (gzip, entry + root + route, uit het buildmanifest):',
  )
  console.table(
    javascriptPerPage().map((r) => ({
      route: r.route,
      'KB gzip': Number(r.kb.toFixed(1)),
      bestanden: r.files,
    })),
  )
  console.log('Doel: hoogstens 60 KB gzip per openbare pagina.')
}

await main()
process.exit(0)
