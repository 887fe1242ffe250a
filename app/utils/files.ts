/**
 * Pure rules for uploaded files: which types we accept (recognised by their first bytes, never by name or declared
 * type), how a user's file name becomes a safe display name, and how a download names the file.
 */

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
export const MAX_FILES_PER_UPLOAD = 5

export type AcceptedType = { contentType: string; extension: string; label: string }

const PDF: AcceptedType = { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' }
const PNG: AcceptedType = { contentType: 'image/png', extension: 'png', label: 'PNG' }
const JPEG: AcceptedType = { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG' }

/** How many leading bytes `detectFileType` needs. */
export const SNIFF_BYTES = 8

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * PDF (`%PDF-`), PNG (its 8-byte signature) or JPEG (`FF D8 FF`) from the first bytes; null for anything else.
 * A PDF must start with its marker here: a file that only "contains" one later (HTML with %PDF- inside) is refused.
 */
export function detectFileType(head: Uint8Array): AcceptedType | null {
  const starts = (sig: number[]) => head.length >= sig.length && sig.every((b, i) => head[i] === b)
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF
  if (starts(PNG_SIGNATURE)) return PNG
  if (starts([0xff, 0xd8, 0xff])) return JPEG
  return null
}

export const ACCEPT_ATTRIBUTE = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg'

const MAX_NAME_LENGTH = 120

/**
 * A safe display name from whatever the browser sent: no path (`../`, `C:\`), no control or bidirectional-override
 * characters, no leading dots, at most 120 characters (the extension is kept), and ending in the extension of the
 * type we actually found (so "rapport.html" holding a PDF is shown and downloaded as "rapport.html.pdf").
 */
export function sanitiseFileName(raw: string | null | undefined, type?: AcceptedType | null): string {
  let name = String(raw ?? '')
  name = name.normalize('NFC')
  // Path parts: keep only what follows the last slash or backslash.
  name = name.split(/[/\\]/).pop() ?? ''
  // Control characters (C0, DEL, C1), bidi overrides/isolates, zero-width and other invisible format characters.
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
  // Characters that are awkward or dangerous in file names on some systems, and in headers.
  name = name.replace(/["<>:|?*;]/g, '_')
  name = name.replace(/\s+/g, ' ').trim()
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  if (!name) name = 'bestand'
  if (type) {
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
    const fits = ext === type.extension || (type.extension === 'jpg' && ext === 'jpeg')
    if (!fits) name = `${name}.${type.extension}`
  }
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.')
    const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : ''
    name = name.slice(0, MAX_NAME_LENGTH - ext.length).trimEnd() + ext
  }
  return name
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). The name is
 * sanitised again, so a name from elsewhere cannot break the header.
 */
export function attachmentDisposition(displayName: string): string {
  const safe = sanitiseFileName(displayName)
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_')
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** "1,2 MB", "340 kB" */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`
}
