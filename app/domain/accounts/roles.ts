/** Roles within a provider organisation (zorgaanbieder). */
export const ORGANISATION_ROLES = ['beheerder', 'medewerker'] as const
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number]

/** Roles of municipality and region staff, and council members invited to consultations. */
export const REGION_ROLES = ['inkoper', 'contractmanager', 'regiobeheerder', 'adviesraad'] as const
export type RegionRole = (typeof REGION_ROLES)[number]

export const ROLE_LABELS: Record<OrganisationRole | RegionRole, string> = {
  beheerder: 'Beheerder',
  medewerker: 'Medewerker',
  inkoper: 'Inkoper',
  contractmanager: 'Contractmanager',
  regiobeheerder: 'Regiobeheerder',
  adviesraad: 'Lid adviesraad of cliëntenraad',
}

/** Staff roles that must sign in with a second factor. */
export const SECOND_FACTOR_REQUIRED: readonly RegionRole[] = ['inkoper', 'contractmanager', 'regiobeheerder']
