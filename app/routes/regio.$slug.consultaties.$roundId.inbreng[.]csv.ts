import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { writtenInputCsv } from '~/domain/consultations/exports.server'

/** All written input of a closed round as CSV. Before closing: back to the round. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireConsultationStaff(request, params.slug!)
  const csv = await writtenInputCsv(region.id, params.roundId!)
  if (csv === null) throw redirect(`/regio/${region.slug}/consultaties/${params.roundId}`)
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="inbreng.csv"',
      'Cache-Control': 'private, no-store',
    },
  })
}
