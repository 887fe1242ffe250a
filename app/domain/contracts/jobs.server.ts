/**
 * Periodic work of the contracts capability: keep obligations in step with admissions (even when an admission change
 * did not call `syncObligationsForOrganisation` itself), then send due reminders. Both are idempotent.
 */
import { getDb } from '~/utils/db.server'
import { registerJob } from '~/utils/jobs.server'
import { syncAllObligations } from './obligations.server'
import { sendObligationReminders } from './reminders.server'

export async function runContractsJob() {
  const db = getDb()
  const sync = await syncAllObligations(db)
  const reminders = await sendObligationReminders(db)
  return { sync, reminders }
}

registerJob({ name: 'contracten-verplichtingen', everyMs: 15 * 60_000, run: runContractsJob })
