/**
 * National product categories (iWmo 3.2 WMO020: 01-18; iJw 3.2 JZ020: 40-55) and unit codes (WJ756), copied from
 * prisma/reference/productcategories.json so the browser bundle can use them. Pure: no Node APIs.
 */

export const LAWS = ['wmo', 'jeugd'] as const
export type Law = (typeof LAWS)[number]

export const LAW_LABELS: Record<Law, string> = { wmo: 'Wmo 2015', jeugd: 'Jeugdwet' }

export type ProductCategory = { code: string; name: string; law: Law }

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = [
  { code: '01', name: 'Hulp bij het huishouden', law: 'wmo' },
  { code: '02', name: 'Begeleiding', law: 'wmo' },
  { code: '03', name: 'Persoonlijke verzorging', law: 'wmo' },
  { code: '04', name: 'Kortdurend verblijf', law: 'wmo' },
  { code: '05', name: 'Woondiensten', law: 'wmo' },
  { code: '06', name: 'Overige ondersteuning gericht op het individu of huishouden/gezin', law: 'wmo' },
  { code: '07', name: 'Dagbesteding', law: 'wmo' },
  { code: '08', name: 'Vervoerdiensten', law: 'wmo' },
  { code: '09', name: 'Overige groepsgerichte ondersteuning', law: 'wmo' },
  { code: '10', name: 'Overige maatwerk arrangementen', law: 'wmo' },
  { code: '11', name: 'Rolstoelen', law: 'wmo' },
  { code: '12', name: 'Vervoervoorzieningen', law: 'wmo' },
  { code: '13', name: 'Woonvoorzieningen', law: 'wmo' },
  { code: '14', name: 'Overige hulpmiddelen', law: 'wmo' },
  { code: '15', name: 'Beschermd wonen', law: 'wmo' },
  { code: '16', name: 'Opvang', law: 'wmo' },
  { code: '17', name: 'Spoedopvang', law: 'wmo' },
  { code: '18', name: 'Overige beschermd wonen en opvang', law: 'wmo' },
  { code: '40', name: 'Persoonlijke verzorging', law: 'jeugd' },
  { code: '41', name: 'Dagbehandeling', law: 'jeugd' },
  { code: '42', name: 'Vervoerdiensten', law: 'jeugd' },
  { code: '43', name: 'Jeugdhulp verblijf (incl. behandeling)', law: 'jeugd' },
  { code: '44', name: 'Jeugdhulp verblijf (excl. behandeling)', law: 'jeugd' },
  { code: '45', name: 'Jeugdhulp ambulant', law: 'jeugd' },
  { code: '46', name: 'Jeugdhulp crisis', law: 'jeugd' },
  { code: '47', name: 'Jeugdreclassering', law: 'jeugd' },
  { code: '48', name: 'Jeugdbescherming', law: 'jeugd' },
  { code: '49', name: 'Activiteiten in het preventief justitieel kader', law: 'jeugd' },
  { code: '50', name: 'Maatwerkarrangementen jeugd', law: 'jeugd' },
  { code: '51', name: 'Generalistische basis-ggz', law: 'jeugd' },
  { code: '52', name: 'Specialistische ggz', law: 'jeugd' },
  { code: '53', name: 'Kindergeneeskunde', law: 'jeugd' },
  { code: '54', name: 'Jeugd-ggz', law: 'jeugd' },
  { code: '55', name: 'Landelijk ingekochte zorg', law: 'jeugd' },
]

/** iStandaarden eenheid codes, plus week and month where a region pays so. */
export const UNITS: readonly { code: string; name: string }[] = [
  { code: '01', name: 'Minuut' },
  { code: '04', name: 'Uur' },
  { code: '14', name: 'Etmaal' },
  { code: '16', name: 'Dagdeel (4 uur)' },
  { code: '82', name: 'Stuks (output)' },
  { code: '83', name: "Euro's" },
  { code: '84', name: 'Stuks (inspanning)' },
  { code: 'week', name: 'Week' },
  { code: 'maand', name: 'Maand' },
]

export const INTENSITIES = ['licht', 'middel', 'zwaar', 'regulier', 'midden', 'intensief'] as const
export type Intensity = (typeof INTENSITIES)[number]

export function isLaw(value: string): value is Law {
  return (LAWS as readonly string[]).includes(value)
}

export function categoriesForLaw(law: Law): ProductCategory[] {
  return PRODUCT_CATEGORIES.filter((c) => c.law === law)
}

/** Is this two-digit category one of the law's categories (Wmo 01-18, Jeugd 40-55)? */
export function isCategoryValidForLaw(code: string, law: string): boolean {
  return PRODUCT_CATEGORIES.some((c) => c.code === code && c.law === law)
}

export function categoryName(code: string): string {
  return PRODUCT_CATEGORIES.find((c) => c.code === code)?.name ?? code
}

export function unitName(code: string): string {
  return UNITS.find((u) => u.code === code)?.name ?? code
}

export function isUnit(code: string): boolean {
  return UNITS.some((u) => u.code === code)
}

/** "wmo,jeugd" -> "Wmo 2015 en Jeugdwet" */
export function lawsLabel(laws: string): string {
  return laws
    .split(',')
    .filter(isLaw)
    .map((l) => LAW_LABELS[l])
    .join(' en ')
}
