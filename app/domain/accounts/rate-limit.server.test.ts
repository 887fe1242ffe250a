import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { setClockForTests } from '~/utils/clock'
import { newId } from '~/utils/ids.server'
import { hit } from './rate-limit.server'

const db = getDb()
const WINDOW = 15 * 60_000

afterEach(() => setClockForTests(null))

async function parallelPasses(key: string, n: number, max: number) {
  const limited = await Promise.all(Array.from({ length: n }, () => hit(key, max)))
  return limited.filter((l) => !l).length
}

describe('rate limit under parallel requests', () => {
  it('lets exactly `max` of 30 parallel requests through on a new key', async () => {
    setClockForTests(new Date('2026-11-23T09:00:00Z'))
    expect(await parallelPasses(`test:${newId()}`, 30, 10)).toBe(10)
  })

  it('lets exactly `max` through right after the window rolled over, and starts the new window then', async () => {
    const t0 = new Date('2026-11-23T09:00:00Z')
    setClockForTests(t0)
    const key = `test:${newId()}`
    for (let i = 0; i < 12; i++) await hit(key, 10)
    expect(await hit(key, 10)).toBe(true)

    const t1 = new Date(t0.getTime() + WINDOW)
    setClockForTests(t1)
    expect(await parallelPasses(key, 30, 10)).toBe(10)
    const bucket = await db.rateLimitBucket.findUniqueOrThrow({ where: { key } })
    expect(bucket).toMatchObject({ windowStart: t1, count: 30 })

    // Still the same window a moment before it ends; a new one exactly at its end.
    setClockForTests(new Date(t1.getTime() + WINDOW - 1))
    expect(await hit(key, 10)).toBe(true)
    setClockForTests(new Date(t1.getTime() + WINDOW))
    expect(await hit(key, 10)).toBe(false)
  })
})
