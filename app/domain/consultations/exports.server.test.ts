import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'

await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { setClockForTests } = await import('~/utils/clock')
const { getStorage } = await import('~/utils/storage.server')
const { log } = await import('~/utils/logger.server')
const { saveInput } = await import('./rounds.server')
const { writtenInputZip } = await import('./exports.server')
const f = await import('./test-factories')

import type { FileStorage } from '~/utils/storage.server'

const hasPython = (() => {
  try {
    execFileSync('python3', ['-c', 'import zipfile'])
    return true
  } catch {
    return false
  }
})()

const db = getDb()
const actor = { userId: 'user-inkoper', label: 'Ingrid Inkoper <inkoper@test.example>' }
const dir = mkdtempSync(path.join(tmpdir(), 'inbreng-zip-'))

/** The storage, but counting every byte it hands out. */
function countingStorage(inner: FileStorage, counter: { read: number }): FileStorage {
  return Object.assign(Object.create(inner) as FileStorage, {
    async get(storageKey: string): Promise<Readable> {
      const source = await inner.get(storageKey)
      const counting = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          counter.read += chunk.length
          done(null, chunk)
        },
      })
      return source.pipe(counting)
    },
  })
}

/** Python's zipfile checks every CRC; gives the names and the content of each entry as sha256 and as text. */
function readBack(file: string): Record<string, { sha256: string; text: string }> {
  const out = execFileSync('python3', [
    '-c',
    'import sys,json,hashlib,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; ' +
      'print(json.dumps({n: {"sha256": hashlib.sha256(z.read(n)).hexdigest(), ' +
      '"text": z.read(n)[:2000].decode("utf-8", "replace")} for n in z.namelist()}))',
    file,
  ]).toString()
  return JSON.parse(out) as Record<string, { sha256: string; text: string }>
}

async function closedRoundWithInput(files: { displayName: string; data: Buffer | string }[]) {
  const region = await f.makeRegion(db)
  const round = await f.makeRound(db, region.id)
  const prompt = await db.consultationPrompt.findFirstOrThrow({ where: { roundId: round.id } })
  const org = await f.makeOrganisation(db, `Zorggroep ${round.id.slice(0, 4)}`)
  const user = await f.makeUser(db)
  const stored = []
  for (const file of files) {
    // A path is streamed into storage, as an upload would be.
    const data = typeof file.data === 'string' ? createReadStream(file.data) : file.data
    stored.push({
      ...(await getStorage().put(data)),
      displayName: file.displayName,
      contentType: 'application/pdf',
    })
  }
  await saveInput(
    round.id,
    { kind: 'aanbieder', organisationId: org.id, userId: user.id },
    { [prompt.id]: 'Zie bijlagen.' },
    actor,
    stored,
  )
  setClockForTests(new Date('2026-12-31T11:00:00Z'))
  return { region, round, org, stored }
}

describe('export of all written input as a zip', () => {
  beforeEach(() => setClockForTests(new Date('2026-11-23T10:00:00Z')))
  afterAll(() => {
    setClockForTests(null)
    rmSync(dir, { recursive: true, force: true })
  })

  it.skipIf(!hasPython)(
    'streams a 30 MB attachment from storage without buffering it, and the CRCs check out',
    async () => {
      const bigFile = path.join(dir, 'groot.pdf')
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(30 * 1024 * 1024)])
      writeFileSync(bigFile, big)
      const { region, round, stored } = await closedRoundWithInput([
        { displayName: 'groot.pdf', data: bigFile },
        { displayName: 'klein.pdf', data: Buffer.from('%PDF-1.4\n% klein\n') },
      ])
      const counter = { read: 0 }
      const zip = (await writtenInputZip(region.id, round.id, countingStorage(getStorage(), counter)))!
      expect(zip).not.toBeNull()

      // Nothing is read from storage before the download asks for it.
      await new Promise((r) => setTimeout(r, 50))
      expect(counter.read).toBe(0)

      // While the zip is written out, storage is never more than a few chunks ahead of what left the stream.
      const file = path.join(dir, 'inbreng.zip')
      const handle = await open(file, 'w')
      let written = 0
      let aheadMax = 0
      for await (const chunk of zip as AsyncIterable<Buffer>) {
        aheadMax = Math.max(aheadMax, counter.read - written)
        await handle.write(chunk)
        written += chunk.length
      }
      await handle.close()
      expect(counter.read).toBe(big.length + 17)
      expect(aheadMax).toBeLessThan(1024 * 1024)

      const entries = readBack(file)
      const names = Object.keys(entries)
      expect(names[0]).toBe('inbreng.csv')
      const bigName = names.find((n) => n.endsWith('-groot.pdf'))!
      expect(bigName).toMatch(/^zorgaanbieders\/Zorggroep [^/]+\/[a-z0-9]{6}-groot\.pdf$/)
      expect(entries[bigName]!.sha256).toBe(stored[0]!.sha256)
      expect(entries['inbreng.csv']!.text).toContain('Zie bijlagen.')
      rmSync(bigFile)
    },
  )

  it.skipIf(!hasPython)(
    'puts a Dutch note in place of a file missing from storage instead of failing',
    async () => {
      const { region, round, stored } = await closedRoundWithInput([
        { displayName: 'weg.pdf', data: Buffer.from('%PDF-1.4\n% weg\n') },
        { displayName: 'er-nog.pdf', data: Buffer.from('%PDF-1.4\n% er nog\n') },
      ])
      await getStorage().delete(stored[0]!.storageKey)
      const warn = vi.spyOn(log, 'warn')

      const zip = (await writtenInputZip(region.id, round.id))!
      const chunks: Buffer[] = []
      for await (const chunk of zip as AsyncIterable<Buffer>) chunks.push(chunk)
      const file = path.join(dir, 'ontbreekt.zip')
      writeFileSync(file, Buffer.concat(chunks))

      const entries = readBack(file)
      const names = Object.keys(entries)
      const note = names.find((n) => n.includes('ONTBREEKT-'))
      expect(note).toMatch(/^zorgaanbieders\/Zorggroep [^/]+\/ONTBREEKT-[a-z0-9]{6}-weg\.pdf\.txt$/)
      expect(entries[note!]!.text).toContain('Het bestand "weg.pdf" kon bij het maken van deze export niet')
      expect(names.some((n) => n.endsWith('-weg.pdf'))).toBe(false)
      const kept = names.find((n) => n.endsWith('-er-nog.pdf'))!
      expect(entries[kept]!.sha256).toBe(createHash('sha256').update('%PDF-1.4\n% er nog\n').digest('hex'))
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('bijlage ontbreekt'), expect.any(Object))
      warn.mockRestore()
    },
  )

  it('gives nothing before the round closes', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    expect(await writtenInputZip(region.id, round.id)).toBeNull()
  })
})
