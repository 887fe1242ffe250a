/**
 * A small streaming multipart/form-data parser (RFC 7578). Why not Remix's `unstable_parseMultipartFormData`: its
 * parser copies every chunk three or four times in JavaScript, which made a 20 MB upload raise the server's memory by
 * 20-30 MB of garbage and capped throughput at about 10 MB/s. This one searches with `Buffer.indexOf` and hands out
 * views (`subarray`) of the received chunks, so memory stays flat (`npm run bench:upload`).
 *
 * `parseMultipart` yields the parts in order. A part's `data` must be read before asking for the next part; what a
 * consumer leaves unread is skipped. `maxBytes` caps the whole body: past it, reading throws `MultipartTooLarge`.
 */

export type MultipartPart = {
  name: string
  /** Present (possibly empty) for file fields, absent for text fields. */
  filename?: string
  contentType: string
  data: AsyncIterable<Buffer>
}

export class MultipartError extends Error {}
export class MultipartTooLarge extends MultipartError {}

const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')
const MAX_HEADER_BYTES = 16 * 1024

/** The boundary from a `multipart/form-data; boundary=…` content type, or null. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType)
  return m ? (m[1] ?? m[2]) : null
}

/** name="…", filename="…" from a Content-Disposition header (quoted or token values). */
export function parseDisposition(value: string): { name?: string; filename?: string } {
  const out: { name?: string; filename?: string } = {}
  const re = /;\s*([a-z*]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/gi
  let m: RegExpExecArray | null
  while ((m = re.exec(value))) {
    const key = m[1].toLowerCase()
    const v = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]
    if (key === 'name') out.name = v
    else if (key === 'filename') out.filename = v
  }
  return out
}

/** The length of the longest end of `buf` that is the start of `delimiter` (0 when none). */
export function partialDelimiterAtEnd(buf: Buffer, delimiter: Buffer): number {
  const max = Math.min(buf.length, delimiter.length - 1)
  for (let k = max; k > 0; k--) {
    if (buf[buf.length - k] !== delimiter[0]) continue
    if (buf.subarray(buf.length - k).equals(delimiter.subarray(0, k))) return k
  }
  return 0
}

class Reader {
  private buf: Buffer = Buffer.alloc(0)
  private ended = false
  private total = 0

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly maxBytes: number,
  ) {}

  get buffer() {
    return this.buf
  }

  consume(n: number) {
    this.buf = this.buf.subarray(n)
  }

  /** Reads one more chunk into the buffer; false at the end of the body. */
  async fill(): Promise<boolean> {
    if (this.ended) return false
    const next = await this.source.next()
    if (next.done) {
      this.ended = true
      return false
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength)
    this.total += chunk.length
    if (this.total > this.maxBytes) throw new MultipartTooLarge('multipart body too large')
    // Only a small unread tail (part of a possible delimiter) is ever copied together with a new chunk.
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk])
    return true
  }

  async need(n: number) {
    while (this.buf.length < n) {
      if (!(await this.fill())) throw new MultipartError('unexpected end of multipart body')
    }
  }
}

/** Streams the parts of a multipart body. Throws `MultipartError` on a malformed or truncated body. */
export async function* parseMultipart(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  options: { maxBytes: number },
): AsyncGenerator<MultipartPart> {
  const reader = new Reader(
    (body as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator](),
    options.maxBytes,
  )
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  // The body starts with "--boundary" (no CRLF before it): look for it without the CRLF first.
  const first = delimiter.subarray(2)
  for (;;) {
    const idx = reader.buffer.indexOf(first)
    if (idx >= 0) {
      reader.consume(idx + first.length)
      break
    }
    if (reader.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('no multipart boundary')
    if (!(await reader.fill())) throw new MultipartError('no multipart boundary')
  }

  for (;;) {
    // After a delimiter: "--" ends the body, CRLF starts the next part.
    await reader.need(2)
    if (reader.buffer[0] === 0x2d && reader.buffer[1] === 0x2d) return
    if (!reader.buffer.subarray(0, 2).equals(CRLF)) throw new MultipartError('malformed multipart delimiter')
    reader.consume(2)

    let headerEnd: number
    for (;;) {
      headerEnd = reader.buffer.indexOf(HEADER_END)
      if (headerEnd >= 0) break
      if (reader.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('multipart headers too large')
      if (!(await reader.fill())) throw new MultipartError('unexpected end of multipart body')
    }
    const headerText = reader.buffer.subarray(0, headerEnd).toString('utf8')
    reader.consume(headerEnd + HEADER_END.length)
    let disposition: { name?: string; filename?: string } = {}
    let contentType = 'text/plain'
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':')
      if (colon < 0) continue
      const key = line.slice(0, colon).trim().toLowerCase()
      const value = line.slice(colon + 1).trim()
      if (key === 'content-disposition') disposition = parseDisposition(value)
      else if (key === 'content-type') contentType = value
    }
    if (disposition.name === undefined) throw new MultipartError('multipart part without a name')

    let partDone = false
    const data = async function* (): AsyncGenerator<Buffer> {
      while (!partDone) {
        const idx = reader.buffer.indexOf(delimiter)
        if (idx >= 0) {
          const chunk = reader.buffer.subarray(0, idx)
          reader.consume(idx + delimiter.length)
          partDone = true
          if (chunk.length > 0) yield chunk
          return
        }
        // Hand out everything except a tail that could be the start of the delimiter (usually nothing, so the next
        // chunk is used as it is, without copying).
        const safe = reader.buffer.length - partialDelimiterAtEnd(reader.buffer, delimiter)
        if (safe > 0) {
          const chunk = reader.buffer.subarray(0, safe)
          reader.consume(safe)
          yield chunk
        }
        if (!(await reader.fill())) throw new MultipartError('unexpected end of multipart body')
      }
    }
    yield { name: disposition.name, filename: disposition.filename, contentType, data: data() }
    // Skip whatever the consumer did not read.
    if (!partDone) for await (const _ of data()) void _
  }
}
