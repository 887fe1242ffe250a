/**
 * Form schemas of the buyer screens, shared by Conform in the browser and `parseWithZod` on the server.
 */
import { z } from 'zod'
import {
  checkbox,
  dateInput,
  dateTimeInput,
  euroCents,
  optionalField,
  optionalText,
  text,
  url,
  wholeNumber,
} from '~/utils/validation'
import { INTENSITIES, LAWS, isCategoryValidForLaw, isUnit } from './product-categories'
import {
  INKOOPVORMEN,
  PRODUCT_CODE_MAX,
  QUESTION_KINDS,
  REGIMES,
  catalogueMessages,
  inkoopvormErrors,
  periodError,
} from './rules'

/** Checkbox groups: one value arrives as a string, several as an array, none as undefined. */
const stringList = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string()),
)

export const procurementSchema = z
  .object({
    name: text({ max: 200, required: 'Vul de naam van het inkooptraject in' }),
    description: optionalText({ max: 5000 }),
    laws: stringList.pipe(
      z.array(z.enum(LAWS, { error: 'Kies Wmo of Jeugd' })).min(1, 'Kies minstens één wet'),
    ),
    contractStart: dateInput({ required: 'Vul de begindatum van de contractperiode in' }),
    contractEnd: dateInput({ required: 'Vul de einddatum van de contractperiode in' }),
    extensionOptions: optionalText({ max: 200 }),
  })
  .superRefine((v, ctx) => {
    const error = periodError(v.contractStart, v.contractEnd)
    if (error) ctx.addIssue({ code: 'custom', path: ['contractEnd'], message: error })
  })

/** The inkoopvorm part shared by "new perceel" and "edit perceel": enforces "nee, tenzij". */
const inkoopvormFields = {
  inkoopvorm: z.enum(INKOOPVORMEN, { error: 'Kies de inkoopvorm: aanbesteding of open house' }),
  justification: optionalText({ max: 5000 }),
  tenderNedUrl: optionalField(url),
  tenderDeadlines: optionalText({ max: 2000 }),
  registrationRegime: optionalField(z.enum(REGIMES, { error: catalogueMessages.regimeRequired })),
  decisionTermDays: optionalField(wholeNumber({ min: 1, max: 260 })),
}

function refineInkoopvorm(
  v: {
    inkoopvorm: string
    justification?: string
    registrationRegime?: string
    decisionTermDays?: number
  },
  ctx: z.RefinementCtx,
) {
  const errors = inkoopvormErrors(v)
  for (const [path, message] of Object.entries(errors)) {
    ctx.addIssue({ code: 'custom', path: [path], message })
  }
}

export const perceelSchema = z
  .object({
    name: text({ max: 200, required: 'Vul de naam van het perceel in' }),
    description: optionalText({ max: 5000 }),
    ...inkoopvormFields,
    gemeenten: stringList,
    segments: stringList,
  })
  .superRefine(refineInkoopvorm)

export const segmentSchema = z.object({
  name: text({ max: 200, required: 'Vul de naam van het segment in' }),
  law: z.enum(LAWS, { error: 'Kies Wmo of Jeugd' }),
  description: optionalText({ max: 2000 }),
})

export const productSchema = z
  .object({
    law: z.enum(LAWS, { error: 'Kies Wmo of Jeugd' }),
    categoryCode: z.string({ error: catalogueMessages.category }),
    code: text({ max: PRODUCT_CODE_MAX, required: catalogueMessages.code }),
    name: text({ max: 200, required: 'Vul de naam van het product in' }),
    unit: z.string({ error: catalogueMessages.unit }).refine(isUnit, catalogueMessages.unit),
    intensity: optionalField(z.enum(INTENSITIES, { error: catalogueMessages.intensity })),
    tariff: euroCents({ required: 'Vul het tarief in euro in, zoals 62,50' }),
    validFrom: dateInput({ required: 'Vul de ingangsdatum van het tarief in' }),
    validUntil: optionalField(dateInput()),
    indexation: optionalText({ max: 200 }),
  })
  .superRefine((v, ctx) => {
    if (!isCategoryValidForLaw(v.categoryCode, v.law)) {
      ctx.addIssue({ code: 'custom', path: ['categoryCode'], message: catalogueMessages.category })
    }
    const error = periodError(v.validFrom, v.validUntil)
    if (error) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: error })
  })

export const momentSchema = z.object({
  opensAt: dateTimeInput({ required: 'Vul in wanneer het inschrijfmoment opengaat' }),
  closesAt: dateTimeInput({ required: 'Vul in wanneer het inschrijfmoment sluit' }),
  decisionDate: dateInput({ required: 'Vul de besluitdatum in' }),
})

export const milestoneSchema = z.object({
  label: text({ max: 200, required: 'Vul de naam van de mijlpaal in' }),
  at: dateTimeInput({ required: 'Vul de datum en tijd van de mijlpaal in' }),
  ifNeeded: checkbox(),
})

export const requiredEvidenceSchema = z.object({
  evidenceTypeId: z.string({ error: 'Kies een soort bewijsstuk' }),
  validUntilAtLeast: optionalField(dateInput()),
  issuedWithinMonths: optionalField(wholeNumber({ min: 1, max: 120 })),
})

export const questionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: 'Kies het soort vraag' }),
    text: text({ max: 1000, required: 'Vul de vraag in' }),
    requiredAnswer: optionalField(z.enum(['ja', 'nee'], { error: 'Kies ja of nee' })),
    minimum: optionalField(wholeNumber({ min: 0 })),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'knockout_yesno' && !v.requiredAnswer) {
      ctx.addIssue({ code: 'custom', path: ['requiredAnswer'], message: 'Kies welk antwoord vereist is' })
    }
    if (v.kind === 'knockout_number' && v.minimum === undefined) {
      ctx.addIssue({ code: 'custom', path: ['minimum'], message: 'Vul het minimum in, bijvoorbeeld 10' })
    }
  })

export const publishSchema = z.object({
  summary: text({ max: 2000, required: 'Beschrijf kort wat er is gepubliceerd of gewijzigd' }),
})

export const closeSchema = z.object({
  reason: text({ max: 2000, required: 'Geef aan waarom het inkooptraject sluit' }),
})
