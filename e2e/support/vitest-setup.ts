import { afterAll, inject } from 'vitest'
import { freshDatabase } from './test-databases'

// Every test file runs against a database of its own, set before any app module reads the configuration.
const runId = inject('testRunId')
process.env.DATABASE_URL = await freshDatabase(runId)
process.env.NODE_ENV = 'test'
process.env.LOG_LEVEL ??= 'silent'
process.env.STORAGE_DIR ??= `./data/test-${runId}/files-${process.pid}`

afterAll(async () => {
  const { getDb } = await import('../../app/utils/db.server')
  await getDb().$disconnect()
})
