import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { databaseIdentity, getDb } from './db.server'
import { newId } from './ids.server'
import { DirectoryStorage } from './storage.server'
import { sweepOrphanFiles, SWEEP_GRACE_MS } from './file-sweep.server'

const db = getDb()
const HOUR = 3600_000

function age(dir: string, key: string, ms: number) {
  const when = new Date(Date.now() - ms)
  utimesSync(path.join(dir, key.slice(0, 2), key), when, when)
}

describe('the orphan-file sweep', () => {
  it('removes old files without a row and unfinished writes, and keeps referenced and recent files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sweep-'))
    const storage = new DirectoryStorage(dir)
    const referenced = await storage.put(Buffer.from('bewijs'))
    const orphan = await storage.put(Buffer.from('half opgeslagen'))
    const recent = await storage.put(Buffer.from('upload bezig'))
    await db.storedFile.create({
      data: {
        id: newId(),
        storageKey: referenced.storageKey,
        displayName: 'bewijs.pdf',
        contentType: 'application/pdf',
        size: referenced.size,
        sha256: referenced.sha256,
      },
    })
    const partialKey = 'ab'.repeat(16)
    mkdirSync(path.join(dir, 'ab'), { recursive: true })
    writeFileSync(path.join(dir, 'ab', `${partialKey}.part`), 'afgebroken')
    age(dir, referenced.storageKey, SWEEP_GRACE_MS + HOUR)
    age(dir, orphan.storageKey, SWEEP_GRACE_MS + HOUR)
    age(dir, `${partialKey}.part`, SWEEP_GRACE_MS + HOUR)

    expect(await sweepOrphanFiles({ db, storage })).toEqual({ orphans: 1, partials: 1 })
    expect(await storage.exists(referenced.storageKey)).toBe(true)
    expect(await storage.exists(orphan.storageKey)).toBe(false)
    expect(await storage.exists(recent.storageKey)).toBe(true)
    expect((await storage.list()).sort()).toEqual([referenced.storageKey, recent.storageKey].sort())
    // A second run finds nothing left to do.
    expect(await sweepOrphanFiles({ db, storage })).toEqual({ orphans: 0, partials: 0 })
  })

  it('leaves a storage folder alone that belongs to another database, whose files this one does not know', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sweep-'))
    const storage = new DirectoryStorage(dir)
    const theirs = await storage.put(Buffer.from('bestand van de andere database'))
    age(dir, theirs.storageKey, SWEEP_GRACE_MS + HOUR)
    // A PostgreSQL run started first and claimed the folder …
    const postgres = databaseIdentity('postgresql://gebruiker:geheim@127.0.0.1:5432/portaal')
    expect(postgres).toBe('postgresql://127.0.0.1:5432/portaal')
    expect(await storage.claimOwner(postgres)).toBe(postgres)
    // … so the SQLite demo, which has no row for that file, deletes nothing there.
    const sqlite = databaseIdentity('file:./data/portaal.db')
    expect(await sweepOrphanFiles({ db, storage, owner: sqlite })).toEqual({ orphans: 0, partials: 0 })
    expect(await storage.exists(theirs.storageKey)).toBe(true)
    // The owner itself still sweeps it.
    expect(await sweepOrphanFiles({ db, storage, owner: postgres })).toEqual({ orphans: 1, partials: 0 })
  })
})
