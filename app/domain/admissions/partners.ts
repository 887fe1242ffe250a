/**
 * Combinations (seed 001: hoofd- en onderaannemerschap; seed 003: aanbieders bundelen hun krachten): an entry may name
 * other organisations of the portal as subcontractor (onderaannemer) or partner in a combination (combinatiepartner),
 * each for some of the entry's products. Pure definitions, shared by the server and the screens.
 *
 * The rules, in one place:
 * - The lead (the entry's own organisation) adds and removes partners while the entry is editable (concept or
 *   aanvulling gevraagd); a partner is found by KvK-nummer, is never the lead itself and appears once per entry.
 * - The partner confirms (or declines) its part from its own account; a decline removes it from the entry.
 * - The entry cannot be submitted while a partner has not confirmed.
 * - For a product a confirmed partner delivers, the partner's own current evidence satisfies a required evidence type,
 *   as the lead's does (requirements.ts, `evidenceCoverage`).
 * - The lead is admitted and stays responsible; the public register names the confirmed partners.
 */
export const PARTNER_ROLES = ['onderaannemer', 'combinatiepartner'] as const
export type PartnerRole = (typeof PARTNER_ROLES)[number]

export const PARTNER_ROLE_LABELS: Record<PartnerRole, string> = {
  onderaannemer: 'Onderaannemer',
  combinatiepartner: 'Combinatiepartner',
}

export function isPartnerRole(value: string): value is PartnerRole {
  return (PARTNER_ROLES as readonly string[]).includes(value)
}

/** "onderaannemer" / "combinatiepartner", lower case for use inside a sentence. */
export function partnerRoleWord(role: string): string {
  return isPartnerRole(role) ? role : 'partner'
}

export function partnerRoleLabel(role: string): string {
  return isPartnerRole(role) ? PARTNER_ROLE_LABELS[role] : role
}

/** How the public register names a partner next to the lead: "met onderaannemer X", "in combinatie met Y". */
export function registerPartnerText(partner: { role: string; name: string }): string {
  return partner.role === 'combinatiepartner'
    ? `in combinatie met ${partner.name}`
    : `met onderaannemer ${partner.name}`
}
