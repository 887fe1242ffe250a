import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const hasPython = (() => {
  try {
    execFileSync('python3', ['-c', 'import zipfile'])
    return true
  } catch {
    return false
  }
})()
import { createZip, toCsv } from './zip.server'

describe('zip and csv export', () => {
  it.skipIf(!hasPython)('writes a zip that a standard tool reads back', () => {
    const zip = createZip([
      { name: 'inbreng.csv', data: Buffer.from('a;b\r\n') },
      { name: 'zorgaanbieders/Zorg é/bijlage.pdf', data: Buffer.from('%PDF-1.4 test') },
    ])
    const dir = mkdtempSync(path.join(tmpdir(), 'zip-'))
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
  it('quotes csv fields and defuses formulas', () => {
    expect(toCsv([['a"b', '=SUM(A1)', null]])).toBe('\uFEFF"a""b";"\'=SUM(A1)";""\r\n')
  })
})
