/**
 * The keuzehulp's in-process read model: what the public pages show, derived once from the database and kept in
 * memory, so a search costs a lookup instead of a handful of queries and thousands of rule evaluations.
 *
 * Correctness comes first: every cached value is tagged with the database's own change counter and the Amsterdam
 * calendar day, and every request reads that counter afresh before it uses a cached value. A write committed by
 * any process before the request started (another server instance, a test writing to the database directly, this
 * process itself) changes the counter, so the next request rebuilds what it needs. There is no time window: the bound
 * on staleness is zero, which keeps "suspended admissions disappear at once" true across processes.
 *
 * - SQLite: `PRAGMA data_version` on a dedicated read-only connection of this module. SQLite changes that value
 *   whenever another connection (in this or any other process) commits to the file; this connection never writes.
 *   Cost: a few microseconds, no I/O.
 * - PostgreSQL: `pg_current_snapshot()` over a dedicated connection. Two equal snapshots (xmin:xmax:in-progress
 *   list) mean that no transaction that wrote anything committed in between: a committed writer either got its
 *   transaction id after the first snapshot (xmax grew) or was in progress then (it left the list). One round trip;
 *   requests that arrive in the same event-loop turn share it (the query starts after all of them arrived).
 *
 * The counter is coarse: any write to the database (a session, an audit event) invalidates everything, and the next
 * search of a municipality rebuilds its facts (a few set-based queries, milliseconds). We accept that over a
 * per-table fingerprint such as max(updatedAt) + count, which misses two changes in the same millisecond, writers
 * with a clock behind, and deleted rows.
 */
import Database from 'better-sqlite3'
import pg from 'pg'
import { engineOf, sqliteFilePath } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { amsterdamParts } from '~/utils/time'

/** What a cached value depends on besides its key: the database state and the day (validity and freshness). */
export type FactsVersion = { data: string; day: string }

type Signal = { url: string; read: () => Promise<string> }

let signal: Signal | null = null
let generation = 0

function sqliteSignal(url: string): Signal {
  // A connection of its own: data_version only moves for commits made by *other* connections, and Prisma's
  // connection is one of those. The generation keeps values of a reopened connection apart from older ones.
  const conn = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true })
  const gen = ++generation
  return {
    url,
    read: async () => `s${gen}:${String(conn.pragma('data_version', { simple: true }))}`,
  }
}

function postgresSignal(url: string): Signal {
  const pool = new pg.Pool({ connectionString: url, max: 1, allowExitOnIdle: true })
  // An idle connection that breaks is replaced by the pool on the next query; do not crash the process over it.
  pool.on('error', () => {})
  const gen = ++generation
  let batch: Promise<string> | null = null
  return {
    url,
    read: () => {
      // Requests that arrive before the query starts share it. It starts after all of them arrived, so it sees
      // every commit that happened before any of them began.
      batch ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        batch = null
        const r = await pool.query<{ v: string }>('SELECT pg_current_snapshot()::text AS v')
        return `p${gen}:${r.rows[0].v}`
      })
      return batch
    },
  }
}

function currentSignal(): Signal {
  const url = getEnv().DATABASE_URL
  if (!signal || signal.url !== url) {
    signal = engineOf(url) === 'sqlite' ? sqliteSignal(url) : postgresSignal(url)
  }
  return signal
}

/** The change counter of the database now, and the Amsterdam day of `today`. Call once per request. */
export async function factsVersion(today: Date): Promise<FactsVersion> {
  const p = amsterdamParts(today)
  return { data: await currentSignal().read(), day: `${p.year}-${p.month}-${p.day}` }
}

type Entry<V> = { version: FactsVersion; value: Promise<V> }

/**
 * Values built from the database, per key, valid for exactly one FactsVersion. Concurrent requests for the same key
 * and version share one build. Least recently used keys go first when there are more than `maxEntries`.
 */
export class FactCache<V> {
  private entries = new Map<string, Entry<V>>()
  constructor(private readonly maxEntries: number) {}

  get(key: string, version: FactsVersion, build: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key)
    if (hit && hit.version.data === version.data && hit.version.day === version.day) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit.value
    }
    const entry: Entry<V> = { version, value: build() }
    this.entries.delete(key)
    this.entries.set(key, entry)
    // A failed build is not remembered.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key)
    })
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string
      this.entries.delete(oldest)
    }
    return entry.value
  }
}

/** A small bounded memo for derived values inside one cached model (e.g. a result list per kind of help). */
export function memoize<V>(store: Map<string, V>, key: string, max: number, make: () => V): V {
  const hit = store.get(key)
  if (hit !== undefined) return hit
  const value = make()
  store.set(key, value)
  if (store.size > max) store.delete(store.keys().next().value as string)
  return value
}
