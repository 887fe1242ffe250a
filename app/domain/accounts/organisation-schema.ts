import { z } from 'zod'
import {
  agbCode,
  email,
  kvkNummer,
  optionalField,
  optionalText,
  phone,
  postcode,
  text,
  url,
  vestigingsnummer,
} from '~/utils/validation'

/** The organisation profile form (create and edit), shared by the client (Conform) and the server. */
export const organisationSchema = z.object({
  name: text({ max: 200, required: 'Vul de statutaire naam van uw organisatie in' }),
  kvkNummer,
  vestigingsnummer: optionalField(vestigingsnummer),
  agbCode: optionalField(agbCode),
  street: text({ max: 200, required: 'Vul de straat in' }),
  houseNumber: text({ max: 20, required: 'Vul het huisnummer in, zoals 12 of 12a' }),
  postcode,
  city: text({ max: 100, required: 'Vul de plaats in' }),
  website: optionalField(url),
  email,
  phone,
  description: text({
    max: 2000,
    required: 'Beschrijf in een paar zinnen wat uw organisatie doet, voor inwoners',
  }),
  targetGroups: optionalText({ max: 500 }),
  languages: optionalText({ max: 300 }),
  identity: optionalText({ max: 200 }),
})
export type OrganisationInput = z.infer<typeof organisationSchema>

/** "a, b ,c" -> "a,b,c" (stored comma-separated); and back for the form. */
export function normaliseList(input: string | undefined): string {
  return (input ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',')
}
export function listForInput(stored: string): string {
  return stored.split(',').filter(Boolean).join(', ')
}
