/**
 * Demo data. `npm run db:seed` fills an empty database (or says it is not empty); the server does the same at
 * start-up in the demo and in development. Every capability adds its own module under prisma/seed/.
 */
import { pathToFileURL } from 'node:url'
import { createDb, type Db } from '../app/utils/db.server'
import { seedReference } from './seed/reference'
import { seedAccounts, DEMO_PASSWORD, DEMO_ACCOUNTS } from './seed/accounts'
import { seedCatalogue } from './seed/catalogue'
import { seedEvidence } from './seed/evidence'
import { seedCapacity } from './seed/capacity'
import { seedAdmissions } from './seed/admissions'
import { seedContracts } from './seed/contracts'
import { seedConsultations } from './seed/consultations'

export const DEMO_LOGINS = { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS }

/** Seeds in order; each step may use what the steps before it created. */
export async function seedDemo(db: Db) {
  await seedReference(db)
  await seedAccounts(db)
  // Order of the capability seeds: catalogue, evidence, admissions, capacity, contracts, consultations, keuzehulp.
  await seedCatalogue(db)
  await seedEvidence(db) // after catalogue
  await seedAdmissions(db) // after catalogue and evidence; skips without the catalogue's perceel
  await seedCapacity(db) // after admissions (does nothing without admissions)
  await seedContracts(db) // after admissions (without admissions: contracts and templates only)
  await seedConsultations(db) // after accounts; links the catalogue's procurements and segments when present
}

export async function isEmpty(db: Db) {
  return (await db.gemeente.count()) === 0
}

/** Seeds when the database has no data yet; returns whether it did. */
export async function seedIfEmpty(databaseUrl: string): Promise<boolean> {
  const db = createDb(databaseUrl)
  try {
    if (!(await isEmpty(db))) return false
    await seedDemo(db)
    return true
  } finally {
    await db.$disconnect()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL ?? 'file:./data/portaal.db'
  const { applyMigrations } = await import('./tooling/migrations')
  await applyMigrations(url)
  const done = await seedIfEmpty(url)
  console.log(done ? 'Demogegevens geladen.' : 'De database bevat al gegevens; er is niets toegevoegd.')
}
