/**
 * The one schema of the evidence form (add and replace), used by Conform in the browser and by the server. The files
 * themselves are checked on the server while they stream in (see app/utils/upload.server.ts); the schema covers the
 * other fields. It needs the types (which expire, which need an issue date), so it is built per request.
 */
import { z } from 'zod'
import { dateInput, optionalField, optionalText, text } from '~/utils/validation'

export type FormType = { id: string; name: string; expires: boolean }

export const FILE_FIELD = 'bestanden'

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
    })
    .superRefine((v, ctx) => {
      const type = byId.get(v.typeId)
      if (!type) return
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
}

export type EvidenceFormValue = z.infer<ReturnType<typeof evidenceSchema>>
