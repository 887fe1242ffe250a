import { describe, expect, it } from 'vitest'
import { evidenceSchema, parseProfessionalCount } from './form'

const types = [
  { id: 'skj', name: 'Registratie professionals (SKJ of BIG)', expires: true, asksProfessionalCounts: true },
  { id: 'hkz', name: 'HKZ-certificaat', expires: true, asksProfessionalCounts: false },
]
const schema = evidenceSchema(types)
const base = { issuer: 'SKJ', validFrom: '2026-01-01', validUntil: '2030-01-01' }

function errors(input: Record<string, string>) {
  const result = schema.safeParse({ ...base, ...input })
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('the counts of professionals on the evidence form', () => {
  it('are read as whole numbers for a type that asks for them', () => {
    const result = schema.parse({
      ...base,
      typeId: 'skj',
      professionalsTotal: '1.200',
      professionalsRegistered: ' 42 ',
    })
    expect(result.professionalsTotal).toBe(1200)
    expect(result.professionalsRegistered).toBe(42)
    const zero = schema.parse({
      ...base,
      typeId: 'skj',
      professionalsTotal: '0',
      professionalsRegistered: '0',
    })
    expect([zero.professionalsTotal, zero.professionalsRegistered]).toEqual([0, 0])
  })

  it('are both required for such a type, each with its own message', () => {
    expect(errors({ typeId: 'skj' })).toEqual({
      professionalsTotal: 'Vul in hoeveel professionals het werk doen, zoals 45.',
      professionalsRegistered: 'Vul in hoeveel van hen in het SKJ- of BIG-register staan, zoals 42.',
    })
    expect(errors({ typeId: 'skj', professionalsTotal: '45' })).toEqual({
      professionalsRegistered: 'Vul in hoeveel van hen in het SKJ- of BIG-register staan, zoals 42.',
    })
  })

  it('refuse anything but a whole number from 0 to 99.999', () => {
    for (const [typed, message] of [
      ['4,5', 'Vul een heel getal in, zoals 12'],
      ['veel', 'Vul een heel getal in, zoals 12'],
      ['-1', 'Vul een getal in van 0 of meer'],
      ['100000', 'Vul een getal in van hoogstens 99999'],
    ]) {
      expect(errors({ typeId: 'skj', professionalsTotal: typed, professionalsRegistered: '1' })).toEqual({
        professionalsTotal: message,
      })
    }
    expect(parseProfessionalCount('99999', 'x')).toEqual({ ok: true, value: 99_999 })
  })

  it('refuse more registered professionals than professionals doing the work', () => {
    expect(errors({ typeId: 'skj', professionalsTotal: '45', professionalsRegistered: '46' })).toEqual({
      professionalsRegistered:
        'Er kunnen niet meer professionals geregistreerd zijn dan er het werk doen (45). Controleer beide aantallen.',
    })
    expect(errors({ typeId: 'skj', professionalsTotal: '45', professionalsRegistered: '45' })).toEqual({})
  })

  it('are neither asked nor kept for another type, even when typed (the form without JavaScript shows them)', () => {
    const result = schema.parse({
      ...base,
      typeId: 'hkz',
      professionalsTotal: 'onzin',
      professionalsRegistered: '7',
    })
    expect(result.professionalsTotal).toBeNull()
    expect(result.professionalsRegistered).toBeNull()
    expect(errors({ typeId: 'hkz' })).toEqual({})
  })
})
