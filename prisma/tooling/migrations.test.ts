// End to end against real databases: a temp SQLite file and a scratch PostgreSQL database.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  applyMigrations,
  checkMigrations,
  createMigration,
  LOCKFILE,
  MIGRATION_FILE,
  migrationStatus,
  resolveMigration,
  SCHEMA_SNAPSHOT,
} from './migrations.ts'
import { projectPaths, type ProjectPaths } from './paths.ts'
import { writePostgresSchema } from './pg-schema.ts'

const v1 = `generator client {
  provider = "prisma-client"
  output   = "./generated/sqlite"
}

datasource db {
  provider = "sqlite"
}

model User {
  id        String   @id
  email     String   @unique
  createdAt DateTime @default(now())
  posts     Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId String

  @@index([authorId])
}
`
// A new column and a new model.
const v2 = v1
  .replace(
    '  email     String   @unique\n',
    '  email     String   @unique\n  name      String   @default("")\n',
  )
  .concat('\nmodel Tag {\n  id    Int    @id @default(autoincrement())\n  label String @unique\n}\n')

// Scratch database created from the maintenance database and dropped afterwards.
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://root@127.0.0.1:5432/postgres'
const scratchName = `tooling_test_${process.pid}_${Date.now()}`
const pgUrl = (() => {
  const url = new URL(adminUrl)
  url.pathname = `/${scratchName}`
  return url.toString()
})()

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

async function pgQuery<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

function sqliteQuery<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(sql).all() as T[]
  } finally {
    db.close()
  }
}

let dir: string
let paths: ProjectPaths
let sqliteFile: string
let sqliteUrl: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'))
  paths = projectPaths(dir)
  // The parent folder does not exist yet: deploy must create it.
  sqliteFile = path.join(dir, 'data', 'nested', 'test.db')
  sqliteUrl = `file:${sqliteFile}`
  await writeFile(paths.schema, v1)
  await admin(`CREATE DATABASE "${scratchName}"`)
})

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`)
  await rm(dir, { recursive: true, force: true })
})

describe('offline migrations', () => {
  let init: string
  let second: string

  it('flags a schema without any migration', async () => {
    const problems = await checkMigrations(paths)
    expect(problems.join('\n')).toMatch(/no sqlite migration .* captures/)
    expect(problems.join('\n')).toMatch(/no postgresql migration .* captures/)
  })

  it('creates the first migration for both engines from an empty database', async () => {
    const created = await createMigration('Init', { paths, now: new Date('2025-01-02T03:04:05Z') })
    expect(created?.name).toBe('20250102030405_init')
    init = created!.name

    const sqliteDir = path.join(paths.sqliteMigrations, init)
    const pgDir = path.join(paths.pgMigrations, init)
    expect(created!.directories).toEqual([sqliteDir, pgDir])

    const sqliteSql = await readFile(path.join(sqliteDir, MIGRATION_FILE), 'utf8')
    expect(sqliteSql).toContain('CREATE TABLE "User"')
    expect(sqliteSql).toContain('"id" TEXT NOT NULL PRIMARY KEY')
    const pgSql = await readFile(path.join(pgDir, MIGRATION_FILE), 'utf8')
    expect(pgSql).toContain('CONSTRAINT "User_pkey" PRIMARY KEY ("id")')
    expect(pgSql).toContain('"createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP')

    expect(await readFile(path.join(sqliteDir, SCHEMA_SNAPSHOT), 'utf8')).toBe(v1)
    expect(await readFile(path.join(pgDir, SCHEMA_SNAPSHOT), 'utf8')).toBe(
      await readFile(paths.pgSchema, 'utf8'),
    )
    expect(await readFile(path.join(paths.sqliteMigrations, LOCKFILE), 'utf8')).toMatch(
      /^provider = "sqlite"$/m,
    )
    expect(await readFile(path.join(paths.pgMigrations, LOCKFILE), 'utf8')).toMatch(
      /^provider = "postgresql"$/m,
    )
    expect(await checkMigrations(paths)).toEqual([])
  })

  it('writes nothing when the schema has not changed', async () => {
    expect(await createMigration('again', { paths })).toBeNull()
  })

  it('applies to a new SQLite file, records it in _prisma_migrations, and is idempotent', async () => {
    expect(await migrationStatus(sqliteUrl, { paths })).toMatchObject({ applied: [], pending: [init] })
    expect(await applyMigrations(sqliteUrl, { paths })).toEqual({ applied: [init] })
    expect(await applyMigrations(sqliteUrl, { paths })).toEqual({ applied: [] })

    const rows = sqliteQuery<{
      migration_name: string
      finished_at: string | null
      applied_steps_count: number
    }>(sqliteFile, 'SELECT migration_name, finished_at, applied_steps_count FROM _prisma_migrations')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ migration_name: init, applied_steps_count: 1 })
    expect(rows[0].finished_at).not.toBeNull()
    const tables = sqliteQuery<{ name: string }>(
      sqliteFile,
      "SELECT name FROM sqlite_master WHERE type = 'table'",
    )
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['User', 'Post', '_prisma_migrations']))
    expect(await migrationStatus(sqliteUrl, { paths })).toMatchObject({ applied: [init], pending: [] })
  })

  it('applies to PostgreSQL, records it in _prisma_migrations, and is idempotent', async () => {
    expect(await migrationStatus(pgUrl, { paths })).toMatchObject({ applied: [], pending: [init] })
    expect(await applyMigrations(pgUrl, { paths })).toEqual({ applied: [init] })
    expect(await applyMigrations(pgUrl, { paths })).toEqual({ applied: [] })

    const rows = await pgQuery<{
      migration_name: string
      finished_at: Date | null
      applied_steps_count: number
    }>('SELECT migration_name, finished_at, applied_steps_count FROM _prisma_migrations')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ migration_name: init, applied_steps_count: 1 })
    expect(rows[0].finished_at).toBeInstanceOf(Date)
    await pgQuery(`INSERT INTO "User" (id, email) VALUES ('u1', 'a@example.nl')`)
    expect(await migrationStatus(pgUrl, { paths })).toMatchObject({ applied: [init], pending: [] })
  })

  it('fails the check on an un-migrated schema change, then captures it as an ALTER migration', async () => {
    await writeFile(paths.schema, v2)
    const problems = await checkMigrations(paths)
    const text = problems.join('\n')
    expect(text).toMatch(/out of date/) // prisma/postgresql/schema.prisma was not regenerated
    expect(text).toMatch(/no sqlite migration .* captures \(latest: 20250102030405_init\)/)
    expect(text).toMatch(/no postgresql migration .* captures/)

    // Same second as the first one: the timestamp must still sort after it.
    const created = await createMigration('add name & tags', { paths, now: new Date('2025-01-02T03:04:05Z') })
    expect(created?.name).toBe('20250102030406_add_name_tags')
    second = created!.name

    const pgSql = await readFile(path.join(paths.pgMigrations, second, MIGRATION_FILE), 'utf8')
    expect(pgSql).toContain(`ALTER TABLE "User" ADD COLUMN     "name" TEXT NOT NULL DEFAULT ''`)
    expect(pgSql).toContain('CREATE TABLE "Tag"')
    expect(pgSql).not.toContain('CREATE TABLE "User"')
    const sqliteSql = await readFile(path.join(paths.sqliteMigrations, second, MIGRATION_FILE), 'utf8')
    expect(sqliteSql).toContain('CREATE TABLE "Tag"')
    expect(sqliteSql).toMatch(/ALTER TABLE "User" ADD COLUMN "name" TEXT NOT NULL DEFAULT ''|new_User/)
    expect(await checkMigrations(paths)).toEqual([])
  })

  it('applies only the new migration to both databases, keeping data', async () => {
    expect(await migrationStatus(sqliteUrl, { paths })).toMatchObject({ applied: [init], pending: [second] })
    expect(await applyMigrations(sqliteUrl, { paths })).toEqual({ applied: [second] })
    expect(await applyMigrations(pgUrl, { paths })).toEqual({ applied: [second] })
    expect(await applyMigrations(pgUrl, { paths })).toEqual({ applied: [] })

    const rows = await pgQuery<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations ORDER BY started_at',
    )
    expect(rows.map((r) => r.migration_name)).toEqual([init, second])
    expect(await pgQuery(`SELECT id, name FROM "User"`)).toEqual([{ id: 'u1', name: '' }])
    expect(sqliteQuery(sqliteFile, 'SELECT count(*) AS n FROM _prisma_migrations')).toEqual([{ n: 2 }])
  })

  it('notices a migration edited after it was applied', async () => {
    const file = path.join(paths.pgMigrations, second, MIGRATION_FILE)
    const original = await readFile(file, 'utf8')
    await writeFile(file, `${original}\n-- edited\n`)
    expect((await migrationStatus(pgUrl, { paths })).edited).toEqual([second])
    await writeFile(file, original)
  })

  it('fails the check when the PostgreSQL schema drifts or the histories stop pairing up', async () => {
    await writeFile(
      paths.pgSchema,
      (await readFile(paths.pgSchema, 'utf8')).replace('model Tag', 'model Label'),
    )
    expect((await checkMigrations(paths)).join('\n')).toMatch(/out of date/)
    await writePostgresSchema(paths)

    await rm(path.join(paths.pgMigrations, second), { recursive: true })
    const problems = (await checkMigrations(paths)).join('\n')
    expect(problems).toContain(`${second} (only in ${paths.sqliteMigrations})`)
    expect(problems).toMatch(/no postgresql migration .* captures/)
  })

  it('refuses to diff when the latest migration has lost its schema snapshot', async () => {
    await rm(path.join(paths.sqliteMigrations, second, SCHEMA_SNAPSHOT))
    await expect(createMigration('whatever', { paths })).rejects.toThrow(/schema.prisma.snapshot is missing/)
    expect(existsSync(path.join(paths.sqliteMigrations, second, MIGRATION_FILE))).toBe(true)
  })
})

describe('a failed migration', () => {
  it('blocks deploys until resolved as rolled back, then applies once fixed', async () => {
    const dir = path.join(paths.sqliteMigrations, '20991231000000_broken')
    const file = path.join(dir, MIGRATION_FILE)
    const url = `file:${path.join(path.dirname(sqliteFile), 'failed.db')}`
    await mkdir(dir)
    await writeFile(file, 'CREATE TABLE "Half" ("id" INTEGER);\nINSERT INTO "nope" VALUES (1);\n')

    await expect(applyMigrations(url, { paths })).rejects.toThrow(/nope/)
    expect((await migrationStatus(url, { paths })).failed).toEqual(['20991231000000_broken'])
    await expect(applyMigrations(url, { paths })).rejects.toThrow(/failed migrations/)

    await writeFile(file, 'CREATE TABLE IF NOT EXISTS "Half" ("id" INTEGER);\n')
    await resolveMigration(url, '20991231000000_broken', 'rolled-back', { paths })
    expect(await applyMigrations(url, { paths })).toEqual({ applied: ['20991231000000_broken'] })
    expect(await migrationStatus(url, { paths })).toMatchObject({ pending: [], failed: [] })
  })
})
