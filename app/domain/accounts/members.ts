/**
 * The last-administrator rule, for organisations (beheerder) and regions (regiobeheerder): an organisation or region
 * must always keep at least one administrator, so nobody can remove or demote the last one (themself included).
 */
export type MemberChange =
  | { kind: 'remove'; targetIsAdmin: boolean }
  | { kind: 'change-role'; targetIsAdmin: boolean; newRoleIsAdmin: boolean }

export function refuseLastAdminChange(change: MemberChange, adminCount: number): string | null {
  if (!change.targetIsAdmin || adminCount > 1) return null
  if (change.kind === 'remove') {
    return 'Dit is de laatste beheerder. Maak eerst iemand anders beheerder; daarna kunt u deze persoon verwijderen.'
  }
  if (!change.newRoleIsAdmin) {
    return 'Dit is de laatste beheerder. Maak eerst iemand anders beheerder; daarna kunt u deze rol wijzigen.'
  }
  return null
}
