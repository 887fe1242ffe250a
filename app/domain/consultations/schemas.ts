/**
 * Form schemas of the consultation screens, shared by Conform in the browser and `parseWithZod` on the server.
 */
import { z } from 'zod'
import { checkbox, dateTimeInput, url, wholeNumber } from '~/utils/validation'
import { SESSION_KINDS, splitPrompts } from './rules'

const requiredText = (message: string, max = 200) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Gebruik hoogstens ${max} tekens`)

const optionalText = (max: number) => z.string().trim().max(max, `Gebruik hoogstens ${max} tekens`).optional()

export const roundSchema = z
  .object({
    title: requiredText('Vul een titel in'),
    description: requiredText('Beschrijf waar de consultatie over gaat', 10_000),
    gemeenteCodes: z.array(z.string()).default([]),
    procurementId: z.string().optional(),
    segmentIds: z.array(z.string()).default([]),
    opensAt: dateTimeInput({ required: 'Vul in wanneer de ronde opengaat' }),
    closesAt: dateTimeInput({ required: 'Vul in wanneer de ronde sluit' }),
    questionsDeadline: dateTimeInput().optional(),
    prompts: z
      .string()
      .max(10_000, 'Gebruik hoogstens 10.000 tekens')
      .optional()
      .transform((s) => splitPrompts(s ?? '')),
    publishAttendees: checkbox(),
    inviteCouncils: checkbox(),
    changeSummary: optionalText(2000),
    /** Set on the form of a published round: then every change needs a summary. */
    published: checkbox(),
  })
  .superRefine((v, ctx) => {
    if (v.published && !v.changeSummary) {
      ctx.addIssue({ code: 'custom', path: ['changeSummary'], message: 'Beschrijf kort wat er is gewijzigd' })
    }
    if (v.gemeenteCodes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['gemeenteCodes'], message: 'Kies minstens één gemeente' })
    }
    if (v.closesAt.getTime() <= v.opensAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Kies een sluiting na de opening' })
    }
    if (v.questionsDeadline && v.questionsDeadline.getTime() > v.closesAt.getTime()) {
      ctx.addIssue({
        code: 'custom',
        path: ['questionsDeadline'],
        message: 'De uiterste datum voor vragen moet vóór de sluiting liggen',
      })
    }
    if (v.prompts.length > 30) {
      ctx.addIssue({ code: 'custom', path: ['prompts'], message: 'Stel hoogstens 30 vragen' })
    }
  })

const reservationLine = /^\s*(\d{8})\s*[:;,\s]\s*(\d{1,3})\s*$/

const sessionFields = {
  kind: z.enum(SESSION_KINDS, { error: 'Kies het soort sessie' }),
  title: requiredText('Vul een titel in'),
  startsAt: dateTimeInput({ required: 'Vul datum en tijd van de sessie in' }),
  durationMinutes: wholeNumber({ min: 15, max: 600, required: 'Vul de duur in minuten in' }),
  address: optionalText(300),
  onlineUrl: url.optional(),
  seats: wholeNumber({ min: 1, max: 1000, required: 'Vul het aantal plaatsen in' }),
  seatsPerOrganisation: wholeNumber({
    min: 1,
    max: 1000,
    required: 'Vul het aantal plaatsen per organisatie in',
  }),
  registrationDeadline: dateTimeInput({ required: 'Vul de uiterste aanmelddatum in' }),
  reservations: z
    .string()
    .max(5000)
    .optional()
    .transform((s, ctx) => {
      const lines = (s ?? '').split(/\r?\n/).filter((l) => l.trim() !== '')
      const result: { kvkNummer: string; seats: number }[] = []
      for (const line of lines) {
        const m = reservationLine.exec(line)
        if (!m) {
          ctx.addIssue({
            code: 'custom',
            message: `Schrijf elke regel als "KvK-nummer: aantal", bijvoorbeeld "30123456: 1". Niet goed: "${line.trim()}"`,
          })
          return z.NEVER
        }
        result.push({ kvkNummer: m[1]!, seats: Number(m[2]) })
      }
      return result
    }),
}

type SessionValues = z.output<z.ZodObject<typeof sessionFields>>

function checkSession(v: SessionValues, ctx: z.RefinementCtx) {
  if (!v.address && !v.onlineUrl) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'Vul een adres of een online link in' })
  }
  if (v.registrationDeadline.getTime() > v.startsAt.getTime()) {
    ctx.addIssue({
      code: 'custom',
      path: ['registrationDeadline'],
      message: 'De uiterste aanmelddatum moet vóór de start van de sessie liggen',
    })
  }
  if (v.seatsPerOrganisation > v.seats) {
    ctx.addIssue({
      code: 'custom',
      path: ['seatsPerOrganisation'],
      message: 'Per organisatie kunnen niet meer plaatsen zijn dan er in totaal zijn',
    })
  }
  // A reservation is a promise of seats to one organisation: it cannot hold more than that organisation may take.
  const perOrganisation = new Map<string, number>()
  for (const r of v.reservations)
    perOrganisation.set(r.kvkNummer, (perOrganisation.get(r.kvkNummer) ?? 0) + r.seats)
  const tooMany = [...perOrganisation]
    .filter(([, seats]) => seats > v.seatsPerOrganisation)
    .map(([kvk]) => kvk)
  if (tooMany.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['reservations'],
      message:
        `Per organisatie kunnen hoogstens ${v.seatsPerOrganisation} ${v.seatsPerOrganisation === 1 ? 'plaats' : 'plaatsen'} ` +
        `worden gereserveerd. Te veel voor KvK-nummer ${tooMany.join(', ')}`,
    })
  }
  const reserved = v.reservations.reduce((s, r) => s + r.seats, 0)
  if (reserved > v.seats) {
    ctx.addIssue({
      code: 'custom',
      path: ['reservations'],
      message: 'Er zijn meer plaatsen gereserveerd dan er in totaal zijn',
    })
  }
}

export const sessionSchema = z.object(sessionFields).superRefine(checkSession)

/** Changing a session: the same fields, plus the reason that is listed, e-mailed and audited with the change. */
export const sessionChangeSchema = z
  .object({
    intent: z.literal('wijzigen'),
    ...sessionFields,
    reason: requiredText('Geef de reden van de wijziging', 2000),
  })
  .superRefine(checkSession)

export const sessionCancelSchema = z.object({
  intent: z.literal('annuleren'),
  reason: requiredText('Geef de reden waarom de sessie niet doorgaat', 2000),
})

export const registerSchema = z.object({
  intent: z.literal('aanmelden'),
  sessionId: z.string(),
  attendeeName: requiredText('Vul de naam van de deelnemer in', 120),
  attendeeEmail: z
    .string({ error: 'Vul het e-mailadres van de deelnemer in' })
    .trim()
    .email('Vul een geldig e-mailadres in, zoals naam@organisatie.nl'),
})

export const questionSchema = z.object({
  intent: z.literal('vraag'),
  text: requiredText('Schrijf uw vraag', 4000),
})

export const answerSchema = z.object({
  intent: z.literal('antwoord'),
  questionId: z.string(),
  answer: requiredText('Schrijf een antwoord', 10_000),
})

export const reportSchema = z.object({
  intent: z.literal('verslag'),
  report: requiredText('Schrijf het consultatieverslag', 50_000),
})

export const minutesSchema = z.object({
  intent: z.literal('notulen'),
  sessionId: z.string(),
  minutes: requiredText('Schrijf het verslag van de sessie', 50_000),
})

export const alertsSchema = z.object({
  regionIds: z.array(z.string()).default([]),
  segmentIds: z.array(z.string()).default([]),
})
