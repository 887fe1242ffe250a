/**
 * Pure rules of market consultations: phases and deadlines of a round, who may take a seat at a session, and how
 * published answers form numbered notas van inlichtingen. No database here, so the rules run anywhere and are tested
 * on their own. Every deadline is an instant; "before the deadline" means strictly earlier, to the minute.
 */

export const SESSION_KINDS = ['dialoogsessie', 'informatiebijeenkomst', 'overlegtafel'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]
export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  dialoogsessie: 'Dialoogsessie',
  informatiebijeenkomst: 'Informatiebijeenkomst',
  overlegtafel: 'Overlegtafel',
}

export const REGISTRATION_STATUSES = ['zeker', 'wachtlijst', 'geannuleerd'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  zeker: 'Aangemeld (plaats zeker)',
  wachtlijst: 'Op de wachtlijst',
  geannuleerd: 'Afgemeld',
}

/** Allowed transitions of a session registration; anything else is refused. */
export const REGISTRATION_TRANSITIONS: Record<RegistrationStatus, RegistrationStatus[]> = {
  zeker: ['geannuleerd'],
  wachtlijst: ['zeker', 'geannuleerd'],
  geannuleerd: [],
}

export function mayTransition(from: string, to: RegistrationStatus): boolean {
  return (REGISTRATION_TRANSITIONS[from as RegistrationStatus] ?? []).includes(to)
}

export type RoundTimes = {
  status: string
  opensAt: Date
  closesAt: Date
  questionsDeadline: Date | null
}

export type RoundPhase = 'concept' | 'aangekondigd' | 'open' | 'gesloten'

export const ROUND_PHASE_LABELS: Record<RoundPhase, string> = {
  concept: 'Concept (niet gepubliceerd)',
  aangekondigd: 'Aangekondigd, nog niet open',
  open: 'Open voor inbreng',
  gesloten: 'Gesloten',
}

export function roundPhase(round: RoundTimes, at: Date): RoundPhase {
  if (round.status === 'concept') return 'concept'
  if (at.getTime() >= round.closesAt.getTime()) return 'gesloten'
  if (at.getTime() < round.opensAt.getTime()) return 'aangekondigd'
  return 'open'
}

/** The instant after which no more questions are taken: the question deadline, or the closing of the round. */
export function questionsCloseAt(round: RoundTimes): Date {
  return round.questionsDeadline ?? round.closesAt
}

export function mayAskQuestion(round: RoundTimes, at: Date): boolean {
  return (
    round.status === 'gepubliceerd' &&
    at.getTime() >= round.opensAt.getTime() &&
    at.getTime() < questionsCloseAt(round).getTime()
  )
}

/** Written input may be given and changed while the round is open; afterwards it is read-only. */
export function mayGiveInput(round: RoundTimes, at: Date): boolean {
  return roundPhase(round, at) === 'open'
}

export function mayRegister(
  round: RoundTimes,
  session: { registrationDeadline: Date; startsAt: Date; cancelledAt?: Date | null },
  at: Date,
): boolean {
  return (
    round.status === 'gepubliceerd' &&
    !session.cancelledAt &&
    at.getTime() < session.registrationDeadline.getTime() &&
    at.getTime() < session.startsAt.getTime()
  )
}

/** A session has started at its start instant; from then on nobody cancels a registration or changes the session. */
export function sessionStarted(session: { startsAt: Date }, at: Date): boolean {
  return at.getTime() >= session.startsAt.getTime()
}

export type SeatState = {
  seats: number
  seatsPerOrganisation: number
  /** Seat numbers held by registrations with status zeker. */
  takenSeatNumbers: number[]
  /** Zeker registrations per organisation. */
  zekerByOrganisation: Map<string, number>
  /** Active (zeker or wachtlijst) registrations per organisation. */
  activeByOrganisation: Map<string, number>
  /** Seats held back for invited organisations. */
  reservations: { organisationId: string; seats: number }[]
}

export type SeatDecision = { kind: 'zeker'; seatNumber: number } | { kind: 'wachtlijst' } | { kind: 'limiet' }

/** The lowest seat number (1..seats) nobody holds, or null when all are taken. */
export function lowestFreeSeat(seats: number, taken: number[]): number | null {
  const held = new Set(taken)
  for (let n = 1; n <= seats; n++) if (!held.has(n)) return n
  return null
}

/**
 * Reserved seats still unused by organisations other than `organisationId`: those cannot go to anyone else.
 */
export function seatsHeldForOthers(state: SeatState, organisationId: string): number {
  return state.reservations
    .filter((r) => r.organisationId !== organisationId)
    .reduce(
      (sum, r) => sum + Math.max(0, r.seats - (state.zekerByOrganisation.get(r.organisationId) ?? 0)),
      0,
    )
}

/**
 * Where a new registration of `organisationId` goes. `countsAsNew` is false when promoting someone already on the
 * waiting list (their registration already counts towards the organisation's limit).
 */
export function decideSeat(state: SeatState, organisationId: string, countsAsNew = true): SeatDecision {
  const active = state.activeByOrganisation.get(organisationId) ?? 0
  if (countsAsNew && active >= state.seatsPerOrganisation) return { kind: 'limiet' }
  // A promotion counts seats, not registrations: a lowered limit can leave an organisation full with people waiting.
  const seated = state.zekerByOrganisation.get(organisationId) ?? 0
  if (!countsAsNew && seated >= state.seatsPerOrganisation) return { kind: 'limiet' }
  const free = lowestFreeSeat(state.seats, state.takenSeatNumbers)
  if (free === null) return { kind: 'wachtlijst' }
  const freeCount = state.seats - new Set(state.takenSeatNumbers).size
  const own = state.reservations.find((r) => r.organisationId === organisationId)
  const ownUnused = own ? Math.max(0, own.seats - (state.zekerByOrganisation.get(organisationId) ?? 0)) : 0
  if (ownUnused > 0) return { kind: 'zeker', seatNumber: free }
  if (freeCount - seatsHeldForOthers(state, organisationId) > 0) return { kind: 'zeker', seatNumber: free }
  return { kind: 'wachtlijst' }
}

export type SeatAvailability = {
  seats: number
  /** Seats nobody holds. */
  free: number
  /** Free seats held back for other invited organisations: this visitor cannot get them. */
  reservedForOthers: number
  /** Free seats held back for the visitor's own organisation. */
  reservedForYou: number
  /** Free seats this visitor's organisation can actually get (what `decideSeat` would give). */
  available: number
}

/**
 * What the public page tells a visitor about the seats of a session. `organisationId` null (not signed in, or no
 * organisation) counts as an organisation without a reservation.
 */
export function seatAvailability(state: SeatState, organisationId: string | null): SeatAvailability {
  const free = Math.max(0, state.seats - new Set(state.takenSeatNumbers).size)
  const heldForOthers = seatsHeldForOthers(state, organisationId ?? '')
  const own = organisationId ? state.reservations.find((r) => r.organisationId === organisationId) : undefined
  const ownUnused = own ? Math.max(0, own.seats - (state.zekerByOrganisation.get(organisationId!) ?? 0)) : 0
  // Own reservation first: decideSeat gives it any free seat, even when reservations outnumber the free seats.
  const reservedForYou = Math.min(free, ownUnused)
  return {
    seats: state.seats,
    free,
    reservedForOthers: Math.min(free - reservedForYou, heldForOthers),
    reservedForYou,
    // As decideSeat: an organisation with an unused reservation gets any free seat.
    available: Math.max(0, free - heldForOthers, ownUnused > 0 ? Math.min(free, ownUnused) : 0),
  }
}

/** "3 van 9 plaatsen vrij, waarvan 3 gereserveerd voor uitgenodigde organisaties" */
export function seatAvailabilityText(a: SeatAvailability): string {
  const parts: string[] = []
  if (a.reservedForOthers > 0)
    parts.push(`${a.reservedForOthers} gereserveerd voor uitgenodigde organisaties`)
  if (a.reservedForYou > 0) parts.push(`${a.reservedForYou} gereserveerd voor uw organisatie`)
  const reserved = parts.length ? `, waarvan ${parts.join(' en ')}` : ''
  return `${a.free} van ${a.seats} ${a.seats === 1 ? 'plaats' : 'plaatsen'} vrij${reserved}`
}

export type PublishedQuestion = { id: string; number: number | null; publishedAt: Date | null }

/**
 * Published answers in numbered notas van inlichtingen: everything published at the same moment is one nota, numbered
 * 1, 2, … in order of publication; questions inside a nota by their number.
 */
export function groupIntoNotas<Q extends PublishedQuestion>(
  questions: Q[],
): { nummer: number; publishedAt: Date; questions: Q[] }[] {
  const byMoment = new Map<number, Q[]>()
  for (const q of questions) {
    if (!q.publishedAt) continue
    const key = q.publishedAt.getTime()
    byMoment.set(key, [...(byMoment.get(key) ?? []), q])
  }
  return [...byMoment.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, list], i) => ({
      nummer: i + 1,
      publishedAt: new Date(at),
      questions: [...list].sort((a, b) => (a.number ?? 0) - (b.number ?? 0)),
    }))
}

/**
 * Whether an edit of the written questions keeps every answered question where it is, word for word: answers hang on
 * the stored question and questions are matched by position, so an answered one may not be reworded, moved or
 * removed. New questions go at the end; unanswered ones may change. Returns the Dutch error, or null when allowed.
 */
export function answeredPromptError(stored: { text: string; answers: number }[], prompts: string[]) {
  const moved = stored.findIndex((p, i) => p.answers > 0 && prompts[i] !== p.text)
  if (moved === -1) return null
  return `Vraag ${moved + 1} heeft al antwoorden en kan niet meer worden gewijzigd of verwijderd. Voeg nieuwe vragen onderaan toe.`
}

/** "Wat vindt u van…?\nHoe…" -> the written questions, one per non-empty line. */
export function splitPrompts(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
}
