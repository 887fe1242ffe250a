/**
 * Streamed multipart uploads. `receiveUpload` parses a multipart request with our streaming parser
 * (multipart.server.ts; Remix's `unstable_parseMultipartFormData` copied every chunk several times) and streams each
 * file straight into storage while counting and hashing it, so a file is never held in memory as a whole. It:
 *
 * - recognises the type by the first bytes (PDF, PNG, JPEG; see `detectFileType`), not by name or declared type;
 * - refuses empty files and stops writing a file past `maxBytes` (20 MB), removing what was written;
 * - reads and discards the rest of a refused file so the browser still gets our answer (up to a total cap of all files
 *   at their maximum; past it the request is refused);
 * - on any failure of the request itself (malformed body, dropped connection) deletes every file written so far.
 *
 * The caller gets the text fields, the stored files and the per-file refusals. It must either use the files (create
 * its rows) or call `discard()`: `withUpload` does that for you, also when the caller throws.
 */
import { multipartBoundary, MultipartTooLarge, parseMultipart, type MultipartPart } from './multipart.server'
import { getStorage, type FileStorage, type StoredObject } from './storage.server'
import {
  detectFileType,
  formatFileSize,
  MAX_FILES_PER_UPLOAD,
  MAX_UPLOAD_BYTES,
  sanitiseFileName,
  SNIFF_BYTES,
  type AcceptedType,
} from './files'
import { log } from './logger.server'

export type ReceivedFile = StoredObject & {
  field: string
  displayName: string
  contentType: string
}

export type ReceivedUpload = {
  fields: FormData
  files: ReceivedFile[]
  /** Dutch explanations per refused file, keyed by form field name. */
  fileErrors: Record<string, string[]>
  /** Deletes every stored file of this upload. Safe to call twice. */
  discard: () => Promise<void>
}

export type UploadOptions = {
  /** Form fields that may carry files; file parts under any other name are refused. */
  fileFields: string[]
  maxBytes?: number
  maxFiles?: number
  storage?: FileStorage
}

/** Thrown when the request as a whole cannot be accepted; carries the HTTP status and a Dutch message. */
export class UploadRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

class FileRefused extends Error {}

const MAX_TEXT_FIELD_BYTES = 64 * 1024

/** The Dutch reasons a file is refused. */
export const uploadMessages = {
  empty: (name: string) => `Het bestand "${name}" is leeg. Kies een bestand met inhoud.`,
  tooLarge: (name: string, max: number) =>
    `Het bestand "${name}" is groter dan ${formatFileSize(max)}. Kies een kleiner bestand of verklein het.`,
  wrongType: (name: string) =>
    `Het bestand "${name}" is geen PDF, PNG of JPEG. Wij kijken naar de inhoud, niet naar de naam. Sla het bestand op als PDF en probeer het opnieuw.`,
  tooMany: (max: number) => `U kunt hoogstens ${max} bestanden tegelijk toevoegen.`,
  requestTooLarge: (max: number) =>
    `De bestanden samen zijn te groot. Voeg hoogstens ${formatFileSize(max)} tegelijk toe.`,
  broken:
    'Het versturen is niet gelukt: de verbinding werd onderbroken of het formulier was onvolledig. Probeer het opnieuw.',
  storageFailed:
    'Het bestand kon door een storing bij ons niet worden opgeslagen. Er is niets bewaard. Probeer het later opnieuw.',
} as const

/**
 * Error codes of the file system itself (full disk, no rights, broken device, storage directory gone or not a
 * directory): our fault, not the sender's.
 */
const STORAGE_ERROR_CODES = new Set([
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EIO',
  'EMFILE',
  'ENFILE',
  'ENOTDIR',
  'ENOENT',
])

function isStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && STORAGE_ERROR_CODES.has(code)
}

/** Checks the first bytes and the size while passing the data on. Throws `FileRefused` with the reason. */
async function* checked(
  data: AsyncIterable<Uint8Array>,
  name: string,
  maxBytes: number,
  onType: (type: AcceptedType) => void,
): AsyncGenerator<Uint8Array> {
  let head = new Uint8Array(0)
  let sniffed = false
  let size = 0
  for await (const chunk of data) {
    size += chunk.length
    if (size > maxBytes) throw new FileRefused(uploadMessages.tooLarge(name, maxBytes))
    if (sniffed) {
      yield chunk
      continue
    }
    const merged = new Uint8Array(head.length + chunk.length)
    merged.set(head)
    merged.set(chunk, head.length)
    head = merged
    if (head.length < SNIFF_BYTES) continue
    const type = detectFileType(head)
    if (!type) throw new FileRefused(uploadMessages.wrongType(name))
    onType(type)
    sniffed = true
    yield head
  }
  if (!sniffed) {
    if (head.length === 0) throw new FileRefused(uploadMessages.empty(name))
    const type = detectFileType(head)
    if (!type) throw new FileRefused(uploadMessages.wrongType(name))
    onType(type)
    yield head
  }
}

async function readText(data: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of data) {
    size += chunk.length
    if (size > MAX_TEXT_FIELD_BYTES) throw new UploadRequestError(uploadMessages.broken, 413)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Parses a multipart request, streaming its files into storage. See the module comment. */
export async function receiveUpload(request: Request, options: UploadOptions): Promise<ReceivedUpload> {
  const storage = options.storage ?? getStorage()
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES
  const maxFiles = options.maxFiles ?? MAX_FILES_PER_UPLOAD
  // What we are willing to read in all: every allowed file at its maximum, plus room for the text fields.
  const totalCap = maxBytes * maxFiles + 1024 * 1024
  const boundary = multipartBoundary(request.headers.get('content-type'))
  if (!boundary || !request.body) throw new UploadRequestError(uploadMessages.broken, 400)
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > totalCap) throw new UploadRequestError(uploadMessages.requestTooLarge(totalCap), 413)

  const fields = new FormData()
  const files: ReceivedFile[] = []
  const fileErrors: Record<string, string[]> = {}
  let discarded = false
  const discard = async () => {
    if (discarded) return
    discarded = true
    await Promise.all(files.map((f) => storage.delete(f.storageKey)))
  }
  const refuse = (field: string, message: string) => {
    fileErrors[field] ??= []
    if (!fileErrors[field].includes(message)) fileErrors[field].push(message)
  }

  const handle = async (part: MultipartPart) => {
    if (typeof part.filename !== 'string') {
      fields.append(part.name, await readText(part.data))
      return
    }
    // An empty <input type=file> sends a part without a name and without content; the parser skips what we leave.
    if (part.filename === '' || !options.fileFields.includes(part.name)) return
    const name = sanitiseFileName(part.filename)
    if (files.length >= maxFiles) {
      refuse(part.name, uploadMessages.tooMany(maxFiles))
      return
    }
    let type: AcceptedType | null = null
    try {
      const stored = await storage.put(
        checked(part.data, name, maxBytes, (t) => {
          type = t
        }),
      )
      const found = type as AcceptedType | null
      if (!found) throw new FileRefused(uploadMessages.wrongType(name))
      files.push({
        ...stored,
        field: part.name,
        displayName: sanitiseFileName(part.filename, found),
        contentType: found.contentType,
      })
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error
      refuse(part.name, error.message)
    }
  }

  try {
    for await (const part of parseMultipart(request.body, boundary, { maxBytes: totalCap }))
      await handle(part)
    return { fields, files, fileErrors, discard }
  } catch (error) {
    await discard()
    if (error instanceof UploadRequestError) throw error
    if (error instanceof MultipartTooLarge)
      throw new UploadRequestError(uploadMessages.requestTooLarge(totalCap), 413)
    const message = error instanceof Error ? error.message : String(error)
    if (isStorageError(error)) {
      // Operators must hear of this one: every upload fails until the disk is fixed.
      log.error('upload niet opgeslagen: opslag faalt', { error: message })
      throw new UploadRequestError(uploadMessages.storageFailed, 503)
    }
    log.warn('upload afgebroken', { error: message })
    throw new UploadRequestError(uploadMessages.broken, 400)
  }
}

/**
 * Receives an upload and hands it to `handle`. When `handle` throws, or returns `{ keep: false }`, every stored file of the
 * upload is deleted again; only `{ keep: true }` (after the rows that point at the files were committed) keeps them.
 */
export async function withUpload<T>(
  request: Request,
  options: UploadOptions,
  handle: (upload: ReceivedUpload) => Promise<{ keep: boolean; result: T }>,
): Promise<T> {
  const upload = await receiveUpload(request, options)
  try {
    const outcome = await handle(upload)
    if (!outcome.keep) await upload.discard()
    return outcome.result
  } catch (error) {
    await upload.discard()
    throw error
  }
}
