import { afterAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { crc32 } from 'node:zlib'

const hasPython = (() => {
  try {
    execFileSync('python3', ['-c', 'import zipfile'])
    return true
  } catch {
    return false
  }
})()
const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'])
    return true
  } catch {
    return false
  }
})()
import { createZip, toCsv, zipStream, type ZipEntry } from './zip.server'

const dir = mkdtempSync(path.join(tmpdir(), 'zip-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Python's zipfile checks every CRC and the central directory; prints names and the sizes it found. */
function pythonCheck(file: string): { names: string[]; sizes: number[] } {
  const out = execFileSync(
    'python3',
    [
      '-c',
      'import sys,json,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; ' +
        'print(json.dumps({"names": z.namelist(), "sizes": [i.file_size for i in z.infolist()]}))',
      file,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  ).toString()
  return JSON.parse(out) as { names: string[]; sizes: number[] }
}

/** Writes the stream to `file` at `position` (a sparse hole before it), checking how far the source runs ahead. */
async function writeStream(chunks: AsyncIterable<Uint8Array>, file: string, position = 0) {
  const handle = await open(file, 'w')
  let largest = 0
  try {
    for await (const chunk of chunks) {
      largest = Math.max(largest, chunk.length)
      await handle.write(chunk, 0, chunk.length, position)
      position += chunk.length
    }
  } finally {
    await handle.close()
  }
  return { largest, end: position }
}

describe('zip and csv export', () => {
  it.skipIf(!hasPython)('writes a zip that a standard tool reads back', () => {
    const zip = createZip([
      { name: 'inbreng.csv', data: Buffer.from('a;b\r\n') },
      { name: 'zorgaanbieders/Zorg é/bijlage.pdf', data: Buffer.from('%PDF-1.4 test') },
    ])
    const file = path.join(dir, 'x.zip')
    writeFileSync(file, zip)
    // Python's zipfile checks the CRCs and the central directory.
    const out = execFileSync('python3', [
      '-c',
      'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("|".join(z.namelist())); print(z.read("zorgaanbieders/Zorg é/bijlage.pdf").decode())',
      file,
    ]).toString()
    expect(out).toContain('inbreng.csv|zorgaanbieders/Zorg é/bijlage.pdf')
    expect(out).toContain('%PDF-1.4 test')
    expect(readFileSync(file).subarray(0, 4).toString('hex')).toBe('504b0304')
  })

  it.skipIf(!hasUnzip)(
    'streams a 30 MB file from disk chunk by chunk, with CRCs that unzip -t accepts',
    async () => {
      const big = path.join(dir, 'groot.pdf')
      // Random bytes: nothing to compress away, and a wrong CRC cannot pass by accident.
      const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(30 * 1024 * 1024)])
      writeFileSync(big, content)
      const expectedCrc = crc32(content).toString(16).padStart(8, '0')
      const sha = createHash('sha256').update(content).digest('hex')

      // The source counts what it handed out; the consumer checks it never runs far ahead of what was written.
      let produced = 0
      let consumed = 0
      let aheadMax = 0
      async function* counted(): AsyncGenerator<Uint8Array> {
        for await (const chunk of createReadStream(big)) {
          produced += (chunk as Buffer).length
          yield chunk as Buffer
        }
      }
      const entries: ZipEntry[] = [
        { name: 'inbreng.csv', data: Buffer.from('a;b\r\n') },
        { name: 'zorgaanbieders/Zorg/groot.pdf', data: counted() },
      ]
      async function* watched() {
        for await (const chunk of zipStream(entries)) {
          aheadMax = Math.max(aheadMax, produced - consumed)
          consumed += chunk.length
          yield chunk
        }
      }
      const file = path.join(dir, 'groot.zip')
      const { largest } = await writeStream(watched(), file)

      // Never more than one read chunk (64 KB) in flight: the 30 MB file is not buffered anywhere.
      expect(largest).toBeLessThanOrEqual(64 * 1024)
      expect(aheadMax).toBeLessThanOrEqual(64 * 1024)
      const listing = execFileSync('unzip', ['-v', file]).toString()
      expect(listing).toContain(expectedCrc)
      expect(execFileSync('unzip', ['-t', file]).toString()).toMatch(/No errors detected/)
      const extracted = execFileSync('unzip', ['-p', file, 'zorgaanbieders/Zorg/groot.pdf'], {
        maxBuffer: 64 * 1024 * 1024,
      })
      expect(createHash('sha256').update(extracted).digest('hex')).toBe(sha)
      rmSync(big)
      rmSync(file)
    },
  )

  it.skipIf(!hasPython)('writes ZIP64 records when entries start beyond 4 GB', async () => {
    // A sparse hole of 4 GB stands for the attachments already written; the entries after it need 64-bit offsets.
    const offset = 2 ** 32 + 1000
    const file = path.join(dir, 'zip64.zip')
    const { end } = await writeStream(
      zipStream(
        [
          { name: 'na-4-GB/een.pdf', data: Buffer.from('%PDF-1.4 een') },
          { name: 'na-4-GB/twee.pdf', data: Buffer.from('%PDF-1.4 twee') },
        ],
        { offset },
      ),
      file,
      offset,
    )
    try {
      const { names, sizes } = pythonCheck(file)
      expect(names).toEqual(['na-4-GB/een.pdf', 'na-4-GB/twee.pdf'])
      expect(sizes).toEqual([12, 13])
      const handle = await open(file, 'r')
      const tail = Buffer.alloc(22 + 20 + 56)
      await handle.read(tail, 0, tail.length, end - tail.length)
      await handle.close()
      expect(tail.readUInt32LE(0)).toBe(0x06064b50) // ZIP64 end of central directory record
      expect(Number(tail.readBigUInt64LE(48))).toBeGreaterThan(2 ** 32) // its central directory offset
      expect(tail.readUInt32LE(56)).toBe(0x07064b50) // ZIP64 locator
      expect(tail.readUInt32LE(76)).toBe(0x06054b50) // classic end record, offset field saturated
      expect(tail.readUInt32LE(76 + 16)).toBe(0xffffffff)
    } finally {
      rmSync(file)
    }
  })

  it.skipIf(!hasPython)('writes ZIP64 records for more than 65,535 entries', () => {
    const entries = Array.from({ length: 70_000 }, (_, i) => ({
      name: `n/${i}.txt`,
      data: Buffer.from(`${i}`),
    }))
    const file = path.join(dir, 'veel.zip')
    writeFileSync(file, createZip(entries))
    const { names } = pythonCheck(file)
    expect(names).toHaveLength(70_000)
    expect(names[69_999]).toBe('n/69999.txt')
  })

  it('quotes csv fields and defuses formulas', () => {
    expect(toCsv([['a"b', '=SUM(A1)', null]])).toBe('\uFEFF"a""b";"\'=SUM(A1)";""\r\n')
  })
})
