import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireUser } from '~/domain/accounts/permissions.server'
import { inputOwnerFor } from '~/domain/consultations/access.server'
import { findOwnInputFile } from '~/domain/consultations/documents.server'
import { getPublicRound } from '~/domain/consultations/queries.server'
import { storedFileResponse } from '~/domain/documents/documents.server'

/**
 * An attachment of one's own written input: for the organisation (or council member) that gave it, before and after
 * closing; another organisation's attachment gives 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  const round = await getPublicRound(params.roundId!)
  if (!round) notFound()
  const { owner } = await inputOwnerFor(request, viewer, round)
  return storedFileResponse(await findOwnInputFile(round.id, params.fileId!, owner))
}
