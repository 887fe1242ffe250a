import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createDb, engineOf, sqliteFilePath } from './db.server'

const url = process.env.DATABASE_URL ?? ''

describe.skipIf(engineOf(url) !== 'sqlite')('SQLite-transacties', () => {
  it('houden de schrijfvergrendeling vanaf het begin, zodat een ander proces hun leesbeeld niet ongeldig maakt', async () => {
    const db = createDb(url)
    await db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS lock_probe (n INTEGER)')
    // Another connection to the same file, as the seed script or a second server process would have.
    const other = new Database(sqliteFilePath(url), { timeout: 0 })
    let otherWrote: boolean | undefined

    await db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe('SELECT count(*) FROM lock_probe')
      try {
        other.prepare('INSERT INTO lock_probe (n) VALUES (1)').run()
        otherWrote = true
      } catch {
        otherWrote = false
      }
      // With a deferred BEGIN this write fails at once with SQLITE_BUSY_SNAPSHOT ("Operation has timed out").
      await tx.$executeRawUnsafe('INSERT INTO lock_probe (n) VALUES (2)')
    })

    expect(otherWrote).toBe(false)
    expect(other.prepare('SELECT n FROM lock_probe ORDER BY n').all()).toEqual([{ n: 2 }])
    other.close()
    await db.$disconnect()
  })
})
