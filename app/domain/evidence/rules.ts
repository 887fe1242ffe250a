/**
 * Pure rules of quality evidence (no database): the status of an item on a day, whether an item satisfies a
 * perceel's requirement on a date, and which requirements are still open. Other capabilities (admissions, keuzehulp)
 * import these; keep them free of Node APIs.
 *
 * Dates: `validFrom`, `validUntil` and `issuedAt` are stored as Amsterdam midnight of the chosen day. An item is
 * valid through the whole of its `validUntil` day. All comparisons are by Amsterdam calendar day.
 */
import { addDays, daysBetween, formatDate } from '~/utils/time'

/** Days before the end date at which the provider is warned ("verloopt binnenkort") and reminded. */
export const EXPIRY_WARNING_DAYS = 90
/** Reminder marks: days before `validUntil`; 0 is the day itself. */
export const REMINDER_MARKS = [90, 30, 7, 0] as const
export type ReminderMark = (typeof REMINDER_MARKS)[number]

export const VERIFICATIONS = ['in_controle', 'goedgekeurd', 'afgekeurd'] as const
export type Verification = (typeof VERIFICATIONS)[number]

export const VERIFICATION_LABELS: Record<Verification, string> = {
  in_controle: 'In controle',
  goedgekeurd: 'Goedgekeurd',
  afgekeurd: 'Afgekeurd',
}

export type Validity = 'nog_niet_geldig' | 'geldig' | 'verloopt_binnenkort' | 'verlopen'

export const VALIDITY_LABELS: Record<Validity, string> = {
  nog_niet_geldig: 'Nog niet geldig',
  geldig: 'Geldig',
  verloopt_binnenkort: 'Verloopt binnenkort',
  verlopen: 'Verlopen',
}

export type EvidenceDates = {
  validFrom: Date
  validUntil: Date | null
  verification: string
  rejectionReason?: string | null
}

export type EvidenceStatus = {
  validity: Validity
  verification: Verification
  /** Calendar days from `today` to `validUntil` (0 on the day itself, negative once expired); null without end date. */
  daysLeft: number | null
  /** One line of text for lists, e.g. "Verloopt binnenkort (over 12 dagen) · Goedgekeurd". */
  label: string
}

/**
 * The status of an evidence item on `today`: its validity (geldig, verloopt binnenkort = within 90 days, verlopen,
 * nog niet geldig) and its verification (in controle, goedgekeurd, afgekeurd with the reason), plus a text label.
 * Status is always shown as text, never by colour alone.
 */
export function evidenceStatus(item: EvidenceDates, today: Date): EvidenceStatus {
  const verification = (VERIFICATIONS as readonly string[]).includes(item.verification)
    ? (item.verification as Verification)
    : 'in_controle'
  const daysLeft = item.validUntil ? daysBetween(today, item.validUntil) : null
  let validity: Validity
  if (daysBetween(today, item.validFrom) > 0) validity = 'nog_niet_geldig'
  else if (daysLeft === null) validity = 'geldig'
  else if (daysLeft < 0) validity = 'verlopen'
  else if (daysLeft <= EXPIRY_WARNING_DAYS) validity = 'verloopt_binnenkort'
  else validity = 'geldig'
  let validityText = VALIDITY_LABELS[validity]
  if (validity === 'verloopt_binnenkort' && daysLeft !== null) {
    validityText +=
      daysLeft === 0 ? ' (vandaag de laatste dag)' : ` (over ${daysLeft} ${daysLeft === 1 ? 'dag' : 'dagen'})`
  }
  let verificationText: string = VERIFICATION_LABELS[verification]
  if (verification === 'afgekeurd' && item.rejectionReason) verificationText += `: ${item.rejectionReason}`
  return { validity, verification, daysLeft, label: `${validityText} · ${verificationText}` }
}

export type RequirementItem = {
  typeId: string
  validFrom: Date
  validUntil: Date | null
  issuedAt: Date | null
  verification: string
}

export type Requirement = {
  evidenceTypeId: string
  /** The item must stay valid until at least this date (an item without end date always does). */
  validUntilAtLeast: Date | null
  /** The item must have been issued (issuedAt, else validFrom) at most this many months before the date. */
  issuedWithinMonths: number | null
}

export type RequirementOptions = {
  /** Only approved evidence counts (e.g. for the keuzehulp and for clearing "at risk"). */
  requireApproved?: boolean
  /**
   * Whether `issuedWithinMonths` applies (default true). Recency is a condition for being judged: the asking party
   * decides how recent a snapshot such as a VOG must be when an entry is submitted and decided. The ongoing at-risk
   * check passes false, or every admission would silently lapse N months after the issue date.
   */
  applyRecency?: boolean
}

/** The same calendar day `months` months earlier (clamped to the month's last day), at the same time. */
export function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date.getTime())
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d
}

/**
 * Why `item` does not satisfy `requirement` on `onDate`, in plain Dutch; null when it does.
 *
 * Rules, in order: same evidence type; not rejected (with `requireApproved`, only approved counts, e.g. for the
 * keuzehulp and for clearing "at risk"); valid on the date (from `validFrom`, through the whole `validUntil` day);
 * valid until at least `validUntilAtLeast`; issued within `issuedWithinMonths` months before the date (`issuedAt`,
 * or `validFrom` when no issue date was given; skipped with `applyRecency: false`). Pass only current versions (items
 * that were not replaced).
 */
export function requirementProblem(
  item: RequirementItem,
  requirement: Requirement,
  onDate: Date,
  options: RequirementOptions = {},
): string | null {
  if (item.typeId !== requirement.evidenceTypeId) return 'Dit bewijsstuk is van een ander soort.'
  if (item.verification === 'afgekeurd') return 'Dit bewijsstuk is afgekeurd.'
  if (options.requireApproved && item.verification !== 'goedgekeurd')
    return 'Dit bewijsstuk is nog niet goedgekeurd.'
  if (daysBetween(onDate, item.validFrom) > 0) return 'Dit bewijsstuk is nog niet geldig.'
  if (item.validUntil && daysBetween(onDate, item.validUntil) < 0) return 'Dit bewijsstuk is verlopen.'
  if (
    requirement.validUntilAtLeast &&
    item.validUntil &&
    daysBetween(requirement.validUntilAtLeast, item.validUntil) < 0
  ) {
    return 'Dit bewijsstuk is niet lang genoeg geldig.'
  }
  if (
    options.applyRecency !== false &&
    requirement.issuedWithinMonths !== null &&
    requirement.issuedWithinMonths !== undefined
  ) {
    const issued = item.issuedAt ?? item.validFrom
    const earliest = monthsBefore(onDate, requirement.issuedWithinMonths)
    if (daysBetween(earliest, issued) < 0) {
      return `Dit bewijsstuk is langer dan ${requirement.issuedWithinMonths} maanden geleden afgegeven.`
    }
  }
  return null
}

/** Whether `item` satisfies `requirement` on `onDate` (see `requirementProblem` for the rules). */
export function satisfiesRequirement(
  item: RequirementItem,
  requirement: Requirement,
  onDate: Date,
  options: RequirementOptions = {},
): boolean {
  return requirementProblem(item, requirement, onDate, options) === null
}

export type RequirementCheck<I> = {
  /** The item that satisfies the requirement (the one valid longest), or null. */
  match: I | null
  /** When nothing matches: what is missing, in Dutch ("Er is geen ... aangeleverd", or the best candidate's problem). */
  gap: string | null
}

/** Finds the best item for a requirement among an organisation's current items, or names the gap. */
export function checkRequirement<I extends RequirementItem>(
  items: I[],
  requirement: Requirement & { typeName?: string },
  onDate: Date,
  options: RequirementOptions = {},
): RequirementCheck<I> {
  const sameType = items.filter((i) => i.typeId === requirement.evidenceTypeId)
  const name = requirement.typeName ?? 'dit bewijsstuk'
  if (sameType.length === 0) return { match: null, gap: `Er is nog geen ${name} aangeleverd.` }
  const matches = sameType.filter((i) => satisfiesRequirement(i, requirement, onDate, options))
  if (matches.length > 0) {
    const far = (i: I) => (i.validUntil ? i.validUntil.getTime() : Number.MAX_SAFE_INTEGER)
    return { match: matches.sort((a, b) => far(b) - far(a))[0], gap: null }
  }
  const problem = requirementProblem(sameType[0], requirement, onDate, options)
  return { match: null, gap: `${name}: ${problem ?? 'voldoet niet'}` }
}

/**
 * The reminder mark due on `today` for an item ending on `validUntil`: the smallest mark not yet passed, or null.
 * The mark only says which reminder this is (to send each once); the text uses the real days left (`reminderMessage`).
 */
export function dueReminderMark(validUntil: Date, today: Date): ReminderMark | null {
  const daysLeft = daysBetween(today, validUntil)
  if (daysLeft > REMINDER_MARKS[0]) return null
  // A late run (the job was down on the day itself) still sends the "expired today" mail, but not for old items.
  if (daysLeft < -7) return null
  let due: ReminderMark | null = null
  for (const mark of REMINDER_MARKS) if (daysLeft <= mark) due = mark
  return due
}

/**
 * Subject, audit summary and the opening of the reminder e-mail, from the real number of days left: an item first
 * seen with 45 days left is told 45, not the 90 of its mark; one already past its end date is told it has expired.
 */
export function reminderMessage(
  typeName: string,
  validUntil: Date,
  today: Date,
): { subject: string; summary: string; text: string } {
  const daysLeft = daysBetween(today, validUntil)
  const until = formatDate(validUntil)
  if (daysLeft < 0) {
    return {
      subject: `Uw bewijsstuk ${typeName} is verlopen`,
      summary: `Herinnering: ${typeName} is verlopen`,
      text:
        `Uw bewijsstuk ${typeName} was geldig tot en met ${until} en is nu verlopen.\n\n` +
        'Toelatingen waarvoor het nodig is, zijn in gevaar en u staat voor die percelen niet meer in de keuzehulp tot een geldig bewijsstuk is goedgekeurd.\n\n',
    }
  }
  if (daysLeft === 0) {
    return {
      subject: `Uw bewijsstuk ${typeName} verloopt vandaag`,
      summary: `Herinnering: ${typeName} verloopt vandaag`,
      text:
        `Uw bewijsstuk ${typeName} is vandaag (${until}) voor het laatst geldig.\n\n` +
        'Vanaf morgen is het niet meer geldig. Toelatingen waarvoor het nodig is, komen dan in gevaar en u verdwijnt voor die percelen uit de keuzehulp tot een geldig bewijsstuk is goedgekeurd.\n\n',
    }
  }
  const days = `${daysLeft} ${daysLeft === 1 ? 'dag' : 'dagen'}`
  return {
    subject: `Uw bewijsstuk ${typeName} verloopt over ${days}`,
    summary: `Herinnering: ${typeName} verloopt over ${days}`,
    text:
      `Uw bewijsstuk ${typeName} is nog ${days} geldig, tot en met ${until}.\n\n` +
      'Voeg op tijd een nieuwe versie toe, zodat de gemeente die kan controleren voordat het oude verloopt.\n\n',
  }
}

/** The date of a reminder mark (for tests and texts). */
export function reminderDate(validUntil: Date, mark: ReminderMark): Date {
  return addDays(validUntil, -mark)
}

/**
 * "42 van 45 professionals geregistreerd (93%)", or null when no counts were given. The percentage is rounded down,
 * so 100% only shows when every professional is registered.
 */
export function professionalCountsLabel(total: number | null, registered: number | null): string | null {
  if (total === null || registered === null) return null
  const n = (x: number) => x.toLocaleString('nl-NL')
  const noun = total === 1 ? 'professional' : 'professionals'
  const share = total > 0 ? ` (${Math.floor((registered * 100) / total)}%)` : ''
  return `${n(registered)} van ${n(total)} ${noun} geregistreerd${share}`
}
