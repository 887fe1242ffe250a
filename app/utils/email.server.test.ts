import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SMTPServer } from 'smtp-server'
import { reserveLoopbackSmtp } from '../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from './mail-capture.server'

const port = await reserveLoopbackSmtp()
const { queueEmail, processOutbox, retryDelayMs, MAX_ATTEMPTS } = await import('./email.server')
const { getDb } = await import('./db.server')
const { setClockForTests } = await import('./clock')

describe('e-mail through the outbox', () => {
  let capture: MailCapture
  const db = getDb()

  beforeAll(async () => {
    capture = await startMailCapture({ port })
  })
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })

  it('delivers a queued message over SMTP', async () => {
    await db.$transaction(async (tx) => {
      await queueEmail(tx, { to: 'a@example.org', subject: 'Welkom', text: 'Hallo' })
    })
    expect(await processOutbox(db)).toEqual({ sent: 1, failed: 0 })
    const mail = await capture.waitFor((m) => m.subject === 'Welkom')
    expect(mail.to).toEqual(['a@example.org'])
    expect(mail.text.trim()).toBe('Hallo')
  })

  it('loses nothing when the SMTP server is down: it retries with back-off after the server is back', async () => {
    await capture.close()
    const t0 = new Date('2026-11-23T10:00:00Z')
    setClockForTests(t0)
    await db.$transaction((tx) =>
      queueEmail(tx, { to: 'b@example.org', subject: 'Tijdens storing', text: 'Komt later aan' }),
    )
    expect(await processOutbox(db)).toEqual({ sent: 0, failed: 1 })
    const stored = await db.outboxMessage.findFirstOrThrow({ where: { subject: 'Tijdens storing' } })
    expect(stored.status).toBe('pending')
    expect(stored.attempts).toBe(1)
    expect(stored.lastError).toBeTruthy()
    expect(stored.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1))

    // Not yet due: nothing is tried.
    expect(await processOutbox(db)).toEqual({ sent: 0, failed: 0 })

    capture = await startMailCapture({ port })
    setClockForTests(new Date(t0.getTime() + retryDelayMs(1) + 1))
    expect(await processOutbox(db)).toEqual({ sent: 1, failed: 0 })
    const mail = await capture.waitFor((m) => m.subject === 'Tijdens storing')
    expect(mail.to).toEqual(['b@example.org'])
    const after = await db.outboxMessage.findFirstOrThrow({ where: { subject: 'Tijdens storing' } })
    expect(after.status).toBe('sent')
  })

  it('queues a message with a dedupe key only once', async () => {
    for (let i = 0; i < 3; i++) {
      await db.$transaction((tx) =>
        queueEmail(tx, {
          to: 'c@example.org',
          subject: 'Herinnering',
          text: 'x',
          dedupeKey: 'herinnering:1',
        }),
      )
    }
    expect(await db.outboxMessage.count({ where: { dedupeKey: 'herinnering:1' } })).toBe(1)
  })

  it('backs off from 30 seconds to at most an hour', () => {
    expect(retryDelayMs(1)).toBe(30_000)
    expect(retryDelayMs(2)).toBe(60_000)
    expect(retryDelayMs(20)).toBe(3_600_000)
  })

  it('never sends a message rolled back with its transaction', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, { to: 'd@example.org', subject: 'Teruggedraaid', text: 'x' })
        throw new Error('afgebroken')
      }),
    ).rejects.toThrow('afgebroken')
    expect(await db.outboxMessage.count({ where: { subject: 'Teruggedraaid' } })).toBe(0)
  })
})

describe('e-mail that cannot be delivered', () => {
  const db = getDb()
  let server: SMTPServer
  let open = false
  const closeServer = () =>
    open
      ? new Promise<void>((resolve) => server.close(() => resolve())).then(() => void (open = false))
      : undefined

  beforeAll(async () => {
    // A real SMTP server that refuses one mailbox permanently, as a receiving mail server does.
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address === 'bestaat-niet@example.org') {
          const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })
          return callback(error)
        }
        callback()
      },
      onData(stream, _session, callback) {
        stream.resume()
        stream.on('end', () => callback())
      },
    })
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
    open = true
  })
  afterAll(async () => {
    setClockForTests(null)
    await closeServer()
  })

  it('gives up on a message the SMTP server rejects permanently (550) instead of retrying it forever', async () => {
    await db.$transaction((tx) =>
      queueEmail(tx, { to: 'bestaat-niet@example.org', subject: 'Onbestelbaar', text: 'x' }),
    )
    const result = await processOutbox(db)
    expect(result.failed).toBeGreaterThanOrEqual(1)
    const stored = await db.outboxMessage.findFirstOrThrow({ where: { subject: 'Onbestelbaar' } })
    expect(stored.status).toBe('failed')
    expect(stored.attempts).toBe(1)
    expect(stored.lastError).toMatch(/550/)

    // Not picked up again, however much later.
    setClockForTests(new Date(Date.now() + 7 * 24 * 3_600_000))
    await processOutbox(db)
    const later = await db.outboxMessage.findFirstOrThrow({ where: { subject: 'Onbestelbaar' } })
    expect(later.attempts).toBe(1)
    setClockForTests(null)
  })

  it(`gives up after ${MAX_ATTEMPTS} attempts when the server stays unreachable`, async () => {
    await closeServer()
    await db.$transaction((tx) =>
      queueEmail(tx, { to: 'e@example.org', subject: 'Blijft liggen', text: 'x' }),
    )
    const queued = await db.outboxMessage.findFirstOrThrow({ where: { subject: 'Blijft liggen' } })
    await db.outboxMessage.update({ where: { id: queued.id }, data: { attempts: MAX_ATTEMPTS - 2 } })

    await processOutbox(db)
    const once = await db.outboxMessage.findFirstOrThrow({ where: { id: queued.id } })
    expect(once.status).toBe('pending') // a temporary error: one more try to go

    setClockForTests(new Date(once.nextAttemptAt.getTime() + 1))
    await processOutbox(db)
    const last = await db.outboxMessage.findFirstOrThrow({ where: { id: queued.id } })
    expect(last.status).toBe('failed')
    expect(last.attempts).toBe(MAX_ATTEMPTS)
  })
})
