import type { Db } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'

/** Small factories for consultation tests: each creates exactly the rows a test needs, with unique values. */
export async function makeRegion(db: Db) {
  const id = newId()
  return db.region.create({ data: { id, slug: `regio-${id.slice(0, 8)}`, name: `Regio ${id.slice(0, 6)}` } })
}

let kvk = 10_000_000
export async function makeOrganisation(db: Db, name = `Zorg ${newId().slice(0, 6)}`) {
  kvk += 1 + Math.floor(Math.random() * 1000)
  return db.organisation.create({
    data: {
      id: newId(),
      name,
      searchName: name.toLowerCase(),
      kvkNummer: String(kvk),
      street: 'Straat',
      houseNumber: '1',
      postcode: '1234 AB',
      city: 'Tiel',
      email: 'info@zorg.example',
      phone: '0344000000',
    },
  })
}

export async function makeUser(db: Db, email = `u-${newId().slice(0, 8)}@example.org`) {
  return db.user.create({
    data: { id: newId(), email, name: 'Test Gebruiker', passwordHash: 'x', emailVerifiedAt: new Date() },
  })
}

export async function makeRound(
  db: Db,
  regionId: string,
  overrides: Partial<{
    opensAt: Date
    closesAt: Date
    questionsDeadline: Date | null
    status: string
    inviteCouncils: boolean
  }> = {},
) {
  const id = newId()
  return db.consultationRound.create({
    data: {
      id,
      regionId,
      title: `Consultatie ${id.slice(0, 6)}`,
      description: 'Beschrijving',
      opensAt: overrides.opensAt ?? new Date('2026-11-01T08:00:00Z'),
      closesAt: overrides.closesAt ?? new Date('2026-12-31T11:00:00Z'),
      questionsDeadline: overrides.questionsDeadline ?? null,
      status: overrides.status ?? 'gepubliceerd',
      inviteCouncils: overrides.inviteCouncils ?? false,
      publishedAt: new Date('2026-11-01T08:00:00Z'),
      writtenPrompts: { create: [{ id: newId(), text: 'Wat vindt u van de tarieven?', sortOrder: 0 }] },
    },
  })
}

export async function makeSession(
  db: Db,
  roundId: string,
  overrides: Partial<{
    seats: number
    seatsPerOrganisation: number
    startsAt: Date
    registrationDeadline: Date
  }> = {},
) {
  return db.consultationSession.create({
    data: {
      id: newId(),
      roundId,
      kind: 'dialoogsessie',
      title: 'Dialoogsessie tarieven',
      startsAt: overrides.startsAt ?? new Date('2026-12-10T13:00:00Z'),
      durationMinutes: 90,
      address: 'Stadhuis Tiel, Achter de Kerk 1',
      onlineUrl: 'https://meet.example/sessie',
      seats: overrides.seats ?? 5,
      seatsPerOrganisation: overrides.seatsPerOrganisation ?? 100,
      registrationDeadline: overrides.registrationDeadline ?? new Date('2026-12-08T11:00:00Z'),
    },
  })
}

export async function makeGemeente(db: Db) {
  const code = `GT${newId().slice(0, 8)}`
  return db.gemeente.create({
    data: {
      code,
      name: `Gemeente ${code}`,
      searchName: `gemeente ${code.toLowerCase()}`,
      province: 'Gelderland',
    },
  })
}

/** A member of the region's advisory or client council, tied to the given municipalities (none: region-wide). */
export async function makeCouncilMember(db: Db, regionId: string, gemeenteCodes: string[] = []) {
  const user = await makeUser(db)
  await db.regionMembership.create({
    data: {
      id: newId(),
      userId: user.id,
      regionId,
      role: 'adviesraad',
      gemeenten: { create: gemeenteCodes.map((gemeenteCode) => ({ gemeenteCode })) },
    },
  })
  return user
}

/** A user who is beheerder of the organisation. */
export async function makeBeheerder(db: Db, organisationId: string) {
  const user = await makeUser(db)
  await db.organisationMembership.create({
    data: { id: newId(), userId: user.id, organisationId, role: 'beheerder' },
  })
  return user
}
