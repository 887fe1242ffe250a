/**
 * Tariff periods of a product. A product keeps every period it ever had, so contracts and the provider's overview can
 * show which tariff held when. The usual change is a new period (the yearly indexation): an open-ended current
 * tariff then ends the day before the new one starts. Periods never overlap. On a published procurement every change
 * is a published change: a new version, listed on the public page and e-mailed to those who follow it.
 */
import type { Tx } from '~/utils/db.server'
import { db, lockRow } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { addDays, daysBetween, formatDate, startOfAmsterdamDay } from '~/utils/time'
import { recordAudit, type Actor } from '~/domain/audit/audit.server'
import { notFound } from '~/domain/accounts/permissions.server'
import { announceIfPublished, refuseWhenClosed } from './catalogue.server'
import { formatEuro } from './rules'
import { periodsOverlap, type TariffValue } from './tariff-form'

type Scope = { regionId: string; actor: Actor }
type Where = { procurementId: string; perceelId: string; productId: string }

export type TariffResult =
  { ok: true; summary: string } | { ok: false; field: string | null; message: string }

function describe(t: { amountCents: number; validFrom: Date; validUntil: Date | null }) {
  return `${formatEuro(t.amountCents)} vanaf ${formatDate(t.validFrom)}${t.validUntil ? ` tot en met ${formatDate(t.validUntil)}` : ''}`
}

async function productInRegion(tx: Tx, regionId: string, where: Where) {
  const product = await tx.product.findFirst({
    where: {
      id: where.productId,
      perceel: { id: where.perceelId, procurementId: where.procurementId, procurement: { regionId } },
    },
    select: {
      id: true,
      code: true,
      name: true,
      perceelId: true,
      perceel: {
        select: {
          name: true,
          procurement: { select: { id: true, name: true, status: true } },
        },
      },
      tariffs: {
        orderBy: { validFrom: 'asc' },
        select: { id: true, amountCents: true, validFrom: true, validUntil: true, indexation: true },
      },
    },
  })
  if (!product) notFound()
  return product
}

/** The product of a change: as above, and refused (409) once the procurement is closed. */
async function productForChange(tx: Tx, regionId: string, where: Where) {
  const product = await productInRegion(tx, regionId, where)
  refuseWhenClosed(product.perceel.procurement.status)
  return product
}

/** The product with its tariff periods, for the buyer's product page. */
export async function getProductTariffs(regionId: string, where: Where) {
  return db.$transaction((tx) => productInRegion(tx, regionId, where))
}

async function recordChange(
  tx: Tx,
  scope: Scope,
  product: Awaited<ReturnType<typeof productInRegion>>,
  action: string,
  summary: string,
) {
  const procurement = product.perceel.procurement
  await recordAudit(tx, {
    actor: scope.actor,
    action,
    subjectType: 'procurement',
    subjectId: procurement.id,
    summary,
    regionId: scope.regionId,
  })
  await announceIfPublished(tx, procurement, summary)
}

export async function addTariff(scope: Scope, where: Where, value: TariffValue): Promise<TariffResult> {
  return db.$transaction(async (tx) => {
    // Before the overlap check: a double submit must see the first one's period.
    await lockRow(tx, 'Product', where.productId)
    const product = await productForChange(tx, scope.regionId, where)
    const next = { validFrom: value.validFrom, validUntil: value.validUntil ?? null }
    // The open-ended tariff that started earlier ends the day before: that is how an indexation is entered.
    const open = product.tariffs.find((t) => t.validUntil === null && t.validFrom < next.validFrom)
    const closed = open ? { ...open, validUntil: addDays(next.validFrom, -1) } : null
    const others = product.tariffs.map((t) => (closed && t.id === closed.id ? closed : t))
    const clash = others.find((t) => periodsOverlap(t, next))
    if (clash) {
      return {
        ok: false as const,
        field: 'validFrom',
        message: `Deze periode overlapt met het tarief van ${describe(clash)}. Verwijder dat tarief eerst of kies een andere periode.`,
      }
    }
    if (closed) await tx.tariff.update({ where: { id: closed.id }, data: { validUntil: closed.validUntil } })
    await tx.tariff.create({
      data: {
        id: newId(),
        productId: product.id,
        amountCents: value.tariff,
        validFrom: next.validFrom,
        validUntil: next.validUntil,
        indexation: value.indexation ?? '',
      },
    })
    const summary =
      `Nieuw tarief voor product ${product.code} "${product.name}" (perceel "${product.perceel.name}"): ` +
      `${describe({ amountCents: value.tariff, ...next })}` +
      (closed ? `; het vorige tarief geldt tot en met ${formatDate(closed.validUntil)}` : '') +
      (value.indexation ? ` (${value.indexation})` : '')
    await recordChange(tx, scope, product, 'catalogue.tariff.added', summary)
    return { ok: true as const, summary }
  })
}

export async function removeTariff(scope: Scope, where: Where, tariffId: string): Promise<TariffResult> {
  return db.$transaction(async (tx) => {
    await lockRow(tx, 'Product', where.productId)
    const product = await productForChange(tx, scope.regionId, where)
    const tariff = product.tariffs.find((t) => t.id === tariffId)
    if (!tariff) return { ok: false as const, field: null, message: 'Dit tarief bestaat niet (meer).' }
    if (product.tariffs.length === 1) {
      return {
        ok: false as const,
        field: null,
        message: 'Een product houdt minstens één tarief. Voeg eerst het nieuwe tarief toe.',
      }
    }
    // Once published, a tariff that already applied stays: contracts and the providers' overviews show it.
    const published = product.perceel.procurement.status !== 'concept'
    if (published && tariff.validFrom.getTime() < startOfAmsterdamDay(now()).getTime()) {
      return {
        ok: false as const,
        field: null,
        message: `Dit tarief geldt al sinds ${formatDate(tariff.validFrom)} en blijft daarom staan: contracten en overzichten tonen het. Wilt u een ander bedrag, voeg dan een nieuw tarief toe vanaf een latere datum.`,
      }
    }
    // Undoing the newest period (an indexation) gives its time back to the period it cut short, so no gap remains.
    const newest = product.tariffs[product.tariffs.length - 1]!
    const previous =
      newest.id === tariff.id
        ? product.tariffs.find((t) => t.validUntil && daysBetween(t.validUntil, tariff.validFrom) === 1)
        : undefined
    const reopened = previous ? { ...previous, validUntil: tariff.validUntil } : null
    if (reopened) {
      await tx.tariff.update({ where: { id: reopened.id }, data: { validUntil: reopened.validUntil } })
    }
    await tx.tariff.delete({ where: { id: tariff.id } })
    const summary =
      `Tarief van ${describe(tariff)} voor product ${product.code} "${product.name}" (perceel "${product.perceel.name}") vervalt` +
      (reopened
        ? `; het tarief van ${formatEuro(reopened.amountCents)} vanaf ${formatDate(reopened.validFrom)} geldt weer ${reopened.validUntil ? `tot en met ${formatDate(reopened.validUntil)}` : 'zonder einddatum'}`
        : '')
    await recordChange(tx, scope, product, 'catalogue.tariff.removed', summary)
    return { ok: true as const, summary }
  })
}
