import { amsterdamParts } from '~/utils/time'

const MONTHS_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']

/** The label of a trend moment: "eind jun 2026", or "vandaag" for the last one. */
export function momentLabel(at: Date, isToday: boolean): string {
  if (isToday) return 'vandaag'
  const p = amsterdamParts(at)
  return `eind ${MONTHS_SHORT[p.month - 1]} ${p.year}`
}

/** Short axis label: "jun" or "nu". */
export function momentAxisLabel(at: Date, isToday: boolean): string {
  return isToday ? 'nu' : MONTHS_SHORT[amsterdamParts(at).month - 1]!
}

/** "5 weken", "2,5 weken", "–" for no data (for tables). */
export function weeksCell(v: number | null): string {
  if (v === null) return 'geen gegevens'
  const s = Number.isInteger(v) ? String(v) : v.toFixed(1).replace('.', ',')
  return `${s} ${v === 1 ? 'week' : 'weken'}`
}
