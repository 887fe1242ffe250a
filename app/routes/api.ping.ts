/** A truly trivial route (no database, no rendering): the baseline of e2e/bench-keuzehulp.ts. */
export function loader() {
  return new Response('pong', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
}
