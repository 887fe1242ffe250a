/**
 * Documents (PDF) a buyer attaches to what it publishes: a consultation round or a procurement. Both capabilities use
 * the same upload (one PDF and a title, streamed by `withUpload`, type recognised by the first bytes), the same
 * stored-file row, the same list fields and the same download. The capability decides who may add, remove and
 * download, and what counts as a published change (consultations/documents.server.ts, catalogue/catalogue.server.ts).
 */
import { data } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { Tx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { redirectWithFlash } from '~/utils/session.server'
import { UploadRequestError, withUpload, type ReceivedFile } from '~/utils/upload.server'
import { DOCUMENT_FILE_FIELD, documentSchema } from './form'

export { storedFileResponse } from '~/utils/download.server'

/** What a document list shows. */
export const documentListSelect = {
  id: true,
  title: true,
  createdAt: true,
  file: { select: { displayName: true, size: true } },
} as const

/** What a download needs. */
export const downloadSelect = { storageKey: true, displayName: true, contentType: true, size: true } as const

/** The select of a document row for its download: `row?.file ?? null` goes to `storedFileResponse`. */
export const documentFileSelect = { file: { select: downloadSelect } } as const

/** Who asks for a document: anyone (only what is published), or the buyers of a region (also their concepts). */
export type DocumentViewer = 'public' | { regionId: string }

export type NewDocument = { title: string; file: ReceivedFile }

/** What an add or remove did: `published` when it was listed as a change and e-mailed. */
export type DocumentChange = { published: boolean }

export const documentMessages = {
  notPdf: (name: string) =>
    `Het bestand "${name}" is geen PDF. Wij kijken naar de inhoud, niet naar de naam. Sla het bestand op als PDF en probeer het opnieuw.`,
  missing: 'Kies een PDF-bestand.',
  again: 'Kies het bestand opnieuw nadat u de titel hebt verbeterd.',
} as const

/** The stored-file row of a received upload. */
export async function createStoredFile(
  tx: Tx,
  file: Pick<ReceivedFile, 'storageKey' | 'displayName' | 'contentType' | 'size' | 'sha256'>,
  owner: { organisationId?: string | null; uploadedById: string | null },
) {
  const id = newId()
  await tx.storedFile.create({
    data: {
      id,
      storageKey: file.storageKey,
      displayName: file.displayName,
      contentType: file.contentType,
      size: file.size,
      sha256: file.sha256,
      organisationId: owner.organisationId ?? null,
      uploadedById: owner.uploadedById,
    },
  })
  return id
}

export type DocumentFormResult =
  { ok: true; change: DocumentChange } | { ok: false; status: number; reply: SubmissionResult<string[]> }

/**
 * Receives the "document toevoegen" form: a title and exactly one PDF. PNG and JPEG pass the general upload check but
 * are refused here. `add` creates the rows in its own transaction (and throws a 404 when the target is not the
 * buyer's); whenever it throws or anything in the form is wrong, the stored file is deleted again.
 */
export async function receiveDocument(
  request: Request,
  add: (document: NewDocument) => Promise<DocumentChange>,
): Promise<DocumentFormResult> {
  try {
    return await withUpload(
      request,
      { fileFields: [DOCUMENT_FILE_FIELD], maxFiles: 1 },
      async (upload): Promise<{ keep: boolean; result: DocumentFormResult }> => {
        const submission = parseWithZod(upload.fields, { schema: documentSchema })
        const fileErrors = [...(upload.fileErrors[DOCUMENT_FILE_FIELD] ?? [])]
        for (const f of upload.files) {
          if (f.contentType !== 'application/pdf') fileErrors.push(documentMessages.notPdf(f.displayName))
        }
        if (fileErrors.length === 0 && upload.files.length === 0) fileErrors.push(documentMessages.missing)
        const file = upload.files[0]
        if (submission.status !== 'success' || fileErrors.length > 0 || !file) {
          const fieldErrors: Record<string, string[]> = {}
          if (submission.status !== 'success') Object.assign(fieldErrors, submission.error ?? {})
          fieldErrors[DOCUMENT_FILE_FIELD] = fileErrors.length > 0 ? fileErrors : [documentMessages.again]
          return { keep: false, result: { ok: false, status: 400, reply: submission.reply({ fieldErrors }) } }
        }
        const change = await add({ title: submission.value.title, file })
        return { keep: true, result: { ok: true, change } }
      },
    )
  } catch (error) {
    if (!(error instanceof UploadRequestError)) throw error
    return {
      ok: false,
      status: error.status,
      reply: { status: 'error', error: { '': [error.message] } } as SubmissionResult<string[]>,
    }
  }
}

/**
 * The action of a "documenten" page: a multipart post adds a document, a plain post with `intent=verwijderen` removes
 * one. On success it redirects to `redirectTo` with a confirmation; a refused upload answers 400 with the errors.
 */
export async function documentAction(
  request: Request,
  handlers: {
    add: (document: NewDocument) => Promise<DocumentChange>
    remove: (documentId: string) => Promise<DocumentChange>
    redirectTo: string
  },
) {
  const contentType = request.headers.get('content-type') ?? ''
  const published =
    ' Het staat met de datum bij de wijzigingen en wie de wijzigingen volgt, krijgt een e-mail.'
  if (contentType.startsWith('multipart/form-data')) {
    const result = await receiveDocument(request, handlers.add)
    if (!result.ok) return data(result.reply, { status: result.status })
    const extra = result.change.published ? published : ''
    return redirectWithFlash(request, handlers.redirectTo, `Het document is toegevoegd.${extra}`)
  }
  const form = await request.formData()
  if (form.get('intent') !== 'verwijderen') throw new Response('Onbekende handeling', { status: 400 })
  const change = await handlers.remove(String(form.get('documentId') ?? ''))
  const extra = change.published ? published.replace('Het staat', 'Dit staat') : ''
  return redirectWithFlash(request, handlers.redirectTo, `Het document is verwijderd.${extra}`)
}
