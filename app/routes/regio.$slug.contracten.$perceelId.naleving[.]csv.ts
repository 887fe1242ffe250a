import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { complianceCsv, getCompliance } from '~/domain/contracts/compliance.server'
import { findRegionPerceel } from '~/domain/contracts/contracts.server'
import { readComplianceFilters } from '~/domain/contracts/compliance-filters'

/** The compliance overview as CSV, with the same filters as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper', 'contractmanager'])
  const perceel = await findRegionPerceel(region.id, params.perceelId!)
  if (!perceel?.contract) notFound()
  const filters = readComplianceFilters(new URL(request.url))
  const overview = await getCompliance(perceel.id, filters)
  const name = `naleving-${perceel.id}-${filters.year}.csv`.replace(/[^a-z0-9.-]/gi, '-')
  return new Response(complianceCsv(overview.rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  })
}
