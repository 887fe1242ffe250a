import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DirectoryStorage, readAll } from './storage.server'
import { receiveUpload, uploadMessages, UploadRequestError, withUpload } from './upload.server'
import { minimalPdf } from './minimal-pdf'

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])

function storage() {
  return new DirectoryStorage(mkdtempSync(path.join(tmpdir(), 'portaal-upload-')))
}

function formRequest(
  files: { name: string; data: Uint8Array | Buffer; type?: string }[],
  fields: Record<string, string> = {},
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const f of files)
    form.append(
      'bestanden',
      new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/pdf' }),
      f.name,
    )
  return new Request('http://localhost/upload', { method: 'POST', body: form })
}

describe('receiveUpload', () => {
  it('streams a PDF into storage with its size, SHA-256 and a sanitised name', async () => {
    const s = storage()
    const pdf = minimalPdf(['Test'])
    const upload = await receiveUpload(formRequest([{ name: 'HKZ.pdf', data: pdf }], { issuer: 'Kiwa' }), {
      fileFields: ['bestanden'],
      storage: s,
    })
    expect(upload.fields.get('issuer')).toBe('Kiwa')
    expect(upload.fileErrors).toEqual({})
    expect(upload.files).toHaveLength(1)
    const [file] = upload.files
    expect(file.contentType).toBe('application/pdf')
    expect(file.displayName).toBe('HKZ.pdf')
    expect(file.size).toBe(pdf.length)
    const { createHash } = await import('node:crypto')
    expect(file.sha256).toBe(createHash('sha256').update(pdf).digest('hex'))
    expect(file.storageKey).toMatch(/^[a-f0-9]{32}$/)
    expect((await readAll(file.storageKey, s)).equals(pdf)).toBe(true)
  })

  it('refuses a .pdf that is really HTML, and keeps nothing', async () => {
    const s = storage()
    const html = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script>%PDF-1.4</html>')
    const upload = await receiveUpload(formRequest([{ name: 'certificaat.pdf', data: html }]), {
      fileFields: ['bestanden'],
      storage: s,
    })
    expect(upload.files).toEqual([])
    expect(upload.fileErrors.bestanden[0]).toMatch(/is geen PDF, PNG of JPEG/)
    expect(await s.list()).toEqual([])
  })

  it('refuses an empty file', async () => {
    const s = storage()
    const upload = await receiveUpload(formRequest([{ name: 'leeg.pdf', data: new Uint8Array(0) }]), {
      fileFields: ['bestanden'],
      storage: s,
    })
    expect(upload.files).toEqual([])
    expect(upload.fileErrors.bestanden[0]).toMatch(/is leeg/)
    expect(await s.list()).toEqual([])
  })

  it('refuses a 21 MB file, removes what was written, and still reads the next file', async () => {
    const s = storage()
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41)
    minimalPdf(['x']).copy(big, 0)
    const small = minimalPdf(['Klein'])
    const upload = await receiveUpload(
      formRequest([
        { name: 'groot.pdf', data: big },
        { name: 'klein.pdf', data: small },
      ]),
      { fileFields: ['bestanden'], storage: s },
    )
    expect(upload.fileErrors.bestanden[0]).toMatch(/"groot.pdf" is groter dan 20,0 MB/)
    expect(upload.files.map((f) => f.displayName)).toEqual(['klein.pdf'])
    expect(await s.list()).toEqual([upload.files[0].storageKey])
  })

  it('sanitises a name with ../ and control characters', async () => {
    const s = storage()
    const upload = await receiveUpload(
      formRequest([{ name: '..\\..\\geheim\u0007\u202e.pdf', data: minimalPdf(['x']) }]),
      { fileFields: ['bestanden'], storage: s },
    )
    expect(upload.files[0].displayName).toBe('geheim.pdf')
  })

  it('stores a PNG with a script appended as a PNG (served only as an attachment, so it is neutralised)', async () => {
    const s = storage()
    const data = Buffer.concat([PNG_HEAD, Buffer.from('<script>alert(document.cookie)</script>')])
    const upload = await receiveUpload(formRequest([{ name: 'foto.html', data, type: 'text/html' }]), {
      fileFields: ['bestanden'],
      storage: s,
    })
    expect(upload.files[0].contentType).toBe('image/png')
    expect(upload.files[0].displayName).toBe('foto.html.png')
  })

  it('ignores an empty file input and file parts under other names', async () => {
    const s = storage()
    const form = new FormData()
    form.append('bestanden', new Blob([]), '')
    form.append('anders', new Blob([new Uint8Array(minimalPdf(['x']))]), 'x.pdf')
    const upload = await receiveUpload(new Request('http://localhost/', { method: 'POST', body: form }), {
      fileFields: ['bestanden'],
      storage: s,
    })
    expect(upload.files).toEqual([])
    expect(await s.list()).toEqual([])
  })

  it('refuses more files than allowed', async () => {
    const s = storage()
    const files = Array.from({ length: 3 }, (_, i) => ({ name: `f${i}.pdf`, data: minimalPdf([`${i}`]) }))
    const upload = await receiveUpload(formRequest(files), {
      fileFields: ['bestanden'],
      storage: s,
      maxFiles: 2,
    })
    expect(upload.files).toHaveLength(2)
    expect(upload.fileErrors.bestanden[0]).toMatch(/hoogstens 2 bestanden/)
    await upload.discard()
    expect(await s.list()).toEqual([])
  })

  it('says that storage failed, not that the connection dropped, when the disk refuses the file', async () => {
    // A real file-system error: the storage directory is a plain file, so nothing can be written under it.
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'portaal-upload-')), 'geen-map')
    writeFileSync(root, 'dit is geen map')
    const failing = await receiveUpload(formRequest([{ name: 'HKZ.pdf', data: minimalPdf(['Test']) }]), {
      fileFields: ['bestanden'],
      storage: new DirectoryStorage(root),
    }).catch((error: unknown) => error)
    expect(failing).toBeInstanceOf(UploadRequestError)
    expect(failing).toMatchObject({ status: 503, message: uploadMessages.storageFailed })
  })

  it('leaves no file behind when the connection drops halfway', async () => {
    const s = storage()
    const boundary = 'grens1234'
    const first = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="bestanden"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      minimalPdf(['compleet']),
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="bestanden"; filename="b.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
      ),
      Buffer.alloc(256 * 1024, 0x20),
    ])
    let sent = false
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true
          controller.enqueue(new Uint8Array(first))
        } else {
          controller.error(new Error('aborted'))
        }
      },
    })
    const request = new Request('http://localhost/', {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      duplex: 'half',
    } as RequestInit)
    await expect(receiveUpload(request, { fileFields: ['bestanden'], storage: s })).rejects.toMatchObject({
      status: 400,
      message: uploadMessages.broken,
    })
    expect(await s.list()).toEqual([])
    // No partial (.part) files either.
    const { readdirSync } = await import('node:fs')
    const dir = (s as unknown as { dir: string }).dir
    const leftovers = readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith('.part'))
    expect(leftovers).toEqual([])
  })

  it('refuses a request whose declared size is far too large without reading it', async () => {
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: 'x',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(500 * 1024 * 1024),
      },
    })
    await expect(
      receiveUpload(request, { fileFields: ['bestanden'], storage: storage() }),
    ).rejects.toMatchObject({
      status: 413,
    })
  })

  it('withUpload deletes the files when the caller fails afterwards', async () => {
    const s = storage()
    await expect(
      withUpload(
        formRequest([{ name: 'a.pdf', data: minimalPdf(['a']) }]),
        { fileFields: ['bestanden'], storage: s },
        async (u) => {
          expect(u.files).toHaveLength(1)
          throw new Error('database weg')
        },
      ),
    ).rejects.toThrow('database weg')
    expect(await s.list()).toEqual([])
    await withUpload(
      formRequest([{ name: 'a.pdf', data: minimalPdf(['a']) }]),
      { fileFields: ['bestanden'], storage: s },
      async () => ({
        keep: false,
        result: null,
      }),
    )
    expect(await s.list()).toEqual([])
  })
})
