/**
 * The columns that describe a consultation session itself, selected the same way wherever a session is read for its
 * page, its e-mails, its .ics or a registration, so a new column (like the cancellation) reaches all of them.
 */
export const sessionFactsSelect = {
  id: true,
  roundId: true,
  kind: true,
  title: true,
  startsAt: true,
  durationMinutes: true,
  address: true,
  onlineUrl: true,
  seats: true,
  seatsPerOrganisation: true,
  registrationDeadline: true,
  cancelledAt: true,
  cancelReason: true,
} as const
