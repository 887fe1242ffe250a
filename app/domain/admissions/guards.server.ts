import type { OrganisationRole, RegionRole } from '~/domain/accounts/roles'
import { requireCurrentOrganisation, requireRegionBySlug } from '~/domain/accounts/permissions.server'

/**
 * Guards of the admissions screens: the provider side acts for the viewer's current organisation, the buyer side
 * for the region in the URL. Thin wrappers over the accounts permission module.
 */
export async function requireProvider(request: Request, roles?: OrganisationRole[]) {
  return requireCurrentOrganisation(request, roles)
}

export async function requireRegionStaff(request: Request, slug: string | undefined, roles: RegionRole[]) {
  return requireRegionBySlug(request, slug ?? '', roles)
}
