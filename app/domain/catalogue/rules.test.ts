import { describe, expect, it } from 'vitest'
import { parseWithZod } from '@conform-to/zod/v4'
import { parseEuro } from '~/utils/validation'
import { fromAmsterdamLocal } from '~/utils/time'
import { isCategoryValidForLaw, categoriesForLaw } from './product-categories'
import {
  catalogueMessages,
  formatEuro,
  hasOverlap,
  inkoopvormErrors,
  momentErrors,
  momentState,
  parseCsv,
  periodError,
  readProductCsv,
  writeProductCsv,
} from './rules'
import { perceelSchema, procurementSchema, productSchema } from './schemas'

const d = (y: number, m: number, day: number, h = 0, min = 0) => fromAmsterdamLocal(y, m, day, h, min)
const contract = { start: d(2023, 1, 1), end: d(2028, 12, 31, 23, 59) }

function formData(entries: [string, string][]) {
  const f = new FormData()
  for (const [k, v] of entries) f.append(k, v)
  return f
}

describe('product categories per law', () => {
  it('accepts Wmo 01-18 and Jeugd 40-55 only for their own law', () => {
    expect(isCategoryValidForLaw('02', 'wmo')).toBe(true)
    expect(isCategoryValidForLaw('18', 'wmo')).toBe(true)
    expect(isCategoryValidForLaw('19', 'wmo')).toBe(false)
    expect(isCategoryValidForLaw('45', 'wmo')).toBe(false)
    expect(isCategoryValidForLaw('45', 'jeugd')).toBe(true)
    expect(isCategoryValidForLaw('40', 'jeugd')).toBe(true)
    expect(isCategoryValidForLaw('55', 'jeugd')).toBe(true)
    expect(isCategoryValidForLaw('02', 'jeugd')).toBe(false)
    expect(isCategoryValidForLaw('31', 'jeugd')).toBe(false) // the 2015 codes are not offered
    expect(categoriesForLaw('wmo')).toHaveLength(18)
    expect(categoriesForLaw('jeugd')).toHaveLength(16)
  })
})

describe('periods', () => {
  it('must end after they start', () => {
    expect(periodError(d(2023, 1, 1), d(2025, 12, 31))).toBeNull()
    expect(periodError(d(2023, 1, 1), d(2023, 1, 1))).toBe(catalogueMessages.periodEnd)
    expect(periodError(d(2023, 1, 1), d(2022, 12, 31))).toBe(catalogueMessages.periodEnd)
    expect(periodError(d(2023, 1, 1), null)).toBeNull()
  })

  it('the procurement form refuses a contract period that ends before it starts', () => {
    const s = parseWithZod(
      formData([
        ['name', 'Inkoop 2027'],
        ['laws', 'wmo'],
        ['contractStart', '2027-01-01'],
        ['contractEnd', '2026-12-31'],
      ]),
      { schema: procurementSchema },
    )
    expect(s.status).toBe('error')
    expect(s.reply().error?.contractEnd).toEqual([catalogueMessages.periodEnd])
  })

  it('the procurement form needs at least one law and takes several', () => {
    const none = parseWithZod(
      formData([
        ['name', 'X'],
        ['contractStart', '2027-01-01'],
        ['contractEnd', '2029-12-31'],
      ]),
      { schema: procurementSchema },
    )
    expect(none.reply().error?.laws).toEqual(['Kies minstens één wet'])
    const both = parseWithZod(
      formData([
        ['name', 'X'],
        ['laws', 'wmo'],
        ['laws', 'jeugd'],
        ['contractStart', '2027-01-01'],
        ['contractEnd', '2029-12-31'],
      ]),
      { schema: procurementSchema },
    )
    expect(both.status).toBe('success')
    if (both.status === 'success') expect(both.value.laws).toEqual(['wmo', 'jeugd'])
  })
})

describe('"nee, tenzij": open house only with a justification', () => {
  it('refuses open house without a justification, with a Dutch message', () => {
    expect(inkoopvormErrors({ inkoopvorm: 'openhouse', registrationRegime: 'momenten' })).toEqual({
      justification: catalogueMessages.justificationRequired,
    })
    expect(
      inkoopvormErrors({ inkoopvorm: 'openhouse', justification: '   ', registrationRegime: 'momenten' }),
    ).toHaveProperty('justification')
  })

  it('needs a registration regime, and a decision term for continuous entry', () => {
    expect(inkoopvormErrors({ inkoopvorm: 'openhouse', justification: 'Weinig aanbieders' })).toEqual({
      registrationRegime: catalogueMessages.regimeRequired,
    })
    expect(
      inkoopvormErrors({
        inkoopvorm: 'openhouse',
        justification: 'Weinig aanbieders',
        registrationRegime: 'doorlopend',
      }),
    ).toEqual({ decisionTermDays: catalogueMessages.decisionTermRequired })
    expect(
      inkoopvormErrors({
        inkoopvorm: 'openhouse',
        justification: 'Weinig aanbieders',
        registrationRegime: 'doorlopend',
        decisionTermDays: 20,
      }),
    ).toEqual({})
  })

  it('asks nothing extra of a tender', () => {
    expect(inkoopvormErrors({ inkoopvorm: 'aanbesteding' })).toEqual({})
  })

  it('the perceel form refuses open house without justification', () => {
    const s = parseWithZod(
      formData([
        ['name', 'Ambulante behandeling'],
        ['inkoopvorm', 'openhouse'],
        ['registrationRegime', 'momenten'],
      ]),
      { schema: perceelSchema },
    )
    expect(s.status).toBe('error')
    expect(s.reply().error?.justification).toEqual([catalogueMessages.justificationRequired])
  })
})

describe('registration moments', () => {
  const q1 = { id: 'a', opensAt: d(2026, 1, 1, 9), closesAt: d(2026, 2, 28, 17), decisionDate: d(2026, 4, 1) }
  const q2 = { id: 'b', opensAt: d(2026, 4, 1, 9), closesAt: d(2026, 5, 31, 17), decisionDate: d(2026, 7, 1) }

  it('accepts a moment inside the contract period that overlaps nothing', () => {
    expect(momentErrors(q2, contract, [q1])).toEqual({})
    expect(hasOverlap([q1, q2])).toBe(false)
  })

  it('refuses overlap with another moment', () => {
    const clash = { opensAt: d(2026, 2, 15, 9), closesAt: d(2026, 3, 15, 17), decisionDate: d(2026, 4, 15) }
    const errors = momentErrors(clash, contract, [q1, q2], () => 'Q1')
    expect(errors.opensAt).toBe(catalogueMessages.momentOverlap('Q1'))
    expect(hasOverlap([q1, clash])).toBe(true)
  })

  it('lets a moment open exactly when the previous one closes', () => {
    const next = { opensAt: q1.closesAt, closesAt: d(2026, 3, 20, 17), decisionDate: d(2026, 4, 30) }
    expect(momentErrors(next, contract, [q1])).toEqual({})
  })

  it('does not compare a moment with itself when it is edited', () => {
    expect(momentErrors(q1, contract, [q1, q2])).toEqual({})
  })

  it('refuses moments outside the contract period', () => {
    const early = { opensAt: d(2022, 10, 1, 9), closesAt: d(2022, 11, 1, 17), decisionDate: d(2022, 12, 1) }
    expect(momentErrors(early, contract, []).opensAt).toBe(catalogueMessages.momentOutsideContract)
    const late = { opensAt: d(2028, 12, 1, 9), closesAt: d(2029, 1, 15, 17), decisionDate: d(2029, 2, 1) }
    expect(momentErrors(late, contract, []).opensAt).toBe(catalogueMessages.momentOutsideContract)
  })

  it('needs closing after opening and a decision after closing', () => {
    const wrong = { opensAt: d(2026, 6, 1, 9), closesAt: d(2026, 6, 1, 9), decisionDate: d(2026, 5, 1) }
    const errors = momentErrors(wrong, contract, [])
    expect(errors.closesAt).toBe(catalogueMessages.momentCloses)
    expect(errors.decisionDate).toBe(catalogueMessages.momentDecision)
  })

  it('knows whether a moment is planned, open or closed', () => {
    expect(momentState(q1, d(2025, 12, 31))).toBe('gepland')
    expect(momentState(q1, d(2026, 1, 15))).toBe('open')
    expect(momentState(q1, d(2026, 3, 1))).toBe('gesloten')
  })
})

describe('euro amounts', () => {
  it('reads Dutch input into cents and refuses negative amounts and three decimals', () => {
    expect(parseEuro('62,50')).toEqual({ ok: true, cents: 6250 })
    expect(parseEuro('€ 1.234,56')).toEqual({ ok: true, cents: 123456 })
    expect(parseEuro('0')).toEqual({ ok: true, cents: 0 })
    expect(parseEuro('-1,00')).toEqual({ ok: false, reason: 'negative' })
    expect(parseEuro('12,345')).toEqual({ ok: false, reason: 'decimals' })
  })

  it('formats cents the Dutch way', () => {
    expect(formatEuro(6250)).toBe('€ 62,50')
    expect(formatEuro(123456)).toBe('€ 1.234,56')
    expect(formatEuro(5)).toBe('€ 0,05')
  })

  it('the product form checks tariff and code length', () => {
    const s = parseWithZod(
      formData([
        ['law', 'wmo'],
        ['categoryCode', '02'],
        ['code', '02A011'],
        ['name', 'Begeleiding'],
        ['unit', '04'],
        ['tariff', '12,345'],
        ['validFrom', '2026-01-01'],
      ]),
      { schema: productSchema },
    )
    const error = s.reply().error ?? {}
    expect(error.code).toEqual(['Gebruik hoogstens 5 tekens'])
    expect(error.tariff).toEqual(['Vul een bedrag in met hoogstens 2 cijfers achter de komma'])
  })

  it('the product form checks the category for the law and the tariff period', () => {
    const s = parseWithZod(
      formData([
        ['law', 'wmo'],
        ['categoryCode', '45'],
        ['code', '45A01'],
        ['name', 'Behandeling'],
        ['unit', '04'],
        ['tariff', '92,40'],
        ['validFrom', '2026-01-01'],
        ['validUntil', '2025-12-31'],
      ]),
      { schema: productSchema },
    )
    const error = s.reply().error ?? {}
    expect(error.categoryCode).toEqual([catalogueMessages.category])
    expect(error.validUntil).toEqual([catalogueMessages.periodEnd])
  })
})

describe('CSV import and export', () => {
  const header = 'wet;categorie;productcode;naam;eenheid;intensiteit;tarief;geldig_vanaf;geldig_tot;indexatie'

  it('reads ";" and "," separated files with quotes', () => {
    expect(parseCsv('a;b\r\n"x;y";"he said ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x;y', 'he said "hi"'],
    ])
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('reports every error of every row', () => {
    const csv = [
      header,
      'jeugd;45;45A01;Behandeling licht;04;licht;92,40;01-01-2026;;jaarlijks OVA',
      'wmo;45;02ABCDEF;;uur;heel zwaar;-5;32-13-2026;;',
      'jeugd;45;45A01;Dubbel;04;;10;01-01-2026;;',
    ].join('\n')
    const result = readProductCsv(csv)
    expect(result.headerError).toBeNull()
    const [good, bad, duplicate] = result.rows
    expect(good!.errors).toEqual([])
    expect(good!.value).toMatchObject({ law: 'jeugd', categoryCode: '45', code: '45A01', amountCents: 9240 })
    expect(bad!.line).toBe(3)
    expect(bad!.errors).toEqual([
      catalogueMessages.category,
      catalogueMessages.code,
      'Vul de naam van het product in',
      catalogueMessages.unit,
      catalogueMessages.intensity,
      'Vul een tarief van 0 of meer in',
      'Vul de ingangsdatum van het tarief in, zoals 01-01-2026',
    ])
    expect(duplicate!.errors).toEqual(['Productcode 45A01 staat ook op regel 2'])
  })

  it('refuses a file without the required columns', () => {
    expect(readProductCsv('code;naam\n1;2').headerError).toMatch(/mist de kolom/)
  })

  it('exports in a format it reads back', () => {
    const csv = writeProductCsv([
      {
        law: 'wmo',
        categoryCode: '02',
        code: '02A01',
        name: 'Begeleiding; licht',
        unit: '04',
        intensity: 'licht',
        amountCents: 5820,
        validFrom: '01-01-2026',
        validUntil: '',
        indexation: 'jaarlijks',
      },
    ])
    const back = readProductCsv(csv)
    expect(back.rows[0]!.errors).toEqual([])
    expect(back.rows[0]!.value).toMatchObject({
      name: 'Begeleiding; licht',
      amountCents: 5820,
      intensity: 'licht',
    })
  })
})
