import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { generateClients } from './generate.ts'
import { projectPaths, type ProjectPaths } from './paths.ts'

const schema = `generator client {
  provider     = "prisma-client"
  output       = "./generated/sqlite"
  moduleFormat = "esm"
}

datasource db {
  provider = "sqlite"
}

model User {
  id    String @id
  email String @unique
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId String
}
`

let dir: string
let paths: ProjectPaths

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'generate-'))
  paths = projectPaths(dir)
  await writeFile(paths.schema, schema)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('generates the PostgreSQL schema and both clients offline', async () => {
  await generateClients({ paths, quiet: true })
  expect(await readFile(paths.pgSchema, 'utf8')).toContain('output       = "../generated/postgresql"')
  for (const engine of ['sqlite', 'postgresql']) {
    const client = path.join(dir, 'generated', engine, 'client.ts')
    expect(existsSync(client), client).toBe(true)
    expect(existsSync(path.join(dir, 'generated', engine, 'models', 'Post.ts'))).toBe(true)
  }
  // Each client carries its own provider.
  const pgClass = await readFile(path.join(dir, 'generated', 'postgresql', 'internal', 'class.ts'), 'utf8')
  expect(pgClass).toContain('"activeProvider": "postgresql"')
  const sqliteClass = await readFile(path.join(dir, 'generated', 'sqlite', 'internal', 'class.ts'), 'utf8')
  expect(sqliteClass).toContain('"activeProvider": "sqlite"')
}, 30_000)
