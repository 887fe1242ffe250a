/**
 * Handles a submitted evidence form (add or replace), for the page action (form post without JavaScript) and for the
 * upload endpoint the progress bar posts to. The files stream into storage first; if anything else is wrong (a field,
 * a refused file, the database) every stored file of the request is deleted again, so no row and no file remain.
 */
import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { withUpload, UploadRequestError } from '~/utils/upload.server'
import type { Actor } from '~/domain/audit/audit.server'
import { db } from '~/utils/db.server'
import { addEvidenceItem, listEvidenceTypes } from './evidence.server'
import { evidenceSchema, FILE_FIELD } from './form'

export type EvidenceSubmitResult =
  { ok: true; itemId: string } | { ok: false; status: number; reply: SubmissionResult<string[]> }

export async function submitEvidenceForm(
  request: Request,
  input: { organisationId: string; actor: Actor & { userId: string }; replacesId?: string | null },
): Promise<EvidenceSubmitResult> {
  const types = await listEvidenceTypes()
  const schema = evidenceSchema(types)
  // A new version keeps the type of the one it replaces, so check it against that type's rules (dates, counts),
  // whatever type the form posted.
  const replacedTypeId = input.replacesId
    ? (
        await db.evidenceItem.findFirst({
          where: { id: input.replacesId, organisationId: input.organisationId },
          select: { typeId: true },
        })
      )?.typeId
    : undefined
  try {
    return await withUpload(request, { fileFields: [FILE_FIELD] }, async (upload) => {
      if (replacedTypeId) upload.fields.set('typeId', replacedTypeId)
      const submission = parseWithZod(upload.fields, { schema })
      const fileErrors = upload.fileErrors[FILE_FIELD] ?? []
      if (fileErrors.length === 0 && upload.files.length === 0) {
        fileErrors.push('Kies een of meer bestanden (PDF, PNG of JPEG).')
      }
      if (submission.status !== 'success' || fileErrors.length > 0) {
        const fieldErrors: Record<string, string[]> = {}
        if (submission.status !== 'success') Object.assign(fieldErrors, submission.error ?? {})
        if (fileErrors.length > 0) fieldErrors[FILE_FIELD] = fileErrors
        else if (upload.files.length > 0) {
          fieldErrors[FILE_FIELD] = ['Kies de bestanden opnieuw nadat u de andere fouten hebt verbeterd.']
        }
        const reply = submission.reply({ fieldErrors })
        return { keep: false, result: { ok: false, status: 400, reply } as EvidenceSubmitResult }
      }
      const value = submission.value
      const itemId = await addEvidenceItem({
        organisationId: input.organisationId,
        actor: input.actor,
        replacesId: input.replacesId ?? null,
        typeId: value.typeId,
        issuer: value.issuer,
        number: value.number,
        scope: value.scope,
        issuedAt: value.issuedAt ?? null,
        validFrom: value.validFrom,
        validUntil: value.validUntil ?? null,
        professionalsTotal: value.professionalsTotal,
        professionalsRegistered: value.professionalsRegistered,
        files: upload.files,
      })
      if (!itemId) {
        const reply = submission.reply({
          formErrors: ['Dit bewijsstuk is al vervangen of bestaat niet meer. Ga terug naar het overzicht.'],
        })
        return { keep: false, result: { ok: false, status: 409, reply } as EvidenceSubmitResult }
      }
      return { keep: true, result: { ok: true, itemId } as EvidenceSubmitResult }
    })
  } catch (error) {
    if (!(error instanceof UploadRequestError)) throw error
    return {
      ok: false,
      status: error.status,
      reply: { status: 'error', error: { '': [error.message] } } as SubmissionResult<string[]>,
    }
  }
}
