/**
 * Whole rendered keuzehulp pages, per URL, for anonymous visitors. The read model (read-model.server.ts) already makes
 * the data of a search cost microseconds; what remains is Remix's per-request work (matching the URL against every
 * route of the portal, three times) and the React render of the page shell, about ten times the data's cost. A page
 * that was rendered for the same URL, the same database state and the same day is the same page, so it is served
 * again instead of rendered again.
 *
 * The rule is that of the read model: a page is tagged with the FactsVersion read *before* it was rendered, and every
 * request reads the version afresh, so a write committed before the request started (a suspension, a capacity update)
 * is never hidden. Only requests without cookies are served from here: a signed-in user's page shows their own header
 * and flash messages, and residents need no cookie at all. Each response gets its own CSP nonce: the stored page keeps
 * the text around the nonce of the request that rendered it, and joins it with the nonce of the request it serves.
 */
import { now } from '~/utils/clock'
import { factsVersion, type FactsVersion } from './read-model.server'

type StoredPage = {
  version: FactsVersion
  status: number
  headers: [string, string][]
  /** The body split at the nonce it was rendered with. */
  parts: string[]
  bytes: number
}

/** Headers that belong to one response, not to the page. */
const PER_RESPONSE = new Set(['date', 'content-length', 'server-timing', 'set-cookie'])

export type PageCacheStats = { hits: number; misses: number; bypassed: number; pages: number; bytes: number }

export class RenderedPageCache {
  private pages = new Map<string, StoredPage>()
  private bytes = 0
  private counts = { hits: 0, misses: 0, bypassed: 0 }

  /** `version` is replaceable so tests can hold the database still (PostgreSQL's counter is cluster-wide). */
  constructor(
    private readonly maxBytes: number,
    private readonly version: (today: Date) => Promise<FactsVersion> = factsVersion,
  ) {}

  /**
   * The response for `request`: from the cache when a page for its URL and the current version is there, otherwise
   * from `render` (stored when it is a plain 200 HTML page). `nonce` is the CSP nonce this response must carry.
   */
  async respond(request: Request, nonce: string, render: () => Promise<Response>): Promise<Response> {
    if (request.method !== 'GET' || request.headers.has('cookie') || request.headers.has('authorization')) {
      this.counts.bypassed++
      return render()
    }
    const url = new URL(request.url)
    const key = url.pathname + url.search
    const version = await this.version(now())
    const stored = this.pages.get(key)
    if (stored && sameVersion(stored.version, version)) {
      this.counts.hits++
      // Least recently used pages go first: move this one to the back.
      this.pages.delete(key)
      this.pages.set(key, stored)
      return pageResponse(stored, nonce, 'hit')
    }
    this.counts.misses++
    const response = await render()
    if (!storable(response)) return response
    const body = await response.text()
    const page: StoredPage = {
      version,
      status: response.status,
      headers: [...response.headers].filter(([name]) => !PER_RESPONSE.has(name.toLowerCase())),
      parts: nonce ? body.split(nonce) : [body],
      bytes: body.length * 2,
    }
    this.store(key, page)
    const fresh = pageResponse(page, nonce, 'miss')
    const timing = response.headers.get('server-timing')
    if (timing) fresh.headers.append('Server-Timing', timing)
    return fresh
  }

  stats(): PageCacheStats {
    return { ...this.counts, pages: this.pages.size, bytes: this.bytes }
  }

  private store(key: string, page: StoredPage) {
    const old = this.pages.get(key)
    if (old) {
      this.bytes -= old.bytes
      this.pages.delete(key)
    }
    if (page.bytes > this.maxBytes) return
    this.pages.set(key, page)
    this.bytes += page.bytes
    for (const [oldestKey, oldest] of this.pages) {
      if (this.bytes <= this.maxBytes) break
      this.pages.delete(oldestKey)
      this.bytes -= oldest.bytes
    }
  }
}

function sameVersion(a: FactsVersion, b: FactsVersion) {
  return a.data === b.data && a.day === b.day
}

function storable(response: Response) {
  return (
    response.status === 200 &&
    (response.headers.get('content-type') ?? '').startsWith('text/html') &&
    !response.headers.has('set-cookie') &&
    !/no-store|private/.test(response.headers.get('cache-control') ?? '')
  )
}

function pageResponse(page: StoredPage, nonce: string, outcome: 'hit' | 'miss') {
  const headers = new Headers(page.headers)
  headers.set('Server-Timing', `keuzehulp-cache;desc="${outcome}"`)
  return new Response(page.parts.join(nonce), { status: page.status, headers })
}

/** The keuzehulp's pages (search and provider page): at most 64 MB of rendered HTML in memory. */
export const keuzehulpPages = new RenderedPageCache(64 * 1024 * 1024)
