/**
 * Which admissions the keuzehulp may show, as one SQL condition shared by the search, the provider page and the open
 * data, so the three can never disagree about a provider.
 *
 * An admission counts when it is active and not at risk, and its product belongs to its perceel, of a procurement that
 * is public (`PUBLIC_STATUSES`), and that perceel still covers the admission's municipality (`PerceelGemeente`). The
 * last part matters when a region takes a municipality off a perceel: the admissions there stay in the table, but a
 * visitor may no longer choose them. The provider must also work there: a werkgebied of "niet in deze gemeente"
 * (not the whole municipality and no PC4 areas) is an admission it does not offer to residents of that municipality.
 * Evidence is checked afterwards in code (it depends on the Amsterdam day).
 */
import { PUBLIC_STATUSES } from '~/domain/catalogue/rules'
import { db } from '~/utils/db.server'
import { perceelContractWhere } from '~/domain/admissions/contract-end'

/** `'gepubliceerd', 'gesloten'`: inlined rather than bound, so callers' placeholders stay in order (fixed words). */
export const PUBLIC_STATUSES_SQL = PUBLIC_STATUSES.map((s) => {
  if (!/^[a-z_]+$/.test(s)) throw new Error(`Unexpected procurement status ${s}`)
  return `'${s}'`
}).join(', ')

/** The condition for the admission row aliased `a` (an SQL identifier, never input). Plain SQL for both engines. */
export function shownAdmissionSql(a: string): string {
  if (!/^[a-z_]+$/.test(a)) throw new Error(`Unexpected alias ${a}`)
  return `${a}."status" = 'actief' AND ${a}."atRisk" = false AND (${a}."coversWhole" = true OR ${a}."pc4s" <> '')
    AND EXISTS (
      SELECT 1 FROM "Product" sa_pr
        JOIN "PerceelGemeente" sa_pg ON sa_pg."perceelId" = sa_pr."perceelId"
        JOIN "Perceel" sa_p ON sa_p."id" = sa_pr."perceelId"
        JOIN "Procurement" sa_pc ON sa_pc."id" = sa_p."procurementId"
       WHERE sa_pr."id" = ${a}."productId" AND sa_pr."perceelId" = ${a}."perceelId"
         AND sa_pg."gemeenteCode" = ${a}."gemeenteCode" AND sa_pc."status" IN (${PUBLIC_STATUSES_SQL}))`
}

/**
 * Of `perceelIds`, those whose contract has not run out before `today` (the perceel's contract terms with their
 * extensions, else the procurement's contract period): the same line the hourly job draws when it ends admissions,
 * so from midnight on a provider whose contract ended is gone, not only once the job has reached it.
 */
export async function percelenUnderContract(perceelIds: string[], today: Date): Promise<Set<string>> {
  if (perceelIds.length === 0) return new Set()
  const rows = await db.perceel.findMany({
    where: { id: { in: perceelIds }, ...perceelContractWhere(today).runningAt },
    select: { id: true },
  })
  return new Set(rows.map((r) => r.id))
}
