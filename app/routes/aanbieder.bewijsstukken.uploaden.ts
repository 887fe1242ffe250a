import type { ActionFunctionArgs } from '@remix-run/node'
import { actorOf, requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { submitEvidenceForm } from '~/domain/evidence/submit.server'
import { setFlash } from '~/utils/session.server'

/**
 * Where the evidence form posts its files when JavaScript is on (XMLHttpRequest, for the progress bar). Same rules
 * as the form post; answers JSON: `{ ok: true, redirectTo }` or `{ ok: false, reply }` with the field errors.
 * `?vervangt=<id>` makes it a new version of that item.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { viewer, organisationId } = await requireCurrentOrganisation(request)
  const replacesId = new URL(request.url).searchParams.get('vervangt')
  const result = await submitEvidenceForm(request, {
    organisationId,
    actor: actorOf(viewer, request),
    replacesId,
  })
  if (!result.ok) return Response.json({ ok: false, reply: result.reply }, { status: result.status })
  const cookie = await setFlash(
    request,
    replacesId
      ? 'De nieuwe versie is toegevoegd. De oude versie blijft in de geschiedenis.'
      : 'Het bewijsstuk is toegevoegd.',
  )
  return Response.json(
    { ok: true, redirectTo: `/aanbieder/bewijsstukken/${result.itemId}` },
    { headers: { 'Set-Cookie': cookie, 'Cache-Control': 'no-store' } },
  )
}

/** Only POST: a GET here is answered 405 rather than Remix's 400 for a route without loader. */
export function loader() {
  throw new Response('Alleen POST', { status: 405, headers: { Allow: 'POST' } })
}
