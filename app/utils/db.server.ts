import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as SqliteClient } from '../../prisma/generated/sqlite/client.ts'
import { PrismaClient as PostgresClient } from '../../prisma/generated/postgresql/client.ts'
import { getEnv } from './env.server'
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

export type { Prisma } from '../../prisma/generated/sqlite/client.ts'

/**
 * One data model, two engines. Both generated clients have the same models and methods; the SQLite one
 * gives the types. The engine follows DATABASE_URL: `file:` is SQLite, `postgres://` is PostgreSQL.
 */
export type Db = InstanceType<typeof SqliteClient>
/** A transaction client: what `db.$transaction(async (tx) => …)` hands the callback. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>
export type DbOrTx = Db | Tx

export function engineOf(url: string): 'sqlite' | 'postgresql' {
  return url.startsWith('file:') ? 'sqlite' : 'postgresql'
}

export function sqliteFilePath(url: string): string {
  return resolve(url.replace(/^file:/, '').replace(/\?.*$/, ''))
}

/**
 * Interactive transactions wait for the database rather than fail: on SQLite a writer queues behind another writer
 * (busy timeout 10 s), and Prisma's own 5 s default would end the transaction while it waits in that queue.
 */
const transactionOptions = { maxWait: 30_000, timeout: 30_000 }

/**
 * The adapter opens transactions with a deferred BEGIN. In WAL mode such a transaction reads a snapshot, and when
 * another connection (the seed script, a test, a second server process) commits before it writes, its first write
 * fails at once with SQLITE_BUSY_SNAPSHOT, without waiting. BEGIN IMMEDIATE takes the write lock up front, queueing
 * behind other writers through the busy timeout instead. The adapter has no option for this, so its connection's
 * `prepare` rewrites that one statement.
 */
class ImmediateTransactionsSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect()
    const client = (adapter as unknown as { client: Database.Database }).client
    const prepare = client.prepare.bind(client)
    client.prepare = ((sql: string) =>
      prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql)) as typeof client.prepare
    return adapter
  }
}

export function createDb(url: string): Db {
  if (engineOf(url) === 'sqlite') {
    const file = sqliteFilePath(url)
    mkdirSync(dirname(file), { recursive: true })
    // WAL lets readers go on while one request writes. It is a property of the file, so set it once, up front,
    // before the adapter opens its connection (it cannot change inside the adapter's transactions).
    const raw = new Database(file)
    raw.pragma('journal_mode = WAL')
    raw.close()
    // timeout: better-sqlite3's busy timeout, so a writer waits for another instead of failing at once.
    const adapter = new ImmediateTransactionsSqlite({ url: `file:${file}`, timeout: 10_000 })
    return new SqliteClient({ adapter, transactionOptions })
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10 })
  return new PostgresClient({ adapter, transactionOptions }) as unknown as Db
}

const globalForDb = globalThis as unknown as { __portaalDb?: { db: Db; url: string } }

/** The process-wide client, kept on globalThis so live reload in development does not open a new pool each time. */
export function getDb(): Db {
  const url = getEnv().DATABASE_URL
  if (!globalForDb.__portaalDb || globalForDb.__portaalDb.url !== url) {
    globalForDb.__portaalDb = { db: createDb(url), url }
  }
  return globalForDb.__portaalDb.db
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = getDb() as unknown as Record<string | symbol, unknown>
    const value = real[prop]
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value
  },
})
