import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Unit and integration tests (next to the code, *.test.ts). Each test file gets its own database, copied from a
 * migrated template: SQLite by default, PostgreSQL when TEST_DATABASE_URL points at a server.
 */
export default defineConfig({
  root,
  resolve: { alias: { '~': `${root}app` } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'prisma/**/*.test.ts'],
    exclude: ['node_modules/**', 'build/**', 'prisma/generated/**'],
    globalSetup: ['e2e/support/vitest-global-setup.ts'],
    setupFiles: ['e2e/support/vitest-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
})
