import type { LoaderFunctionArgs } from '@remix-run/node'
import { openDataResponse } from '~/domain/keuzehulp/open-data.server'
import { now } from '~/utils/clock'

/** Open data of the keuzehulp as JSON (shape documented at /api/open-data). Public, with ETag caching. */
export function loader({ request }: LoaderFunctionArgs) {
  return openDataResponse(request, 'json', now())
}
