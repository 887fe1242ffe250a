import type { LoaderFunctionArgs } from '@remix-run/node'
import { openDataResponse } from '~/domain/keuzehulp/open-data.server'
import { now } from '~/utils/clock'

/** Open data of the keuzehulp as CSV, one row per service area (shape documented at /api/open-data). */
export function loader({ request }: LoaderFunctionArgs) {
  return openDataResponse(request, 'csv', now())
}
