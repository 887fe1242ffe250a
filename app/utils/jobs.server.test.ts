import { describe, expect, it } from 'vitest'
import { startJobTimer, stopBackgroundJobs } from './jobs.server'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('background job timers', () => {
  it('skips a tick while the previous run of the same job is still busy', async () => {
    let running = 0
    let maxParallel = 0
    let runs = 0
    const stop = startJobTimer({
      name: 'traag',
      everyMs: 20,
      run: async () => {
        runs++
        running++
        maxParallel = Math.max(maxParallel, running)
        await sleep(150)
        running--
      },
    })
    await sleep(400)
    await stop()
    expect(maxParallel).toBe(1)
    // ~20 ticks in 400 ms, but only the ones that found the job idle ran.
    expect(runs).toBeGreaterThanOrEqual(1)
    expect(runs).toBeLessThanOrEqual(3)
  })

  it('does not run a job at start-up, only after its interval', async () => {
    let runs = 0
    const stop = startJobTimer({ name: 'later', everyMs: 200, run: async () => void runs++ })
    await sleep(50)
    expect(runs).toBe(0)
    await stop()
  })

  it('keeps ticking after a run fails', async () => {
    let runs = 0
    const stop = startJobTimer({
      name: 'faalt',
      everyMs: 20,
      run: async () => {
        runs++
        throw new Error('kapot')
      },
    })
    await sleep(150)
    await stop()
    expect(runs).toBeGreaterThanOrEqual(2)
  })

  it('stop waits for an in-flight run to finish and no run starts afterwards', async () => {
    let finished = false
    let runs = 0
    const stop = startJobTimer({
      name: 'bezig',
      everyMs: 20,
      run: async () => {
        runs++
        await sleep(150)
        finished = true
      },
    })
    await sleep(40)
    await stop()
    expect(finished).toBe(true)
    const after = runs
    await sleep(80)
    expect(runs).toBe(after)
  })

  it('stopBackgroundJobs resolves when nothing was started', async () => {
    expect(await stopBackgroundJobs(1_000)).toBe(true)
  })
})
