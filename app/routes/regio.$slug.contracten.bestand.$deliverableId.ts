import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { storedFileResponse } from '~/utils/download.server'
import { findDeliverableFile } from '~/domain/contracts/provider.server'

/** A provider's deliverable, for staff of the region whose contract it belongs to; anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper', 'contractmanager'])
  return storedFileResponse(await findDeliverableFile(params.deliverableId!, { regionId: region.id }))
}
