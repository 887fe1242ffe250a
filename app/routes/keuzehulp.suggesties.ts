import type { LoaderFunctionArgs } from '@remix-run/node'
import { suggestGemeenten } from '~/domain/keuzehulp/search.server'

/** Municipality suggestions while typing in the keuzehulp (JavaScript only improves; the form works without). */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 60)
  const suggestions = q.trim().length >= 2 ? await suggestGemeenten(q, 8) : []
  return Response.json({ suggestions }, { headers: { 'Cache-Control': 'public, max-age=3600' } })
}
