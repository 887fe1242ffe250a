import { db } from '~/utils/db.server'
import { registerJob } from '~/utils/jobs.server'
import { freezeOpenMoments } from './catalogue.server'

/** Freezes the requirement set of registration moments that opened since the last run. Idempotent. */
export async function freezeOpenedMomentsJob() {
  return db.$transaction((tx) => freezeOpenMoments(tx))
}

registerJob({ name: 'catalogue-freeze-moments', everyMs: 5 * 60_000, run: freezeOpenedMomentsJob })
