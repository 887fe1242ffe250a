import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectPaths, type ProjectPaths } from './paths.ts'
import { checkPostgresSchema, derivePostgresSchema, writePostgresSchema } from './pg-schema.ts'

const sqliteSchema = `// A comment that must survive.
generator client {
  provider     = "prisma-client"
  output       = "./generated/sqlite"
  moduleFormat = "esm"
}

datasource db {
  provider = "sqlite"
}

model Thing {
  id       String @id
  provider String @default("sqlite")
}
`

let dir: string
let paths: ProjectPaths

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pg-schema-'))
  paths = projectPaths(dir)
  await writeFile(paths.schema, sqliteSchema)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('derivePostgresSchema', () => {
  it('changes only the provider and the generator output, below a generated-file header', () => {
    const derived = derivePostgresSchema(sqliteSchema, paths)
    expect(derived.startsWith('// GENERATED FILE, DO NOT EDIT. Derived from ../schema.prisma')).toBe(true)
    const body = derived.slice(derived.indexOf('// A comment'))
    expect(body).toBe(
      sqliteSchema
        .replace('output       = "./generated/sqlite"', 'output       = "../generated/postgresql"')
        .replace('provider = "sqlite"', 'provider = "postgresql"'),
    )
    // Model fields that happen to be called provider are left alone.
    expect(body).toContain('provider String @default("sqlite")')
  })

  it('refuses a generator output the PostgreSQL client would share', () => {
    expect(() =>
      derivePostgresSchema(sqliteSchema.replace('./generated/sqlite', './generated/client'), paths),
    ).toThrow(/no "sqlite" path segment/)
  })

  it('refuses a schema that is not SQLite', () => {
    expect(() => derivePostgresSchema(sqliteSchema.replace('"sqlite"\n}', '"mysql"\n}'), paths)).toThrow(
      /expected "sqlite"/,
    )
  })
})

describe('writePostgresSchema / checkPostgresSchema', () => {
  it('reports a missing file, writes it, then reports no drift', async () => {
    expect(await checkPostgresSchema(paths)).toMatch(/is missing/)
    expect(await writePostgresSchema(paths)).toBe(true)
    expect(await writePostgresSchema(paths)).toBe(false)
    expect(await checkPostgresSchema(paths)).toBeNull()
    expect(await readFile(paths.pgSchema, 'utf8')).toContain('provider = "postgresql"')
  })

  it('reports drift when the SQLite schema changes and the derived file is not regenerated', async () => {
    await writeFile(
      paths.schema,
      sqliteSchema.replace('id       String @id', 'id       String @id\n  name String?'),
    )
    const drift = await checkPostgresSchema(paths)
    expect(drift).toMatch(/out of date/)
    expect(drift).toContain('name String?')
    await writePostgresSchema(paths)
    expect(await checkPostgresSchema(paths)).toBeNull()
  })
})
