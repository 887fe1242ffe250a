import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the schemas and both migration histories live. Every tooling function takes these so tests can use temp dirs. */
export interface ProjectPaths {
  /** The SQLite schema, the source of truth. */
  schema: string
  /** The PostgreSQL schema derived from it. */
  pgSchema: string
  /** Migration history for SQLite (the Prisma CLI's default location). */
  sqliteMigrations: string
  /** Migration history for PostgreSQL. */
  pgMigrations: string
}

/** Paths for a project laid out like this one under `dir` (tests use a temp dir). */
export function projectPaths(dir: string): ProjectPaths {
  return {
    schema: path.join(dir, 'schema.prisma'),
    pgSchema: path.join(dir, 'postgresql', 'schema.prisma'),
    sqliteMigrations: path.join(dir, 'migrations'),
    pgMigrations: path.join(dir, 'postgresql', 'migrations'),
  }
}

export const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const defaultPaths: ProjectPaths = projectPaths(prismaDir)
