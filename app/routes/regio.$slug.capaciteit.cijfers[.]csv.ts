import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { csvResponse, regionFiguresCsv } from '~/domain/capacity/csv.server'
import { CAPACITY_READERS } from '~/domain/capacity/rules'
import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'

/** The dashboard figures per segment × municipality as CSV (semicolon-separated, see `toCsv`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, [...CAPACITY_READERS])
  return csvResponse(await regionFiguresCsv(db, region, now()))
}
