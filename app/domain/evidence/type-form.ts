/** The form of a region's own evidence type, shared by Conform in the browser and the server. */
import { z } from 'zod'
import { checkbox, optionalText, text } from '~/utils/validation'

export const regionEvidenceTypeSchema = z.object({
  name: text({ max: 120, required: 'Vul de naam van het soort bewijsstuk in' }),
  description: optionalText({ max: 1000 }),
  expires: checkbox(),
  isQualityMark: checkbox(),
  asksProfessionalCounts: checkbox(),
})

export type RegionEvidenceTypeInput = z.infer<typeof regionEvidenceTypeSchema>
