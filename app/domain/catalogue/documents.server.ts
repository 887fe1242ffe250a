/**
 * Documents (PDF) of a procurement: the region's inkopers add and remove them; everyone may download them once the
 * procurement is published (or closed), never before. On a published procurement adding or removing one is a
 * published change: a new version, listed on the inkoopagenda and e-mailed like any other (`announceChange`).
 */
import { db, type Tx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { recordAudit } from '~/domain/audit/audit.server'
import { notFound } from '~/domain/accounts/permissions.server'
import {
  createStoredFile,
  documentFileSelect,
  type DocumentChange,
  type DocumentViewer,
  type NewDocument,
} from '~/domain/documents/documents.server'
import { announceIfPublished, procurementInRegion, PUBLIC_STATUSES, type UserActor } from './catalogue.server'

type Scope = { regionId: string; actor: UserActor }

/**
 * One document change in one transaction: `change` writes the rows and says what happened; on a published
 * procurement that becomes a new version with a listed, e-mailed change; it is always audited.
 */
async function changeDocuments(
  scope: Scope,
  procurementId: string,
  action: string,
  change: (tx: Tx) => Promise<{ subjectId: string; summary: string }>,
): Promise<DocumentChange> {
  return db.$transaction(async (tx) => {
    const procurement = await procurementInRegion(tx, scope.regionId, procurementId)
    const { subjectId, summary } = await change(tx)
    const published = await announceIfPublished(tx, procurement, summary)
    await recordAudit(tx, {
      actor: scope.actor,
      action,
      subjectType: 'ProcurementDocument',
      subjectId,
      summary: `${summary} (inkooptraject "${procurement.name}")`,
      regionId: scope.regionId,
    })
    return { published }
  })
}

export async function addProcurementDocument(scope: Scope, procurementId: string, document: NewDocument) {
  return changeDocuments(scope, procurementId, 'catalogue.document.added', async (tx) => {
    const fileId = await createStoredFile(tx, document.file, { uploadedById: scope.actor.userId })
    const id = newId()
    await tx.procurementDocument.create({ data: { id, procurementId, fileId, title: document.title } })
    return { subjectId: id, summary: `Document toegevoegd: ${document.title}` }
  })
}

/** Removes a document (the stored file stays, as elsewhere in the portal). */
export async function removeProcurementDocument(scope: Scope, procurementId: string, documentId: string) {
  return changeDocuments(scope, procurementId, 'catalogue.document.removed', async (tx) => {
    const document = await tx.procurementDocument.findFirst({
      where: { id: documentId, procurementId },
      select: { id: true, title: true },
    })
    if (!document) notFound()
    await tx.procurementDocument.delete({ where: { id: document.id } })
    return { subjectId: document.id, summary: `Document verwijderd: ${document.title}` }
  })
}

/**
 * A document of a procurement to download: for anyone once the procurement is published (or closed), never for a
 * concept; for the inkopers of its region also before. Null when the viewer may not have it or it does not exist.
 */
export async function findProcurementDocument(
  procurementId: string,
  documentId: string,
  viewer: DocumentViewer,
) {
  const document = await db.procurementDocument.findFirst({
    where: {
      id: documentId,
      procurementId,
      procurement: viewer === 'public' ? { status: { in: PUBLIC_STATUSES } } : { regionId: viewer.regionId },
    },
    select: documentFileSelect,
  })
  return document?.file ?? null
}
