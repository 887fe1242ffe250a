/**
 * Reads the reference data shipped in this folder (see README.md for sources and licences). Used by seeds and tests;
 * server-side only (reads files).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const here = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url))

/**
 * RFC 4180 CSV: comma-separated, fields may be quoted, a quote inside a quoted field is doubled, quoted fields may
 * hold commas and line breaks. Accepts CRLF or LF line ends (the shipped files use CRLF) and a UTF-8 BOM. Blank lines
 * are skipped.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endRow = () => {
    row.push(field)
    if (!(row.length === 1 && row[0] === '')) rows.push(row)
    row = []
    field = ''
  }
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        field += ch
      }
      i++
      continue
    }
    if (ch === '"' && field === '') {
      quoted = true
    } else if (ch === '"') {
      throw new Error(`CSV: stray quote in an unquoted field at row ${rows.length + 1}`)
    } else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRow()
      i++
    } else if (ch === '\n' || ch === '\r') {
      endRow()
    } else {
      field += ch
    }
    i++
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed')
  if (field !== '' || row.length > 0) endRow()
  return rows
}

/** Rows as objects keyed by header; throws when the header is not exactly `expected` or a row has the wrong width. */
function readCsv<const H extends readonly string[]>(name: string, expected: H): Record<H[number], string>[] {
  const [header, ...rows] = parseCsv(readFileSync(here(name), 'utf8'))
  if (!header || header.join(',') !== expected.join(',')) {
    throw new Error(`${name}: expected header ${expected.join(',')}, found ${header?.join(',')}`)
  }
  return rows.map((cells, index) => {
    if (cells.length !== expected.length) {
      throw new Error(`${name}: row ${index + 2} has ${cells.length} fields, expected ${expected.length}`)
    }
    return Object.fromEntries(expected.map((key, k) => [key, cells[k]!.trim()])) as Record<H[number], string>
  })
}

export type Gemeente = {
  /** CBS code, e.g. "GM0281" */
  code: string
  /** as CBS writes it, e.g. "Hengelo (O.)" */
  name: string
  province: string
  jeugdzorgregio: string
}

/** All 342 municipalities on 1 January 2025 (CBS), sorted by name as in the file. */
export function readGemeenten(): Gemeente[] {
  const rows = readCsv('gemeenten-2025.csv', ['gemeentecode', 'cbs_code', 'naam', 'provincie', 'jeugdzorgregio'])
  return rows.map((r) => {
    // The file carries the code twice; a disagreement would mean a corrupted copy.
    if (!/^GM[0-9]{4}$/.test(r.cbs_code) || r.cbs_code !== `GM${r.gemeentecode}`) {
      throw new Error(`gemeenten-2025.csv: code mismatch for ${r.naam}: ${r.gemeentecode} / ${r.cbs_code}`)
    }
    return { code: r.cbs_code, name: r.naam, province: r.provincie, jeugdzorgregio: r.jeugdzorgregio }
  })
}

export type Pc4Gemeente = {
  /** four-digit postcode area, e.g. "4001" */
  pc4: string
  /** CBS code of the municipality holding most of its residents ("most likely", a PC4 can straddle a border) */
  gemeenteCode: string
  /** main place name */
  place: string
}

/** PC4 -> municipality (about 4,053 rows; PC4s without residents are missing). */
export function readPc4(): Pc4Gemeente[] {
  const rows = readCsv('pc4-gemeente.csv', ['pc4', 'cbs_code', 'gemeente', 'plaats'])
  return rows.map((r) => {
    if (!/^[1-9][0-9]{3}$/.test(r.pc4) || !/^GM[0-9]{4}$/.test(r.cbs_code)) {
      throw new Error(`pc4-gemeente.csv: malformed row ${r.pc4},${r.cbs_code}`)
    }
    return { pc4: r.pc4, gemeenteCode: r.cbs_code, place: r.plaats }
  })
}

const codeItem = z.object({
  code: z.string(),
  name: z.string(),
  /** "verified" or a note on what was (not) found */
  status: z.string(),
  note: z.string().optional(),
})

const codeList = z.object({
  items: z.array(codeItem).min(1),
  sources: z.array(z.string()),
  same_in_iwmo_and_ijw: z.boolean().optional(),
  usage_rules_seen: z.string().optional(),
})

const productCategoriesFile = z.object({
  _meta: z.object({ standard_release: z.string(), primary_sources: z.array(z.string()), note_on_source: z.string() }),
  /** iWmo product categories 01-18 */
  iwmo_productcategorie_WMO020: codeList,
  /** iJw product categories: 31-38 (2015, legacy) and 40-55 */
  ijw_productcategorie_JZ020: codeList,
  /** unit codes (eenheid), the same in iWmo and iJw */
  eenheid_WJ756: codeList,
  /** frequency codes, the same in iWmo and iJw */
  frequentie_WMO757: codeList,
  productcode_format: z.object({
    rule: z.string(),
    status: z.string(),
    sources: z.array(z.string()),
    standaardproductcodelijsten: z.string(),
  }),
  /** a few product codes; several are unverified or have no name: check `status` before use */
  example_standard_productcodes: z.array(z.object({ code: z.string(), name: z.string().nullable(), status: z.string() })),
})

export type CodeItem = z.infer<typeof codeItem>
export type ProductCategories = z.infer<typeof productCategoriesFile>

/** The iWmo/iJw 3.2 code lists (categories, units, frequencies), checked against the expected shape. */
export function readProductCategories(): ProductCategories {
  return productCategoriesFile.parse(JSON.parse(readFileSync(here('productcategories.json'), 'utf8')))
}
