import { getDb } from './db.server'
import { startOutboxWorker, stopOutboxWorker } from './email.server'
import { log } from './logger.server'

export type Job = { name: string; everyMs: number; run: () => Promise<unknown> }
const jobs: Job[] = []

/** Capabilities register their periodic work here (reminders, expiry checks); the server starts them once. */
export function registerJob(job: Job) {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job)
}

// On globalThis: the server process and the Remix build each load this module, and shutdown (server.ts) must
// reach the timers the build started.
const globalForJobs = globalThis as unknown as {
  __portaalJobsStarted?: boolean
  __portaalJobStops?: (() => Promise<void>)[]
}

/**
 * Runs one job every `everyMs` (not at start-up). A tick is skipped while the previous run is still busy, so a
 * slow run never overlaps itself. The returned stop clears the timer and resolves when an in-flight run ends.
 */
export function startJobTimer(job: Job): () => Promise<void> {
  let inFlight: Promise<void> | null = null
  const timer = setInterval(() => {
    if (inFlight) {
      log.info('achtergrondtaak overgeslagen: vorige run loopt nog', { job: job.name })
      return
    }
    inFlight = Promise.resolve()
      .then(() => job.run())
      .then(
        () => undefined,
        (error) => log.error('achtergrondtaak mislukt', { job: job.name, error: String(error) }),
      )
      .finally(() => {
        inFlight = null
      })
  }, job.everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await inFlight
  }
}

export function startBackgroundJobs() {
  if (globalForJobs.__portaalJobsStarted) return
  globalForJobs.__portaalJobsStarted = true
  startOutboxWorker(getDb())
  globalForJobs.__portaalJobStops = jobs.map(startJobTimer)
}

/**
 * For shutdown: stops the outbox worker and the job timers, then waits for an in-flight outbox tick or job run,
 * at most `timeoutMs`. Resolves true when everything finished in time.
 */
export async function stopBackgroundJobs(timeoutMs = 20_000): Promise<boolean> {
  const stops = globalForJobs.__portaalJobStops ?? []
  globalForJobs.__portaalJobStops = []
  globalForJobs.__portaalJobsStarted = false
  const all = Promise.all([stopOutboxWorker(), ...stops.map((stop) => stop())]).then(() => true)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  try {
    return await Promise.race([all, timeout])
  } finally {
    clearTimeout(timer)
  }
}
