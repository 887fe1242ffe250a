import type { TestProject } from 'vitest/node'
import { cleanupTestDatabases, newRunId, prepareTemplate } from './test-databases'

const runId = newRunId()

export async function setup(project: TestProject) {
  await prepareTemplate(runId)
  project.provide('testRunId', runId)
}

export async function teardown() {
  await cleanupTestDatabases(runId)
}

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string
  }
}
