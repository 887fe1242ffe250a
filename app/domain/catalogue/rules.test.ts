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
  productLawError,
  readProductCsv,
  groupProductRows,
  sameCodeErrors,
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

  it('once published, refuses a moment that opens at or before now', () => {
    const at = d(2026, 4, 1, 9)
    expect(momentErrors(q2, contract, [q1], undefined, at).opensAt).toBe(catalogueMessages.momentInPast)
    expect(momentErrors(q2, contract, [q1], undefined, d(2026, 4, 1, 8, 59))).toEqual({})
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
    // A repeated code is another tariff of the same product: here it names another product and overlaps.
    expect(duplicate!.errors).toEqual([
      'Productcode 45A01 staat ook op regel 2, maar met een andere naam en intensiteit. Regels met dezelfde productcode zijn tarieven van één product: geef ze dezelfde wet, categorie, naam, eenheid en intensiteit',
      'Het tarief overlapt met het tarief van 45A01 op regel 2 (01-01-2026 zonder einddatum). Laat de tariefperiodes van één product op elkaar aansluiten zonder overlap',
    ])
    expect(duplicate!.value).toBeNull()
  })

  it('reads several rows of one product code as tariff periods of one product', () => {
    const csv = [
      header,
      'jeugd;45;45A01;Behandeling licht;04;licht;92,40;01-01-2026;31-12-2026;OVA 2026',
      'jeugd;45;45A02;Behandeling middel;04;middel;104,80;01-01-2026;;',
      'jeugd;45;45A01;Behandeling licht;04;licht;95,10;01-01-2027;;OVA 2027',
    ].join('\n')
    const result = readProductCsv(csv)
    expect(result.rows.map((r) => r.errors)).toEqual([[], [], []])
    const products = groupProductRows(result.rows.map((r) => r.value!))
    expect(products.map((p) => [p.code, p.tariffs.map((t) => [t.amountCents, t.indexation])])).toEqual([
      [
        '45A01',
        [
          [9240, 'OVA 2026'],
          [9510, 'OVA 2027'],
        ],
      ],
      ['45A02', [[10480, '']]],
    ])
  })

  it('refuses real conflicts per row, and still shows the errors of every other row', () => {
    const csv = [
      header,
      'jeugd;45;45A01;Behandeling licht;04;licht;92,40;01-01-2026;31-12-2026;',
      'jeugd;45;45A01;Behandeling licht;14;licht;95,10;01-01-2027;;',
      'jeugd;45;45A01;Behandeling licht;04;licht;96,00;01-06-2026;31-05-2027;',
      'jeugd;45;45A02;Behandeling middel;04;middel;-1;01-01-2026;;',
    ].join('\n')
    const [first, otherUnit, overlapping, bad] = readProductCsv(csv).rows
    expect(first!.errors).toEqual([])
    expect(otherUnit!.errors).toEqual([
      expect.stringMatching(/^Productcode 45A01 staat ook op regel 2, maar met een andere eenheid\./),
    ])
    // Overlaps both the first row and the one above; the first one is named.
    expect(overlapping!.errors).toEqual([
      expect.stringMatching(
        /^Het tarief overlapt met het tarief van 45A01 op regel 2 \(01-01-2026 tot en met 31-12-2026\)/,
      ),
    ])
    expect(bad!.errors).toEqual(['Vul een tarief van 0 of meer in'])
  })

  it('compares only rows that are right by themselves', () => {
    const row = (code: string, name: string) => ({
      law: 'jeugd' as const,
      categoryCode: '45',
      code,
      name,
      unit: '04',
      intensity: null,
      amountCents: 100,
      validFrom: d(2026, 1, 1),
      validUntil: null,
      indexation: '',
    })
    expect(
      sameCodeErrors([
        { line: 2, value: null },
        { line: 3, value: row('45A01', 'A') },
        { line: 4, value: row('45A02', 'A') },
      ]),
    ).toEqual([[], [], []])
  })

  it('refuses a file without the required columns', () => {
    expect(readProductCsv('code;naam\n1;2').headerError).toMatch(/mist de kolom/)
  })

  it('exports in a format it reads back, also with two tariff periods per product', () => {
    const product = (code: string, name: string, intensity: string | null) => ({
      law: 'wmo',
      categoryCode: '02',
      code,
      name,
      unit: '04',
      intensity,
    })
    // As exportProductsCsv writes them: one row per tariff period.
    const csv = writeProductCsv([
      {
        ...product('02A01', 'Begeleiding; licht', 'licht'),
        amountCents: 5820,
        validFrom: '01-01-2026',
        validUntil: '31-12-2026',
        indexation: 'jaarlijks',
      },
      {
        ...product('02A01', 'Begeleiding; licht', 'licht'),
        amountCents: 6010,
        validFrom: '01-01-2027',
        validUntil: '',
        indexation: 'jaarlijks',
      },
      {
        ...product('02A02', 'Begeleiding "zwaar"', null),
        amountCents: 7400,
        validFrom: '01-01-2026',
        validUntil: '30-06-2026',
        indexation: '',
      },
      {
        ...product('02A02', 'Begeleiding "zwaar"', null),
        amountCents: 7550,
        validFrom: '01-07-2026',
        validUntil: '31-12-2027',
        indexation: '',
      },
    ])
    const back = readProductCsv(csv)
    expect(back.headerError).toBeNull()
    expect(back.rows.map((r) => r.errors)).toEqual([[], [], [], []])
    expect(back.rows[0]!.value).toMatchObject({
      name: 'Begeleiding; licht',
      amountCents: 5820,
      intensity: 'licht',
    })
    const products = groupProductRows(back.rows.map((r) => r.value!))
    expect(
      products.map((p) => ({
        code: p.code,
        name: p.name,
        intensity: p.intensity,
        tariffs: p.tariffs.map((t) => [t.amountCents, t.validFrom, t.validUntil]),
      })),
    ).toEqual([
      {
        code: '02A01',
        name: 'Begeleiding; licht',
        intensity: 'licht',
        tariffs: [
          [5820, d(2026, 1, 1), d(2026, 12, 31)],
          [6010, d(2027, 1, 1), null],
        ],
      },
      {
        code: '02A02',
        name: 'Begeleiding "zwaar"',
        intensity: null,
        tariffs: [
          [7400, d(2026, 1, 1), d(2026, 6, 30)],
          [7550, d(2026, 7, 1), d(2027, 12, 31)],
        ],
      },
    ])
  })
})

describe('the law of a product', () => {
  it("must be one of the procurement's laws", () => {
    expect(productLawError('jeugd', 'wmo,jeugd')).toBeNull()
    expect(productLawError('wmo', 'jeugd')).toBe(
      'Dit inkooptraject gaat over de Jeugdwet. Kies die wet voor het product',
    )
    expect(productLawError('jeugd', 'wmo')).toContain('Wmo 2015')
  })
})
