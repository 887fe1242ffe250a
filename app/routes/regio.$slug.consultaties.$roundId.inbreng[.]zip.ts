import type { LoaderFunctionArgs } from '@remix-run/node'
import { createReadableStreamFromReadable, redirect } from '@remix-run/node'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { writtenInputZip } from '~/domain/consultations/exports.server'

/**
 * All written input of a closed round with its attachments, as a zip. Before closing: back to the round. Streamed
 * (no Content-Length): the zip is written while it is sent, so hundreds of attachments never sit in memory.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireConsultationStaff(request, params.slug!)
  const zip = await writtenInputZip(region.id, params.roundId!)
  if (zip === null) throw redirect(`/regio/${region.slug}/consultaties/${params.roundId}`)
  return new Response(createReadableStreamFromReadable(zip), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': 'attachment; filename="inbreng.zip"',
      'Cache-Control': 'private, no-store',
    },
  })
}
