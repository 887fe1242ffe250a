// Derives the PostgreSQL schema from the SQLite one. The SQLite schema is the only one people edit; the
// PostgreSQL copy differs in the datasource provider and the generator output and nothing else.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface PgSchemaPaths {
  /** The SQLite schema, the source of truth (prisma/schema.prisma). */
  schema: string
  /** The derived PostgreSQL schema (prisma/postgresql/schema.prisma). */
  pgSchema: string
}

const toPosix = (p: string) => p.split(path.sep).join('/')

function header(paths: PgSchemaPaths): string {
  const source = toPosix(path.relative(path.dirname(paths.pgSchema), paths.schema))
  return [
    '// GENERATED FILE, DO NOT EDIT. Derived from ' + source + ' by prisma/tooling/pg-schema.ts',
    '// (npm run db:generate, or npm run db:migrate -- pg-schema). Edit the SQLite schema instead: this copy only',
    '// changes the datasource provider to "postgresql" and points the generator output at the PostgreSQL client.',
    '',
    '',
  ].join('\n')
}

// Same location with its last `sqlite` segment swapped, re-expressed relative to the PostgreSQL schema.
function pgOutput(output: string, paths: PgSchemaPaths): string {
  const segments = output.split('/')
  const index = segments.lastIndexOf('sqlite')
  if (index === -1) {
    throw new Error(
      `${paths.schema}: generator output "${output}" has no "sqlite" path segment, so the PostgreSQL client ` +
        'would overwrite the SQLite one. Use an output such as "./generated/sqlite".',
    )
  }
  segments[index] = 'postgresql'
  const swapped = segments.join('/')
  if (path.isAbsolute(swapped)) return swapped
  const target = path.resolve(path.dirname(paths.schema), swapped)
  const relative = toPosix(path.relative(path.dirname(paths.pgSchema), target))
  return relative.startsWith('.') ? relative : `./${relative}`
}

/** The PostgreSQL schema text for a SQLite schema text. Paths are needed to rewrite relative generator outputs. */
export function derivePostgresSchema(sqliteSchema: string, paths: PgSchemaPaths): string {
  let block: 'generator' | 'datasource' | 'other' | null = null
  let providers = 0
  const lines = sqliteSchema.split('\n').map((line) => {
    const opening = /^\s*(generator|datasource|model|enum|view|type)\s+\w+\s*\{/.exec(line)
    if (opening) {
      block = opening[1] === 'generator' || opening[1] === 'datasource' ? opening[1] : 'other'
      return line
    }
    if (/^\s*\}/.test(line)) {
      block = null
      return line
    }
    const field = /^(\s*)(provider|output)(\s*=\s*)"([^"]*)"(.*)$/.exec(line)
    if (!field) return line
    const [, indent, key, assign, value, rest] = field
    if (block === 'datasource' && key === 'provider') {
      if (value !== 'sqlite')
        throw new Error(`${paths.schema}: datasource provider is "${value}", expected "sqlite"`)
      providers++
      return `${indent}${key}${assign}"postgresql"${rest}`
    }
    if (block === 'generator' && key === 'output')
      return `${indent}${key}${assign}"${pgOutput(value, paths)}"${rest}`
    return line
  })
  if (providers !== 1)
    throw new Error(`${paths.schema}: expected exactly one datasource with provider = "sqlite"`)
  return header(paths) + lines.join('\n')
}

/** Writes the derived PostgreSQL schema; returns whether the file changed. */
export async function writePostgresSchema(paths: PgSchemaPaths): Promise<boolean> {
  const expected = derivePostgresSchema(await readFile(paths.schema, 'utf8'), paths)
  const current = existsSync(paths.pgSchema) ? await readFile(paths.pgSchema, 'utf8') : null
  if (current === expected) return false
  await mkdir(path.dirname(paths.pgSchema), { recursive: true })
  await writeFile(paths.pgSchema, expected)
  return true
}

/** Null when the committed PostgreSQL schema matches what would be generated, else a message describing the drift. */
export async function checkPostgresSchema(paths: PgSchemaPaths): Promise<string | null> {
  const expected = derivePostgresSchema(await readFile(paths.schema, 'utf8'), paths)
  const fix = 'run `npm run db:generate` (or `npm run db:migrate -- pg-schema`) and commit the result'
  if (!existsSync(paths.pgSchema)) return `${paths.pgSchema} is missing; ${fix}.`
  const current = await readFile(paths.pgSchema, 'utf8')
  if (current === expected) return null
  const a = current.split('\n')
  const b = expected.split('\n')
  let line = 0
  while (line < a.length && line < b.length && a[line] === b[line]) line++
  return (
    `${paths.pgSchema} is out of date with ${paths.schema} (first difference at line ${line + 1}:\n` +
    `  committed: ${a[line] ?? '<end of file>'}\n  expected:  ${b[line] ?? '<end of file>'}); ${fix}.`
  )
}
