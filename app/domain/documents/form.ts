/**
 * The "document toevoegen" form that buyers use on consultation rounds and procurements: a title and one PDF. The
 * schema checks the title in the browser and on the server; the file is checked on the server only, by its bytes
 * (see documents.server.ts).
 */
import { z } from 'zod'

/** The form field of the file (a native <input type=file>). */
export const DOCUMENT_FILE_FIELD = 'bestand'

/** Only PDF: what the file picker offers. The server decides by the first bytes, never by this. */
export const PDF_ACCEPT_ATTRIBUTE = '.pdf,application/pdf'

export const documentSchema = z.object({
  title: z
    .string({ error: 'Geef het document een titel' })
    .trim()
    .min(1, 'Geef het document een titel')
    .max(200, 'Gebruik hoogstens 200 tekens'),
})
