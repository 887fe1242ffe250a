import nodemailer from 'nodemailer'
import type { Transporter } from 'nodemailer'
import type { Db, DbOrTx } from './db.server'
import { getEnv } from './env.server'
import { newId } from './ids.server'
import { log } from './logger.server'
import { now } from './clock'
import { getProcessMailCapture } from './mail-capture.server'

export type EmailAttachment = { filename: string; contentType: string; contentBase64: string }

export type EmailMessage = {
  to: string
  subject: string
  text: string
  html?: string
  attachments?: EmailAttachment[]
}

/**
 * Queue an e-mail in the outbox, inside the transaction of the change that causes it. The worker sends it later
 * and retries with back-off, so an SMTP outage delays mail (up to MAX_ATTEMPTS tries) rather than losing it. A
 * `dedupeKey` makes the message exist at most once (reminders that must go out exactly once, even if their job
 * runs twice).
 */
export async function queueEmail(tx: DbOrTx, message: EmailMessage & { dedupeKey?: string }) {
  const data = {
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? null,
    attachments: JSON.stringify(message.attachments ?? []),
    nextAttemptAt: now(),
  }
  if (message.dedupeKey) {
    await tx.outboxMessage.upsert({
      where: { dedupeKey: message.dedupeKey },
      create: { id: newId(), dedupeKey: message.dedupeKey, ...data },
      update: {},
    })
  } else {
    await tx.outboxMessage.create({ data: { id: newId(), ...data } })
  }
  scheduleOutboxSoon()
}

let transporter: { url: string; transport: Transporter } | undefined

function smtpUrl(): string {
  const configured = getEnv().SMTP_URL
  if (configured) return configured
  const capture = getProcessMailCapture()
  if (!capture) throw new Error('Geen SMTP_URL ingesteld en geen lokale mailserver actief')
  return capture.url
}

function getTransport(): Transporter {
  const url = smtpUrl()
  if (!transporter || transporter.url !== url) {
    transporter = {
      url,
      transport: nodemailer.createTransport(url, {
        connectionTimeout: 5_000,
        greetingTimeout: 5_000,
        socketTimeout: 15_000,
      }),
    }
  }
  return transporter.transport
}

/** Sends one message over SMTP now. Only the outbox worker calls this; everything else queues. */
export async function sendEmail(message: EmailMessage) {
  await getTransport().sendMail({
    from: getEnv().MAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments?.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
  })
}

/** 30 s, 1, 2, 4 … minutes, at most one hour between attempts (until MAX_ATTEMPTS). */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000)
}

const STALE_CLAIM_MS = 5 * 60_000

/**
 * After this many attempts (about four days with the back-off above, longer than any SMTP outage we plan for) a
 * message is given up on: status 'failed', logged as an error, kept in the outbox with its last error.
 */
export const MAX_ATTEMPTS = 96

/**
 * A 5xx answer (e.g. 550 unknown recipient) will not change on retry. Authentication errors are excluded: they are
 * a configuration problem that every message shares, and mail should go out once it is fixed.
 */
function isPermanent(error: unknown): boolean {
  const e = error as { responseCode?: unknown; code?: unknown } | null
  return typeof e?.responseCode === 'number' && e.responseCode >= 500 && e.code !== 'EAUTH'
}

/**
 * Sends what is due. Each message is claimed first (pending → sending) so two workers never send the same one;
 * a claim older than five minutes (a crashed worker) is taken over.
 */
export async function processOutbox(db: Db, options: { limit?: number } = {}) {
  const at = now()
  const due = await db.outboxMessage.findMany({
    where: {
      OR: [
        { status: 'pending', nextAttemptAt: { lte: at } },
        { status: 'sending', updatedAt: { lt: new Date(at.getTime() - STALE_CLAIM_MS) } },
      ],
    },
    orderBy: { nextAttemptAt: 'asc' },
    take: options.limit ?? 20,
  })
  let sent = 0
  let failed = 0
  for (const message of due) {
    const claimed = await db.outboxMessage.updateMany({
      where: { id: message.id, status: message.status, updatedAt: message.updatedAt },
      data: { status: 'sending' },
    })
    if (claimed.count !== 1) continue
    try {
      await sendEmail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        attachments: JSON.parse(message.attachments) as EmailAttachment[],
      })
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { status: 'sent', sentAt: now(), lastError: null },
      })
      sent++
    } catch (error) {
      const attempts = message.attempts + 1
      const lastError = error instanceof Error ? error.message : String(error)
      const giveUp = isPermanent(error) || attempts >= MAX_ATTEMPTS
      await db.outboxMessage.update({
        where: { id: message.id },
        data: giveUp
          ? { status: 'failed', attempts, lastError }
          : {
              status: 'pending',
              attempts,
              lastError,
              nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)),
            },
      })
      if (giveUp) {
        log.error('e-mail definitief niet verzonden', {
          outboxId: message.id,
          to: message.to,
          attempts,
          error: lastError,
        })
      } else {
        log.warn('e-mail niet verzonden, volgt later opnieuw', { outboxId: message.id, attempts })
      }
      failed++
    }
  }
  return { sent, failed }
}

type Worker = { timer: NodeJS.Timeout; running: Promise<void> | null; db: Db; again: boolean }
const globalForWorker = globalThis as unknown as { __portaalOutbox?: Worker }

async function tick() {
  const worker = globalForWorker.__portaalOutbox
  if (!worker) return
  if (worker.running) {
    worker.again = true
    return
  }
  worker.running = (async () => {
    try {
      do {
        worker.again = false
        await processOutbox(worker.db)
        // A stopped worker finishes its batch but takes no new one.
      } while (worker.again && globalForWorker.__portaalOutbox === worker)
    } catch (error) {
      log.error('outbox-verwerking mislukt', { error: String(error) })
    } finally {
      worker.running = null
    }
  })()
  await worker.running
}

/** Runs the outbox every OUTBOX_INTERVAL_MS (and right after something is queued). One per process. */
export function startOutboxWorker(db: Db) {
  if (globalForWorker.__portaalOutbox) return
  const timer = setInterval(tick, getEnv().OUTBOX_INTERVAL_MS)
  timer.unref()
  globalForWorker.__portaalOutbox = { timer, running: null, db, again: false }
}

/** Stops the timer; resolves when a batch in progress has finished (for a clean shutdown). */
export async function stopOutboxWorker(): Promise<void> {
  const worker = globalForWorker.__portaalOutbox
  globalForWorker.__portaalOutbox = undefined
  if (!worker) return
  clearInterval(worker.timer)
  await worker.running
}

function scheduleOutboxSoon() {
  // After the surrounding transaction has committed; the interval catches anything this misses.
  if (globalForWorker.__portaalOutbox) setTimeout(tick, 50).unref()
}
