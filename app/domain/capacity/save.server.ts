/**
 * Saving werkgebied and capacity. Every save writes NEW CapacityReport rows (the history is kept): the previous
 * current rows of the same organisation × product get isCurrent = false and supersededAt = the new confirmation,
 * in the same transaction as the new rows and the audit event.
 *
 * A product's capacity is one report for the whole product (location "") or one report per named location (a
 * provider with two vestigingen and different waiting lists). All reports of one save share one confirmation
 * instant, which is how the dashboard and the keuzehulp know they belong together.
 */
import { lockRow, type Db, type Tx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { checkPc4s, parsePc4List, unknownPc4Message, type Accepting } from './rules'

export type Coverage = 'geheel' | 'deels' | 'niet'

/** The figures of one report: for the whole product, or for one location. */
export type CapacityFigures = { accepting: Accepting; freePlaces?: number | null; waitingWeeks: number }

export type ProductInput = {
  productId: string
  /** One entry with location "" for the whole product, or one per location, each with its own name. */
  reports: (CapacityFigures & { location: string })[]
  remark?: string
  gemeenten: { gemeenteCode: string; dekking: Coverage; pc4s?: string }[]
}

export type SaveResult =
  { ok: true; warnings: string[]; saved: number } | { ok: false; fieldErrors: Record<string, string[]> }

function describeCoverage(a: { coversWhole: boolean; pc4s: string }): string {
  if (a.coversWhole) return 'hele gemeente'
  return a.pc4s ? `postcodegebieden ${a.pc4s.split(',').join(', ')}` : 'niet in deze gemeente'
}

/**
 * Checks the PC4 areas against the postcode table and the products and municipalities against the organisation's
 * active admissions, then saves everything in one transaction. Field error keys use the form's names
 * (`products[0].gemeenten[1].pc4s`).
 */
export async function saveCapacity(
  db: Db,
  input: { organisationId: string; actor: Actor & { userId?: string }; products: ProductInput[] },
): Promise<SaveResult> {
  const { organisationId } = input
  const admissions = await db.admission.findMany({
    where: { organisationId, status: 'actief', productId: { in: input.products.map((p) => p.productId) } },
    select: {
      id: true,
      productId: true,
      gemeenteCode: true,
      coversWhole: true,
      pc4s: true,
      product: { select: { name: true } },
      gemeente: { select: { name: true } },
    },
  })
  const admissionOf = new Map(admissions.map((a) => [`${a.productId}|${a.gemeenteCode}`, a.id]))
  const admissionById = new Map(admissions.map((a) => [a.id, a]))

  const fieldErrors: Record<string, string[]> = {}
  const parsed = input.products.map((p) =>
    p.gemeenten.map((g) => (g.dekking === 'deels' ? parsePc4List(g.pc4s ?? '') : { codes: [], invalid: [] })),
  )
  const allCodes = [...new Set(parsed.flat().flatMap((p) => p.codes))]
  const pc4Rows = allCodes.length
    ? await db.pc4.findMany({
        where: { code: { in: allCodes } },
        select: { code: true, gemeenteCode: true, gemeente: { select: { name: true } } },
      })
    : []
  const known = new Map(pc4Rows.map((r) => [r.code, r.gemeenteCode]))
  const gemeenteNameOfPc4 = new Map(pc4Rows.map((r) => [r.code, r.gemeente.name]))
  const warnings: string[] = []

  const admittedProducts = new Set(admissions.map((a) => a.productId))
  input.products.forEach((p, i) => {
    // Capacity only for a product the organisation is actively admitted to (a hand-made request may name another).
    const reportError = admittedProducts.has(p.productId)
      ? reportsError(p.reports)
      : 'U bent niet (meer) toegelaten voor dit product. Laad de pagina opnieuw.'
    if (reportError) fieldErrors[`products[${i}]`] = [reportError]
    p.gemeenten.forEach((g, j) => {
      if (!admissionOf.has(`${p.productId}|${g.gemeenteCode}`)) {
        fieldErrors[`products[${i}].gemeenten[${j}].dekking`] = [
          'U bent voor dit product niet (meer) toegelaten in deze gemeente. Laad de pagina opnieuw.',
        ]
        return
      }
      if (g.dekking !== 'deels') return
      const { codes, invalid } = parsed[i]![j]!
      if (codes.length === 0 && invalid.length === 0) {
        fieldErrors[`products[${i}].gemeenten[${j}].pc4s`] = [
          'Vul de postcodegebieden in waar u werkt, of kies "Hele gemeente" of "Niet in deze gemeente"',
        ]
        return
      }
      const check = checkPc4s(codes, known, g.gemeenteCode)
      const message = unknownPc4Message(check.unknown, invalid)
      if (message) fieldErrors[`products[${i}].gemeenten[${j}].pc4s`] = [message]
      for (const e of check.elsewhere) {
        warnings.push(
          `Postcodegebied ${e.code} ligt volgens de postcodetabel in ${gemeenteNameOfPc4.get(e.code)}. Wij hebben het wel opgeslagen, omdat postcodegebieden over gemeentegrenzen kunnen lopen.`,
        )
      }
    })
  })
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }

  const confirmedAt = now()
  await db.$transaction(async (tx) => {
    // A double submit waits here and then sees the first save's reports as the current ones.
    await lockRow(tx, 'Organisation', organisationId)
    for (const [i, p] of input.products.entries()) {
      for (const [j, g] of p.gemeenten.entries()) {
        const codes = parsed[i]![j]!.codes
        const before = admissionById.get(admissionOf.get(`${p.productId}|${g.gemeenteCode}`)!)!
        const after = {
          coversWhole: g.dekking === 'geheel',
          pc4s: g.dekking === 'deels' ? [...codes].sort().join(',') : '',
        }
        if (before.coversWhole === after.coversWhole && before.pc4s === after.pc4s) continue
        await tx.admission.update({ where: { id: before.id, organisationId }, data: after })
        // The werkgebied lives on the admission; its history is this audit trail, one event per change.
        await recordAudit(tx, {
          actor: input.actor,
          action: 'werkgebied.gewijzigd',
          subjectType: 'Admission',
          subjectId: before.id,
          summary: `Werkgebied ${before.product.name} in ${before.gemeente.name}: ${describeCoverage(before)} → ${describeCoverage(after)}`,
          organisationId,
        })
      }
      await writeReports(tx, {
        organisationId,
        productId: p.productId,
        reports: p.reports.map((r) => ({
          location: r.location.trim(),
          accepting: r.accepting,
          freePlaces: r.freePlaces ?? null,
          waitingWeeks: r.waitingWeeks,
        })),
        remark: p.remark ?? '',
        confirmedAt,
        createdById: 'userId' in input.actor ? (input.actor.userId ?? null) : null,
      })
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'capaciteit.bijgewerkt',
      subjectType: 'Organisation',
      subjectId: organisationId,
      summary: `Werkgebied en capaciteit bijgewerkt voor ${input.products.length} product(en)`,
      organisationId,
    })
  })
  return { ok: true, warnings, saved: input.products.length }
}

/**
 * "Alles ongewijzigd bevestigen": a new report with the same values, confirmed now, for every admitted product that
 * has a current report. Returns how many were confirmed and how many products still lack a first report.
 */
export async function confirmUnchanged(
  db: Db,
  input: { organisationId: string; actor: Actor & { userId?: string } },
): Promise<{ confirmed: number; missing: number }> {
  const { organisationId } = input
  const admitted = await db.admission.findMany({
    where: { organisationId, status: 'actief' },
    select: { productId: true },
    distinct: ['productId'],
  })
  const productIds = admitted.map((a) => a.productId)
  const confirmedAt = now()
  return db.$transaction(async (tx) => {
    // A double submit waits here and then sees the first save's reports as the current ones.
    await lockRow(tx, 'Organisation', organisationId)
    const current = await tx.capacityReport.findMany({
      where: { organisationId, productId: { in: productIds }, isCurrent: true },
      orderBy: [{ productId: 'asc' }, { location: 'asc' }],
    })
    const byProduct = new Map<string, typeof current>()
    for (const r of current) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r])
    for (const [productId, rows] of byProduct) {
      await writeReports(tx, {
        organisationId,
        productId,
        reports: rows.map((r) => ({
          location: r.location,
          accepting: r.accepting,
          freePlaces: r.freePlaces,
          waitingWeeks: r.waitingWeeks,
        })),
        remark: rows[0]!.remark,
        confirmedAt,
        createdById: 'userId' in input.actor ? (input.actor.userId ?? null) : null,
      })
    }
    if (byProduct.size) {
      await recordAudit(tx, {
        actor: input.actor,
        action: 'capaciteit.ongewijzigd-bevestigd',
        subjectType: 'Organisation',
        subjectId: organisationId,
        summary: `Capaciteit ongewijzigd bevestigd voor ${byProduct.size} product(en)`,
        organisationId,
      })
    }
    return { confirmed: byProduct.size, missing: productIds.length - byProduct.size }
  })
}

/**
 * Why a product's reports cannot be saved, or null: there must be one for the whole product (location "") or one or
 * more for named locations, each name once. The form checks the same, with messages at the fields.
 */
export function reportsError(reports: { location: string }[]): string | null {
  if (reports.length === 0) return 'Vul de capaciteit in voor het hele product of voor ten minste één locatie'
  const names = reports.map((r) => r.location.trim().toLocaleLowerCase('nl'))
  if (reports.length > 1 && names.some((n) => n === '')) return 'Geef elke locatie een naam'
  if (new Set(names).size !== names.length) return 'Elke locatie mag maar één keer voorkomen'
  return null
}

/** Replaces the current reports of organisation × product by new ones (history kept), all confirmed at one instant. */
export async function writeReports(
  tx: Tx,
  r: {
    organisationId: string
    productId: string
    reports: { location: string; accepting: string; freePlaces: number | null; waitingWeeks: number | null }[]
    remark: string
    confirmedAt: Date
    createdById: string | null
  },
) {
  await tx.capacityReport.updateMany({
    where: { organisationId: r.organisationId, productId: r.productId, isCurrent: true },
    data: { isCurrent: false, supersededAt: r.confirmedAt },
  })
  await tx.capacityReport.createMany({
    data: r.reports.map((report) => ({
      id: newId(),
      organisationId: r.organisationId,
      productId: r.productId,
      ...report,
      remark: r.remark,
      confirmedAt: r.confirmedAt,
      createdById: r.createdById,
      isCurrent: true,
      supersededAt: null,
    })),
  })
}
