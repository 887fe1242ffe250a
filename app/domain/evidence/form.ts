/**
 * The one schema of the evidence form (add and replace), used by Conform in the browser and by the server. The files
 * themselves are checked on the server while they stream in (see app/utils/upload.server.ts); the schema covers the
 * other fields. It needs the types (which expire, which need an issue date, which ask
 * for counts of professionals), so it is built per request.
 */
import { z } from 'zod'
import { dateInput, optionalField, optionalText, text, wholeNumber } from '~/utils/validation'

export type FormType = { id: string; name: string; expires: boolean; asksProfessionalCounts: boolean }

export const FILE_FIELD = 'bestanden'

export const MAX_PROFESSIONALS = 99_999

const TOTAL_REQUIRED = 'Vul in hoeveel professionals het werk doen, zoals 45.'
const REGISTERED_REQUIRED = 'Vul in hoeveel van hen in het SKJ- of BIG-register staan, zoals 42.'

/** A count of professionals as typed ("45", "1.200"): the number, or the Dutch message to show next to the field. */
export function parseProfessionalCount(
  raw: string | undefined,
  required: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const parsed = wholeNumber({ min: 0, max: MAX_PROFESSIONALS, required }).safeParse(raw ?? '')
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: parsed.error.issues[0].message }
}

export function evidenceSchema(types: FormType[]) {
  const byId = new Map(types.map((t) => [t.id, t]))
  return z
    .object({
      typeId: z
        .string({ error: 'Kies het soort bewijsstuk' })
        .refine((v) => byId.has(v), 'Kies het soort bewijsstuk'),
      issuer: text({ max: 200, required: 'Vul in wie het bewijsstuk heeft afgegeven' }),
      number: optionalText({ max: 100 }),
      scope: optionalText({ max: 1000 }),
      issuedAt: optionalField(dateInput()),
      validFrom: dateInput({ required: 'Vul in vanaf wanneer het bewijsstuk geldt, zoals 23-11-2026' }),
      validUntil: optionalField(dateInput()),
      // Read as text and checked below: only a type that asks for counts needs them, and without JavaScript the
      // fields are shown for every type.
      professionalsTotal: z.string().trim().optional(),
      professionalsRegistered: z.string().trim().optional(),
    })
    .superRefine((v, ctx) => {
      const type = byId.get(v.typeId)
      if (!type) return
      if (type.asksProfessionalCounts) {
        const total = parseProfessionalCount(v.professionalsTotal, TOTAL_REQUIRED)
        const registered = parseProfessionalCount(v.professionalsRegistered, REGISTERED_REQUIRED)
        if (!total.ok) ctx.addIssue({ code: 'custom', path: ['professionalsTotal'], message: total.message })
        if (!registered.ok) {
          ctx.addIssue({ code: 'custom', path: ['professionalsRegistered'], message: registered.message })
        }
        if (total.ok && registered.ok && registered.value > total.value) {
          ctx.addIssue({
            code: 'custom',
            path: ['professionalsRegistered'],
            message: `Er kunnen niet meer professionals geregistreerd zijn dan er het werk doen (${total.value}). Controleer beide aantallen.`,
          })
        }
      }
      if (type.expires && !v.validUntil) {
        ctx.addIssue({
          code: 'custom',
          path: ['validUntil'],
          message: `Vul in tot wanneer het bewijsstuk geldt. Een ${type.name} heeft een einddatum.`,
        })
      }
      if (v.validUntil && v.validFrom && v.validUntil <= v.validFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['validUntil'],
          message: 'Kies een einddatum die na de begindatum ligt.',
        })
      }
      if (!type.expires && !v.issuedAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['issuedAt'],
          message: `Vul de datum van afgifte in. Bij een ${type.name} bepaalt die datum hoe recent het bewijs is.`,
        })
      }
      if (v.issuedAt && v.validUntil && v.issuedAt > v.validUntil) {
        ctx.addIssue({
          code: 'custom',
          path: ['issuedAt'],
          message: 'De datum van afgifte ligt na de einddatum. Controleer beide datums.',
        })
      }
    })
    .transform(({ professionalsTotal, professionalsRegistered, ...v }) => {
      // Counts typed for a type that does not ask for them are not kept: they would mean nothing there.
      const asks = byId.get(v.typeId)?.asksProfessionalCounts ?? false
      const count = (raw: string | undefined) => {
        const parsed = parseProfessionalCount(raw, '')
        return asks && parsed.ok ? parsed.value : null
      }
      return {
        ...v,
        professionalsTotal: count(professionalsTotal),
        professionalsRegistered: count(professionalsRegistered),
      }
    })
}

export type EvidenceFormValue = z.infer<ReturnType<typeof evidenceSchema>>
