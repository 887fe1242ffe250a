import {
  currentMembership,
  getSignedInViewer,
  notFound,
  requireRegionBySlug,
  type Viewer,
} from '~/domain/accounts/permissions.server'
import { db } from '~/utils/db.server'
import { isConcernedCouncilMember, type InputOwner } from './rounds.server'

/** Staff who run consultations of a region: its buyers (inkopers). */
export const CONSULTATION_STAFF = ['inkoper'] as const

export function requireConsultationStaff(request: Request, slug: string) {
  return requireRegionBySlug(request, slug, [...CONSULTATION_STAFF])
}

/**
 * Who is looking at a public round page: nobody, a provider (current organisation), council member or staff. A
 * session still short of its second factor or e-mail confirmation sees what a visitor sees. With a round, isCouncil
 * only holds for a council member the round concerns (see isConcernedCouncilMember).
 */
export async function roundViewer(request: Request, regionId: string, roundId?: string) {
  const viewer = await getSignedInViewer(request)
  if (!viewer) return { viewer: null, membership: null, isCouncil: false, staffSlug: null }
  const membership = await currentMembership(request, viewer)
  const roles = regionRoles(viewer, regionId)
  const isCouncil =
    roles.isCouncil &&
    (!roundId || (await isConcernedCouncilMember(db, viewer.user.id, { id: roundId, regionId })))
  return { viewer, membership, ...roles, isCouncil }
}

export function regionRoles(viewer: Viewer, regionId: string) {
  const region = viewer.regions.find((r) => r.regionId === regionId)
  return {
    isCouncil: !!region?.roles.includes('adviesraad'),
    staffSlug:
      region && region.roles.some((r) => (CONSULTATION_STAFF as readonly string[]).includes(r))
        ? region.slug
        : null,
  }
}

/**
 * Whose written input a signed-in person works on: a provider writes for its current organisation; a council member
 * (when the round invites councils and concerns one of the member's municipalities, or the member is region-wide)
 * for itself. Anyone else gets 404.
 */
export async function inputOwnerFor(
  request: Request,
  viewer: Viewer,
  round: { id: string; regionId: string; inviteCouncils: boolean },
): Promise<{ owner: InputOwner; label: string }> {
  const membership = await currentMembership(request, viewer)
  if (membership) {
    return {
      owner: { kind: 'aanbieder', organisationId: membership.organisationId, userId: viewer.user.id },
      label: membership.name,
    }
  }
  if (
    round.inviteCouncils &&
    regionRoles(viewer, round.regionId).isCouncil &&
    (await isConcernedCouncilMember(db, viewer.user.id, round))
  ) {
    return { owner: { kind: 'adviesraad', userId: viewer.user.id }, label: 'adviesraad of cliëntenraad' }
  }
  notFound()
}

/**
 * Whether the person asking for a session's calendar file has a seat through their current organisation: only then
 * does the file hold the online link. A session short of its second factor or e-mail confirmation has none.
 */
export async function viewerHasSeat(request: Request, sessionId: string) {
  const viewer = await getSignedInViewer(request)
  const membership = viewer ? await currentMembership(request, viewer) : null
  if (!membership) return false
  const seats = await db.sessionRegistration.count({
    where: { sessionId, organisationId: membership.organisationId, status: 'zeker' },
  })
  return seats > 0
}
