/**
 * The browser tests' mail server: a real SMTP server on loopback (the portal sends to it over SMTP), with a small
 * HTTP side so test workers can read what arrived. Started by Playwright as a web server.
 *   GET /messages?to=address  → JSON list of messages to that address (all when `to` is absent)
 */
import http from 'node:http'
import { startMailCapture } from '../../app/utils/mail-capture.server'

const smtpPort = Number(process.env.SINK_SMTP_PORT ?? 2525)
const httpPort = Number(process.env.SINK_HTTP_PORT ?? 2526)

const capture = await startMailCapture({ port: smtpPort, keep: 5000 })

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/health') {
      res.end('ok')
      return
    }
    if (url.pathname === '/messages') {
      const to = url.searchParams.get('to')?.toLowerCase()
      const list = capture.messages
        .filter((m) => !to || m.to.includes(to))
        .map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          receivedAt: m.receivedAt.toISOString(),
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            size: a.size,
          })),
        }))
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify(list))
      return
    }
    res.statusCode = 404
    res.end()
  })
  .listen(httpPort, '127.0.0.1', () => {
    console.log(`smtp-sink: smtp ${capture.url}, http http://127.0.0.1:${httpPort}`)
  })
