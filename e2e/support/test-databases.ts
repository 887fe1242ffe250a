import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { applyMigrations } from '../../prisma/tooling/migrations'

/**
 * Test databases. SQLite: a migrated template file copied per test file. PostgreSQL (TEST_DATABASE_URL set to a
 * server, e.g. postgresql://root@127.0.0.1:5432/postgres): a migrated template database cloned per test file.
 */
// One run's databases carry the run id, so parallel runs on one machine never touch each other's.
const testDir = (runId: string) => path.resolve(`data/test-${runId}`)
const pgPrefix = (runId: string) => `portaal_test_${runId}_`
const pgTemplate = (runId: string) => `${pgPrefix(runId)}template`

export function newRunId(): string {
  return `${process.pid}${Math.random().toString(36).slice(2, 6)}`
}

export function testEngine(): 'sqlite' | 'postgresql' {
  return /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? '') ? 'postgresql' : 'sqlite'
}

function pgUrl(database: string) {
  const url = new URL(process.env.TEST_DATABASE_URL!)
  url.pathname = `/${database}`
  return url.toString()
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl('postgres') })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function dropTestDatabases(client: pg.Client, runId: string) {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE '${pgPrefix(runId)}%'`,
  )
  for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`)
}

export async function prepareTemplate(runId: string) {
  if (testEngine() === 'sqlite') {
    mkdirSync(testDir(runId), { recursive: true })
    await applyMigrations(`file:${path.join(testDir(runId), 'template.db')}`)
    return
  }
  await withAdmin((client) => client.query(`CREATE DATABASE "${pgTemplate(runId)}"`))
  await applyMigrations(pgUrl(pgTemplate(runId)))
}

export async function freshDatabase(runId: string): Promise<string> {
  const id = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  if (testEngine() === 'sqlite') {
    const file = path.join(testDir(runId), `${id}.db`)
    copyFileSync(path.join(testDir(runId), 'template.db'), file)
    return `file:${file}`
  }
  const name = `${pgPrefix(runId)}${id}`
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${pgTemplate(runId)}"`))
  return pgUrl(name)
}

export async function cleanupTestDatabases(runId: string) {
  if (testEngine() === 'sqlite') {
    rmSync(testDir(runId), { recursive: true, force: true })
    return
  }
  await withAdmin((client) => dropTestDatabases(client, runId))
}
