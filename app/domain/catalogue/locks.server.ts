import { engineOf, type DbOrTx } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

/**
 * Serialise changes that check for overlap and then insert: registration moments of a perceel, tariff periods of a
 * product. Call first in the transaction, before reading the rows the check depends on. On PostgreSQL (read
 * committed) two submits of the same form would otherwise both see no overlap and both insert; the row lock makes the
 * second wait and then read the first one's row. NO KEY UPDATE, so inserts that only reference the row do not wait.
 * SQLite needs nothing: its transactions start with BEGIN IMMEDIATE, so writers already queue.
 */
export async function lockPerceel(tx: DbOrTx, perceelId: string) {
  if (engineOf(getEnv().DATABASE_URL) !== 'postgresql') return
  await tx.$queryRaw`SELECT "id" FROM "Perceel" WHERE "id" = ${perceelId} FOR NO KEY UPDATE`
}

export async function lockProduct(tx: DbOrTx, productId: string) {
  if (engineOf(getEnv().DATABASE_URL) !== 'postgresql') return
  await tx.$queryRaw`SELECT "id" FROM "Product" WHERE "id" = ${productId} FOR NO KEY UPDATE`
}
