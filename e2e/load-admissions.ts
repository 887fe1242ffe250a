/**
 * Load test of open-house submissions around the close of a registration moment (npm run load:admissions).
 *
 * Starts the portal itself (a fresh production build in LOAD_BUILD_DIR, default .cache/build-admissions-load) on
 * its own fresh database: SQLite by default, PostgreSQL when DATABASE_URL points at a server (a fresh database is
 * created there and dropped afterwards). It prepares 250 provider organisations, each with a complete draft entry for
 * the same perceel and municipality, then:
 *   - 200 organisations submit in the last seconds before the moment closes (spread over LOAD_WINDOW_MS, default
 *     20 s), each with a double click (two identical POSTs at once), as the browser form would;
 *   - a burst of 50 other organisations submits just after the close.
 * It prints the counts and exits non-zero unless: 0 lost, 0 duplicated, 0 accepted after closing.
 *
 * Only loopback traffic; every request has a time limit and the run stops by itself.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, openSync, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { createCookie } from '@remix-run/node'
import { createDb, type Db } from '../app/utils/db.server'
import { hashToken, newId, newToken } from '../app/utils/ids.server'
import { applyMigrations } from '../prisma/tooling/migrations'
import { startMailCapture } from '../app/utils/mail-capture.server'
import {
  createCompleteDraft,
  createOpenHousePerceel,
  createProvider,
  type PerceelFixture,
} from '../app/domain/admissions/test-factories'

const BEFORE = Number(process.env.LOAD_BEFORE ?? 200)
const AFTER = Number(process.env.LOAD_AFTER ?? 50)
const PORT = Number(process.env.LOAD_PORT ?? 3520)
const SMTP_PORT = PORT + 1
const BASE = `http://127.0.0.1:${PORT}`
const SECRET = 'load-sessie-geheim-load-sessie-geheim-12'
const BUILD_DIR = process.env.LOAD_BUILD_DIR ?? '.cache/build-admissions-load'
const REQUEST_TIMEOUT_MS = 600_000
/** The 200 submissions are spread over the last WINDOW ms before the close (LOAD_WINDOW_MS, default 20 s). */
const WINDOW = Number(process.env.LOAD_WINDOW_MS ?? 20_000)
const env = process.env

type Outcome = 'accepted' | 'closed' | 'already' | 'error'

async function freshDatabaseUrl(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const given = env.DATABASE_URL ?? ''
  const stamp = `${Date.now()}_${process.pid}`
  if (/^postgres(ql)?:\/\//.test(given)) {
    const admin = new URL(given)
    admin.pathname = '/postgres'
    const name = `load_admissions_${stamp}`
    const run = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin.toString() })
      await client.connect()
      try {
        await client.query(sql)
      } finally {
        await client.end()
      }
    }
    await run(`CREATE DATABASE "${name}"`)
    const url = new URL(given)
    url.pathname = `/${name}`
    return { url: url.toString(), cleanup: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
  }
  const dir = path.resolve(`data/load-admissions-${stamp}`)
  mkdirSync(dir, { recursive: true })
  return {
    url: `file:${dir}/portaal.db`,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** A fresh production build (LOAD_SKIP_BUILD=1 reuses the one in LOAD_BUILD_DIR when it exists). */
function ensureBuild() {
  if (env.LOAD_SKIP_BUILD === '1' && existsSync(path.resolve(BUILD_DIR, 'index.js'))) return
  console.log(`Bouwen naar ${BUILD_DIR} ...`)
  const r = spawnSync('npx', ['remix', 'build'], {
    stdio: 'inherit',
    env: { ...env, PORTAAL_BUILD_DIR: BUILD_DIR },
  })
  if (r.status !== 0) throw new Error('remix build mislukt')
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'app/server.ts'], {
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      APP_URL: BASE,
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: SECRET,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      MAIL_FROM: 'Aanbiederspoort <noreply@aanbiederspoort.localhost>',
      STORAGE_DIR: `./data/load-admissions-files-${process.pid}`,
      PORTAAL_BUILD_DIR: BUILD_DIR,
      LOG_LEVEL: 'error',
      OUTBOX_INTERVAL_MS: '500',
    },
    // LOAD_SERVER_LOG=<file> keeps the server's output for diagnosis.
    stdio: env.LOAD_SERVER_LOG
      ? ['ignore', openSync(env.LOAD_SERVER_LOG, 'a'), openSync(env.LOAD_SERVER_LOG, 'a')]
      : ['ignore', 'ignore', 'ignore'],
    detached: true,
  })
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('de server stopte bij het starten')
    try {
      const res = await fetch(`${BASE}/healthz`, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return child
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('de server startte niet binnen 120 s')
}

function stopServer(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

const cookie = createCookie('portaal_sessie', {
  secrets: [SECRET],
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
})

type Org = { organisationId: string; entryId: string; email: string; cookie: string; body: string }

async function prepare(db: Db, p: PerceelFixture, count: number): Promise<Org[]> {
  const orgs: Org[] = []
  for (let i = 0; i < count; i++) {
    const { organisation, beheerder } = await createProvider(db, { name: `Loadtest Aanbieder ${i + 1}` })
    const entryId = await createCompleteDraft(db, p, organisation, beheerder.id)
    const evidence = await db.entryEvidence.findFirstOrThrow({ where: { entryId } })
    const token = newToken()
    await db.userSession.create({
      data: {
        id: hashToken(token),
        userId: beheerder.id,
        secondFactorAt: new Date(),
        lastSeenAt: new Date(),
        expiresAt: new Date(Date.now() + 3600_000),
      },
    })
    const value = (await cookie.serialize(token)).split(';')[0]!
    const form = new URLSearchParams()
    form.set('intent', 'indienen')
    form.append('gemeenten', p.gemeenten[0]!)
    form.append('producten', p.products[0]!.id)
    form.set(`vraag-${p.questions.yesNo.id}`, 'ja')
    form.set(`vraag-${p.questions.number.id}`, '5')
    form.set(`bewijs-${p.required.id}`, evidence.evidenceItemId)
    orgs.push({
      organisationId: organisation.id,
      entryId,
      email: beheerder.email,
      cookie: value,
      body: form.toString(),
    })
  }
  return orgs
}

async function submit(org: Org): Promise<{ outcome: Outcome; at: number; detail: string }> {
  try {
    const res = await fetch(`${BASE}/aanbieder/toetredingen/${org.entryId}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: org.cookie },
      body: org.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const text = await res.text()
    const at = Date.now()
    if (res.status >= 300 && res.status < 400) return { outcome: 'accepted', at, detail: String(res.status) }
    if (/registratiemoment is gesloten/.test(text))
      return { outcome: 'closed', at, detail: String(res.status) }
    if (/al ingediend|niet meer worden gewijzigd|intussen gewijzigd/.test(text))
      return { outcome: 'already', at, detail: String(res.status) }
    const message =
      /<div role="alert"[^>]*>.*?<p[^>]*>([^<]*)<\/p>/s.exec(text)?.[1] ??
      /<h1[^>]*>([^<]*)<\/h1>/.exec(text)?.[1] ??
      text.slice(0, 120)
    return { outcome: 'error', at, detail: `${res.status} ${message}` }
  } catch (error) {
    return { outcome: 'error', at: Date.now(), detail: String(error) }
  }
}

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())))

async function main() {
  ensureBuild()
  const database = await freshDatabaseUrl()
  const engine = database.url.startsWith('file:') ? 'SQLite' : 'PostgreSQL'
  await applyMigrations(database.url)
  const mail = await startMailCapture({ port: SMTP_PORT, keep: 2000 })
  const db = createDb(database.url)
  let server: ChildProcess | undefined
  let failed = true
  try {
    server = await startServer(database.url)
    const region = await db.region.create({
      data: { id: newId(), slug: `load-${Date.now()}`, name: 'Loadtest regio' },
    })
    const p = await createOpenHousePerceel(db, {
      regionId: region.id,
      opensAt: new Date(Date.now() - 3600_000),
      closesAt: new Date(Date.now() + 3600_000),
    })
    console.log(`Voorbereiden: ${BEFORE + AFTER} organisaties met een compleet concept (${engine}) ...`)
    const orgs = await prepare(db, p, BEFORE + AFTER)
    const before = orgs.slice(0, BEFORE)
    const after = orgs.slice(BEFORE)

    // The moment closes shortly; the 200 submit in its last seconds, each with a double click.
    const closesAt = new Date(Date.now() + WINDOW + 2000)
    await db.registrationMoment.update({ where: { id: p.moment!.id }, data: { closesAt } })
    const close = closesAt.getTime()
    const started = Date.now()
    const requests: Promise<{ org: Org; sentAt: number; result: Awaited<ReturnType<typeof submit>> }>[] = []
    for (const [i, org] of before.entries()) {
      const sendAt = close - WINDOW + Math.floor((i / BEFORE) * (WINDOW - 300))
      for (let click = 0; click < 2; click++) {
        requests.push(
          sleepUntil(sendAt + click * 15).then(async () => {
            const sentAt = Date.now()
            return { org, sentAt, result: await submit(org) }
          }),
        )
      }
    }
    // The burst after the close.
    for (const org of after) {
      requests.push(
        sleepUntil(close + 500).then(async () => {
          const sentAt = Date.now()
          return { org, sentAt, result: await submit(org) }
        }),
      )
    }
    const results = await Promise.all(requests)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)

    // What the database says.
    const entries = await db.entry.findMany({
      where: { perceelId: p.perceelId },
      select: { id: true, organisationId: true, status: true, submittedAt: true },
    })
    const byEntry = new Map(entries.map((e) => [e.id, e]))
    const submittedEntries = entries.filter((e) => e.status === 'ingediend')
    const acceptedAfterClose = submittedEntries.filter((e) => e.submittedAt! > closesAt).length
    // Every organisation has exactly one entry on this perceel and gemeente; more would be a duplicate.
    const perOrg = new Map<string, number>()
    for (const e of entries) perOrg.set(e.organisationId, (perOrg.get(e.organisationId) ?? 0) + 1)
    const duplicateEntries = [...perOrg.values()].filter((n) => n > 1).length
    const confirmations = await db.outboxMessage.groupBy({
      by: ['to'],
      where: { subject: { startsWith: 'Toetreding ingediend' } },
      _count: true,
    })
    const duplicateMails = confirmations.filter((c) => c._count > 1).length
    const audits = await db.auditEvent.groupBy({
      by: ['subjectId'],
      where: { action: 'toetreding.indienen' },
      _count: true,
    })
    const duplicateAudits = audits.filter((a) => a._count > 1).length

    // Per organisation: accepted when any click got the success answer; that must be in the database.
    const perOrgOutcome = new Map<string, Outcome[]>()
    for (const r of results)
      perOrgOutcome.set(r.org.entryId, [...(perOrgOutcome.get(r.org.entryId) ?? []), r.result.outcome])
    let lost = 0
    let accepted = 0
    let refusedClosed = 0
    let errors = 0
    for (const [entryId, outcomes] of perOrgOutcome) {
      const stored = byEntry.get(entryId)
      const ok = outcomes.includes('accepted')
      if (ok) accepted++
      if (outcomes.includes('error')) errors++
      if (ok && stored?.status !== 'ingediend') lost++ // told "ingediend" but not stored
      if (!ok && stored?.status === 'ingediend') lost++ // stored but the provider was never told
      if (!ok && !outcomes.includes('closed') && stored?.status !== 'ingediend') lost++ // neither accepted nor refused
      if (!ok && outcomes.includes('closed')) refusedClosed++
    }
    const acceptedFromBurst = after.filter((o) => byEntry.get(o.entryId)?.status === 'ingediend').length
    const doubleClickRefusals = results.filter((r) => r.result.outcome === 'already').length
    const sentBeforeClose = results.filter((r) => r.sentAt <= close).length

    console.log('')
    console.log(`Loadtest toetredingen (${engine}), ${results.length} verzoeken in ${seconds} s`)
    console.log(
      `  organisaties:                          ${BEFORE} vóór de sluiting (elk dubbelklik), ${AFTER} erna`,
    )
    console.log(`  verzoeken verstuurd vóór de sluiting:  ${sentBeforeClose}`)
    console.log(`  submitted (organisaties):              ${BEFORE + AFTER}`)
    console.log(
      `  accepted:                              ${accepted} (in de database: ${submittedEntries.length})`,
    )
    console.log(
      `  refused-after-close:                   ${refusedClosed} (waarvan de ${AFTER} van de burst: ${AFTER - acceptedFromBurst})`,
    )
    console.log(`  tweede klik netjes geweigerd:          ${doubleClickRefusals}`)
    console.log(`  lost:                                  ${lost}`)
    console.log(
      `  duplicated:                            ${duplicateEntries + duplicateMails + duplicateAudits}`,
    )
    console.log(`  accepted after closing:                ${acceptedAfterClose + acceptedFromBurst}`)
    console.log(`  fouten (5xx/time-out):                 ${errors}`)
    failed =
      lost > 0 ||
      duplicateEntries + duplicateMails + duplicateAudits > 0 ||
      acceptedAfterClose + acceptedFromBurst > 0 ||
      errors > 0 ||
      accepted !== submittedEntries.length
    const errorDetails = new Map<string, number>()
    for (const r of results.filter((x) => x.result.outcome === 'error'))
      errorDetails.set(r.result.detail, (errorDetails.get(r.result.detail) ?? 0) + 1)
    for (const [detail, n] of errorDetails) console.log(`    fout ${n}×: ${detail}`)
    console.log(failed ? 'MISLUKT' : 'GESLAAGD: 0 lost, 0 duplicated, 0 accepted after closing')
  } finally {
    if (server) stopServer(server)
    await db.$disconnect()
    await mail.close()
    await new Promise((r) => setTimeout(r, 500))
    await database.cleanup().catch(() => {})
  }
  process.exit(failed ? 1 : 0)
}

await main()
