/**
 * The schema of the werkgebied-and-capacity form, shared by the browser and the server. Per product the provider
 * states its capacity for the whole product, or per location (one row per vestiging). Without JavaScript both parts
 * of the form are visible; only the chosen part is validated and saved, as with the PC4 field of the werkgebied.
 */
import { z } from 'zod'
import { optionalField, optionalText, wholeNumber } from '~/utils/validation'
import type { ProductInput } from './save.server'
import {
  ACCEPTING,
  MAX_FREE_PLACES,
  MAX_LOCATION,
  MAX_REMARK,
  MAX_WAITING_WEEKS,
  parsePc4List,
  unknownPc4Message,
} from './rules'

/** How many empty location rows the form offers beyond the saved ones, and the most rows it shows. */
export const EMPTY_LOCATION_ROWS = 2
export const MAX_LOCATIONS = 12

const ACCEPTING_REQUIRED = 'Kies of u nieuwe cliënten aanneemt'
const WAITING_REQUIRED = 'Vul de verwachte wachttijd in weken in, of 0 als er geen wachttijd is'

const gemeenteSchema = z
  .object({
    gemeenteCode: z.string(),
    dekking: z.enum(['geheel', 'deels', 'niet'], { error: 'Kies waar u in deze gemeente werkt' }),
    pc4s: z.string().optional(),
  })
  .superRefine((g, ctx) => {
    if (g.dekking !== 'deels') return
    const { codes, invalid } = parsePc4List(g.pc4s ?? '')
    if (codes.length === 0 && invalid.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['pc4s'],
        message:
          'Vul de postcodegebieden in waar u werkt, of kies "In de hele gemeente" of "Niet in deze gemeente"',
      })
    } else if (invalid.length) {
      ctx.addIssue({ code: 'custom', path: ['pc4s'], message: unknownPc4Message([], invalid)! })
    }
  })

/**
 * The figure fields are read as text and checked in the refinement below, only for the part the provider chose: an
 * error in the part it did not choose (hidden once a browser applies the styles) must never block the save.
 */
const text = z.string().optional()

const locationSchema = z.object({ name: text, accepting: text, waitingWeeks: text, freePlaces: text })

type FiguresText = { accepting?: string; waitingWeeks?: string; freePlaces?: string }

const acceptingSchema = z.enum(ACCEPTING, { error: ACCEPTING_REQUIRED })
const waitingSchema = wholeNumber({ min: 0, max: MAX_WAITING_WEEKS, required: WAITING_REQUIRED })
const freePlacesSchema = optionalField(wholeNumber({ min: 0, max: MAX_FREE_PLACES }))
const nameSchema = z.string().trim().max(MAX_LOCATION, `Gebruik hoogstens ${MAX_LOCATION} tekens`)

const blank = (v: string | undefined) => (v ?? '').trim() === ''

/** A row the provider left completely empty is not a location (the form always offers a few spare rows). */
function isFilled(l: z.output<typeof locationSchema>): boolean {
  return !blank(l.name) || !blank(l.accepting) || !blank(l.waitingWeeks) || !blank(l.freePlaces)
}

/** The figures as numbers, with an issue at each field that is wrong. */
function checkFigures(f: FiguresText, ctx: z.RefinementCtx, path: (string | number)[]) {
  const field = <T>(schema: z.ZodType<T>, value: string | undefined, key: string): T | undefined => {
    const result = schema.safeParse(blank(value) ? undefined : value)
    if (result.success) return result.data
    ctx.addIssue({ code: 'custom', path: [...path, key], message: result.error.issues[0]!.message })
    return undefined
  }
  return {
    accepting: field(acceptingSchema, f.accepting, 'accepting'),
    waitingWeeks: field(waitingSchema, f.waitingWeeks, 'waitingWeeks'),
    freePlaces: field(freePlacesSchema, f.freePlaces, 'freePlaces'),
  }
}

export const CAPACITY_FOR = [
  { value: 'product', label: 'Voor het hele product' },
  { value: 'locatie', label: 'Per locatie' },
] as const

const productSchema = z
  .object({
    productId: z.string(),
    capacityFor: z.enum(['product', 'locatie'], { error: 'Kies of u de capaciteit per locatie opgeeft' }),
    accepting: text,
    waitingWeeks: text,
    freePlaces: text,
    locations: z.array(locationSchema).max(MAX_LOCATIONS).default([]),
    remark: optionalText({ max: MAX_REMARK }),
    gemeenten: z.array(gemeenteSchema).default([]),
  })
  .transform((p, ctx): ProductInput => {
    const { productId, remark, gemeenten } = p
    if (p.capacityFor === 'product') {
      const f = checkFigures(p, ctx, [])
      const report = {
        location: '',
        accepting: f.accepting!,
        waitingWeeks: f.waitingWeeks!,
        freePlaces: f.freePlaces,
      }
      return { productId, remark, gemeenten, reports: [report] }
    }
    const rows = p.locations.flatMap((l, i) => (isFilled(l) ? [{ l, i }] : []))
    if (rows.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['locations', 0, 'name'],
        message: 'Vul ten minste één locatie in, of kies "Voor het hele product"',
      })
    }
    const seen = new Set<string>()
    const reports = rows.map(({ l, i }) => {
      const f = checkFigures(l, ctx, ['locations', i])
      const name = nameSchema.safeParse(l.name ?? '')
      const location = name.success ? name.data : ''
      const issue = (message: string) =>
        ctx.addIssue({ code: 'custom', path: ['locations', i, 'name'], message })
      if (!name.success) issue(name.error.issues[0]!.message)
      else if (location === '') issue('Vul de naam van de locatie in')
      else if (seen.has(location.toLocaleLowerCase('nl')))
        issue('Deze locatie staat er al; geef elke locatie één regel')
      seen.add(location.toLocaleLowerCase('nl'))
      return { location, accepting: f.accepting!, waitingWeeks: f.waitingWeeks!, freePlaces: f.freePlaces }
    })
    return { productId, remark, gemeenten, reports }
  })

/** Parses to what the domain saves: per product its reports (whole product, or one per location). */
export const capacitySchema = z.object({ products: z.array(productSchema).min(1) })

/** What the form shows for a product's current reports: the saved figures, plus spare empty location rows. */
export function capacityDefaults(
  reports: {
    location: string
    accepting: string
    freePlaces: number | null
    waitingWeeks: number | null
    remark: string
  }[],
) {
  const text = (n: number | null) => (n == null ? '' : String(n))
  const whole = reports.find((r) => r.location === '')
  const named = reports.filter((r) => r.location !== '')
  const spare = Math.max(0, Math.min(EMPTY_LOCATION_ROWS, MAX_LOCATIONS - named.length))
  return {
    capacityFor: named.length ? 'locatie' : 'product',
    accepting: whole?.accepting ?? '',
    waitingWeeks: text(whole?.waitingWeeks ?? null),
    freePlaces: text(whole?.freePlaces ?? null),
    locations: [
      ...named.map((r) => ({
        name: r.location,
        accepting: r.accepting,
        waitingWeeks: text(r.waitingWeeks),
        freePlaces: text(r.freePlaces),
      })),
      ...Array.from({ length: spare }, () => ({ name: '', accepting: '', waitingWeeks: '', freePlaces: '' })),
    ],
    remark: reports[0]?.remark ?? '',
  }
}
