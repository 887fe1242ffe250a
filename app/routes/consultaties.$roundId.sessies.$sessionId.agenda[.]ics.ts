import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/domain/accounts/permissions.server'
import { viewerHasSeat } from '~/domain/consultations/access.server'
import { sessionIcs } from '~/domain/consultations/emails.server'
import { sessionFactsSelect } from '~/domain/consultations/session-select'
import { db } from '~/utils/db.server'

/**
 * A session as an iCalendar file. The online link is only in it for organisations with a seat. A cancelled session
 * gives the cancelling event (same UID, higher SEQUENCE), so a calendar that imported it earlier can drop it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await db.consultationSession.findFirst({
    where: { id: params.sessionId!, roundId: params.roundId!, round: { status: 'gepubliceerd' } },
    select: {
      ...sessionFactsSelect,
      round: { select: { title: true } },
    },
  })
  if (!session) notFound()
  if (session.cancelledAt) return icsResponse(session.id, sessionIcs(session, false, true))
  const hasSeat = await viewerHasSeat(request, session.id)
  return icsResponse(session.id, sessionIcs(session, hasSeat))
}

function icsResponse(sessionId: string, body: string) {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="sessie-${sessionId}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
