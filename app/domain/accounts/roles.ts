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

/** May this member submit on the organisation's behalf? Beheerders always; medewerkers when the beheerder allows it. */
export function maySubmitFor(membership: { role: string; medewerkersMaySubmit: boolean }): boolean {
  return membership.role === 'beheerder' || membership.medewerkersMaySubmit
}

export const NO_SUBMIT_RIGHTS =
  'Alleen een beheerder, of een medewerker die daarvoor toestemming heeft van de beheerder, kan namens de organisatie indienen.'
