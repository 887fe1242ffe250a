import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleDocumentRequestFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer, isRouteErrorResponse } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceContext } from './utils/nonce'
import { log } from './utils/logger.server'
import { startBackgroundJobs } from './utils/jobs.server'
import '~/domain/evidence/jobs.server'
import '~/domain/catalogue/jobs.server'
import '~/domain/consultations/jobs.server'
import '~/domain/contracts/jobs.server'
import '~/domain/capacity/jobs.server'
import '~/domain/admissions/jobs.server'
import '~/utils/file-sweep.server'

export const streamTimeout = 5_000

// The custom server (app/server.ts) calls this once the build is loaded, so jobs share the app's modules.
export { startBackgroundJobs }
// …and serves the keuzehulp's anonymous pages through this cache, which must share the app's read model.
export { keuzehulpPages } from './domain/keuzehulp/page-cache.server'

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
): ReturnType<HandleDocumentRequestFunction> {
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) log.error('fout tijdens renderen', { error: String(error) })
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  // Remix reports its own 4xx answers here too (a POST to a page without an action: 405). They are not failures.
  if (isRouteErrorResponse(error) && error.status < 500) return
  log.error('onverwachte fout', {
    url: new URL(request.url).pathname,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  })
}
