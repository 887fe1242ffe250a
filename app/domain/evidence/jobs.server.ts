import { registerJob } from '~/utils/jobs.server'
import { runEvidenceExpiry } from './expiry.server'

/** Expiry reminders and admissions at risk: hourly, idempotent (see expiry.server.ts). */
registerJob({ name: 'bewijsstukken-verloop', everyMs: 60 * 60_000, run: () => runEvidenceExpiry() })

export { runEvidenceExpiry }
