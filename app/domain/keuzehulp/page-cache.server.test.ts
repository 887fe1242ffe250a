import { afterEach, describe, expect, it } from 'vitest'
import { db } from '~/utils/db.server'
import { setClockForTests } from '~/utils/clock'
import { RenderedPageCache } from './page-cache.server'
import { factsVersion } from './read-model.server'
import { makeGemeente } from './test-factories'

const URL_ = 'http://portaal.test/keuzehulp?gemeente=GM0001'

function request(url = URL_, headers: Record<string, string> = {}) {
  return new Request(url, { headers })
}

/** A renderer like Remix's: the page carries the nonce of the request it was rendered for. */
function renderer(
  extra: { status?: number; headers?: Record<string, string> } = {},
  body = (nonce: string, n: number) => `<html><script nonce="${nonce}"></script><p>versie ${n}</p></html>`,
) {
  let calls = 0
  let nonce = ''
  return {
    forNonce(n: string) {
      nonce = n
      return () => {
        calls++
        return Promise.resolve(
          new Response(body(nonce, calls), {
            status: extra.status ?? 200,
            headers: {
              'Content-Type': 'text/html; charset=utf-8',
              'Server-Timing': 'keuzehulp;dur=1.5',
              ...extra.headers,
            },
          }),
        )
      }
    },
    get calls() {
      return calls
    },
  }
}

async function serve(
  cache: RenderedPageCache,
  r: ReturnType<typeof renderer>,
  nonce: string,
  req = request(),
) {
  const response = await cache.respond(req, nonce, r.forNonce(nonce))
  return { response, body: await response.text() }
}

/**
 * The real version with the database held still: on PostgreSQL the change counter is cluster-wide, so a commit by a
 * test file running in parallel would make a hit a miss. Only the test about writes uses the real counter.
 */
async function quietDatabase(today: Date) {
  return { ...(await factsVersion(today)), data: 'stil' }
}

afterEach(() => setClockForTests(null))

describe('keuzehulp: opgeslagen pagina’s', () => {
  it('geeft dezelfde pagina opnieuw zonder te renderen, met de nonce van het nieuwe verzoek', async () => {
    const cache = new RenderedPageCache(1_000_000, quietDatabase)
    const r = renderer()
    const first = await serve(cache, r, 'nonceAAAAAAAAAAAAAAAAAA==')
    expect(first.response.headers.get('server-timing')).toContain('keuzehulp;dur=1.5')
    expect(first.response.headers.get('server-timing')).toContain('desc="miss"')

    const second = await serve(cache, r, 'nonceBBBBBBBBBBBBBBBBBB==')
    expect(r.calls).toBe(1)
    expect(second.body).toBe(first.body.replace('nonceAAAAAAAAAAAAAAAAAA==', 'nonceBBBBBBBBBBBBBBBBBB=='))
    expect(second.body).not.toContain('nonceAAAA')
    expect(second.response.status).toBe(200)
    expect(second.response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(second.response.headers.get('server-timing')).toBe('keuzehulp-cache;desc="hit"')
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, pages: 1 })
  })

  it('rendert opnieuw na elke schrijfactie in de database, ook van een andere verbinding', async () => {
    const cache = new RenderedPageCache(1_000_000)
    const r = renderer()
    await serve(cache, r, 'n1n1n1n1n1n1n1n1n1n1n1==')
    await serve(cache, r, 'n2n2n2n2n2n2n2n2n2n2n2==')
    // 1 on SQLite; on PostgreSQL a parallel test file's commit may already have caused a second render.
    const before = r.calls

    await makeGemeente(db, { name: 'Schrijfdorp', pc4s: ['4911'] })
    const after = await serve(cache, r, 'n3n3n3n3n3n3n3n3n3n3n3==')
    expect(r.calls).toBe(before + 1)
    expect(after.body).toContain(`versie ${before + 1}`)
  })

  it('rendert opnieuw op een nieuwe dag (geldigheid en "niet recent bevestigd" hangen van de datum af)', async () => {
    const cache = new RenderedPageCache(1_000_000, quietDatabase)
    const r = renderer()
    setClockForTests(new Date('2026-03-02T22:30:00Z'))
    await serve(cache, r, 'd1d1d1d1d1d1d1d1d1d1d1==')
    setClockForTests(new Date('2026-03-02T22:50:00Z')) // still 2 March in Amsterdam (23:50)
    await serve(cache, r, 'd2d2d2d2d2d2d2d2d2d2d2==')
    expect(r.calls).toBe(1)
    setClockForTests(new Date('2026-03-02T23:10:00Z')) // 3 March, 00:10 in Amsterdam
    await serve(cache, r, 'd3d3d3d3d3d3d3d3d3d3d3==')
    expect(r.calls).toBe(2)
  })

  it('gaat voorbij aan verzoeken met cookies en bewaart geen fouten, doorverwijzingen of pagina’s met Set-Cookie', async () => {
    const cache = new RenderedPageCache(1_000_000, quietDatabase)
    const withCookie = renderer()
    await serve(cache, withCookie, 'c1c1c1c1c1c1c1c1c1c1c1==', request(URL_, { cookie: '__sessie=x' }))
    await serve(cache, withCookie, 'c2c2c2c2c2c2c2c2c2c2c2==', request(URL_, { cookie: '__sessie=x' }))
    expect(withCookie.calls).toBe(2)

    const notFound = renderer({ status: 404 })
    const setsCookie = renderer({ headers: { 'Set-Cookie': 'flash=1' } })
    const noStore = renderer({ headers: { 'Cache-Control': 'no-store' } })
    for (const [i, r] of [notFound, setsCookie, noStore].entries()) {
      const url = `http://portaal.test/keuzehulp/aanbieder/x${i}`
      await serve(cache, r, 'e1e1e1e1e1e1e1e1e1e1e1==', request(url))
      const again = await serve(cache, r, 'e2e2e2e2e2e2e2e2e2e2e2==', request(url))
      expect(r.calls).toBe(2)
      expect(again.body).toContain('e2e2e2e2')
    }
    expect(cache.stats().pages).toBe(0)
  })

  it('houdt elke URL apart en laat bij te veel bytes eerst de langst niet gevraagde pagina los', async () => {
    const big = (nonce: string, n: number) => `<p nonce="${nonce}">${'x'.repeat(1000)} ${n}</p>`
    const cache = new RenderedPageCache(4_500, quietDatabase) // room for two pages of ~2 KB (UTF-16)
    const r = renderer({}, big)
    const a = request('http://portaal.test/keuzehulp?gemeente=A')
    const b = request('http://portaal.test/keuzehulp?gemeente=B')
    const c = request('http://portaal.test/keuzehulp?gemeente=C')
    await serve(cache, r, 'f1f1f1f1f1f1f1f1f1f1f1==', a)
    await serve(cache, r, 'f1f1f1f1f1f1f1f1f1f1f1==', b)
    expect(r.calls).toBe(2)
    await serve(cache, r, 'f2f2f2f2f2f2f2f2f2f2f2==', a) // A is now the most recently used
    await serve(cache, r, 'f3f3f3f3f3f3f3f3f3f3f3==', c) // pushes out B
    expect(r.calls).toBe(3)
    await serve(cache, r, 'f4f4f4f4f4f4f4f4f4f4f4==', a)
    expect(r.calls).toBe(3)
    await serve(cache, r, 'f5f5f5f5f5f5f5f5f5f5f5==', b)
    expect(r.calls).toBe(4)
    expect(cache.stats().bytes).toBeLessThanOrEqual(4_500)
  })
})
