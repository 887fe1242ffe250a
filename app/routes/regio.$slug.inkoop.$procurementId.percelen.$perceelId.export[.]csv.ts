import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { exportProductsCsv } from '~/domain/catalogue/catalogue.server'

/** The perceel's products and tariffs as CSV, in the format the import reads. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const { name, csv } = await exportProductsCsv(region.id, params.procurementId!, params.perceelId!)
  const filename = `producten-${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'perceel'
  }.csv`
  return new Response(`\ufeff${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
