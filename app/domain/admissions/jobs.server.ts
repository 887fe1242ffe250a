import { registerJob } from '~/utils/jobs.server'
import { endAdmissionsAfterContract, runRevalidation } from './admissions.server'

// Annual revalidation of open-house admissions: reminders at 30 and 7 days, suspension after the grace period.
registerJob({ name: 'admissions-revalidation', everyMs: 60 * 60_000, run: () => runRevalidation() })

// Admissions end with their contract (the day after its end date, extensions included).
registerJob({
  name: 'admissions-contract-end',
  everyMs: 60 * 60_000,
  run: () => endAdmissionsAfterContract(),
})
