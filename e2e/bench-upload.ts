/**
 * Upload benchmark: `npm run bench:upload` (or `npx tsx e2e/bench-upload.ts`).
 *
 * 1. Uploads one 20 MB PDF and prints the server's peak RSS increase while it streams in (target: under 10 MB, the
 *    file is never held in memory) and the time it took.
 * 2. Sends 50 uploads at once and checks that nothing was lost: 50 new evidence rows, 50 stored files whose bytes
 *    on disk have the SHA-256 of what was sent.
 *
 * By default it builds (if needed) and starts its own portal on port 3450 with a fresh SQLite database, so it can
 * read the server's memory from /proc. Against a running portal: `npx tsx e2e/bench-upload.ts http://127.0.0.1:3000
 * --pid <server pid> --database-url file:./data/portaal.db --storage-dir ./data/files --session-secret <secret>`
 * (without --pid the memory figure is skipped). Timings are printed, never asserted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { createCookie } from '@remix-run/node'
import { createDb } from '../app/utils/db.server'
import { hashToken, newToken } from '../app/utils/ids.server'
import { minimalPdf } from '../app/utils/minimal-pdf'
import { DirectoryStorage } from '../app/utils/storage.server'
import { SEED_IDS } from '../prisma/seed/ids'

const args = process.argv.slice(2)
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const givenUrl = args.find((a) => /^https?:\/\//.test(a))
const PORT = 3450
const WORK = `./data/bench-${PORT}`
const SESSION_SECRET = opt('session-secret') ?? 'bench-sessie-geheim-bench-sessie-geheim-12'
const DATABASE_URL = opt('database-url') ?? `file:${WORK}/portaal.db`
const STORAGE_DIR = opt('storage-dir') ?? `${WORK}/files`
const BUILD_DIR = '.cache/build-bench'
const USER_EMAIL = 'beheerder@delinge.example'

function rssKb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : null
  } catch {
    return null
  }
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} antwoordt niet`)
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(`${BUILD_DIR}/index.js`)) {
    console.log('Bouwen…')
    const built = spawnSync('npx', ['remix', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, PORTAAL_BUILD_DIR: BUILD_DIR },
    })
    if (built.status !== 0) throw new Error('remix build mislukt')
  }
  rmSync(WORK, { recursive: true, force: true })
  const url = `http://127.0.0.1:${PORT}`
  // node --import tsx (not npx) so the pid is the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/server.ts', '--demo'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      APP_URL: url,
      DATABASE_URL,
      STORAGE_DIR,
      SESSION_SECRET,
      PORTAAL_BUILD_DIR: BUILD_DIR,
      LOG_LEVEL: 'warn',
    },
  })
  await waitFor(`${url}/healthz`, 120_000)
  return { child, url }
}

async function sessionCookie(db: ReturnType<typeof createDb>) {
  const user = await db.user.findUniqueOrThrow({ where: { email: USER_EMAIL } })
  const token = newToken()
  await db.userSession.create({
    data: {
      id: hashToken(token),
      userId: user.id,
      secondFactorAt: new Date(),
      lastSeenAt: new Date(),
      expiresAt: new Date(Date.now() + 3600_000),
    },
  })
  const cookie = createCookie('portaal_sessie', { secrets: [SESSION_SECRET], path: '/', httpOnly: true })
  return (await cookie.serialize(token)).split(';')[0]
}

/** A valid PDF of exactly `bytes` bytes with random content (a PDF comment after %%EOF). */
function pdfOfSize(bytes: number): Buffer {
  const head = minimalPdf(['Benchmark'])
  const filler = randomBytes(Math.ceil((bytes - head.length - 2) / 2))
    .toString('hex')
    .slice(0, bytes - head.length - 2)
  return Buffer.concat([head, Buffer.from('%'), Buffer.from(filler), Buffer.from('\n')])
}

async function upload(url: string, cookie: string, file: Buffer, name: string) {
  const form = new FormData()
  form.append('typeId', SEED_IDS.evidenceTypes.hkz)
  form.append('issuer', 'Benchmark')
  form.append('validFrom', '2026-01-01')
  form.append('validUntil', '2029-01-01')
  form.append('bestanden', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), name)
  const res = await fetch(`${url}/aanbieder/bewijsstukken/uploaden`, {
    method: 'POST',
    body: form,
    headers: { cookie },
  })
  const body = (await res.json()) as { ok: boolean; redirectTo?: string; reply?: unknown }
  if (!body.ok) throw new Error(`upload ${name} geweigerd: ${res.status} ${JSON.stringify(body.reply)}`)
  return body.redirectTo!.split('/').pop()!
}

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`

async function main() {
  const own = givenUrl ? null : await startServer()
  const url = givenUrl ?? own!.url
  const pid = own?.child.pid ?? (opt('pid') ? Number(opt('pid')) : null)
  const db = createDb(DATABASE_URL)
  const storage = new DirectoryStorage(path.resolve(STORAGE_DIR))
  let failed = false
  try {
    const cookie = await sessionCookie(db)
    // Warm up: load the route modules and the database connections.
    await upload(url, cookie, pdfOfSize(100_000), 'opwarmen.pdf')

    // 1. One 20 MB file.
    const big = pdfOfSize(20 * 1024 * 1024)
    let peak = 0
    const baseline = pid ? (rssKb(pid) ?? 0) : 0
    const sampler = pid
      ? setInterval(() => {
          peak = Math.max(peak, rssKb(pid) ?? 0)
        }, 10)
      : null
    const started = performance.now()
    const id = await upload(url, cookie, big, 'groot-20MB.pdf')
    const ms = performance.now() - started
    if (sampler) clearInterval(sampler)
    const stored = await db.storedFile.findFirstOrThrow({
      where: { evidenceFiles: { some: { evidenceItemId: id } } },
    })
    const sameHash = stored.sha256 === createHash('sha256').update(big).digest('hex')
    console.log('\nUpload van 20 MB')
    console.log(
      `  tijd:                      ${(ms / 1000).toFixed(2)} s (${(20 / (ms / 1000)).toFixed(1)} MB/s)`,
    )
    if (pid) {
      const increase = Math.max(0, peak - baseline)
      console.log(`  geheugen server (RSS):     ${mb(baseline)} vooraf, piek ${mb(peak)}`)
      console.log(
        `  piekstijging:              ${mb(increase)} (doel: minder dan 10 MB) ${increase < 10 * 1024 ? 'OK' : 'TE HOOG'}`,
      )
      if (increase >= 10 * 1024) failed = true
    } else {
      console.log('  geheugen: niet gemeten (geef --pid <pid van de server>)')
    }
    console.log(`  opgeslagen: ${stored.size} bytes, SHA-256 ${sameHash ? 'klopt' : 'KLOPT NIET'}`)
    if (!sameHash || stored.size !== big.length) failed = true

    // 2. Fifty at once.
    const before = await db.evidenceItem.count()
    const files = Array.from({ length: 50 }, (_, i) => ({
      name: `gelijktijdig-${i}.pdf`,
      data: pdfOfSize(256 * 1024 + i),
    }))
    const t0 = performance.now()
    const results = await Promise.allSettled(files.map((f) => upload(url, cookie, f.data, f.name)))
    const t1 = performance.now()
    const ids = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []))
    const rows = await db.evidenceItem.count()
    const storedFiles = await db.storedFile.findMany({
      where: { evidenceFiles: { some: { evidenceItemId: { in: ids } } } },
      select: { displayName: true, storageKey: true, sha256: true, size: true },
    })
    let matching = 0
    for (const f of storedFiles) {
      const sent = files.find((x) => x.name === f.displayName)
      const onDisk = createHash('sha256')
      for await (const chunk of await storage.get(f.storageKey)) onDisk.update(chunk as Buffer)
      const hash = onDisk.digest('hex')
      if (sent && hash === f.sha256 && hash === createHash('sha256').update(sent.data).digest('hex'))
        matching++
    }
    console.log('\n50 gelijktijdige uploads van ongeveer 256 kB')
    console.log(`  tijd:                      ${((t1 - t0) / 1000).toFixed(2)} s`)
    console.log(
      `  gelukt:                    ${ids.length} van 50${errors.length ? ` (fouten: ${errors.slice(0, 3).join('; ')})` : ''}`,
    )
    console.log(`  nieuwe rijen:              ${rows - before}`)
    console.log(`  bestanden met juiste hash: ${matching}`)
    const ok = ids.length === 50 && rows - before === 50 && matching === 50
    console.log(`  ${ok ? 'OK: niets verloren' : 'FOUT: er is iets verloren'}\n`)
    if (!ok) failed = true
  } finally {
    await db.$disconnect()
    if (own) own.child.kill('SIGTERM')
  }
  process.exit(failed ? 1 : 0)
}

await main()
