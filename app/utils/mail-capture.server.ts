import { SMTPServer } from 'smtp-server'
import { simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'

export type CapturedMail = {
  id: number
  receivedAt: Date
  from: string
  to: string[]
  subject: string
  text: string
  html: string | null
  attachments: { filename: string; contentType: string; size: number; content: Buffer }[]
}

export type MailCapture = {
  url: string
  port: number
  messages: CapturedMail[]
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(match: (m: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>
  close(): Promise<void>
}

/**
 * A real SMTP server on loopback that keeps what it receives in memory. Development and the demo send their mail
 * here (shown at /dev/mail); tests start one to read mail back over a real SMTP conversation.
 */
export async function startMailCapture(options: { port?: number; keep?: number } = {}): Promise<MailCapture> {
  const messages: CapturedMail[] = []
  const waiters: { match: (m: CapturedMail) => boolean; resolve: (m: CapturedMail) => void }[] = []
  let counter = 0
  const keep = options.keep ?? 500

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 40 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CapturedMail = {
            id: ++counter,
            receivedAt: new Date(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? 'bijlage',
              contentType: a.contentType,
              size: a.size,
              content: a.content,
            })),
          }
          messages.push(mail)
          if (messages.length > keep) messages.shift()
          for (const w of [...waiters]) {
            if (w.match(mail)) {
              waiters.splice(waiters.indexOf(w), 1)
              w.resolve(mail)
            }
          }
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(match, timeoutMs = 10_000) {
      const found = messages.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve }
        waiters.push(waiter)
        setTimeout(() => {
          const i = waiters.indexOf(waiter)
          if (i >= 0) {
            waiters.splice(i, 1)
            reject(new Error(`Geen e-mail ontvangen binnen ${timeoutMs} ms`))
          }
        }, timeoutMs).unref()
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const globalForCapture = globalThis as unknown as { __portaalMailCapture?: MailCapture }

/** The capture server of this process, when one runs (development and demo without SMTP_URL). */
export function getProcessMailCapture(): MailCapture | undefined {
  return globalForCapture.__portaalMailCapture
}

export function setProcessMailCapture(capture: MailCapture | undefined) {
  globalForCapture.__portaalMailCapture = capture
}
