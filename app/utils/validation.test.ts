import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  agbCode,
  centsToInputValue,
  checkbox,
  currentPassword,
  dateInput,
  dateTimeInput,
  email,
  euroCents,
  formErrorMap,
  kvkNummer,
  messages,
  normaliseDutchPhone,
  normalisePostcode,
  normaliseUrl,
  optionalField,
  optionalText,
  parseEuro,
  parseEuroCents,
  password,
  pc4,
  phone,
  phoneToNational,
  postcode,
  requiredCheckbox,
  text,
  url,
  vestigingsnummer,
  wholeNumber,
} from './validation'

/** The parsed value, or the list of messages. */
function check(schema: z.ZodType, value: unknown): { value: unknown } | { errors: string[] } {
  const result = schema.safeParse(value)
  return result.success ? { value: result.data } : { errors: result.error.issues.map((i) => i.message) }
}
const ok = (value: unknown) => ({ value })
const err = (...errors: string[]) => ({ errors })

describe('identifiers', () => {
  it('accepts an 8-digit KvK-nummer without an 11-check', () => {
    expect(check(kvkNummer, '12345678')).toEqual(ok('12345678')) // fails the 11-check, still valid
    expect(check(kvkNummer, ' 1234 5678 ')).toEqual(ok('12345678'))
    expect(check(kvkNummer, '01234567')).toEqual(ok('01234567'))
    for (const bad of ['1234567', '123456789', '1234567a', '', undefined]) {
      expect(check(kvkNummer, bad)).toEqual(err('Vul een KvK-nummer van 8 cijfers in'))
    }
  })

  it('accepts a 12-digit vestigingsnummer', () => {
    expect(check(vestigingsnummer, '000012345678')).toEqual(ok('000012345678'))
    expect(check(vestigingsnummer, '0000 1234 5678')).toEqual(ok('000012345678'))
    expect(check(vestigingsnummer, '12345678')).toEqual(err(messages.vestigingsnummer))
  })

  it('accepts an 8-digit AGB-code and keeps leading zeros', () => {
    expect(check(agbCode, '01012345')).toEqual(ok('01012345'))
    expect(check(agbCode, '98-123456')).toEqual(ok('98123456'))
    expect(check(agbCode, '9812345')).toEqual(err('Vul een AGB-code van 8 cijfers in'))
  })
})

describe('postcode', () => {
  it('normalises to "1234 AB"', () => {
    for (const input of ['1234ab', '1234 AB', '1234AB', ' 1234  ab ', '1234 aB']) {
      expect(check(postcode, input)).toEqual(ok('1234 AB'))
    }
    expect(normalisePostcode('4001ZZ')).toBe('4001 ZZ')
  })

  it('refuses a leading 0, the unused pairs SA/SD/SS and other shapes', () => {
    for (const bad of [
      '0123 AB',
      '1234 SA',
      '1234 sd',
      '1234SS',
      '123 AB',
      '12345 AB',
      '1234 A',
      '1234 A1',
      'AB 1234',
      '',
    ]) {
      expect(check(postcode, bad)).toEqual(err('Vul een postcode in zoals 1234 AB'))
    }
    expect(check(postcode, '1234 SB')).toEqual(ok('1234 SB'))
    expect(check(postcode, undefined)).toEqual(err(messages.postcode))
  })

  it('reads a PC4 and drops the letters of a full postcode', () => {
    expect(check(pc4, '4001')).toEqual(ok('4001'))
    expect(check(pc4, ' 4001 ')).toEqual(ok('4001'))
    expect(check(pc4, '4001 ab')).toEqual(ok('4001'))
    for (const bad of ['0401', '401', '40011', 'abcd', '']) expect(check(pc4, bad)).toEqual(err(messages.pc4))
  })
})

describe('contact', () => {
  it('trims and lowercases e-mail addresses', () => {
    expect(check(email, '  Jan.Jansen@Voorbeeld.NL ')).toEqual(ok('jan.jansen@voorbeeld.nl'))
    expect(check(email, 'info+inkoop@regio-rivierenland.nl')).toEqual(ok('info+inkoop@regio-rivierenland.nl'))
    for (const bad of ['jan', 'jan@', 'jan@voorbeeld', '@voorbeeld.nl', 'jan jansen@voorbeeld.nl', '']) {
      expect(check(email, bad)).toEqual(err('Vul een e-mailadres in zoals naam@voorbeeld.nl'))
    }
  })

  it('asks for passwords of 12 to 200 characters, untrimmed', () => {
    expect(check(password, 'correct horse')).toEqual(ok('correct horse'))
    expect(check(password, '  twaalf tkns')).toEqual(ok('  twaalf tkns'))
    expect(check(password, 'kort')).toEqual(err('Kies een wachtwoord van minstens 12 tekens'))
    expect(check(password, 'x'.repeat(201))).toEqual(err('Kies een wachtwoord van hoogstens 200 tekens'))
    expect(check(password, 'x'.repeat(200))).toEqual(ok('x'.repeat(200)))
    expect(check(password, undefined)).toEqual(err('Vul een wachtwoord in'))
    expect(check(currentPassword, 'kort')).toEqual(ok('kort'))
    expect(check(currentPassword, '')).toEqual(err('Vul uw wachtwoord in'))
  })

  it('normalises Dutch phone numbers to E.164', () => {
    const cases: [string, string][] = [
      ['06 12345678', '+31612345678'],
      ['06-12345678', '+31612345678'],
      ['+31 6 1234 5678', '+31612345678'],
      ['+31 (0)6 12345678', '+31612345678'],
      ['0031612345678', '+31612345678'],
      ['030 - 123 45 67', '+31301234567'],
      ['(010) 123 4567', '+31101234567'],
      ['0344-123456', '+31344123456'],
      ['088 123 4567', '+31881234567'],
      ['0800 1234', '+318001234'],
      ['0900-1234567', '+319001234567'],
    ]
    for (const [input, expected] of cases) {
      expect(normaliseDutchPhone(input), input).toBe(expected)
      expect(check(phone, input)).toEqual(ok(expected))
    }
    for (const bad of [
      '0612345',
      '061234567890',
      '+32 2 123 45 67',
      '+3106 12345678',
      '08001234567890',
      '0800123456',
      '14 0344',
      'bel mij',
      '',
    ]) {
      expect(normaliseDutchPhone(bad), bad).toBeNull()
      expect(check(phone, bad)).toEqual(err(messages.phone))
    }
    // A short number that merely looks like E.164 is still refused.
    expect(check(phone, '+3161234567')).toEqual(err(messages.phone))
    expect(phoneToNational('+31612345678')).toBe('0612345678')
  })

  it('accepts http(s) web addresses and adds https:// when missing', () => {
    expect(check(url, 'www.voorbeeld.nl')).toEqual(ok('https://www.voorbeeld.nl'))
    expect(check(url, ' voorbeeld.nl/over-ons?x=1 ')).toEqual(ok('https://voorbeeld.nl/over-ons?x=1'))
    expect(check(url, 'http://zorg.voorbeeld.nl')).toEqual(ok('http://zorg.voorbeeld.nl'))
    expect(check(url, 'HTTPS://Voorbeeld.NL/Pad')).toEqual(ok('HTTPS://Voorbeeld.NL/Pad'))
    expect(check(url, 'voorbeeld.nl:8080/pad')).toEqual(ok('https://voorbeeld.nl:8080/pad'))
    expect(normaliseUrl('https://café.nl')).toBe('https://café.nl')
    for (const bad of [
      'javascript:alert(1)',
      'mailto:info@voorbeeld.nl',
      'ftp://voorbeeld.nl',
      'https:/voorbeeld.nl',
      'https://localhost',
      'voorbeeld',
      'https://jan:geheim@voorbeeld.nl',
      'www.voor beeld.nl',
      '',
    ]) {
      expect(check(url, bad), bad).toEqual(err(messages.url))
    }
  })
})

describe('euro amounts', () => {
  it('reads Dutch and plain input into cents', () => {
    const cases: [string, number][] = [
      ['12,50', 1250],
      ['12.50', 1250],
      ['12,5', 1250],
      ['12', 1200],
      ['0', 0],
      ['0,01', 1],
      ['€ 1.234,56', 123456],
      ['€1.234,56', 123456],
      ['1.234', 123400], // a Dutch thousands separator
      ['1.234.567', 123456700],
      ['1,234.56', 123456],
      ['1234,56', 123456],
      ['€ 12,-', 1200],
      ['12,--', 1200],
      ['EUR 65,23', 6523],
      ['65,23 euro', 6523],
      ['\u00a0€\u00a01.000,00 ', 100000],
    ]
    for (const [input, cents] of cases) {
      expect(parseEuroCents(input), input).toBe(cents)
      expect(check(euroCents(), input)).toEqual(ok(cents))
    }
  })

  it('refuses more than two decimals, negative amounts and nonsense', () => {
    expect(parseEuro('12,505')).toEqual({ ok: false, reason: 'decimals' })
    expect(parseEuro('1,234')).toEqual({ ok: false, reason: 'decimals' }) // a comma is always decimal
    expect(parseEuro('0.125')).toEqual({ ok: false, reason: 'decimals' })
    expect(parseEuro('-12,50')).toEqual({ ok: false, reason: 'negative' })
    expect(parseEuro('€ -12,50')).toEqual({ ok: false, reason: 'negative' })
    for (const bad of ['', 'twaalf', '12,50,00', '1.23.4', '12.345.6', '1,2,3', ',50', '12a', '1..2']) {
      expect(parseEuro(bad).ok, bad).toBe(false)
    }
    expect(check(euroCents(), '12,505')).toEqual(
      err('Vul een bedrag in met hoogstens 2 cijfers achter de komma'),
    )
    expect(check(euroCents(), '-1')).toEqual(err('Vul een bedrag van 0 of meer in'))
    expect(check(euroCents(), 'twaalf')).toEqual(err('Vul een bedrag in euro in, zoals 12,50'))
    expect(check(euroCents({ required: 'Vul het tarief in' }), undefined)).toEqual(err('Vul het tarief in'))
    expect(check(euroCents({ max: 100_000_00 }), '100.000,01')).toEqual(
      err('Vul een bedrag in van hoogstens € 100.000,00'),
    )
  })

  it('writes cents back for an input', () => {
    expect(centsToInputValue(123456)).toBe('1234,56')
    expect(centsToInputValue(5)).toBe('0,05')
    expect(centsToInputValue(1200)).toBe('12,00')
    expect(parseEuroCents(centsToInputValue(987654321))).toBe(987654321)
  })
})

describe('numbers, text, dates, checkboxes', () => {
  it('reads whole numbers', () => {
    expect(check(wholeNumber(), '12')).toEqual(ok(12))
    expect(check(wholeNumber(), '1.200')).toEqual(ok(1200))
    expect(check(wholeNumber({ min: 1, max: 50 }), '0')).toEqual(err('Vul een getal in van 1 of meer'))
    expect(check(wholeNumber({ min: 1, max: 50 }), '51')).toEqual(err('Vul een getal in van hoogstens 50'))
    expect(check(wholeNumber(), '1,5')).toEqual(err(messages.wholeNumber))
  })

  it('trims required text and limits its length', () => {
    expect(check(text(), '  Zorg BV  ')).toEqual(ok('Zorg BV'))
    expect(check(text(), '   ')).toEqual(err('Vul dit veld in'))
    expect(check(text({ required: 'Vul de naam van uw organisatie in' }), undefined)).toEqual(
      err('Vul de naam van uw organisatie in'),
    )
    expect(check(text({ max: 5 }), 'zesjes')).toEqual(err('Gebruik hoogstens 5 tekens'))
  })

  it('turns empty optional text into undefined', () => {
    expect(check(optionalText(), '')).toEqual(ok(undefined))
    expect(check(optionalText(), '   ')).toEqual(ok(undefined))
    expect(check(optionalText(), undefined)).toEqual(ok(undefined))
    expect(check(optionalText(), ' iets ')).toEqual(ok('iets'))
    expect(check(optionalText({ max: 3 }), 'vier')).toEqual(err('Gebruik hoogstens 3 tekens'))
    expect(check(optionalField(postcode), '  ')).toEqual(ok(undefined))
    expect(check(optionalField(postcode), '1234ab')).toEqual(ok('1234 AB'))
    expect(check(optionalField(postcode), '12')).toEqual(err(messages.postcode))
  })

  it('reads date inputs as Amsterdam midnight', () => {
    const expected = '2026-11-22T23:00:00.000Z'
    for (const input of ['2026-11-23', '23-11-2026', '23/11/2026', '23.11.2026']) {
      const result = dateInput().safeParse(input)
      expect(result.success && result.data.toISOString(), input).toBe(expected)
    }
    expect(dateInput().safeParse('2026-07-01').data?.toISOString()).toBe('2026-06-30T22:00:00.000Z')
    expect(check(dateInput(), '31-02-2026')).toEqual(err('Vul een datum in, zoals 23-11-2026'))
    expect(check(dateInput(), 'morgen')).toEqual(err(messages.date))
  })

  it('reads datetime-local inputs as Amsterdam time', () => {
    for (const input of ['2026-11-23T12:00', '23-11-2026 12:00', '23-11-2026, 12.00']) {
      expect(dateTimeInput().safeParse(input).data?.toISOString(), input).toBe('2026-11-23T11:00:00.000Z')
    }
    expect(dateTimeInput().safeParse('2026-07-01T12:00').data?.toISOString()).toBe('2026-07-01T10:00:00.000Z')
    expect(check(dateTimeInput(), '2026-11-23')).toEqual(
      err('Vul een datum en tijd in, zoals 23-11-2026 12:00'),
    )
  })

  it('reads checkboxes', () => {
    expect(check(checkbox(), 'on')).toEqual(ok(true))
    expect(check(checkbox(), undefined)).toEqual(ok(false))
    expect(check(checkbox(), '')).toEqual(ok(false))
    expect(check(requiredCheckbox(), 'on')).toEqual(ok(true))
    expect(check(requiredCheckbox(), undefined)).toEqual(err('Vink dit vakje aan om verder te gaan'))
  })
})

describe('with Conform parseWithZod', () => {
  const schema = z.object({
    naam: text({ max: 100, required: 'Vul de naam van uw organisatie in' }),
    kvkNummer,
    postcode,
    email,
    telefoon: optionalField(phone),
    website: optionalField(url),
    toelichting: optionalText({ max: 2000 }),
    tarief: euroCents(),
    ingangsdatum: dateInput(),
    sluiting: dateTimeInput(),
    akkoord: requiredCheckbox(),
    nieuwsbrief: checkbox(),
    soort: z.enum(['wmo', 'jeugd']),
  })

  function form(entries: Record<string, string>): FormData {
    const fd = new FormData()
    for (const [k, v] of Object.entries(entries)) fd.append(k, v)
    return fd
  }

  it('parses a complete form', () => {
    const submission = parseWithZod(
      form({
        naam: ' Zorg BV ',
        kvkNummer: '1234 5678',
        postcode: '4001ab',
        email: 'Info@Zorg.nl',
        telefoon: '',
        website: 'www.zorg.nl',
        toelichting: '',
        tarief: '€ 65,23',
        ingangsdatum: '2027-01-01',
        sluiting: '2026-11-23T12:00',
        akkoord: 'on',
        soort: 'jeugd',
      }),
      { schema },
    )
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toEqual({
      naam: 'Zorg BV',
      kvkNummer: '12345678',
      postcode: '4001 AB',
      email: 'info@zorg.nl',
      telefoon: undefined,
      website: 'https://www.zorg.nl',
      toelichting: undefined,
      tarief: 6523,
      ingangsdatum: new Date('2026-12-31T23:00:00.000Z'),
      sluiting: new Date('2026-11-23T11:00:00.000Z'),
      akkoord: true,
      nieuwsbrief: false,
      soort: 'jeugd',
    })
  })

  it('gives Dutch messages for empty and wrong fields', () => {
    const submission = parseWithZod(
      form({ naam: '', kvkNummer: '123', postcode: '', email: 'x', tarief: '1,234', telefoon: '1' }),
      {
        schema,
        error: formErrorMap,
      },
    )
    if (submission.status !== 'error') throw new Error('expected errors')
    expect(submission.error).toEqual({
      naam: ['Vul de naam van uw organisatie in'],
      kvkNummer: ['Vul een KvK-nummer van 8 cijfers in'],
      postcode: ['Vul een postcode in zoals 1234 AB'],
      email: ['Vul een e-mailadres in zoals naam@voorbeeld.nl'],
      telefoon: [messages.phone],
      tarief: ['Vul een bedrag in met hoogstens 2 cijfers achter de komma'],
      ingangsdatum: ['Vul een datum in, zoals 23-11-2026'],
      sluiting: ['Vul een datum en tijd in, zoals 23-11-2026 12:00'],
      akkoord: ['Vink dit vakje aan om verder te gaan'],
      soort: ['Kies een van de mogelijkheden'], // a missing radio choice
    })
  })

  it('words stray issues in plain Dutch through formErrorMap', () => {
    const submission = parseWithZod(form({ soort: 'anders' }), {
      schema: z.object({ soort: z.enum(['wmo', 'jeugd']), opmerking: z.string().max(3) }),
      error: formErrorMap,
    })
    if (submission.status !== 'error') throw new Error('expected errors')
    expect(submission.error).toEqual({
      soort: ['Kies een van de mogelijkheden'],
      opmerking: ['Vul dit veld in'],
    })
  })
})
