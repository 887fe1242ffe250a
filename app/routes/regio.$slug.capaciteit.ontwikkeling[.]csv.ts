import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { csvResponse, regionTrendCsv } from '~/domain/capacity/csv.server'
import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { CAPACITY_READERS } from '~/domain/capacity/rules'

/** The dashboard's trend as CSV, for the segment and municipality chosen on the page (`?segment=&gemeente=`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, [...CAPACITY_READERS])
  const query = new URL(request.url).searchParams
  return csvResponse(
    await regionTrendCsv(db, region, now(), {
      segmentId: query.get('segment'),
      gemeenteCode: query.get('gemeente'),
    }),
  )
}
