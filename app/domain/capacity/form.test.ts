import { describe, expect, it } from 'vitest'
import { capacityDefaults, capacitySchema } from './form'

const empty = { name: '', accepting: '', waitingWeeks: '', freePlaces: '' }

function product(fields: Record<string, unknown>) {
  return { productId: 'p1', gemeenten: [{ gemeenteCode: 'GM0281', dekking: 'geheel' }], ...fields }
}

function errors(fields: Record<string, unknown>) {
  const result = capacitySchema.safeParse({ products: [product(fields)] })
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((i) => [i.path.slice(2).join('.'), i.message]))
}

describe('the capacity form', () => {
  it('asks for the figures of the whole product, and ignores the location rows then', () => {
    expect(errors({ capacityFor: 'product', locations: [empty] })).toEqual({
      accepting: 'Kies of u nieuwe cliënten aanneemt',
      waitingWeeks: 'Vul de verwachte wachttijd in weken in, of 0 als er geen wachttijd is',
    })
    const value = capacitySchema.parse({
      products: [
        product({
          capacityFor: 'product',
          accepting: 'beperkt',
          waitingWeeks: '6',
          freePlaces: '',
          locations: [{ ...empty, name: 'Zeist' }],
        }),
      ],
    })
    expect(value.products[0]!.reports).toEqual([
      { location: '', accepting: 'beperkt', waitingWeeks: 6, freePlaces: undefined },
    ])
  })

  it('per location: skips empty rows, asks for what a filled row lacks, refuses a name twice', () => {
    expect(errors({ capacityFor: 'locatie', locations: [empty, empty] })).toEqual({
      'locations.0.name': 'Vul ten minste één locatie in, of kies "Voor het hele product"',
    })
    expect(
      errors({
        capacityFor: 'locatie',
        locations: [
          { name: 'Zeist', accepting: 'ja', waitingWeeks: '2', freePlaces: '' },
          { ...empty, waitingWeeks: '4' },
          { name: ' zeist', accepting: 'nee', waitingWeeks: '20', freePlaces: '' },
        ],
      }),
    ).toEqual({
      'locations.1.name': 'Vul de naam van de locatie in',
      'locations.1.accepting': 'Kies of u nieuwe cliënten aanneemt',
      'locations.2.name': 'Deze locatie staat er al; geef elke locatie één regel',
    })
    expect(
      errors({
        capacityFor: 'locatie',
        locations: [{ name: 'Zeist', accepting: 'nee', waitingWeeks: '200', freePlaces: '' }],
      }),
    ).toEqual({ 'locations.0.waitingWeeks': expect.stringContaining('104') })
    const value = capacitySchema.parse({
      products: [
        product({
          capacityFor: 'locatie',
          accepting: '',
          waitingWeeks: 'niet ingevuld want verborgen',
          locations: [
            { name: ' Zeist ', accepting: 'ja', waitingWeeks: '2', freePlaces: '3' },
            empty,
            { name: 'Amersfoort', accepting: 'nee', waitingWeeks: '0', freePlaces: '' },
          ],
        }),
      ],
    })
    expect(value.products[0]!.reports).toEqual([
      { location: 'Zeist', accepting: 'ja', waitingWeeks: 2, freePlaces: 3 },
      { location: 'Amersfoort', accepting: 'nee', waitingWeeks: 0, freePlaces: undefined },
    ])
  })

  it('shows saved locations with spare empty rows, and the whole product when there are none', () => {
    const base = { freePlaces: null, remark: 'Let op' }
    const perLocation = capacityDefaults([
      { ...base, location: 'Zeist', accepting: 'ja', waitingWeeks: 2 },
      { ...base, location: 'Amersfoort', accepting: 'nee', waitingWeeks: null },
    ])
    expect(perLocation.capacityFor).toBe('locatie')
    expect(perLocation.locations.map((l) => l.name)).toEqual(['Zeist', 'Amersfoort', '', ''])
    expect(perLocation.remark).toBe('Let op')
    const whole = capacityDefaults([{ ...base, location: '', accepting: 'beperkt', waitingWeeks: 5 }])
    expect(whole).toMatchObject({ capacityFor: 'product', accepting: 'beperkt', waitingWeeks: '5' })
    expect(whole.locations).toHaveLength(2)
    expect(capacityDefaults([])).toMatchObject({ capacityFor: 'product', accepting: '', remark: '' })
  })
})
