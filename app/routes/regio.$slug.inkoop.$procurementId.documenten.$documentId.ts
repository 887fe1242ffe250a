import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { findProcurementDocument } from '~/domain/catalogue/documents.server'
import { storedFileResponse } from '~/domain/documents/documents.server'

/** A document of a procurement of the buyer's region, also before publication. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  return storedFileResponse(
    await findProcurementDocument(params.procurementId!, params.documentId!, { regionId: region.id }),
  )
}
