/**
 * Field schemas shared by every form, on the client (Conform) and on the server (`parseWithZod` from
 * `@conform-to/zod/v4`). Pure: no Node APIs.
 *
 * How they fit Conform: Conform sends strings and turns an empty field into `undefined`, so every required schema
 * carries its Dutch message for `undefined` as well as for a wrong value. Normalising fields (postcode, phone, ...)
 * check with `refine`, not `regex`, so Conform's constraint helper never puts a `pattern` on the input that would make
 * the browser refuse "1234ab" before we could normalise it. Messages are formal ("u") and say what to do.
 *
 * Use the constants directly (`kvkNummer`), the factories where a form needs its own limits or wording
 * (`text({ max: 200, required: 'Vul de naam van uw organisatie in' })`), and `optionalField(schema)` for fields that
 * may stay empty.
 */
import { z } from 'zod'
import { fromAmsterdamLocal, parseAmsterdamDateTimeLocal, parseDateOnly } from './time'

export const messages = {
  required: 'Vul dit veld in',
  kvkNummer: 'Vul een KvK-nummer van 8 cijfers in',
  vestigingsnummer: 'Vul een vestigingsnummer van 12 cijfers in',
  agbCode: 'Vul een AGB-code van 8 cijfers in',
  postcode: 'Vul een postcode in zoals 1234 AB',
  pc4: 'Vul de 4 cijfers van een postcode in, zoals 4001',
  email: 'Vul een e-mailadres in zoals naam@voorbeeld.nl',
  emailTooLong: 'Vul een e-mailadres in van hoogstens 254 tekens',
  passwordRequired: 'Vul een wachtwoord in',
  passwordTooShort: 'Kies een wachtwoord van minstens 12 tekens',
  passwordTooLong: 'Kies een wachtwoord van hoogstens 200 tekens',
  currentPassword: 'Vul uw wachtwoord in',
  phone: 'Vul een Nederlands telefoonnummer in, zoals 06 12345678 of 030 123 45 67',
  url: 'Vul een webadres in, zoals https://www.voorbeeld.nl',
  amount: 'Vul een bedrag in euro in, zoals 12,50',
  amountDecimals: 'Vul een bedrag in met hoogstens 2 cijfers achter de komma',
  amountNegative: 'Vul een bedrag van 0 of meer in',
  amountTooHigh: (maxCents: number) => `Vul een bedrag in van hoogstens ${formatEuroCents(maxCents)}`,
  wholeNumber: 'Vul een heel getal in, zoals 12',
  numberTooSmall: (min: number) => `Vul een getal in van ${min} of meer`,
  numberTooBig: (max: number) => `Vul een getal in van hoogstens ${max}`,
  date: 'Vul een datum in, zoals 23-11-2026',
  dateTime: 'Vul een datum en tijd in, zoals 23-11-2026 12:00',
  tooLong: (max: number) => `Gebruik hoogstens ${max} tekens`,
  tooShort: (min: number) => `Gebruik minstens ${min} tekens`,
  checkboxRequired: 'Vink dit vakje aan om verder te gaan',
  choice: 'Kies een van de mogelijkheden',
  fallback: 'Controleer wat u hebt ingevuld',
} as const

// --- helpers ---------------------------------------------------------------------------------------------------------

/**
 * Makes a field optional: empty or whitespace-only input becomes `undefined`. Conform already turns "" into
 * `undefined`; this also covers "   " and direct calls in tests and loaders.
 */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())
}

/**
 * A fallback error map in plain Dutch for issues a field schema does not word itself (e.g. a route's own `z.enum`).
 * Pass it per parse (`parseWithZod(formData, { schema, error: formErrorMap })`) or once with
 * `z.config({ customError: formErrorMap })`. Messages set on a schema always win.
 */
export const formErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? messages.required : messages.fallback
    case 'invalid_value':
      return messages.choice
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? messages.required : messages.tooShort(Number(issue.minimum))
      }
      if (issue.origin === 'number') return messages.numberTooSmall(Number(issue.minimum))
      if (issue.origin === 'array' || issue.origin === 'set') return messages.choice
      return messages.fallback
    case 'too_big':
      if (issue.origin === 'string') return messages.tooLong(Number(issue.maximum))
      if (issue.origin === 'number') return messages.numberTooBig(Number(issue.maximum))
      return messages.fallback
    default:
      return messages.fallback
  }
}

// --- text --------------------------------------------------------------------------------------------------------------

/** Required text: trimmed, not empty, at most `max` characters. */
export function text({ max = 500, required = messages.required as string } = {}) {
  return z.string({ error: required }).trim().min(1, required).max(max, messages.tooLong(max))
}

/** Optional text: trimmed; empty becomes `undefined`. */
export function optionalText({ max = 500 } = {}) {
  return z
    .string({ error: messages.fallback })
    .trim()
    .max(max, messages.tooLong(max))
    .optional()
    .transform((v) => (v === '' ? undefined : v))
}

// --- identifiers -----------------------------------------------------------------------------------------------------

// People paste numbers with spaces, dots or dashes ("1234 5678"); only the digits count.
const stripSeparators = (s: string) => s.replace(/[\s.-]/g, '')

function digits(length: number, message: string) {
  const re = new RegExp(`^[0-9]{${length}}$`)
  return z
    .string({ error: message })
    .overwrite(stripSeparators)
    .refine((s) => re.test(s), message)
}

/** KvK-nummer: 8 digits. No 11-check: numbers in use fail it. Leading zeros are kept (it is a string). */
export const kvkNummer = digits(8, messages.kvkNummer)

/** KvK vestigingsnummer: 12 digits, no check digit. */
export const vestigingsnummer = digits(12, messages.vestigingsnummer)

/** AGB-code (Vektis): 8 digits, no check digit; the first two are the zorgverlenersoort. */
export const agbCode = digits(8, messages.agbCode)

// --- addresses ---------------------------------------------------------------------------------------------------------

const POSTCODE = /^[1-9][0-9]{3} (?!SA|SD|SS)[A-Z]{2}$/

/** "1234ab", "1234 AB", " 1234  ab " -> "1234 AB"; null when it is not a Dutch postcode (SA, SD and SS are unused). */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase()
  const formatted = `${compact.slice(0, 4)} ${compact.slice(4)}`
  return compact.length === 6 && POSTCODE.test(formatted) ? formatted : null
}

/** Dutch postcode, normalised to "1234 AB". */
export const postcode = z
  .string({ error: messages.postcode })
  .overwrite((s) => normalisePostcode(s) ?? s.trim())
  .refine((s) => POSTCODE.test(s), messages.postcode)

/**
 * The four digits of a postcode (PC4), e.g. for the anonymous keuzehulp. A full postcode is accepted and cut to its
 * digits, so the letters (which narrow down an address) are never kept.
 */
export const pc4 = z
  .string({ error: messages.pc4 })
  .overwrite((s) => {
    const compact = s.replace(/\s+/g, '')
    return /^[0-9]{4}[a-zA-Z]{2}$/.test(compact) ? compact.slice(0, 4) : compact
  })
  .refine((s) => /^[1-9][0-9]{3}$/.test(s), messages.pc4)

// --- contact -----------------------------------------------------------------------------------------------------------

/** E-mail address: trimmed and lowercased (we compare addresses, and nobody relies on a case-sensitive local part). */
export const email = z
  .string({ error: messages.email })
  .trim()
  .toLowerCase()
  .max(254, messages.emailTooLong)
  .refine((s) => z.regexes.email.test(s), messages.email)

/** A new password: 12 to 200 characters, not trimmed (spaces may be part of a passphrase). */
export const password = z
  .string({ error: messages.passwordRequired })
  .min(12, messages.passwordTooShort)
  .max(200, messages.passwordTooLong)

/** The password on a login or confirmation form: only required, so older or shorter passwords still get checked. */
export const currentPassword = z
  .string({ error: messages.currentPassword })
  .min(1, messages.currentPassword)
  .max(200, messages.passwordTooLong)

const SPECIAL_RATE = /^0(800|90[069])/

/**
 * A Dutch phone number in E.164 form ("+31612345678"), or null. Accepts 0 and +31 / 0031 forms with spaces, dashes,
 * dots, brackets and "+31 (0)20 ...". National numbers are 10 digits; 0800/0900/0906/0909 have 4 or 7 digits after
 * the prefix. Gemeente 14-numbers and foreign numbers are not accepted.
 */
export function normaliseDutchPhone(input: string): string | null {
  let s = input
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s\-.()/]/g, '')
  if (s.startsWith('+31')) s = `0${s.slice(3)}`
  else if (s.startsWith('0031')) s = `0${s.slice(4)}`
  if (!/^0[1-9][0-9]+$/.test(s)) return null
  const valid = SPECIAL_RATE.test(s) ? /^0[0-9]{3}([0-9]{4}|[0-9]{7})$/.test(s) : /^0[0-9]{9}$/.test(s)
  return valid ? `+31${s.slice(1)}` : null
}

/** "+31612345678" -> "0612345678", for showing a stored number the Dutch way. */
export function phoneToNational(e164: string): string {
  return e164.startsWith('+31') ? `0${e164.slice(3)}` : e164
}

/** Dutch phone number, normalised to E.164 ("+31612345678"). */
export const phone = z
  .string({ error: messages.phone })
  .overwrite((s) => normaliseDutchPhone(s) ?? s.trim())
  .refine((s) => normaliseDutchPhone(s) === s, messages.phone)

/**
 * An http(s) web address, or null. "www.voorbeeld.nl" gets "https://"; other schemes (mailto:, javascript:) and
 * addresses with a user name or password are refused; the host must be a dotted name such as "voorbeeld.nl".
 */
export function normaliseUrl(input: string): string | null {
  let s = input.trim()
  if (s === '' || /\s/.test(s)) return null
  if (!/^https?:\/\//i.test(s)) {
    // Another scheme; a colon followed by a digit is a port ("voorbeeld.nl:8080").
    if (/^[a-z][a-z0-9+.-]*:(?![0-9])/i.test(s)) return null
    s = s.startsWith('//') ? `https:${s}` : `https://${s}`
  }
  let url: URL
  try {
    url = new URL(s)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username || url.password) return null
  if (!/^([a-z0-9-]+\.)+([a-z]{2,}|xn--[a-z0-9-]+)$/i.test(url.hostname)) return null
  return s
}

/** Web address (http or https); "https://" is added when the scheme is missing. */
export const url = z
  .string({ error: messages.url })
  .max(2000, messages.tooLong(2000))
  .overwrite((s) => normaliseUrl(s) ?? s.trim())
  .refine((s) => normaliseUrl(s) === s, messages.url)

// --- money -------------------------------------------------------------------------------------------------------------

export type EuroParseResult =
  { ok: true; cents: number } | { ok: false; reason: 'format' | 'decimals' | 'negative' }

/**
 * Reads an amount typed the Dutch way into integer cents: "12,50", "12.50", "€ 1.234,56", "1234", "€ 12,-". The rules:
 * a comma is the decimal separator; with both "." and "," the last one is the decimal separator; a single "." followed
 * by one or two digits is a decimal point ("12.50"), but followed by three digits it separates thousands ("1.234" is
 * one thousand two hundred and thirty-four euro, as a Dutch reader means it). At most two decimals.
 */
export function parseEuro(input: string): EuroParseResult {
  let s = input.replace(/[\s\u00a0\u202f]/g, '')
  let negative = false
  // Sign and currency in either order: "-€12", "€-12", "EUR 12", "12 euro".
  for (let i = 0; i < 2; i++) {
    if (/^[-\u2212]/.test(s)) {
      negative = true
      s = s.slice(1)
    }
    s = s.replace(/^(€|eur(o)?)/i, '')
  }
  s = s.replace(/(€|eur(o|'s)?)$/i, '')
  s = s.replace(/[,.]-{1,2}$/, '') // "12,-" means whole euros
  if (!/^[0-9][0-9.,]*$/.test(s)) return { ok: false, reason: 'format' }

  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  let decimalSep: ',' | '.' | null = null
  let thousandsSep: ',' | '.' | null = null
  if (lastComma >= 0 && lastDot >= 0) {
    decimalSep = lastComma > lastDot ? ',' : '.'
    thousandsSep = decimalSep === ',' ? '.' : ','
  } else if (lastComma >= 0) {
    if (s.indexOf(',') !== lastComma) return { ok: false, reason: 'format' }
    decimalSep = ','
  } else if (lastDot >= 0) {
    const after = s.length - lastDot - 1
    const single = s.indexOf('.') === lastDot
    if (single && after !== 3) decimalSep = '.'
    else if (/^[1-9][0-9]{0,2}(\.[0-9]{3})+$/.test(s)) thousandsSep = '.'
    else if (single)
      decimalSep = '.' // "0.125": three decimals, reported below
    else return { ok: false, reason: 'format' }
  }

  let intPart = s
  let fraction = ''
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep)
    intPart = s.slice(0, at)
    fraction = s.slice(at + 1)
    if (!/^[0-9]*$/.test(fraction)) return { ok: false, reason: 'format' }
  }
  if (thousandsSep) {
    const groups = new RegExp(`^[1-9][0-9]{0,2}(\\${thousandsSep}[0-9]{3})+$`)
    if (!groups.test(intPart) && !/^[0-9]+$/.test(intPart)) return { ok: false, reason: 'format' }
    intPart = intPart.split(thousandsSep).join('')
  }
  if (!/^[0-9]+$/.test(intPart)) return { ok: false, reason: 'format' }
  if (fraction.length > 2) return { ok: false, reason: 'decimals' }
  const cents = Number(intPart) * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) return { ok: false, reason: 'format' }
  if (negative && cents !== 0) return { ok: false, reason: 'negative' }
  return { ok: true, cents }
}

/** Integer cents, or null when the input is not a valid amount of at least 0. */
export function parseEuroCents(input: string): number | null {
  const result = parseEuro(input)
  return result.ok ? result.cents : null
}

/** 123456 -> "1234,56": the value to put back in an amount input. */
export function centsToInputValue(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(cents))
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`
}

function formatEuroCents(cents: number): string {
  const [whole, fraction] = centsToInputValue(cents).split(',')
  return `€ ${whole!.replace(/\B(?=([0-9]{3})+(?![0-9]))/g, '.')},${fraction}`
}

/** An amount in euro from Dutch input, as integer cents (>= 0, at most 2 decimals, at most `max` cents if given). */
export function euroCents({
  max,
  required = messages.amount as string,
}: { max?: number; required?: string } = {}) {
  return z.string({ error: required }).transform((s, ctx) => {
    const result = parseEuro(s)
    if (!result.ok) {
      const message =
        result.reason === 'negative'
          ? messages.amountNegative
          : result.reason === 'decimals'
            ? messages.amountDecimals
            : s.trim() === ''
              ? required
              : messages.amount
      ctx.issues.push({ code: 'custom', message, input: s })
      return z.NEVER
    }
    if (max !== undefined && result.cents > max) {
      ctx.issues.push({ code: 'custom', message: messages.amountTooHigh(max), input: s })
      return z.NEVER
    }
    return result.cents
  })
}

/** A whole number typed in a text or number input ("12", "1.200"), between `min` and `max`. */
export function wholeNumber({
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
  required = messages.wholeNumber as string,
}: { min?: number; max?: number; required?: string } = {}) {
  return z.string({ error: required }).transform((s, ctx) => {
    const compact = s.replace(/\s/g, '')
    const normalised = /^-?[1-9][0-9]{0,2}(\.[0-9]{3})+$/.test(compact) ? compact.replace(/\./g, '') : compact
    const n = /^-?[0-9]+$/.test(normalised) ? Number(normalised) : NaN
    let message: string | null = null
    if (!Number.isSafeInteger(n)) message = compact === '' ? required : messages.wholeNumber
    else if (n < min) message = messages.numberTooSmall(min)
    else if (n > max) message = messages.numberTooBig(max)
    if (message) {
      ctx.issues.push({ code: 'custom', message, input: s })
      return z.NEVER
    }
    return n
  })
}

// --- dates -------------------------------------------------------------------------------------------------------------

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/
const DUTCH_DATE_TIME = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}),?\s+(\d{1,2})[:.](\d{2})$/

/** "2026-11-23" (date input) or "23-11-2026" (typed where the browser shows a text box) -> Amsterdam midnight. */
export function parseDateField(input: string): Date | null {
  const s = input.trim()
  const dutch = DUTCH_DATE.exec(s)
  if (!dutch) return parseDateOnly(s)
  try {
    return fromAmsterdamLocal(Number(dutch[3]), Number(dutch[2]), Number(dutch[1]))
  } catch {
    return null
  }
}

/** "2026-11-23T12:00" (datetime-local input) or "23-11-2026 12:00" -> the instant, read as Amsterdam time. */
export function parseDateTimeField(input: string): Date | null {
  const s = input.trim()
  const dutch = DUTCH_DATE_TIME.exec(s)
  if (!dutch) return parseAmsterdamDateTimeLocal(s)
  try {
    return fromAmsterdamLocal(
      Number(dutch[3]),
      Number(dutch[2]),
      Number(dutch[1]),
      Number(dutch[4]),
      Number(dutch[5]),
    )
  } catch {
    return null
  }
}

/** An `<input type=date>` field: a Date at Amsterdam midnight of the chosen day. */
export function dateInput({ required = messages.date as string } = {}) {
  return z.string({ error: required }).transform((s, ctx) => {
    const d = parseDateField(s)
    if (!d) {
      ctx.issues.push({ code: 'custom', message: s.trim() === '' ? required : messages.date, input: s })
      return z.NEVER
    }
    return d
  })
}

/** An `<input type=datetime-local>` field: the instant, with the typed time read as Amsterdam time. */
export function dateTimeInput({ required = messages.dateTime as string } = {}) {
  return z.string({ error: required }).transform((s, ctx) => {
    const d = parseDateTimeField(s)
    if (!d) {
      ctx.issues.push({ code: 'custom', message: s.trim() === '' ? required : messages.dateTime, input: s })
      return z.NEVER
    }
    return d
  })
}

// --- checkboxes --------------------------------------------------------------------------------------------------------

/** A checkbox: a browser sends "on" when ticked and nothing when not, so anything else is false. */
export function checkbox() {
  return z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())
}

/** A checkbox that must be ticked (e.g. "Ik ga akkoord met de voorwaarden"). */
export function requiredCheckbox(message: string = messages.checkboxRequired) {
  return checkbox().refine((v) => v, message)
}
