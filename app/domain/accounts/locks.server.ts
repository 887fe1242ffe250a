import { engineOf, type DbOrTx } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

/**
 * Serialise changes to who belongs to an organisation or region; call first in the transaction, before reading what
 * the change depends on (how many beheerders are left, which municipalities a member works for). On PostgreSQL (read
 * committed) two beheerders demoting each other would otherwise both count two and both succeed; the row lock makes
 * the second wait and then count again. NO KEY UPDATE, so inserts that only reference the row (their key share lock)
 * do not wait. SQLite needs nothing: its transactions start with BEGIN IMMEDIATE, so writers already queue.
 */
export async function lockOrganisationMembers(tx: DbOrTx, organisationId: string) {
  if (engineOf(getEnv().DATABASE_URL) !== 'postgresql') return
  await tx.$queryRaw`SELECT "id" FROM "Organisation" WHERE "id" = ${organisationId} FOR NO KEY UPDATE`
}

export async function lockRegionMembers(tx: DbOrTx, regionId: string) {
  if (engineOf(getEnv().DATABASE_URL) !== 'postgresql') return
  await tx.$queryRaw`SELECT "id" FROM "Region" WHERE "id" = ${regionId} FOR NO KEY UPDATE`
}
