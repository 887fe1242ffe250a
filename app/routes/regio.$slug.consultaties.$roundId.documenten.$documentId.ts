import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { findRoundDocument } from '~/domain/consultations/documents.server'
import { storedFileResponse } from '~/domain/documents/documents.server'

/** A document of a round of the buyer's region, also before the round is published. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireConsultationStaff(request, params.slug!)
  return storedFileResponse(
    await findRoundDocument(params.roundId!, params.documentId!, { regionId: region.id }),
  )
}
