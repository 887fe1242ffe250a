import { ErrorPage } from '~/components/error-page'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

/** Any address no route claims: a Dutch 404 inside the normal page shell. */
export async function loader() {
  throw new Response('Niet gevonden', { status: 404 })
}

export default function NotFound() {
  return <ErrorPage status={404} />
}

export function ErrorBoundary() {
  return <ErrorPage status={404} />
}
