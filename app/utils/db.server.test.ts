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

  it('laten een vraag buiten een open transactie wachten: geen onbevestigde rijen lezen, niet mee terugrollen', async () => {
    const db = createDb(url)
    await db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS gate_probe (n INTEGER)')
    await db.$executeRawUnsafe('DELETE FROM gate_probe')
    let entered!: () => void
    const inside = new Promise<void>((resolve) => (entered = resolve))
    // Another request's transaction: it writes, waits on something (an upload, an e-mail address lookup) and fails.
    const failing = db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe('INSERT INTO gate_probe (n) VALUES (1)')
        entered()
        await new Promise((resolve) => setTimeout(resolve, 300))
        throw new Error('teruggedraaid')
      })
      .catch((error: unknown) => error)
    await inside
    // Meanwhile, outside that transaction: a read and a write of their own (a page, an outbox row, a session).
    const [seen] = await Promise.all([
      db.$queryRawUnsafe<{ c: bigint }[]>('SELECT count(*) AS c FROM gate_probe'),
      db.$executeRawUnsafe('INSERT INTO gate_probe (n) VALUES (2)'),
    ])
    expect(await failing).toBeInstanceOf(Error)
    expect(Number(seen[0]!.c)).toBe(0)
    const after = await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT n FROM gate_probe ORDER BY n')
    expect(after.map((r) => Number(r.n))).toEqual([2])
    await db.$disconnect()
  })
})
