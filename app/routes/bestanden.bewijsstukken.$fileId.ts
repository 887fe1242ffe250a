import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/permissions.server'
import { findDownloadableEvidenceFile } from '~/domain/evidence/evidence.server'
import { storedFileResponse } from '~/utils/download.server'

/**
 * Downloads an evidence file: only for members of the owning organisation and staff of regions where the item is
 * attached; anyone else gets 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  return storedFileResponse(await findDownloadableEvidenceFile(viewer, params.fileId!))
}
