import { ErrorPage } from '~/components/error-page'

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
