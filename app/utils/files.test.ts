import { describe, expect, it } from 'vitest'
import { attachmentDisposition, detectFileType, formatFileSize, sanitiseFileName } from './files'

const bytes = (...b: number[]) => new Uint8Array(b)
const ascii = (s: string) => new TextEncoder().encode(s)

describe('detectFileType', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(detectFileType(ascii('%PDF-1.7\n'))?.contentType).toBe('application/pdf')
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.contentType).toBe(
      'image/png',
    )
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46))?.contentType).toBe('image/jpeg')
  })
  it('refuses HTML, text, executables and files that only contain a marker later on', () => {
    expect(detectFileType(ascii('<!DOCTYPE html><script>'))).toBeNull()
    expect(detectFileType(ascii(' %PDF-1.7'))).toBeNull()
    expect(detectFileType(ascii('MZ\x90\x00'))).toBeNull()
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull()
    expect(detectFileType(new Uint8Array(0))).toBeNull()
  })
})

describe('sanitiseFileName', () => {
  it('strips path parts, control and bidi characters', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd')
    expect(sanitiseFileName('..\\..\\windows\\win.ini')).toBe('win.ini')
    expect(sanitiseFileName('rap\u0000port\r\n.pdf')).toBe('rapport.pdf')
    expect(sanitiseFileName('factuur\u202Efdp.exe')).toBe('factuurfdp.exe')
    expect(sanitiseFileName('a"b<c>.pdf')).toBe('a_b_c_.pdf')
  })
  it('never returns an empty or hidden name', () => {
    expect(sanitiseFileName('')).toBe('bestand')
    expect(sanitiseFileName('../')).toBe('bestand')
    expect(sanitiseFileName('.htaccess')).toBe('htaccess')
    expect(sanitiseFileName(null)).toBe('bestand')
  })
  it('adds the extension of the type actually found', () => {
    const pdf = detectFileType(ascii('%PDF-1.4'))
    expect(sanitiseFileName('certificaat.pdf', pdf)).toBe('certificaat.pdf')
    expect(sanitiseFileName('pagina.html', pdf)).toBe('pagina.html.pdf')
    const jpeg = detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0))
    expect(sanitiseFileName('foto.JPEG', jpeg)).toBe('foto.JPEG')
  })
  it('limits the length and keeps the extension', () => {
    const long = `${'a'.repeat(300)}.pdf`
    const out = sanitiseFileName(long)
    expect(out.length).toBe(120)
    expect(out.endsWith('.pdf')).toBe(true)
  })
})

describe('attachmentDisposition', () => {
  it('always says attachment, with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Verklaring café.pdf')).toBe(
      `attachment; filename="Verklaring caf_.pdf"; filename*=UTF-8''Verklaring%20caf%C3%A9.pdf`,
    )
    expect(attachmentDisposition('x"\r\nSet-Cookie: a=b.pdf')).not.toMatch(/[\r\n]/)
  })
})

it('formatFileSize', () => {
  expect(formatFileSize(500)).toBe('500 bytes')
  expect(formatFileSize(20 * 1024 * 1024)).toBe('20,0 MB')
})
