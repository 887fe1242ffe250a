import { db } from '~/utils/db.server'

/** Liveness and readiness in one: 200 only after a real database round trip. */
export async function loader() {
  try {
    await db.$queryRawUnsafe('SELECT 1')
    return new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
  } catch {
    return new Response('database onbereikbaar', { status: 503, headers: { 'Content-Type': 'text/plain' } })
  }
}
