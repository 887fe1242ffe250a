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
 * Serialises check-then-write changes on one row's dependants; call first in the transaction, before reading what the
 * check depends on (how many beheerders are left, whether a new period overlaps, which capacity rows are current).
 * On PostgreSQL (read committed) two such transactions would both pass the check and both write; the row lock makes
 * the second wait and then read the first one's result. NO KEY UPDATE, so inserts that only reference the row (a key
 * share lock) do not wait. SQLite needs nothing: its transactions start with BEGIN IMMEDIATE, so writers queue.
 */
export async function lockRow(
  tx: DbOrTx,
  table: 'Organisation' | 'Region' | 'Perceel' | 'Product',
  id: string,
): Promise<void> {
  if (engineOf(getEnv().DATABASE_URL) !== 'postgresql') return
  // `table` is one of the fixed names above, never input.
  await tx.$queryRawUnsafe(`SELECT "id" FROM "${table}" WHERE "id" = $1 FOR NO KEY UPDATE`, id)
}

/**
 * Which database a URL names, without credentials: `sqlite:/abs/path.db` or `postgresql://host:port/name`. The
 * storage folder records it, so the orphan-file sweep never deletes files of another database.
 */
export function databaseIdentity(url: string = getEnv().DATABASE_URL): string {
  if (engineOf(url) === 'sqlite') return `sqlite:${sqliteFilePath(url)}`
  const u = new URL(url)
  return `postgresql://${u.hostname}:${u.port || '5432'}${u.pathname}`
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
    gateQueriesBehindTransactions(adapter as unknown as GatedAdapter)
    return adapter
  }
}

type Query = unknown
type AdapterTransaction = { commit(): Promise<void>; rollback(): Promise<void> }
type GatedAdapter = {
  queryRaw(query: Query): Promise<unknown>
  executeRaw(query: Query): Promise<number>
  executeScript(script: string): Promise<void>
  startTransaction(isolationLevel?: string): Promise<AdapterTransaction>
}

/**
 * The adapter has ONE connection. It serialises transactions, but a query outside a transaction skips that lock
 * and runs on the same connection inside whatever transaction another request has open: it reads that request's
 * uncommitted rows, and its own writes vanish when that transaction rolls back (an outbox row, a session, a mail
 * marked sent). So every statement outside a transaction waits until no transaction is open, and a transaction
 * waits for statements in flight. Statements inside a transaction go through the transaction object, not here.
 * Consequence: code inside `db.$transaction` must use its `tx`, never `db` (that would wait for itself).
 */
function gateQueriesBehindTransactions(adapter: GatedAdapter) {
  let tail: Promise<void> = Promise.resolve()
  const acquire = async (): Promise<() => void> => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const before = tail
    tail = before.then(() => held)
    await before
    return release
  }
  const gated =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await acquire()
      try {
        return await run(...args)
      } finally {
        release()
      }
    }
  adapter.queryRaw = gated(adapter.queryRaw.bind(adapter))
  adapter.executeRaw = gated(adapter.executeRaw.bind(adapter))
  adapter.executeScript = gated(adapter.executeScript.bind(adapter))
  const startTransaction = adapter.startTransaction.bind(adapter)
  adapter.startTransaction = async (isolationLevel) => {
    const release = await acquire()
    try {
      const transaction = await startTransaction(isolationLevel)
      const end = (finish: () => Promise<void>) => async (): Promise<void> => {
        try {
          await finish()
        } finally {
          release()
        }
      }
      transaction.commit = end(transaction.commit.bind(transaction))
      transaction.rollback = end(transaction.rollback.bind(transaction))
      return transaction
    } catch (error) {
      release()
      throw error
    }
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
