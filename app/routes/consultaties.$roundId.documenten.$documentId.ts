import type { LoaderFunctionArgs } from '@remix-run/node'
import { findRoundDocument } from '~/domain/consultations/documents.server'
import { storedFileResponse } from '~/domain/documents/documents.server'

/** A document of a consultation round: for anyone once the round is published; before that 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  return storedFileResponse(await findRoundDocument(params.roundId!, params.documentId!, 'public'))
}
