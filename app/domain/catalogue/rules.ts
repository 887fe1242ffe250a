/**
 * Rules of the procurement catalogue. Pure (no Node APIs, no database): used by forms on the client and the server,
 * by the CSV import and by the seed, and unit-tested in rules.test.ts.
 */
import { parseDateField, parseEuro } from '~/utils/validation'
import { formatShortDate } from '~/utils/time'
import { INTENSITIES, isCategoryValidForLaw, isLaw, isUnit, lawsLabel, type Law } from './product-categories'

export const INKOOPVORMEN = ['aanbesteding', 'openhouse'] as const
export type Inkoopvorm = (typeof INKOOPVORMEN)[number]
export const INKOOPVORM_LABELS: Record<Inkoopvorm, string> = {
  aanbesteding: 'Aanbesteding',
  openhouse: 'Open house',
}

export const REGIMES = ['momenten', 'doorlopend'] as const
export type Regime = (typeof REGIMES)[number]
export const REGIME_LABELS: Record<Regime, string> = {
  momenten: 'Vaste inschrijfmomenten',
  doorlopend: 'Doorlopend inschrijven',
}

/**
 * Procurements the public sees, and whose admissions count (register, keuzehulp, open data): a closed procurement
 * takes no new entries, but what it admitted runs on.
 */
export const PUBLIC_STATUSES = ['gepubliceerd', 'gesloten']

export const PROCUREMENT_STATUS_LABELS: Record<string, string> = {
  concept: 'Concept (niet openbaar)',
  gepubliceerd: 'Gepubliceerd',
  gesloten: 'Gesloten',
}

export const QUESTION_KINDS = ['knockout_yesno', 'knockout_number', 'open'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  knockout_yesno: 'Knock-outvraag (ja/nee)',
  knockout_number: 'Knock-outvraag (getal met minimum)',
  open: 'Open vraag',
}

export const catalogueMessages = {
  periodEnd: 'Kies een einddatum na de begindatum',
  justificationRequired:
    'Open house mag alleen met een onderbouwing ("nee, tenzij"). Leg uit waarom open house hier aantoonbaar beter is, bijvoorbeeld omdat er weinig aanbieders zijn of omdat aanbod moet worden gestimuleerd',
  regimeRequired: 'Kies hoe aanbieders zich kunnen inschrijven: op vaste momenten of doorlopend',
  decisionTermRequired: 'Vul de beslistermijn in werkdagen in, bijvoorbeeld 20',
  momentCloses: 'De sluiting moet na de opening liggen',
  momentDecision: 'De besluitdatum moet na de sluiting liggen',
  momentOutsideContract: 'Het inschrijfmoment moet binnen de contractperiode vallen',
  momentInPast:
    'Kies een opening in de toekomst: het traject is gepubliceerd, en een inschrijfmoment dat al begonnen is kan niemand meer gebruiken',
  momentOverlap: (other: string) => `Dit inschrijfmoment overlapt met het moment van ${other}`,
  category:
    'Kies een productcategorie die bij de wet van het product hoort (Wmo 01 tot en met 18, Jeugd 40 tot en met 55)',
  code: 'Vul een productcode in van 1 tot 5 tekens, zoals 45A04',
  unit: 'Kies een eenheid uit de lijst',
  law: 'Kies Wmo of Jeugd',
  intensity: `Kies een intensiteit uit: ${INTENSITIES.join(', ')}, of laat het leeg`,
  changePublished:
    'De wijziging is gepubliceerd in de inkoopagenda en gemaild naar de organisaties die het traject volgen of zich hebben ingeschreven.',
} as const

/** The confirmation after an edit, with a note when the edit was published (see announceIfPublished). */
export function savedMessage(message: string, published: boolean): string {
  return published ? `${message} ${catalogueMessages.changePublished}` : message
}

export type Period = { start: Date; end: Date }

/** A period must end after it starts. */
export function periodError(start: Date, end: Date | null | undefined): string | null {
  if (!end) return null
  return end.getTime() > start.getTime() ? null : catalogueMessages.periodEnd
}

/** "Nee, tenzij": open house needs a written justification and a registration regime. Returns errors per field. */
export function inkoopvormErrors(input: {
  inkoopvorm: string
  justification?: string | null
  registrationRegime?: string | null
  decisionTermDays?: number | null
}): Partial<Record<'justification' | 'registrationRegime' | 'decisionTermDays', string>> {
  const errors: Partial<Record<'justification' | 'registrationRegime' | 'decisionTermDays', string>> = {}
  if (input.inkoopvorm !== 'openhouse') return errors
  if (!input.justification || input.justification.trim().length === 0) {
    errors.justification = catalogueMessages.justificationRequired
  }
  if (input.registrationRegime !== 'momenten' && input.registrationRegime !== 'doorlopend') {
    errors.registrationRegime = catalogueMessages.regimeRequired
  }
  if (input.registrationRegime === 'doorlopend' && !input.decisionTermDays) {
    errors.decisionTermDays = catalogueMessages.decisionTermRequired
  }
  return errors
}

export type MomentInput = { id?: string; opensAt: Date; closesAt: Date; decisionDate: Date }

/**
 * Checks one registration moment against the contract period and the other moments of the perceel: closing after
 * opening, decision after closing, inside the contract period, no overlap. Returns the first error per field.
 * `opensAfter` (now, on a published procurement): a moment that has already begun could be added but never removed.
 */
export function momentErrors(
  moment: MomentInput,
  contract: Period,
  others: MomentInput[],
  describe: (m: MomentInput) => string = (m) => m.opensAt.toISOString(),
  opensAfter: Date | null = null,
): Partial<Record<'opensAt' | 'closesAt' | 'decisionDate', string>> {
  const errors: Partial<Record<'opensAt' | 'closesAt' | 'decisionDate', string>> = {}
  if (moment.closesAt.getTime() <= moment.opensAt.getTime()) errors.closesAt = catalogueMessages.momentCloses
  if (moment.decisionDate.getTime() <= moment.closesAt.getTime()) {
    errors.decisionDate = catalogueMessages.momentDecision
  }
  if (
    moment.opensAt.getTime() < contract.start.getTime() ||
    moment.closesAt.getTime() > contract.end.getTime()
  ) {
    errors.opensAt = catalogueMessages.momentOutsideContract
  }
  if (!errors.opensAt && opensAfter && moment.opensAt.getTime() <= opensAfter.getTime()) {
    errors.opensAt = catalogueMessages.momentInPast
  }
  if (!errors.opensAt && !errors.closesAt) {
    const clash = others.find(
      (o) =>
        o.id !== moment.id &&
        o.opensAt.getTime() < moment.closesAt.getTime() &&
        moment.opensAt.getTime() < o.closesAt.getTime(),
    )
    if (clash) errors.opensAt = catalogueMessages.momentOverlap(describe(clash))
  }
  return errors
}

/** Do any two of these moments overlap? (Touching ends do not overlap: one may open when the other closes.) */
export function hasOverlap(moments: MomentInput[]): boolean {
  const sorted = [...moments].sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.opensAt.getTime() < sorted[i - 1]!.closesAt.getTime()) return true
  }
  return false
}

export type MomentState = 'gepland' | 'open' | 'gesloten'
export function momentState(m: { opensAt: Date; closesAt: Date }, at: Date): MomentState {
  if (at.getTime() < m.opensAt.getTime()) return 'gepland'
  if (at.getTime() < m.closesAt.getTime()) return 'open'
  return 'gesloten'
}
export const MOMENT_STATE_LABELS: Record<MomentState, string> = {
  gepland: 'Nog niet open',
  open: 'Open',
  gesloten: 'Gesloten',
}

// --- money ---------------------------------------------------------------------------------------------------------

/** 123456 -> "€ 1.234,56" (Dutch notation). */
export function formatEuro(cents: number): string {
  const negative = cents < 0
  const abs = Math.abs(Math.trunc(cents))
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=([0-9]{3})+(?![0-9]))/g, '.')
  return `${negative ? '-' : ''}€ ${whole},${String(abs % 100).padStart(2, '0')}`
}

/** 123456 -> "1234,56": for CSV export (re-importable). */
export function centsToCsv(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`
}

// --- products ------------------------------------------------------------------------------------------------------

export const PRODUCT_CODE_MAX = 5

export type ProductValue = {
  law: Law
  categoryCode: string
  code: string
  name: string
  unit: string
  intensity: string | null
  amountCents: number
  validFrom: Date
  validUntil: Date | null
  indexation: string
}

export type ProductRowInput = {
  law: string
  categoryCode: string
  code: string
  name: string
  unit: string
  intensity: string
  tariff: string
  validFrom: string
  validUntil: string
  indexation: string
}

/** A product falls under one of its procurement's laws (stored as "wmo,jeugd"); null when it does. */
export function productLawError(law: string, procurementLaws: string): string | null {
  if (procurementLaws.split(',').includes(law)) return null
  return `Dit inkooptraject gaat over de ${lawsLabel(procurementLaws)}. Kies die wet voor het product`
}

/** Checks one product with its tariff as typed (CSV row): every problem is reported, in Dutch. */
export function checkProductRow(
  row: ProductRowInput,
): { ok: true; value: ProductValue } | { ok: false; errors: string[] } {
  const errors: string[] = []
  const law = row.law.trim().toLowerCase()
  if (!isLaw(law)) errors.push(catalogueMessages.law)
  const categoryCode = row.categoryCode.trim().padStart(2, '0')
  if (isLaw(law) && !isCategoryValidForLaw(categoryCode, law)) errors.push(catalogueMessages.category)
  const code = row.code.trim()
  if (code.length === 0 || code.length > PRODUCT_CODE_MAX) errors.push(catalogueMessages.code)
  const name = row.name.trim()
  if (name.length === 0) errors.push('Vul de naam van het product in')
  if (name.length > 200) errors.push('Gebruik voor de naam hoogstens 200 tekens')
  const unit = row.unit.trim().toLowerCase()
  const unitCode = /^[0-9]$/.test(unit) ? `0${unit}` : unit
  if (!isUnit(unitCode)) errors.push(catalogueMessages.unit)
  const intensity = row.intensity.trim().toLowerCase()
  if (intensity && !(INTENSITIES as readonly string[]).includes(intensity)) {
    errors.push(catalogueMessages.intensity)
  }
  const tariff = parseEuro(row.tariff)
  if (!tariff.ok) {
    errors.push(
      tariff.reason === 'negative'
        ? 'Vul een tarief van 0 of meer in'
        : tariff.reason === 'decimals'
          ? 'Vul een tarief in met hoogstens 2 cijfers achter de komma'
          : 'Vul het tarief in euro in, zoals 62,50',
    )
  }
  const validFrom = parseDateField(row.validFrom)
  if (!validFrom) errors.push('Vul de ingangsdatum van het tarief in, zoals 01-01-2026')
  let validUntil: Date | null = null
  if (row.validUntil.trim()) {
    validUntil = parseDateField(row.validUntil)
    if (!validUntil) errors.push('Vul de einddatum van het tarief in, zoals 31-12-2026, of laat het leeg')
    else if (validFrom && periodError(validFrom, validUntil)) {
      errors.push('De einddatum van het tarief moet na de ingangsdatum liggen')
    }
  }
  if (errors.length > 0 || !isLaw(law) || !tariff.ok || !validFrom) return { ok: false, errors }
  return {
    ok: true,
    value: {
      law,
      categoryCode,
      code,
      name,
      unit: unitCode,
      intensity: intensity || null,
      amountCents: tariff.cents,
      validFrom,
      validUntil,
      indexation: row.indexation.trim(),
    },
  }
}

// --- CSV -----------------------------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'wet',
  'categorie',
  'productcode',
  'naam',
  'eenheid',
  'intensiteit',
  'tarief',
  'geldig_vanaf',
  'geldig_tot',
  'indexatie',
] as const

/**
 * RFC 4180 CSV with either ";" (Dutch spreadsheets) or "," as separator, detected from the header line. Quoted
 * fields may hold separators, doubled quotes and line breaks. Blank lines are skipped; a BOM is ignored.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endRow = () => {
    row.push(field)
    if (!row.every((f) => f.trim() === '')) rows.push(row)
    row = []
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === sep) {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRow()
      i++
    } else if (ch === '\n' || ch === '\r') endRow()
    else field += ch
  }
  if (field !== '' || row.length > 0) endRow()
  return rows
}

export type CsvRowResult = {
  line: number
  input: ProductRowInput
  errors: string[]
  value: ProductValue | null
}

type TariffPeriod = { validFrom: Date; validUntil: Date | null }

/** Whether two tariff periods share a day (both ends inclusive; no end means open-ended). */
export function periodsOverlap(a: TariffPeriod, b: TariffPeriod): boolean {
  const aEnd = a.validUntil?.getTime() ?? Infinity
  const bEnd = b.validUntil?.getTime() ?? Infinity
  return a.validFrom.getTime() <= bEnd && b.validFrom.getTime() <= aEnd
}

// The fields that make up a product: rows of one product code must agree on all of them.
const PRODUCT_FIELDS = [
  ['law', 'wet'],
  ['categoryCode', 'categorie'],
  ['name', 'naam'],
  ['unit', 'eenheid'],
  ['intensity', 'intensiteit'],
] as const

/** "A", "A en B", "A, B en C" */
export function joinDutch(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`
}

function csvPeriod(t: TariffPeriod): string {
  return `${formatShortDate(t.validFrom)} ${t.validUntil ? `tot en met ${formatShortDate(t.validUntil)}` : 'zonder einddatum'}`
}

/**
 * Several rows with the same product code are one product with several tariff periods (that is how the export
 * writes it). They must describe the same product and their periods may not overlap. Returns the errors per row;
 * rows without a value (already wrong by themselves) are left out of the comparison.
 */
export function sameCodeErrors(rows: { line: number; value: ProductValue | null }[]): string[][] {
  const errors = rows.map((): string[] => [])
  const byCode = new Map<string, { line: number; value: ProductValue }[]>()
  rows.forEach((row, i) => {
    const value = row.value
    if (!value) return
    const earlier = byCode.get(value.code) ?? []
    const first = earlier[0]
    if (first) {
      const differing = PRODUCT_FIELDS.filter(([k]) => (first.value[k] ?? '') !== (value[k] ?? '')).map(
        ([, label]) => label,
      )
      if (differing.length > 0) {
        errors[i]!.push(
          `Productcode ${value.code} staat ook op regel ${first.line}, maar met een andere ${joinDutch(differing)}. ` +
            'Regels met dezelfde productcode zijn tarieven van één product: geef ze dezelfde wet, categorie, naam, eenheid en intensiteit',
        )
      }
      const clash = earlier.find((e) => periodsOverlap(e.value, value))
      if (clash) {
        errors[i]!.push(
          `Het tarief overlapt met het tarief van ${value.code} op regel ${clash.line} (${csvPeriod(clash.value)}). ` +
            'Laat de tariefperiodes van één product op elkaar aansluiten zonder overlap',
        )
      }
    }
    earlier.push({ line: row.line, value })
    byCode.set(value.code, earlier)
  })
  return errors
}

export type ProductWithTariffs = Omit<
  ProductValue,
  'amountCents' | 'validFrom' | 'validUntil' | 'indexation'
> & {
  tariffs: Pick<ProductValue, 'amountCents' | 'validFrom' | 'validUntil' | 'indexation'>[]
}

/** Rows (already checked with sameCodeErrors) as products, each with its tariff periods, in the order of the file. */
export function groupProductRows(rows: ProductValue[]): ProductWithTariffs[] {
  const products = new Map<string, ProductWithTariffs>()
  for (const { amountCents, validFrom, validUntil, indexation, ...product } of rows) {
    const entry = products.get(product.code) ?? { ...product, tariffs: [] }
    entry.tariffs.push({ amountCents, validFrom, validUntil, indexation })
    products.set(product.code, entry)
  }
  return [...products.values()]
}

/**
 * Reads a product and tariff list. The first line must be the header (column names as in CSV_COLUMNS, in any order).
 * Every row is checked; rows that repeat a product code must be further tariff periods of the same product.
 */
export function readProductCsv(text: string): { headerError: string | null; rows: CsvRowResult[] } {
  const rows = parseCsv(text)
  if (rows.length === 0)
    return { headerError: 'Het bestand is leeg. Gebruik de kolommen uit het voorbeeld.', rows: [] }
  const header = rows[0]!.map((h) => h.trim().toLowerCase())
  const missing = CSV_COLUMNS.filter(
    (c) => c !== 'geldig_tot' && c !== 'indexatie' && c !== 'intensiteit',
  ).filter((c) => !header.includes(c))
  if (missing.length > 0) {
    return { headerError: `De eerste regel mist de kolom(men): ${missing.join(', ')}.`, rows: [] }
  }
  const col = (cells: string[], name: string) => {
    const i = header.indexOf(name)
    return i >= 0 ? (cells[i] ?? '') : ''
  }
  const checked = rows.slice(1).map((cells, index) => {
    const input: ProductRowInput = {
      law: col(cells, 'wet'),
      categoryCode: col(cells, 'categorie'),
      code: col(cells, 'productcode'),
      name: col(cells, 'naam'),
      unit: col(cells, 'eenheid'),
      intensity: col(cells, 'intensiteit'),
      tariff: col(cells, 'tarief'),
      validFrom: col(cells, 'geldig_vanaf'),
      validUntil: col(cells, 'geldig_tot'),
      indexation: col(cells, 'indexatie'),
    }
    return { line: index + 2, input, result: checkProductRow(input) }
  })
  const conflicts = sameCodeErrors(
    checked.map((c) => ({ line: c.line, value: c.result.ok ? c.result.value : null })),
  )
  const results = checked.map(({ line, input, result }, i): CsvRowResult => {
    const errors = [...(result.ok ? [] : result.errors), ...conflicts[i]!]
    return { line, input, errors, value: result.ok && errors.length === 0 ? result.value : null }
  })
  return {
    headerError: results.length === 0 ? 'Het bestand bevat geen producten onder de kopregel.' : null,
    rows: results,
  }
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Writes products with their tariffs as CSV (";" separated, Dutch amounts and dates), readable by readProductCsv. */
export function writeProductCsv(
  rows: {
    law: string
    categoryCode: string
    code: string
    name: string
    unit: string
    intensity: string | null
    amountCents: number
    validFrom: string
    validUntil: string
    indexation: string
  }[],
): string {
  const lines = [CSV_COLUMNS.join(';')]
  for (const r of rows) {
    lines.push(
      [
        r.law,
        r.categoryCode,
        r.code,
        r.name,
        r.unit,
        r.intensity ?? '',
        centsToCsv(r.amountCents),
        r.validFrom,
        r.validUntil,
        r.indexation,
      ]
        .map(csvField)
        .join(';'),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
