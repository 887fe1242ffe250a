import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { storedFileResponse } from '~/utils/download.server'
import { findDeliverableFile } from '~/domain/contracts/provider.server'

/** A deliverable the current organisation submitted; another organisation's gives 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisationId } = await requireCurrentOrganisation(request)
  return storedFileResponse(await findDeliverableFile(params.deliverableId!, { organisationId }))
}
