import type { LoaderFunctionArgs } from '@remix-run/node'
import { findProcurementDocument } from '~/domain/catalogue/documents.server'
import { storedFileResponse } from '~/domain/documents/documents.server'

/** A document of a procurement in the inkoopagenda: for anyone once it is published; a concept gives 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  return storedFileResponse(
    await findProcurementDocument(params.procurementId!, params.documentId!, 'public'),
  )
}
