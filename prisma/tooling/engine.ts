// The one place that loads Prisma's schema engine. The native engine the Prisma CLI downloads is unavailable
// here, so migrations run on @prisma/schema-engine-wasm driven through a JS driver adapter.
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils'
import type * as Wasm from '@prisma/schema-engine-wasm'
import pg from 'pg'

export type SchemaEngine = Wasm.SchemaEngine
export type MigrationList = Wasm.MigrationList
export type Provider = 'sqlite' | 'postgresql'

export const noFilters: Wasm.SchemaFilter = { externalTables: [], externalEnums: [] }

type WasmGlue = typeof Wasm & { __wbg_set_wasm(exports: WebAssembly.Exports): void }

let glue: Promise<WasmGlue> | undefined

// wasm-bindgen's glue keeps the instance in module state, so there can only be one instance per process:
// load it once and create a cheap SchemaEngine per call instead.
function loadWasm(): Promise<WasmGlue> {
  glue ??= (async () => {
    // Without this global a Rust panic inside the engine turns into an unrelated TypeError.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: '',
      set_message(this: { message: string }, message: string) {
        this.message = `RuntimeError: ${message}`
      },
    }
    // The package's main entry imports the .wasm file as an ES module, which Node cannot do: wire it by hand.
    const require = createRequire(import.meta.url)
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const module = (await import(gluePath)) as WasmGlue
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': withTrackedTimers(module),
    })
    module.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start(): void }).__wbindgen_start()
    return module
  })()
  glue.catch(() => (glue = undefined))
  return glue
}

// Timers the engine started. On PostgreSQL it races its advisory lock against a 10 s timer that it never
// cancels, which would keep the process alive for 10 s after the work is done.
const engineTimers = new Set<NodeJS.Timeout>()
let activeEngines = 0

function withTrackedTimers(module: WasmGlue): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(module as unknown as WebAssembly.ModuleImports) }
  const key = Object.keys(module).find((name) => name.startsWith('__wbg_setTimeout_'))
  if (!key) throw new Error('setTimeout import of @prisma/schema-engine-wasm not found; see engine.ts')
  imports[key] = (callback: () => void, ms: number) => {
    const timer = setTimeout(() => {
      engineTimers.delete(timer)
      callback()
    }, ms >>> 0)
    engineTimers.add(timer)
    return timer
  }
  return imports
}

// Only safe once no engine is alive: a live engine may be waiting on one of them.
function clearEngineTimers(): void {
  if (activeEngines > 0) return
  for (const timer of engineTimers) clearTimeout(timer)
  engineTimers.clear()
}

export type DatabaseTarget = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string }

/** Reads DATABASE_URL-style strings: `file:...` is SQLite (relative to the working directory, as the runtime
 * adapter resolves it), `postgres://` / `postgresql://` is PostgreSQL. */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  if (databaseUrl.startsWith('file:')) {
    const withoutQuery = databaseUrl.replace(/\?.*$/, '')
    const file = withoutQuery.startsWith('file://')
      ? fileURLToPath(withoutQuery)
      : path.resolve(withoutQuery.slice('file:'.length))
    return { provider: 'sqlite', file }
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { provider: 'postgresql', url: databaseUrl }
  // Only the scheme: the rest may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(databaseUrl)?.[0] ?? '(none)'
  throw new Error(`Unsupported DATABASE_URL scheme ${scheme} (expected file:, postgres:// or postgresql://)`)
}

interface OpenAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory
  close(): Promise<void>
}

function openAdapter(target: DatabaseTarget | null): OpenAdapter {
  if (target === null || target.provider === 'sqlite') {
    // The engine insists on an adapter even for pure datamodel diffs; an in-memory SQLite one costs nothing.
    // The SQL dialect of such a diff follows the datamodels' provider, not the adapter.
    const file = target?.file ?? ':memory:'
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
    return trackConnections(new PrismaBetterSqlite3({ url: file }), async () => {})
  }
  // Our own pool, so we can end it: the engine never disposes what the adapter opened, and an idle pool keeps
  // the process alive for its idle timeout.
  const { connectionString, schema } = splitPostgresUrl(target.url)
  const pool = new pg.Pool({
    connectionString,
    max: 2,
    // Migration SQL is unqualified and the engine ignores the adapter's schema, so select it via search_path.
    options: schema ? `-c search_path=${schema}` : undefined,
  })
  const factory = new PrismaPg(pool, { schema })
  const connect = factory.connect.bind(factory)
  // adapter-pg runs a migration script by splitting it at every ";", which cuts a dollar-quoted function body (the
  // audit trail's append-only trigger) in pieces. Send the script whole, as Prisma's native engine does: the simple
  // query protocol runs its statements in order, in one implicit transaction.
  factory.connect = async () => {
    const adapter = await connect()
    adapter.executeScript = async (script: string) => {
      await pool.query(script).catch((error: unknown) => {
        // The adapter's own conversion, so the engine reports the failure like any other database error.
        ;(adapter as unknown as { onError(error: unknown): never }).onError(error)
      })
    }
    return adapter
  }
  return trackConnections(factory, () => pool.end())
}

/** Separates Prisma's `?schema=` parameter, which pg does not understand, from a PostgreSQL URL. */
export function splitPostgresUrl(databaseUrl: string): {
  connectionString: string
  schema: string | undefined
} {
  const url = new URL(databaseUrl)
  const schema = url.searchParams.get('schema') ?? undefined
  url.searchParams.delete('schema')
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) {
    throw new Error(`Unsupported schema name in DATABASE_URL: "${schema}" (letters, digits and _ only)`)
  }
  return { connectionString: url.toString(), schema }
}

// Remembers every connection the engine opens so they can be closed once the engine is freed.
function trackConnections(
  factory: SqlMigrationAwareDriverAdapterFactory,
  end: () => Promise<void>,
): OpenAdapter {
  const opened: SqlDriverAdapter[] = []
  const track = async (connect: () => Promise<SqlDriverAdapter>) => {
    const adapter = await connect()
    opened.push(adapter)
    return adapter
  }
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(() => factory.connect()),
    connectToShadowDb: () => track(() => factory.connectToShadowDb()),
  }
  return {
    factory: tracked,
    async close() {
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()))
      await end()
    },
  }
}

/**
 * Runs `fn` with a fresh schema engine and always frees it and its connections afterwards.
 * `target` null means no database is needed (datamodel-to-datamodel diffs).
 */
export async function withSchemaEngine<T>(
  target: DatabaseTarget | null,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await loadWasm()
  const adapter = openAdapter(target)
  let engine: SchemaEngine | undefined
  activeEngines++
  try {
    // The engine logs through this callback; nothing it says is useful to a CLI user, so drop it.
    engine = await wasm.SchemaEngine.new(
      { datamodels: undefined },
      () => {},
      bindMigrationAwareSqlAdapterFactory(adapter.factory),
    )
    return await fn(engine)
  } finally {
    engine?.free()
    activeEngines--
    clearEngineTimers()
    await adapter.close()
  }
}

/**
 * Migration SQL that turns `from` (a schema text, or null for an empty database) into `to`, without touching a
 * database. Returns null when there is nothing to change.
 */
export async function diffDatamodels(from: string | null, to: string): Promise<string | null> {
  return withSchemaEngine(null, async (engine) => {
    const result = await engine.diff({
      from:
        from === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      // With exitCode set the engine reports 2 for a non-empty diff; the script itself is never empty.
      exitCode: true,
      filters: noFilters,
    })
    return result.exitCode === 2 ? (result.stdout ?? '') : null
  })
}
