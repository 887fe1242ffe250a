/**
 * Documents (PDF) of a consultation round: the buyer adds and removes them; everyone may download them once the round
 * is published, never before. On a published round adding or removing one is a change like "Ronde wijzigen": it is
 * listed on the round's page and e-mailed to everyone registered (`recordRoundChange`). Also the download of a
 * provider's own attachments to its written input.
 */
import { db } from '~/utils/db.server'
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
import { ownerWhere, recordRoundChange, type InputOwner } from './rounds.server'

type UserActor = { userId: string; label: string; ip?: string | null }

export async function addRoundDocument(
  regionId: string,
  roundId: string,
  document: NewDocument,
  actor: UserActor,
): Promise<DocumentChange> {
  return db.$transaction(async (tx) => {
    const round = await tx.consultationRound.findFirst({
      where: { id: roundId, regionId },
      select: { id: true, title: true, status: true },
    })
    if (!round) notFound()
    const fileId = await createStoredFile(tx, document.file, { uploadedById: actor.userId })
    const id = newId()
    await tx.consultationDocument.create({ data: { id, roundId, fileId, title: document.title } })
    const published = round.status !== 'concept'
    if (published) await recordRoundChange(tx, round, `Document toegevoegd: ${document.title}`)
    await recordAudit(tx, {
      actor,
      action: 'consultatie.document.toegevoegd',
      subjectType: 'ConsultationDocument',
      subjectId: id,
      summary: `Document "${document.title}" (${document.file.displayName}) toegevoegd aan "${round.title}"`,
      regionId,
    })
    return { published }
  })
}

/** Removes a document from the round (the stored file stays, as with written-input attachments). */
export async function removeRoundDocument(
  regionId: string,
  roundId: string,
  documentId: string,
  actor: UserActor,
): Promise<DocumentChange> {
  return db.$transaction(async (tx) => {
    const document = await tx.consultationDocument.findFirst({
      where: { id: documentId, roundId, round: { regionId } },
      select: { id: true, title: true, round: { select: { id: true, title: true, status: true } } },
    })
    if (!document) notFound()
    await tx.consultationDocument.delete({ where: { id: document.id } })
    const published = document.round.status !== 'concept'
    if (published) await recordRoundChange(tx, document.round, `Document verwijderd: ${document.title}`)
    await recordAudit(tx, {
      actor,
      action: 'consultatie.document.verwijderd',
      subjectType: 'ConsultationDocument',
      subjectId: document.id,
      summary: `Document "${document.title}" verwijderd uit "${document.round.title}"`,
      regionId,
    })
    return { published }
  })
}

/**
 * A document of a round to download: for anyone once the round is published, never before; for the buyers of the
 * round's region also before. Null when the viewer may not have it or it does not exist.
 */
export async function findRoundDocument(roundId: string, documentId: string, viewer: DocumentViewer) {
  const document = await db.consultationDocument.findFirst({
    where: {
      id: documentId,
      roundId,
      round: viewer === 'public' ? { status: 'gepubliceerd' } : { regionId: viewer.regionId },
    },
    select: documentFileSelect,
  })
  return document?.file ?? null
}

/**
 * An attachment of the owner's own written input (its organisation's, or a council member's own), before and after
 * closing. Another organisation's attachment is null, exactly like one that does not exist.
 */
export async function findOwnInputFile(roundId: string, fileId: string, owner: InputOwner) {
  const row = await db.writtenInputFile.findFirst({
    where: { fileId, input: ownerWhere(roundId, owner) },
    select: documentFileSelect,
  })
  return row?.file ?? null
}
