import { registerJob } from '~/utils/jobs.server'
import { sendSessionReminders } from './registrations.server'

/** The day-before reminder for session attendees; idempotent (see sendSessionReminders). */
registerJob({ name: 'consultaties-herinneringen', everyMs: 10 * 60_000, run: () => sendSessionReminders() })

export { sendSessionReminders }
