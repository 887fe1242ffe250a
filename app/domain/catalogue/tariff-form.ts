/** The form of one tariff period of a product (an indexed tariff for next year, a correction), client and server. */
import { z } from 'zod'
import { dateInput, euroCents, optionalField, optionalText } from '~/utils/validation'
import { periodError } from './rules'

export const tariffSchema = z
  .object({
    tariff: euroCents({ required: 'Vul het tarief in euro in, zoals 62,50' }),
    validFrom: dateInput({ required: 'Vul de ingangsdatum van het tarief in' }),
    validUntil: optionalField(dateInput()),
    indexation: optionalText({ max: 200 }),
  })
  .superRefine((v, ctx) => {
    const error = periodError(v.validFrom, v.validUntil)
    if (error) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: error })
  })

export type TariffValue = z.output<typeof tariffSchema>

// Shared with the CSV import, which is pure and lives in rules.ts.
export { periodsOverlap } from './rules'
