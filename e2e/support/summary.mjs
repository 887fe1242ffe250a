// Prints one closing line over all test runners of `npm test`: "N passed, N failed".
import { existsSync, readFileSync, readdirSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
const vitestReports = existsSync('test-results')
  ? readdirSync('test-results').filter((f) => /^vitest.*\.json$/.test(f))
  : []
for (const file of vitestReports) {
  const v = JSON.parse(readFileSync(`test-results/${file}`, 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + (v.numTodoTests ?? 0)
}
const playwrightReports = existsSync('test-results')
  ? readdirSync('test-results').filter((f) => /^playwright.*\.json$/.test(f))
  : []
for (const file of playwrightReports) {
  const p = JSON.parse(readFileSync(`test-results/${file}`, 'utf8'))
  passed += p.stats.expected
  failed += p.stats.unexpected + (p.stats.flaky ?? 0)
  skipped += p.stats.skipped
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
