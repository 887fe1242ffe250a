import { describe, expect, it } from 'vitest'
import { parseCsv, readGemeenten, readPc4, readProductCategories } from './load'

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","he said ""hi"""\r\n"two\nlines",\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"'],
      ['two\nlines', ''],
    ])
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(parseCsv('a,b\n\nc,d\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(parseCsv('"",""\n')).toEqual([['', '']])
  })

  it('refuses broken quoting', () => {
    expect(() => parseCsv('"open,field\n')).toThrow(/not closed/)
    expect(() => parseCsv('ab"c,d\n')).toThrow(/stray quote/)
  })
})

describe('gemeenten', () => {
  const gemeenten = readGemeenten()

  it('holds all 342 municipalities of 1 January 2025, each once', () => {
    expect(gemeenten).toHaveLength(342)
    expect(new Set(gemeenten.map((g) => g.code)).size).toBe(342)
    expect(new Set(gemeenten.map((g) => g.name)).size).toBe(342)
    for (const g of gemeenten) {
      expect(g.code).toMatch(/^GM[0-9]{4}$/)
      expect(g.name && g.province && g.jeugdzorgregio).toBeTruthy()
    }
    expect(new Set(gemeenten.map((g) => g.province)).size).toBe(12)
  })

  it('has the expected rows', () => {
    expect(gemeenten.find((g) => g.name === 'Tiel')).toEqual({
      code: 'GM0281',
      name: 'Tiel',
      province: 'Gelderland',
      jeugdzorgregio: 'Rivierenland',
    })
    expect(gemeenten.find((g) => g.code === 'GM0820')?.name).toBe('Nuenen, Gerwen en Nederwetten') // quoted in the CSV
    expect(gemeenten.find((g) => g.name === 'Hengelo (O.)')).toBeDefined()
    expect(gemeenten.find((g) => g.name === 'Amsterdam')?.code).toBe('GM0363')
    // As the reference README notes: listed under Haaglanden, although seed 003 has it in the Leidse regio for Wmo.
    expect(gemeenten.find((g) => g.name === 'Voorschoten')?.jeugdzorgregio).toBe('Haaglanden')
    // Municipalities formed by the mergers the PC4 file was mapped onto.
    for (const name of ['Dijk en Waard', 'Voorne aan Zee', 'Land van Cuijk', 'Maashorst']) {
      expect(gemeenten.some((g) => g.name === name), name).toBe(true)
    }
    for (const gone of ['Weesp', 'Beemster', 'Heerhugowaard', 'Uden', 'Haaren']) {
      expect(gemeenten.some((g) => g.name === gone), gone).toBe(false)
    }
  })
})

describe('pc4', () => {
  const pc4 = readPc4()
  const codes = new Set(readGemeenten().map((g) => g.code))

  it('holds about 4,053 unique PC4 areas', () => {
    expect(pc4).toHaveLength(4053)
    expect(new Set(pc4.map((r) => r.pc4)).size).toBe(pc4.length)
    for (const r of pc4) {
      expect(r.pc4).toMatch(/^[1-9][0-9]{3}$/)
      expect(r.place).not.toBe('')
    }
  })

  it('maps every PC4 to a 2025 municipality, and every municipality has at least one PC4', () => {
    const unknown = pc4.filter((r) => !codes.has(r.gemeenteCode))
    expect(unknown).toEqual([])
    expect(new Set(pc4.map((r) => r.gemeenteCode)).size).toBe(342)
  })

  it('has the expected rows', () => {
    expect(pc4.find((r) => r.pc4 === '4001')).toEqual({ pc4: '4001', gemeenteCode: 'GM0281', place: 'Tiel' })
    expect(pc4.find((r) => r.pc4 === '1011')?.gemeenteCode).toBe('GM0363')
    expect(pc4.find((r) => r.pc4 === '1381')?.gemeenteCode).toBe('GM0363') // Weesp, merged into Amsterdam
  })
})

describe('product categories', () => {
  const pc = readProductCategories()
  const byCode = (items: { code: string; name: string }[]) => Object.fromEntries(items.map((i) => [i.code, i.name]))

  it('lists iWmo 01-18 and iJw 31-38 and 40-55', () => {
    expect(pc.iwmo_productcategorie_WMO020.items.map((i) => i.code)).toEqual(
      Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0')),
    )
    expect(pc.ijw_productcategorie_JZ020.items.map((i) => i.code)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => String(31 + i)),
      ...Array.from({ length: 16 }, (_, i) => String(40 + i)),
    ])
    const wmo = byCode(pc.iwmo_productcategorie_WMO020.items)
    const jw = byCode(pc.ijw_productcategorie_JZ020.items)
    expect([wmo['02'], wmo['04'], wmo['07']]).toEqual(['Begeleiding', 'Kortdurend verblijf', 'Dagbesteding'])
    expect(jw['40']).toBe('Persoonlijke verzorging')
    expect(jw['45']).toBe('Jeugdhulp ambulant')
    expect(jw['43']).toBe('Jeugdhulp verblijf (incl. behandeling)')
    expect(jw['44']).toBe('Jeugdhulp verblijf (excl. behandeling)')
  })

  it('lists the unit and frequency codes', () => {
    expect(byCode(pc.eenheid_WJ756.items)).toEqual({
      '01': 'Minuut',
      '04': 'Uur',
      '14': 'Etmaal',
      '16': 'Dagdeel (4 uur)',
      '82': 'Stuks (output)',
      '83': "Euro's",
      '84': 'Stuks (inspanning)',
    })
    expect(pc.frequentie_WMO757.items.map((i) => i.code)).toEqual(['1', '2', '4', '6'])
  })
})
