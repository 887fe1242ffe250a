/**
 * Demo data. `npm run db:seed` fills an empty database (or says it is already filled, or half filled by an
 * interrupted seed); the server does the same at start-up in the demo and in development. Every capability adds
 * its own module under prisma/seed/.
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

// Written by the last seed step: only a database with this row holds the whole demo. (An audit event because it
// needs no table of its own; nothing lists events of subject type 'demo'.)
const SEED_DONE_ID = 'demo-seed-voltooid'

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
  // Keep this last: it marks the demo as complete.
  await db.auditEvent.upsert({
    where: { id: SEED_DONE_ID },
    create: {
      id: SEED_DONE_ID,
      actorLabel: 'systeem: seed',
      action: 'demo.geladen',
      subjectType: 'demo',
      subjectId: 'seed',
      summary: 'Demogegevens volledig geladen',
    },
    update: {},
  })
}

export async function isEmpty(db: Db) {
  return (await db.gemeente.count()) === 0
}

/**
 * 'seeded': just loaded; 'complete': loaded earlier; 'incomplete': data without the completion mark (an earlier
 * seed was interrupted, or the data is not the demo). The steps insert rather than upsert, so an incomplete
 * database cannot be finished in place: it has to be reset.
 */
export type SeedResult = { state: 'seeded' | 'complete' | 'incomplete'; demoAccounts: boolean }

export const RESET_HINT =
  'De database bevat gegevens, maar de demogegevens zijn niet volledig geladen (was het laden onderbroken?). ' +
  'Begin opnieuw: stop de server en verwijder data/portaal.db (of de database in DATABASE_URL).'

/** Seeds when the database has no data yet, and says whether the demo (and its logins) is there. */
export async function seedIfEmpty(databaseUrl: string): Promise<SeedResult> {
  const db = createDb(databaseUrl)
  try {
    let state: SeedResult['state']
    if (await isEmpty(db)) {
      await seedDemo(db)
      state = 'seeded'
    } else {
      state = (await db.auditEvent.count({ where: { id: SEED_DONE_ID } })) ? 'complete' : 'incomplete'
    }
    const emails = DEMO_ACCOUNTS.map((a) => a.email)
    const demoAccounts = (await db.user.count({ where: { email: { in: emails } } })) === emails.length
    return { state, demoAccounts }
  } finally {
    await db.$disconnect()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL ?? 'file:./data/portaal.db'
  const { applyMigrations } = await import('./tooling/migrations')
  await applyMigrations(url)
  const { state } = await seedIfEmpty(url)
  console.log(
    state === 'seeded'
      ? 'Demogegevens geladen.'
      : state === 'complete'
        ? 'De database bevat de demogegevens al; er is niets toegevoegd.'
        : RESET_HINT,
  )
  if (state === 'incomplete') process.exitCode = 1
}
