/**
 * The orphan-file sweep. An upload writes its file before the database row that refers to it (the row needs the hash
 * and size), and removes the file again when the transaction fails. Only a process that dies in between (or mid-write)
 * leaves a file without a row behind; this sweep removes those once they are older than a grace period that no
 * upload in progress can reach.
 */
import type { DbOrTx } from './db.server'
import { databaseIdentity, db as defaultDb } from './db.server'
import { now as clockNow } from './clock'
import { log } from './logger.server'
import { getStorage, type FileStorage } from './storage.server'
import { registerJob } from './jobs.server'

export const SWEEP_GRACE_MS = 6 * 60 * 60_000
const CHUNK = 500

export async function sweepOrphanFiles(
  opts: { db?: DbOrTx; storage?: FileStorage; now?: Date; graceMs?: number; owner?: string } = {},
): Promise<{ orphans: number; partials: number }> {
  const db = opts.db ?? defaultDb
  const storage = opts.storage ?? getStorage()
  // Two databases sharing one storage folder (the SQLite demo and a PostgreSQL run both default to ./data/files)
  // would each delete the other's files as orphans. The server claims its folder at start-up (server.ts); a sweep
  // only touches a folder its own database claimed.
  const owner = opts.owner ?? databaseIdentity()
  const claimedBy = await storage.claimOwner(owner)
  if (claimedBy !== owner) {
    log.warn('opslagmap hoort bij een andere database: niet opgeruimd', {
      storage: claimedBy,
      database: owner,
    })
    return { orphans: 0, partials: 0 }
  }
  const before = new Date((opts.now ?? clockNow()).getTime() - (opts.graceMs ?? SWEEP_GRACE_MS))
  const partials = await storage.removeStalePartials(before)
  const keys = await storage.keysOlderThan(before)
  let orphans = 0
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK)
    const rows = await db.storedFile.findMany({
      where: { storageKey: { in: chunk } },
      select: { storageKey: true },
    })
    const known = new Set(rows.map((r) => r.storageKey))
    for (const key of chunk) {
      if (known.has(key)) continue
      await storage.delete(key)
      orphans++
    }
  }
  if (orphans || partials) log.info('verweesde bestanden opgeruimd', { orphans, partials })
  return { orphans, partials }
}

registerJob({ name: 'bestanden-opruimen', everyMs: 60 * 60_000, run: () => sweepOrphanFiles() })
