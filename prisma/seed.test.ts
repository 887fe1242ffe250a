import { describe, expect, it } from 'vitest'
import { getDb } from '../app/utils/db.server'
import { getEnv } from '../app/utils/env.server'
import { seedIfEmpty } from './seed'
import { seedReference } from './seed/reference'

describe('demo seed at start-up', () => {
  const db = getDb()
  const url = getEnv().DATABASE_URL

  it('reports a seed that was interrupted after its first step as incomplete, without its logins', async () => {
    await seedReference(db) // the first step ran, then the process died
    const gemeenten = await db.gemeente.count()
    expect(await seedIfEmpty(url)).toEqual({ state: 'incomplete', demoAccounts: false })
    expect(await db.gemeente.count()).toBe(gemeenten)
    expect(await db.user.count()).toBe(0)
    await db.pc4.deleteMany()
    await db.gemeente.deleteMany()
  })

  it('loads the whole demo into an empty database once, and then knows it is complete', async () => {
    expect(await seedIfEmpty(url)).toEqual({ state: 'seeded', demoAccounts: true })
    expect(await seedIfEmpty(url)).toEqual({ state: 'complete', demoAccounts: true })
  })
})
