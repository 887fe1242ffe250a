import { describe, expect, it } from 'vitest'
import {
  multipartBoundary,
  MultipartError,
  MultipartTooLarge,
  parseDisposition,
  parseMultipart,
  partialDelimiterAtEnd,
} from './multipart.server'

const B = 'grens-XyZ'

function body(parts: { name: string; filename?: string; data: Buffer | string }[]) {
  const chunks: Buffer[] = []
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${B}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n` +
          `Content-Type: ${p.filename !== undefined ? 'application/octet-stream' : 'text/plain'}\r\n\r\n`,
      ),
    )
    chunks.push(Buffer.from(p.data))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${B}--\r\n`))
  return Buffer.concat(chunks)
}

/** A stream that hands out `data` in pieces of the given sizes (cycled). */
function streamOf(data: Buffer, sizes: number[]) {
  let pos = 0
  let i = 0
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (pos >= data.length) return c.close()
      const n = sizes[i++ % sizes.length]
      c.enqueue(new Uint8Array(data.subarray(pos, pos + n)))
      pos += n
    },
  })
}

async function collect(stream: ReadableStream<Uint8Array>, maxBytes = 1e9) {
  const out: { name: string; filename?: string; data: string }[] = []
  for await (const part of parseMultipart(stream, B, { maxBytes })) {
    const chunks: Buffer[] = []
    for await (const c of part.data) chunks.push(c)
    out.push({ name: part.name, filename: part.filename, data: Buffer.concat(chunks).toString('latin1') })
  }
  return out
}

describe('parseMultipart', () => {
  const tricky = `begin\r\n--${B.slice(0, 5)}\r\n-\r\n--grens-XyA einde \r`
  const parts = [
    { name: 'issuer', data: 'Kiwa Nederland' },
    { name: 'bestanden', filename: 'a.pdf', data: tricky },
    { name: 'leeg', filename: '', data: '' },
    { name: 'bestanden', filename: 'b.pdf', data: 'x'.repeat(100_000) },
  ]
  const expected = parts.map((p) => ({ name: p.name, filename: p.filename, data: p.data }))

  it('reads every part, whatever the chunk sizes (also 1 byte at a time)', async () => {
    const data = body(parts)
    for (const sizes of [[1], [2, 3, 5, 7], [64 * 1024], [13, 1, 70, 4096], [data.length]]) {
      expect(await collect(streamOf(data, sizes)), `chunks ${sizes.join(',')}`).toEqual(expected)
    }
  })

  it('skips what a consumer leaves unread', async () => {
    const names: string[] = []
    for await (const part of parseMultipart(streamOf(body(parts), [333]), B, { maxBytes: 1e9 })) {
      names.push(part.name)
      if (part.name === 'bestanden') {
        for await (const c of part.data) {
          void c
          break
        }
      }
    }
    expect(names).toEqual(['issuer', 'bestanden', 'leeg', 'bestanden'])
  })

  it('fails on a truncated body, a missing boundary and a body over the cap', async () => {
    const data = body(parts)
    await expect(collect(streamOf(data.subarray(0, data.length - 30), [1000]))).rejects.toBeInstanceOf(
      MultipartError,
    )
    await expect(collect(streamOf(Buffer.from('geen multipart'), [5]))).rejects.toBeInstanceOf(MultipartError)
    await expect(collect(streamOf(data, [4096]), 50_000)).rejects.toBeInstanceOf(MultipartTooLarge)
  })
})

describe('helpers', () => {
  it('multipartBoundary', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----abc')).toBe('----abc')
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b')
    expect(multipartBoundary('application/json')).toBeNull()
    expect(multipartBoundary(null)).toBeNull()
  })
  it('parseDisposition', () => {
    expect(parseDisposition('form-data; name="bestanden"; filename="a \\"b\\".pdf"')).toEqual({
      name: 'bestanden',
      filename: 'a "b".pdf',
    })
    expect(parseDisposition('form-data; name=veld')).toEqual({ name: 'veld' })
    expect(parseDisposition('form-data; name="x"; filename=""')).toEqual({ name: 'x', filename: '' })
  })
  it('partialDelimiterAtEnd', () => {
    const d = Buffer.from('\r\n--abc')
    expect(partialDelimiterAtEnd(Buffer.from('data'), d)).toBe(0)
    expect(partialDelimiterAtEnd(Buffer.from('data\r'), d)).toBe(1)
    expect(partialDelimiterAtEnd(Buffer.from('data\r\n--ab'), d)).toBe(6)
    expect(partialDelimiterAtEnd(Buffer.from('\r\n-x'), d)).toBe(0)
  })
})
