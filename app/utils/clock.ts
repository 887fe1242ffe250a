/**
 * The one place the app asks for the current time, so tests can fix it. Call `now()` instead of `new Date()`
 * wherever "now" decides something (deadlines, lifecycles, audit timestamps).
 */

let fixed: Date | null = null

export function now(): Date {
  // A copy, so callers cannot move the fixed clock by mutating the result.
  return fixed ? new Date(fixed.getTime()) : new Date()
}

/** Fix the clock at `date`, or pass null to return to real time. For tests only. */
export function setClockForTests(date: Date | null): void {
  fixed = date ? new Date(date.getTime()) : null
}
