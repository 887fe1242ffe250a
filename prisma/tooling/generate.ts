// Runs `prisma generate` for the SQLite schema and the PostgreSQL schema derived from it.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { defaultPaths, type ProjectPaths } from './paths.ts'
import { writePostgresSchema } from './pg-schema.ts'

export interface GenerateOptions {
  paths?: ProjectPaths
  /** Capture the Prisma CLI's output (and include it in errors) instead of passing it through. */
  quiet?: boolean
}

/** Runs `prisma generate --schema <schemaPath>` offline. */
export async function prismaGenerate(schemaPath: string, options: { quiet?: boolean } = {}): Promise<void> {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // generate only checks that the schema engine file exists; pointing it anywhere stops the download attempt.
    PRISMA_SCHEMA_ENGINE_BINARY:
      process.env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)
        ? process.env.PRISMA_SCHEMA_ENGINE_BINARY
        : process.execPath,
    // No telemetry or update checks: there is no network.
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  }
  const child = spawn(process.execPath, [cli, 'generate', '--schema', schemaPath], {
    env,
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  if (code !== 0) {
    throw new Error(
      `prisma generate --schema ${schemaPath} failed (exit ${code})${output ? `:\n${output}` : ''}`,
    )
  }
}

/** Regenerates the PostgreSQL schema, then both Prisma clients (output folders come from the schemas). */
export async function generateClients(options: GenerateOptions = {}): Promise<void> {
  const paths = options.paths ?? defaultPaths
  await writePostgresSchema(paths)
  for (const schema of [paths.schema, paths.pgSchema]) await prismaGenerate(schema, options)
}
