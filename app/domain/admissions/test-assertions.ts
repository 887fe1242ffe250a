/** Assertions shared by the admissions tests (Vitest only: Playwright and the load test use test-factories.ts). */
import { expect } from 'vitest'
import { AdmissionError } from './state'

/** Awaits `p`, expects it to be refused with an AdmissionError (of `code`, when given) and returns that error. */
export async function refused(p: Promise<unknown>, code?: string): Promise<AdmissionError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(AdmissionError)
    if (code) expect((e as AdmissionError).code).toBe(code)
    return e as AdmissionError
  }
  throw new Error('expected a refusal')
}
