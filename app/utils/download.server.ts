import { createReadableStreamFromReadable } from '@remix-run/node'
import { getStorage, StorageNotFound } from './storage.server'
import { attachmentDisposition } from './files'

type DownloadableFile = { storageKey: string; displayName: string; contentType: string; size: number }

/**
 * A stored file as a download, for every kind of upload (evidence, deliverables, documents, attachments). Always an
 * attachment, with the content type we detected at upload (never the one the browser declared) and a sandboxing CSP,
 * and `nosniff` from app/server.ts on every response: a file with something appended (a PNG followed by a script) is
 * never rendered or run by the browser.
 * `null` (not found, or not yours: the caller decides) and a missing object both answer 404.
 */
export async function storedFileResponse(file: DownloadableFile | null): Promise<Response> {
  if (!file) throw new Response('Niet gevonden', { status: 404 })
  let stream
  try {
    stream = await getStorage().get(file.storageKey)
  } catch (error) {
    if (error instanceof StorageNotFound) throw new Response('Niet gevonden', { status: 404 })
    throw error
  }
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': attachmentDisposition(file.displayName),
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  })
}
