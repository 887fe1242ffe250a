/**
 * Form schemas of the contracts screens, used by Conform on the client and by `parseWithZod` on the server.
 */
import { z } from 'zod'
import { checkbox, dateInput, optionalField, optionalText, text, wholeNumber } from '~/utils/validation'
import { DUE_DAY_MAX, OBLIGATION_KINDS, RECURRENCES } from './recurrence'

export const contractTermsSchema = z
  .object({
    intent: z.literal('looptijd'),
    startDate: dateInput({ required: 'Vul de startdatum van het contract in' }),
    endDate: dateInput({ required: 'Vul de einddatum van het contract in' }),
    maxEndDate: optionalField(dateInput()),
  })
  .refine((v) => v.endDate > v.startDate, {
    message: 'Kies een einddatum na de startdatum',
    path: ['endDate'],
  })
  .refine((v) => !v.maxEndDate || v.maxEndDate >= v.endDate, {
    message: 'Kies een uiterste einddatum op of na de einddatum',
    path: ['maxEndDate'],
  })

export const extensionSchema = z.object({
  intent: z.literal('verlengingsoptie'),
  label: text({ max: 120, required: 'Geef de verlenging een naam, zoals "Eerste verlenging (3 jaar)"' }),
  decideBy: dateInput({ required: 'Vul in wanneer uiterlijk over de verlenging wordt besloten' }),
  newEndDate: dateInput({ required: 'Vul de einddatum na verlenging in' }),
})

export const decisionSchema = z.object({
  intent: z.literal('besluit'),
  extensionId: z.string().min(1),
  decision: z.enum(['verlengd', 'niet_verlengd'], { error: 'Kies verlengen of niet verlengen' }),
})

export const templateSchema = z
  .object({
    kind: z.enum(OBLIGATION_KINDS, { error: 'Kies de soort verplichting' }),
    title: text({ max: 120, required: 'Vul een korte naam in, zoals "Kwartaalrapportage"' }),
    description: optionalText({ max: 2000 }),
    recurrence: z.enum(RECURRENCES, { error: 'Kies hoe vaak de verplichting terugkomt' }),
    dueDay: wholeNumber({ min: 0, max: 3650, required: 'Vul de dag in, zoals 30' }),
    requiresDeliverable: checkbox(),
    active: checkbox().optional(),
    reason: optionalText({ max: 1000 }),
  })
  .refine((v) => v.dueDay <= DUE_DAY_MAX[v.recurrence], {
    message: 'Deze dag bestaat niet in de gekozen periode. Kies een lager getal',
    path: ['dueDay'],
  })
  .refine((v) => ['na_start', 'voor_einde', 'eenmalig'].includes(v.recurrence) || v.dueDay >= 1, {
    message: 'Kies dag 1 of later',
    path: ['dueDay'],
  })

export const reviewSchema = z
  .object({
    decision: z.enum(['geaccepteerd', 'correctie_gevraagd'], {
      error: 'Kies accepteren of correctie vragen',
    }),
    message: optionalText({ max: 2000 }),
  })
  .refine((v) => v.decision === 'geaccepteerd' || !!v.message, {
    message: 'Schrijf wat de aanbieder moet verbeteren',
    path: ['message'],
  })

/** The file itself is streamed into storage by the upload handler; `bestand` is only here for the form's field. */
export const submitSchema = z.object({
  note: optionalText({ max: 2000 }),
  bestand: z.unknown().optional(),
})
