import { crc32 } from 'node:zlib'

/**
 * A minimal streaming ZIP writer (stored entries, no compression): enough to hand over uploaded PDFs and images, which
 * are compressed already. No dependency needed.
 *
 * Each entry is written as it is read: the local header says "sizes and CRC follow the data" (general purpose flag
 * bit 3) and a data descriptor after the data carries them, so no file is ever held in memory whole. File names are
 * UTF-8 (bit 11). Past 4 GB (offsets or sizes) or 65,535 entries the archive gets ZIP64 records, which every current
 * unzip tool reads.
 */

const FLAGS = 0x0808 // bit 3: CRC and sizes in the data descriptor; bit 11: UTF-8 names
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff
const ZIP20 = 20 // version needed for stored entries
const ZIP45 = 45 // version needed for ZIP64
const DEFAULT_DATE = new Date(2026, 0, 1)

type Entry = { name: Buffer; time: number; date: number; crc: number; size: number; offset: number }

export type ZipSource = Uint8Array | AsyncIterable<Uint8Array>
export type ZipEntry = { name: string; data: ZipSource; date?: Date }

/**
 * The records of one archive, in order: `begin`, `data` (for every chunk), `end` per entry, then `finish`. It only
 * counts and checksums; the caller decides where the bytes go.
 */
export class ZipWriter {
  private offset: number
  private readonly entries: Entry[] = []
  private open: Entry | null = null

  /** `offset`: bytes already written before the first entry (a prefix; tests use it to reach ZIP64 offsets). */
  constructor(options: { offset?: number } = {}) {
    this.offset = options.offset ?? 0
  }

  /** The local file header; CRC and sizes are zero here and follow in `end`. */
  begin(fileName: string, when: Date = DEFAULT_DATE): Buffer {
    if (this.open) throw new Error('zip: vorige entry niet afgesloten')
    const name = Buffer.from(fileName, 'utf8')
    const { time, date } = dosDateTime(when)
    this.open = { name, time, date, crc: 0, size: 0, offset: this.offset }
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(ZIP20, 4)
    header.writeUInt16LE(FLAGS, 6)
    header.writeUInt16LE(0, 8) // stored
    header.writeUInt16LE(time, 10)
    header.writeUInt16LE(date, 12)
    // CRC, compressed and uncompressed size (14..25) stay zero: bit 3.
    header.writeUInt16LE(name.length, 26)
    header.writeUInt16LE(0, 28)
    return this.advance(Buffer.concat([header, name]))
  }

  /** One chunk of the open entry, passed on unchanged (no copy). */
  data(chunk: Uint8Array): Uint8Array {
    if (!this.open) throw new Error('zip: geen open entry')
    this.open.crc = crc32(chunk, this.open.crc)
    this.open.size += chunk.length
    this.offset += chunk.length
    return chunk
  }

  /** The data descriptor; with 8-byte sizes when the entry reached 4 GB (ZIP64). */
  end(): Buffer {
    const entry = this.open
    if (!entry) throw new Error('zip: geen open entry')
    this.open = null
    this.entries.push(entry)
    const zip64 = entry.size >= U32_MAX
    const descriptor = Buffer.alloc(zip64 ? 24 : 16)
    descriptor.writeUInt32LE(0x08074b50, 0)
    descriptor.writeUInt32LE(entry.crc >>> 0, 4)
    if (zip64) {
      descriptor.writeBigUInt64LE(BigInt(entry.size), 8) // compressed = uncompressed: stored
      descriptor.writeBigUInt64LE(BigInt(entry.size), 16)
    } else {
      descriptor.writeUInt32LE(entry.size, 8)
      descriptor.writeUInt32LE(entry.size, 12)
    }
    return this.advance(descriptor)
  }

  /** The central directory and the end records (ZIP64 ones when anything no longer fits in the classic fields). */
  finish(): Buffer {
    if (this.open) throw new Error('zip: entry niet afgesloten')
    const centralOffset = this.offset
    const parts = this.entries.map(centralHeader)
    const centralSize = parts.reduce((sum, b) => sum + b.length, 0)
    const count = this.entries.length
    const zip64 = count >= U16_MAX || centralSize >= U32_MAX || centralOffset >= U32_MAX
    if (zip64) {
      const record = Buffer.alloc(56)
      record.writeUInt32LE(0x06064b50, 0)
      record.writeBigUInt64LE(44n, 4) // size of the rest of this record
      record.writeUInt16LE(ZIP45, 12) // version made by
      record.writeUInt16LE(ZIP45, 14) // version needed
      // Disk numbers (16, 20) stay zero: one disk.
      record.writeBigUInt64LE(BigInt(count), 24)
      record.writeBigUInt64LE(BigInt(count), 32)
      record.writeBigUInt64LE(BigInt(centralSize), 40)
      record.writeBigUInt64LE(BigInt(centralOffset), 48)
      const locator = Buffer.alloc(20)
      locator.writeUInt32LE(0x07064b50, 0)
      locator.writeBigUInt64LE(BigInt(centralOffset + centralSize), 8)
      locator.writeUInt32LE(1, 16) // total number of disks
      parts.push(record, locator)
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(Math.min(count, U16_MAX), 8)
    end.writeUInt16LE(Math.min(count, U16_MAX), 10)
    end.writeUInt32LE(Math.min(centralSize, U32_MAX), 12)
    end.writeUInt32LE(Math.min(centralOffset, U32_MAX), 16)
    parts.push(end)
    return this.advance(Buffer.concat(parts))
  }

  private advance(bytes: Buffer): Buffer {
    this.offset += bytes.length
    return bytes
  }
}

function centralHeader(entry: Entry): Buffer {
  // ZIP64 extra field: the 8-byte values, in this order, of exactly the fields set to 0xFFFFFFFF below.
  const big: bigint[] = []
  if (entry.size >= U32_MAX) big.push(BigInt(entry.size), BigInt(entry.size))
  if (entry.offset >= U32_MAX) big.push(BigInt(entry.offset))
  const extra = Buffer.alloc(big.length ? 4 + 8 * big.length : 0)
  if (big.length) {
    extra.writeUInt16LE(0x0001, 0)
    extra.writeUInt16LE(8 * big.length, 2)
    big.forEach((value, i) => extra.writeBigUInt64LE(value, 4 + 8 * i))
  }
  const version = big.length ? ZIP45 : ZIP20
  const header = Buffer.alloc(46)
  header.writeUInt32LE(0x02014b50, 0)
  header.writeUInt16LE(version, 4) // version made by (MS-DOS attributes)
  header.writeUInt16LE(version, 6) // version needed
  header.writeUInt16LE(FLAGS, 8)
  header.writeUInt16LE(0, 10) // stored
  header.writeUInt16LE(entry.time, 12)
  header.writeUInt16LE(entry.date, 14)
  header.writeUInt32LE(entry.crc >>> 0, 16)
  header.writeUInt32LE(Math.min(entry.size, U32_MAX), 20)
  header.writeUInt32LE(Math.min(entry.size, U32_MAX), 24)
  header.writeUInt16LE(entry.name.length, 28)
  header.writeUInt16LE(extra.length, 30)
  // Comment length, disk number, internal and external attributes (32..41) stay zero.
  header.writeUInt32LE(Math.min(entry.offset, U32_MAX), 42)
  return Buffer.concat([header, entry.name, extra])
}

/**
 * Streams a zip of `entries`, one chunk at a time. An entry's source is read only when its turn comes, so the
 * caller can open files lazily (an async generator of entries) and only the chunk in flight is in memory.
 */
export async function* zipStream(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
  options: { offset?: number } = {},
): AsyncGenerator<Uint8Array> {
  const zip = new ZipWriter(options)
  for await (const entry of entries) {
    yield zip.begin(entry.name, entry.date)
    if (entry.data instanceof Uint8Array) {
      yield zip.data(entry.data)
    } else {
      for await (const chunk of entry.data) yield zip.data(chunk)
    }
    yield zip.end()
  }
  yield zip.finish()
}

/** A whole zip in memory, for small contents only (the export itself streams with `zipStream`). */
export function createZip(entries: { name: string; data: Uint8Array; date?: Date }[]): Buffer {
  const zip = new ZipWriter()
  const parts: Uint8Array[] = []
  for (const entry of entries) parts.push(zip.begin(entry.name, entry.date), zip.data(entry.data), zip.end())
  parts.push(zip.finish())
  return Buffer.concat(parts)
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  }
}

/** One CSV field: quoted, with quotes doubled; cells starting with = + - @ get a leading apostrophe (formula injection). */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return `"${s.replace(/"/g, '""')}"`
}

/** CSV with semicolons (what Dutch Excel opens directly), CRLF line ends and a BOM so accents survive. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n'
}
