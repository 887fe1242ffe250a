import { createCookie, redirect } from '@remix-run/node'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { getCurrentSession, type CurrentSession } from '~/utils/session.server'
import { SECOND_FACTOR_REQUIRED, type OrganisationRole, type RegionRole } from './roles'

/**
 * The one place that decides who may do what. Routes call a `require*` guard as their first line; guards throw a
 * redirect (not signed in) or a 404 (not yours: we do not confirm that someone else's thing exists).
 */
export type Viewer = {
  session: CurrentSession
  user: CurrentSession['user']
  organisations: {
    organisationId: string
    name: string
    role: OrganisationRole
    medewerkersMaySubmit: boolean
  }[]
  regions: { regionId: string; slug: string; name: string; roles: RegionRole[] }[]
}

export async function getViewer(request: Request): Promise<Viewer | null> {
  const session = await getCurrentSession(request)
  if (!session) return null
  const [orgs, regions] = await Promise.all([
    db.organisationMembership.findMany({
      where: { userId: session.user.id },
      select: { role: true, organisation: { select: { id: true, name: true, medewerkersMaySubmit: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    db.regionMembership.findMany({
      where: { userId: session.user.id },
      select: { role: true, region: { select: { id: true, slug: true, name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ])
  const byRegion = new Map<string, Viewer['regions'][number]>()
  for (const m of regions) {
    const entry = byRegion.get(m.region.id) ?? {
      regionId: m.region.id,
      slug: m.region.slug,
      name: m.region.name,
      roles: [],
    }
    entry.roles.push(m.role as RegionRole)
    byRegion.set(m.region.id, entry)
  }
  return {
    session,
    user: session.user,
    organisations: orgs.map((m) => ({
      organisationId: m.organisation.id,
      name: m.organisation.name,
      role: m.role as OrganisationRole,
      medewerkersMaySubmit: m.organisation.medewerkersMaySubmit,
    })),
    regions: [...byRegion.values()],
  }
}

export function needsSecondFactor(viewer: Viewer): boolean {
  return viewer.regions.some((r) => r.roles.some((role) => SECOND_FACTOR_REQUIRED.includes(role)))
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  throw redirect(`/inloggen?redirectTo=${encodeURIComponent(redirectTo)}`)
}

/**
 * Whether this session passed the second factor where the user has one. A session must have passed it AFTER the app
 * was switched on: a session opened earlier (on another device, without a code) does not count.
 */
export function secondFactorPassed(viewer: Pick<Viewer, 'session' | 'user'>): boolean {
  const enabledAt = viewer.user.totpEnabledAt
  if (!enabledAt) return true
  const passedAt = viewer.session.secondFactorAt
  return passedAt !== null && passedAt.getTime() >= enabledAt.getTime()
}

/**
 * The page a signed-in viewer must still pass before they count as signed in (confirm the e-mail address, give the
 * app code, set up the app where staff need one), or null when they are through.
 */
export function signInStepLeft(
  viewer: Viewer,
): '/account/bevestigen' | '/inloggen/tweestaps' | '/account/tweestaps/instellen' | null {
  if (!viewer.user.emailVerifiedAt) return '/account/bevestigen'
  if (!secondFactorPassed(viewer)) return '/inloggen/tweestaps'
  if (!viewer.user.totpEnabledAt && needsSecondFactor(viewer)) return '/account/tweestaps/instellen'
  return null
}

/**
 * For pages that anyone may see but that show more to a signed-in user: the viewer only once fully signed in, else
 * null. A session that passed only the password, or whose e-mail is unconfirmed, is a visitor there.
 */
export async function getSignedInViewer(request: Request): Promise<Viewer | null> {
  const viewer = await getViewer(request)
  return viewer && signInStepLeft(viewer) === null ? viewer : null
}

/**
 * A signed-in user with a confirmed e-mail address who passed the second factor where it applies.
 * `stage` lets the confirmation and two-factor screens themselves through.
 */
export async function requireUser(
  request: Request,
  options: { stage?: 'unconfirmed' | 'second-factor' } = {},
): Promise<Viewer> {
  const viewer = await getViewer(request)
  if (!viewer) loginRedirect(request)
  if (options.stage === 'unconfirmed') return viewer
  if (!viewer.user.emailVerifiedAt) throw redirect('/account/bevestigen')
  if (options.stage === 'second-factor') return viewer
  const step = signInStepLeft(viewer)
  if (step) throw redirect(step)
  return viewer
}

export function notFound(): never {
  throw new Response('Niet gevonden', { status: 404 })
}

export function forbidden(): never {
  throw new Response('Geen toegang', { status: 403 })
}

export async function requirePlatformAdmin(request: Request) {
  const viewer = await requireUser(request)
  if (!viewer.user.isPlatformAdmin) notFound()
  return viewer
}

/** Membership of this organisation, optionally with one of the given roles. Others get 404. */
export async function requireOrganisationRole(
  request: Request,
  organisationId: string,
  roles?: OrganisationRole[],
) {
  const viewer = await requireUser(request)
  const membership = viewer.organisations.find((o) => o.organisationId === organisationId)
  if (!membership) notFound()
  if (roles && !roles.includes(membership.role)) forbidden()
  return { viewer, membership }
}

/** Staff of this region with one of the given roles. Others get 404. */
export async function requireRegionRole(request: Request, regionId: string, roles: RegionRole[]) {
  const viewer = await requireUser(request)
  const membership = viewer.regions.find((r) => r.regionId === regionId)
  if (!membership) notFound()
  if (!membership.roles.some((r) => roles.includes(r))) forbidden()
  return { viewer, membership }
}

/**
 * The provider area (`/aanbieder/...`) acts on the viewer's CURRENT ORGANISATION; paths carry no organisation id.
 * Which one is current: the `?organisatie=<id>` query parameter if present (must be one of the viewer's
 * organisations, otherwise 404), else the `portaal_organisatie` cookie (ignored when no longer a member), else the
 * viewer's first organisation. The org switcher on /aanbieder sends `?organisatie=`; that page then stores the
 * choice in the cookie (see `currentOrganisationCookie`). Without any organisation the viewer is sent to
 * /aanbieder/nieuw. With `roles`, a member with another role gets 403.
 *
 * Use it as the first line of every /aanbieder loader and action, and scope every query by `organisationId`:
 *   const { viewer, membership, organisationId } = await requireCurrentOrganisation(request, ['beheerder'])
 */
export async function requireCurrentOrganisation(request: Request, roles?: OrganisationRole[]) {
  const viewer = await requireUser(request)
  const membership = await currentMembership(request, viewer)
  if (!membership) throw redirect('/aanbieder/nieuw')
  if (roles && !roles.includes(membership.role)) forbidden()
  return { viewer, membership, organisationId: membership.organisationId }
}

let organisationCookie: ReturnType<typeof createCookie> | undefined
function organisationChoiceCookie() {
  // Made on first use, like the session cookie, so `secure` follows the environment parsed at start-up.
  organisationCookie ??= createCookie('portaal_organisatie', {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().secureCookies,
    path: '/',
    maxAge: 365 * 24 * 60 * 60,
  })
  return organisationCookie
}

/** Remembers the organisation chosen in the switcher. Not secret: the server checks membership on every request. */
export const currentOrganisationCookie = {
  parse: (cookieHeader: string | null) => organisationChoiceCookie().parse(cookieHeader),
  serialize: (organisationId: string) => organisationChoiceCookie().serialize(organisationId),
}

/** The current organisation membership (see requireCurrentOrganisation), or null when the viewer has none. */
export async function currentMembership(
  request: Request,
  viewer: Viewer,
): Promise<Viewer['organisations'][number] | null> {
  const fromQuery = new URL(request.url).searchParams.get('organisatie')
  if (fromQuery) {
    const chosen = viewer.organisations.find((o) => o.organisationId === fromQuery)
    if (!chosen) notFound()
    return chosen
  }
  const fromCookie: unknown = await currentOrganisationCookie.parse(request.headers.get('cookie'))
  const remembered = viewer.organisations.find((o) => o.organisationId === fromCookie)
  return remembered ?? viewer.organisations[0] ?? null
}

/**
 * Region staff pages live under `/regio/<slug>/...`. Returns the region and the viewer's membership of it (all their
 * roles there). Not staff of this region (or no such region): 404. Staff without one of `roles`: 403. Without
 * `roles` any membership will do (including adviesraad).
 *   const { viewer, region, membership } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
 */
export async function requireRegionBySlug(request: Request, slug: string, roles?: RegionRole[]) {
  const viewer = await requireUser(request)
  const membership = viewer.regions.find((r) => r.slug === slug)
  if (!membership) notFound()
  if (roles && !membership.roles.some((r) => roles.includes(r))) forbidden()
  const region = { id: membership.regionId, slug: membership.slug, name: membership.name }
  return { viewer, region, membership }
}

export { maySubmitFor } from './roles'

export function actorOf(viewer: Viewer, request: Request) {
  return {
    userId: viewer.user.id,
    label: `${viewer.user.name} <${viewer.user.email}>`,
    ip: request.headers.get('x-portaal-client-ip'),
  }
}
