import { getDb } from './db.server'
import { startOutboxWorker } from './email.server'
import { log } from './logger.server'

type Job = { name: string; everyMs: number; run: () => Promise<unknown> }
const jobs: Job[] = []

/** Capabilities register their periodic work here (reminders, expiry checks); the server starts them once. */
export function registerJob(job: Job) {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job)
}

const globalForJobs = globalThis as unknown as { __portaalJobsStarted?: boolean }

export function startBackgroundJobs() {
  if (globalForJobs.__portaalJobsStarted) return
  globalForJobs.__portaalJobsStarted = true
  startOutboxWorker(getDb())
  for (const job of jobs) {
    const timer = setInterval(() => {
      job
        .run()
        .catch((error) => log.error('achtergrondtaak mislukt', { job: job.name, error: String(error) }))
    }, job.everyMs)
    timer.unref()
  }
}
