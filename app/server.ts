/**
 * The portal's HTTP server: Express around the Remix build, with security headers, a CSP nonce per request,
 * request ids in the logs, offline migrations at start-up and, in the demo and in development, a local mail server
 * and demo data. Run by `npm start` (demo), `npm run serve` (production) and `npm run dev` (live reload).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, watch } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import express from 'express'
import { createRequestHandler } from '@remix-run/express'
// Not in the package's index, but exported by its module: the two halves of the adapter, for the keuzehulp route.
import { createRemixRequest, sendRemixResponse } from '@remix-run/express/dist/server.js'
import type { RenderedPageCache } from './domain/keuzehulp/page-cache.server'
import {
  broadcastDevReady,
  createRequestHandler as createFetchHandler,
  type ServerBuild,
} from '@remix-run/node'

const demo = process.argv.includes('--demo')
if (demo) process.env.PORTAAL_DEMO ??= '1'
process.env.NODE_ENV ??= 'production'

const { getEnv, EnvError } = await import('./utils/env.server')
let env: ReturnType<typeof getEnv>
try {
  env = getEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`\n${error.message}\n`)
    process.exit(1)
  }
  throw error
}
const { log, requestContext } = await import('./utils/logger.server')
const { applyMigrations } = await import('../prisma/tooling/migrations')
const { seedIfEmpty, DEMO_LOGINS, RESET_HINT } = await import('../prisma/seed')
const { startMailCapture, setProcessMailCapture } = await import('./utils/mail-capture.server')
// On globalThis, so these reach the timers and client the Remix build started.
const { stopBackgroundJobs } = await import('./utils/jobs.server')
const { getDb } = await import('./utils/db.server')

const isDev = env.NODE_ENV === 'development'
const buildDir = process.env.PORTAAL_BUILD_DIR
const BUILD_PATH = path.resolve(buildDir ? `${buildDir}/index.js` : 'build/index.js')
const ASSETS_PATH = path.resolve(buildDir ? `${buildDir}/assets` : 'public/build')
const VERSION_PATH = path.resolve(path.dirname(BUILD_PATH), 'version.txt')

// 1. Database: apply pending migrations offline, then demo data when the database is empty.
const migrated = await applyMigrations(env.DATABASE_URL)
if (migrated.applied.length > 0) log.info('migraties toegepast', { applied: migrated.applied })
const demoData = env.strict ? undefined : await seedIfEmpty(env.DATABASE_URL)
// The storage folder remembers its database; the orphan-file sweep leaves a folder of another database alone.
{
  const { getStorage } = await import('./utils/storage.server')
  const { databaseIdentity } = await import('./utils/db.server')
  const owner = await getStorage().claimOwner(databaseIdentity(env.DATABASE_URL))
  if (owner !== databaseIdentity(env.DATABASE_URL))
    log.warn('STORAGE_DIR hoort bij een andere database; zet voor deze database een eigen STORAGE_DIR', {
      storage: owner,
    })
}

// 2. Mail: without SMTP_URL, a real SMTP server on loopback receives everything (shown at /dev/mail).
if (!env.SMTP_URL) {
  const capture = await startMailCapture()
  setProcessMailCapture(capture)
  log.info('lokale mailserver actief; bekijk verstuurde e-mail op /dev/mail', { smtp: capture.url })
}

// 3. HTTP.
if (!existsSync(BUILD_PATH)) {
  console.error('Geen build gevonden in build/. Start met `npm start` of voer eerst `npm run build` uit.')
  process.exit(1)
}
let build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild
type EntryExtras = {
  startBackgroundJobs?: () => void
  keuzehulpPages: RenderedPageCache
}
const entry = () => build.entry.module as unknown as EntryExtras
entry().startBackgroundJobs?.()

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', 'loopback')

app.use((req, res, next) => {
  const requestId = (req.get('x-request-id') ?? '').slice(0, 64) || randomUUID()
  const nonce = randomBytes(16).toString('base64')
  res.locals.requestId = requestId
  res.locals.cspNonce = nonce
  // Only the server says who the client is: overwrite whatever the client sent.
  req.headers['x-portaal-client-ip'] = req.ip ?? ''
  res.setHeader('X-Request-Id', requestId)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      `connect-src 'self'${isDev ? ' ws://localhost:* ws://127.0.0.1:*' : ''}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  )
  if (env.secureCookies) res.setHeader('Strict-Transport-Security', 'max-age=31536000')
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    if (req.path.startsWith('/build/')) return
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    requestContext.run({ requestId }, () =>
      log.info('verzoek', {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      }),
    )
  })
  requestContext.run({ requestId }, () => next())
})

app.use('/build', express.static(ASSETS_PATH, { immutable: true, maxAge: '1y' }))
app.use(express.static('public', { maxAge: '1h' }))

const getLoadContext = (req: express.Request, res: express.Response) => ({
  cspNonce: res.locals.cspNonce as string,
  requestId: res.locals.requestId as string,
  clientIp: req.ip ?? null,
})

// The keuzehulp's public pages: served again from memory when nothing changed since they were rendered
// (app/domain/keuzehulp/page-cache.server.ts); everything else about the request is Remix's as usual.
const mode = isDev ? 'development' : 'production'
let remixFetch = createFetchHandler(build, mode)
app.get(['/keuzehulp', '/keuzehulp/aanbieder/:id'], async (req, res, next) => {
  try {
    const request = createRemixRequest(req, res)
    const context = getLoadContext(req, res)
    const response = await entry().keuzehulpPages.respond(request, context.cspNonce, () =>
      remixFetch(request, context),
    )
    await sendRemixResponse(res, response)
  } catch (error) {
    next(error)
  }
})

if (isDev) {
  // `remix dev --manual`: reload the build when it changes and tell the dev server we are ready.
  watch(path.dirname(VERSION_PATH), async (_event, file) => {
    if (file !== 'version.txt') return
    build = (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild
    remixFetch = createFetchHandler(build, mode)
    await broadcastDevReady(build)
  })
  app.all('*', (req, res, next) =>
    createRequestHandler({ build, mode: 'development', getLoadContext })(req, res, next),
  )
} else {
  app.all('*', createRequestHandler({ build, mode: 'production', getLoadContext }))
}

const server = app.listen(env.PORT, () => {
  const url = env.APP_URL
  console.log(
    `\nAanbiederspoort draait op ${url}  (database: ${env.DATABASE_URL.startsWith('file:') ? env.DATABASE_URL : 'PostgreSQL'})`,
  )
  if (demoData) {
    if (demoData.state === 'incomplete') console.log(`\n${RESET_HINT}`)
    // Only logins that work: after an interrupted seed the accounts may be missing.
    if (demoData.demoAccounts) {
      console.log(
        `${demoData.state === 'seeded' ? 'Demogegevens geladen. ' : ''}Demo-accounts (wachtwoord voor allemaal: ${DEMO_LOGINS.password}):`,
      )
      for (const login of DEMO_LOGINS.accounts)
        console.log(`  ${login.email.padEnd(38)} ${login.description}`)
      console.log(`Tweestapsverificatie van gemeentelijke accounts: code uit ${url}/dev/totp (alleen demo).`)
    }
    if (!env.SMTP_URL) console.log(`Verstuurde e-mail: ${url}/dev/mail`)
    console.log('')
  }
  if (isDev) void broadcastDevReady(build)
})

// Stop taking work, let an outbox batch or job run finish (at most 20 s), then close HTTP and the database.
const SHUTDOWN_WAIT_MS = 20_000
let shuttingDown = false
async function shutdown(signal: string) {
  if (shuttingDown) return
  shuttingDown = true
  log.info('server stopt', { signal })
  // Fallback if something below hangs: exit anyway, a little after the wait for background work.
  setTimeout(() => process.exit(1), SHUTDOWN_WAIT_MS + 5_000).unref()
  const finished = await stopBackgroundJobs(SHUTDOWN_WAIT_MS)
  if (!finished)
    log.warn('achtergrondwerk niet op tijd klaar; de server stopt toch', { waitedMs: SHUTDOWN_WAIT_MS })
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await getDb()
    .$disconnect()
    .catch(() => undefined)
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
