import { createServer } from 'node:net'

/**
 * For integration tests that read their e-mail back: picks a free loopback port for the test's own SMTP server and sets
 * SMTP_URL to it. Await this before importing (dynamically) the modules that parse the environment.
 */
export async function reserveLoopbackSmtp(): Promise<number> {
  const port = await new Promise<number>((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
  return port
}
