import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { documentListSelect } from '~/domain/documents/documents.server'
import { groupIntoNotas, roundPhase, seatAvailability, type SeatAvailability } from './rules'
import { sessionFactsSelect } from './session-select'

/** Published rounds for the public overview, filtered by region slug and segment. */
export async function listPublicRounds(filter: { region?: string | null; segment?: string | null }) {
  const rounds = await db.consultationRound.findMany({
    where: {
      status: 'gepubliceerd',
      ...(filter.region ? { region: { slug: filter.region } } : {}),
      ...(filter.segment ? { segments: { some: { segmentId: filter.segment } } } : {}),
    },
    orderBy: [{ closesAt: 'asc' }],
    select: {
      id: true,
      title: true,
      status: true,
      opensAt: true,
      closesAt: true,
      questionsDeadline: true,
      region: { select: { name: true, slug: true } },
      segments: { select: { segment: { select: { name: true } } } },
      // Cancelled sessions stay for the record but are not on offer.
      _count: { select: { sessions: { where: { cancelledAt: null } } } },
    },
    take: 200,
  })
  const at = now()
  const withPhase = rounds.map((r) => ({ ...r, phase: roundPhase(r, at) }))
  const order = { open: 0, aangekondigd: 1, gesloten: 2, concept: 3 } as const
  return withPhase.sort((a, b) => order[a.phase] - order[b.phase])
}

export async function filterOptions() {
  const [regions, segments] = await Promise.all([
    db.region.findMany({ orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true } }),
    db.segment.findMany({
      orderBy: [{ region: { name: 'asc' } }, { name: 'asc' }],
      select: { id: true, name: true, region: { select: { name: true } } },
    }),
  ])
  return { regions, segments }
}

/** Everything about a published round that every visitor may see (no askers, no input, no attendee details). */
export async function getPublicRound(roundId: string) {
  const round = await db.consultationRound.findFirst({
    where: { id: roundId, status: 'gepubliceerd' },
    select: {
      id: true,
      regionId: true,
      title: true,
      description: true,
      status: true,
      opensAt: true,
      closesAt: true,
      questionsDeadline: true,
      publishAttendees: true,
      inviteCouncils: true,
      report: true,
      publishedAt: true,
      region: { select: { name: true, slug: true } },
      procurement: { select: { id: true, name: true } },
      gemeenten: { select: { gemeente: { select: { name: true } } } },
      segments: { select: { segment: { select: { name: true } } } },
      writtenPrompts: { orderBy: { sortOrder: 'asc' }, select: { id: true, text: true } },
      documents: { orderBy: { createdAt: 'asc' }, select: documentListSelect },
      changes: { orderBy: { at: 'asc' }, select: { id: true, summary: true, at: true } },
      sessions: {
        orderBy: { startsAt: 'asc' },
        select: {
          ...sessionFactsSelect,
          minutes: true,
          _count: { select: { registrations: { where: { status: 'zeker' } } } },
        },
      },
      questions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: 'asc' },
        select: { id: true, number: true, text: true, answer: true, publishedAt: true },
      },
    },
  })
  if (!round) return null
  return { ...round, phase: roundPhase(round, now()), notas: groupIntoNotas(round.questions) }
}

/**
 * Per session of the round: the seats this visitor's organisation can get, with free seats held back for invited
 * organisations counted apart (counts only; which organisations are invited stays with the buyer).
 */
export async function seatAvailabilityFor(
  roundId: string,
  organisationId: string | null,
): Promise<Record<string, SeatAvailability>> {
  const [sessions, seated] = await Promise.all([
    db.consultationSession.findMany({
      where: { roundId, cancelledAt: null },
      select: {
        id: true,
        seats: true,
        seatsPerOrganisation: true,
        reservations: { select: { organisationId: true, seats: true } },
      },
    }),
    db.sessionRegistration.findMany({
      where: { session: { roundId }, status: 'zeker' },
      select: { sessionId: true, organisationId: true, seatNumber: true },
    }),
  ])
  return Object.fromEntries(
    sessions.map((s) => {
      const mine = seated.filter((r) => r.sessionId === s.id)
      const zekerByOrganisation = new Map<string, number>()
      for (const r of mine) {
        zekerByOrganisation.set(r.organisationId, (zekerByOrganisation.get(r.organisationId) ?? 0) + 1)
      }
      const state = {
        seats: s.seats,
        seatsPerOrganisation: s.seatsPerOrganisation,
        // Every seat holder counts, also one without a number (never expected, but never a seat shown twice).
        takenSeatNumbers: mine.map((r, i) => r.seatNumber ?? -1 - i),
        zekerByOrganisation,
        activeByOrganisation: new Map<string, number>(),
        reservations: s.reservations,
      }
      return [s.id, seatAvailability(state, organisationId)]
    }),
  )
}

/** The organisation's own registrations and questions for a round: what only they may see. */
export async function getOwnParticipation(roundId: string, organisationId: string) {
  const [registrations, questions] = await Promise.all([
    db.sessionRegistration.findMany({
      where: { organisationId, session: { roundId }, status: { in: ['zeker', 'wachtlijst'] } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, sessionId: true, attendeeName: true, attendeeEmail: true, status: true },
    }),
    db.consultationQuestion.findMany({
      where: { roundId, organisationId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, text: true, number: true, publishedAt: true, createdAt: true },
    }),
  ])
  return { registrations, questions }
}

/** Names of organisations with a seat, per session, for rounds that publish their attendee list. */
export async function publishedAttendees(roundId: string) {
  const rows = await db.sessionRegistration.findMany({
    where: { session: { roundId, cancelledAt: null, round: { publishAttendees: true } }, status: 'zeker' },
    distinct: ['sessionId', 'organisationId'],
    select: { sessionId: true, organisation: { select: { name: true } } },
  })
  const bySession = new Map<string, string[]>()
  for (const r of rows)
    bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r.organisation.name])
  return Object.fromEntries([...bySession.entries()].map(([k, v]) => [k, v.sort()]))
}

export async function listRegionRounds(regionId: string) {
  const rounds = await db.consultationRound.findMany({
    where: { regionId },
    orderBy: [{ createdAt: 'desc' }],
    select: {
      id: true,
      title: true,
      status: true,
      opensAt: true,
      closesAt: true,
      questionsDeadline: true,
      _count: { select: { sessions: { where: { cancelledAt: null } }, inputs: true } },
    },
    take: 200,
  })
  const at = now()
  return Promise.all(
    rounds.map(async (r) => ({
      ...r,
      phase: roundPhase(r, at),
      openQuestions: await db.consultationQuestion.count({ where: { roundId: r.id, publishedAt: null } }),
    })),
  )
}

export async function regionFormOptions(regionId: string) {
  const [gemeenten, segments, procurements] = await Promise.all([
    db.regionGemeente.findMany({
      where: { regionId },
      orderBy: { gemeente: { name: 'asc' } },
      select: { gemeente: { select: { code: true, name: true } } },
    }),
    db.segment.findMany({ where: { regionId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.procurement.findMany({
      where: { regionId },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
  ])
  return { gemeenten: gemeenten.map((g) => g.gemeente), segments, procurements }
}

/** The buyer's view of one round of the region: everything, including askers, attendees and input counts. */
export async function getRegionRound(regionId: string, roundId: string) {
  const round = await db.consultationRound.findFirst({
    where: { id: roundId, regionId },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      opensAt: true,
      closesAt: true,
      questionsDeadline: true,
      publishAttendees: true,
      inviteCouncils: true,
      report: true,
      procurementId: true,
      gemeenten: { select: { gemeenteCode: true } },
      segments: { select: { segmentId: true } },
      writtenPrompts: { orderBy: { sortOrder: 'asc' }, select: { id: true, text: true } },
      documents: { orderBy: { createdAt: 'asc' }, select: documentListSelect },
      changes: { orderBy: { at: 'asc' }, select: { id: true, summary: true, at: true } },
      sessions: {
        orderBy: { startsAt: 'asc' },
        select: {
          ...sessionFactsSelect,
          minutes: true,
          reservations: { select: { seats: true, organisation: { select: { name: true } } } },
          registrations: {
            where: { status: { in: ['zeker', 'wachtlijst'] } },
            orderBy: [{ status: 'desc' }, { seatNumber: 'asc' }, { createdAt: 'asc' }],
            select: {
              id: true,
              attendeeName: true,
              attendeeEmail: true,
              status: true,
              seatNumber: true,
              organisation: { select: { name: true } },
            },
          },
        },
      },
      questions: {
        orderBy: [{ createdAt: 'asc' }],
        select: {
          id: true,
          text: true,
          answer: true,
          number: true,
          publishedAt: true,
          createdAt: true,
          organisation: { select: { name: true } },
        },
      },
      _count: { select: { inputs: true } },
    },
  })
  if (!round) return null
  const inputCounts = await db.writtenInput.groupBy({
    by: ['kind'],
    where: { roundId },
    _count: { _all: true },
  })
  return {
    ...round,
    phase: roundPhase(round, now()),
    notas: groupIntoNotas(round.questions.filter((q) => q.publishedAt)),
    inputCounts: Object.fromEntries(inputCounts.map((c) => [c.kind, c._count._all])) as Record<
      string,
      number
    >,
  }
}

/** One session of a round of the region, for the buyer's change form. */
export async function getRegionSession(regionId: string, roundId: string, sessionId: string) {
  const session = await db.consultationSession.findFirst({
    where: { id: sessionId, roundId, round: { regionId } },
    select: {
      ...sessionFactsSelect,
      round: { select: { title: true, status: true } },
      reservations: {
        orderBy: { organisation: { name: 'asc' } },
        select: { seats: true, organisation: { select: { kvkNummer: true } } },
      },
    },
  })
  if (!session) return null
  const counts = await db.sessionRegistration.groupBy({
    by: ['status'],
    where: { sessionId, status: { in: ['zeker', 'wachtlijst'] } },
    _count: { _all: true },
  })
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0
  return { ...session, seated: count('zeker'), waiting: count('wachtlijst') }
}
