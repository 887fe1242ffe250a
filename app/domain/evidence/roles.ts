import type { RegionRole } from '~/domain/accounts/roles'

/**
 * Which region staff see providers' evidence, who decides on it (approve or reject), and who defines the region's
 * own evidence types.
 */
export const REGION_EVIDENCE_ROLES: { view: RegionRole[]; decide: RegionRole[]; types: RegionRole[] } = {
  view: ['contractmanager', 'inkoper', 'regiobeheerder'],
  decide: ['contractmanager', 'inkoper'],
  types: ['contractmanager', 'inkoper'],
}
