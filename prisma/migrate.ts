// CLI for the offline migration tooling: `npm run db:migrate -- <command>`. The work is done in prisma/tooling/;
// this file only parses arguments and prints. Importing it does not run the CLI.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  applyMigrations,
  checkMigrations,
  createMigration,
  migrationStatus,
  resolveMigration,
} from './tooling/migrations.ts'
import { defaultPaths } from './tooling/paths.ts'
import { checkPostgresSchema, writePostgresSchema } from './tooling/pg-schema.ts'

export {
  applyMigrations,
  checkMigrations,
  createMigration,
  migrationStatus,
  resolveMigration,
} from './tooling/migrations.ts'
export { checkPostgresSchema, derivePostgresSchema, writePostgresSchema } from './tooling/pg-schema.ts'

const usage = `Usage: npm run db:migrate -- <command>

  create <name>      Write a migration for SQLite (prisma/migrations) and PostgreSQL (prisma/postgresql/migrations)
                     from the changes in prisma/schema.prisma since the latest migration.
  deploy             Apply pending migrations to DATABASE_URL (file:... = SQLite, postgres(ql):// = PostgreSQL).
  status             List applied and pending migrations for DATABASE_URL (exit 1 unless up to date).
  resolve --rolled-back|--applied <name>
                     After a failed deploy: mark the migration rolled back (deploy retries it) or applied.
  check              Fail when prisma/schema.prisma has changes no migration captures, or the PostgreSQL schema drifts.
  pg-schema [--check] Regenerate prisma/postgresql/schema.prisma (--check: fail if the committed file differs).`

const rel = (p: string) => path.relative(process.cwd(), p) || '.'

function databaseUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url)
    throw new Error(
      'DATABASE_URL is not set (file:./data/dev.db for SQLite, postgresql://... for PostgreSQL)',
    )
  return url
}

// Never print credentials from the URL.
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args
  switch (command) {
    case 'create': {
      const name = rest.join(' ').trim()
      if (!name) {
        console.error('Usage: npm run db:migrate -- create <name>')
        return 2
      }
      const created = await createMigration(name)
      if (!created) {
        console.log('No changes: the schema matches the latest migration. Nothing written.')
        return 0
      }
      for (const dir of created.directories) console.log(`Created ${rel(dir)}`)
      return 0
    }
    case 'deploy': {
      const url = databaseUrl()
      const { applied } = await applyMigrations(url).catch((error: Error) => {
        const hint =
          'Fix the migration and the database, then `npm run db:migrate -- resolve --rolled-back <name>` ' +
          '(deploy retries it) or `resolve --applied <name>` (you completed it by hand).'
        throw new Error(`${error.message}\n${hint}`)
      })
      if (applied.length === 0) console.log(`No pending migrations for ${redact(url)}.`)
      else for (const name of applied) console.log(`Applied ${name}`)
      return 0
    }
    case 'status': {
      const url = databaseUrl()
      const status = await migrationStatus(url)
      console.log(`${status.migrations.length} migration(s) for ${redact(url)}:`)
      for (const name of status.migrations) {
        const state = status.failed.includes(name)
          ? 'FAILED'
          : status.pending.includes(name)
            ? 'pending'
            : status.edited.includes(name)
              ? 'applied, EDITED since'
              : 'applied'
        console.log(`  ${name}  ${state}`)
      }
      for (const name of status.notInFolder) console.log(`  ${name}  applied, NOT IN THE MIGRATIONS FOLDER`)
      // Non-zero unless fully in step, like `prisma migrate status`, so scripts can test it.
      const problems =
        status.pending.length + status.failed.length + status.edited.length + status.notInFolder.length
      if (status.pending.length > 0)
        console.log(`${status.pending.length} pending: run \`npm run db:migrate -- deploy\`.`)
      else if (problems === 0) console.log('Database is up to date.')
      return problems === 0 ? 0 : 1
    }
    case 'resolve': {
      const [flag, name] = rest
      if ((flag !== '--applied' && flag !== '--rolled-back') || !name) {
        console.error('Usage: npm run db:migrate -- resolve --rolled-back|--applied <migration name>')
        return 2
      }
      const as = flag === '--applied' ? 'applied' : 'rolled-back'
      await resolveMigration(databaseUrl(), name, as)
      console.log(`Marked ${name} as ${as}.`)
      return 0
    }
    case 'check': {
      const problems = await checkMigrations()
      if (problems.length === 0) {
        console.log('Migrations and the PostgreSQL schema are up to date with prisma/schema.prisma.')
        return 0
      }
      for (const problem of problems) console.error(`✗ ${problem.replaceAll(process.cwd() + path.sep, '')}`)
      return 1
    }
    case 'pg-schema': {
      if (rest.includes('--check')) {
        const drift = await checkPostgresSchema(defaultPaths)
        if (drift) {
          console.error(drift.replaceAll(process.cwd() + path.sep, ''))
          return 1
        }
        console.log(`${rel(defaultPaths.pgSchema)} is up to date.`)
        return 0
      }
      const changed = await writePostgresSchema(defaultPaths)
      console.log(`${changed ? 'Wrote' : 'Unchanged:'} ${rel(defaultPaths.pgSchema)}`)
      return 0
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(usage)
      return command === undefined ? 2 : 0
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`)
      return 2
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exitCode = 1
    },
  )
}
