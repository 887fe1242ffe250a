/**
 * The lifecycles of an entry (toetreding) and of an admission (toelating): every allowed move is one row in a table,
 * so the rules can be read in one place and every allowed and refused move can be tested. The server module
 * `lifecycle.server.ts` performs a move inside a transaction, with the audit event and the side effects.
 */
import { startOfAmsterdamDay } from '~/utils/time'

export const ENTRY_STATES = [
  'concept',
  'ingediend',
  'in_behandeling',
  'aanvulling_gevraagd',
  'toegelaten',
  'afgewezen',
  'ingetrokken',
] as const
export type EntryState = (typeof ENTRY_STATES)[number]

export const ENTRY_ACTIONS = [
  'indienen',
  'in_behandeling_nemen',
  'aanvulling_vragen',
  'toelaten',
  'afwijzen',
  'intrekken',
] as const
export type EntryAction = (typeof ENTRY_ACTIONS)[number]

/** Who may make a move: the provider organisation or the buyer (inkoper of the perceel's region). */
export type Party = 'aanbieder' | 'inkoper'

export type EntryTransition = {
  from: EntryState
  action: EntryAction
  to: EntryState
  by: Party
  /** The move must carry a reason or message (decisions always do). */
  needsReason: boolean
}

export const ENTRY_TRANSITIONS: readonly EntryTransition[] = [
  { from: 'concept', action: 'indienen', to: 'ingediend', by: 'aanbieder', needsReason: false },
  { from: 'aanvulling_gevraagd', action: 'indienen', to: 'ingediend', by: 'aanbieder', needsReason: false },
  {
    from: 'ingediend',
    action: 'in_behandeling_nemen',
    to: 'in_behandeling',
    by: 'inkoper',
    needsReason: false,
  },
  {
    from: 'ingediend',
    action: 'aanvulling_vragen',
    to: 'aanvulling_gevraagd',
    by: 'inkoper',
    needsReason: true,
  },
  {
    from: 'in_behandeling',
    action: 'aanvulling_vragen',
    to: 'aanvulling_gevraagd',
    by: 'inkoper',
    needsReason: true,
  },
  { from: 'ingediend', action: 'toelaten', to: 'toegelaten', by: 'inkoper', needsReason: true },
  { from: 'in_behandeling', action: 'toelaten', to: 'toegelaten', by: 'inkoper', needsReason: true },
  { from: 'ingediend', action: 'afwijzen', to: 'afgewezen', by: 'inkoper', needsReason: true },
  { from: 'in_behandeling', action: 'afwijzen', to: 'afgewezen', by: 'inkoper', needsReason: true },
  { from: 'concept', action: 'intrekken', to: 'ingetrokken', by: 'aanbieder', needsReason: false },
  { from: 'ingediend', action: 'intrekken', to: 'ingetrokken', by: 'aanbieder', needsReason: false },
  { from: 'in_behandeling', action: 'intrekken', to: 'ingetrokken', by: 'aanbieder', needsReason: false },
  {
    from: 'aanvulling_gevraagd',
    action: 'intrekken',
    to: 'ingetrokken',
    by: 'aanbieder',
    needsReason: false,
  },
]

/** States in which the entry holds its "one open entry per organisation, perceel and gemeente" key. */
export const OPEN_ENTRY_STATES: readonly EntryState[] = [
  'concept',
  'ingediend',
  'in_behandeling',
  'aanvulling_gevraagd',
]
/** States waiting for the buyer: these are in the queue. */
export const QUEUE_STATES: readonly EntryState[] = ['ingediend', 'in_behandeling']
/** States the provider may still change (answers, evidence, municipalities, products). */
export const EDITABLE_STATES: readonly EntryState[] = ['concept', 'aanvulling_gevraagd']

export function isEntryState(value: string): value is EntryState {
  return (ENTRY_STATES as readonly string[]).includes(value)
}

export function isOpenEntryState(state: string): boolean {
  return (OPEN_ENTRY_STATES as readonly string[]).includes(state)
}

export function findEntryTransition(
  from: string,
  action: EntryAction,
  by?: Party,
): EntryTransition | undefined {
  return ENTRY_TRANSITIONS.find((t) => t.from === from && t.action === action && (!by || t.by === by))
}

export function allowedEntryActions(from: string, by?: Party): EntryAction[] {
  return ENTRY_TRANSITIONS.filter((t) => t.from === from && (!by || t.by === by)).map((t) => t.action)
}

export const ENTRY_STATE_LABELS: Record<EntryState, string> = {
  concept: 'Concept',
  ingediend: 'Ingediend',
  in_behandeling: 'In behandeling',
  aanvulling_gevraagd: 'Aanvulling gevraagd',
  toegelaten: 'Toegelaten',
  afgewezen: 'Afgewezen',
  ingetrokken: 'Ingetrokken',
}

export const ENTRY_ACTION_LABELS: Record<EntryAction, string> = {
  indienen: 'ingediend',
  in_behandeling_nemen: 'in behandeling genomen',
  aanvulling_vragen: 'aanvulling gevraagd',
  toelaten: 'toegelaten',
  afwijzen: 'afgewezen',
  intrekken: 'ingetrokken',
}

export function entryStateLabel(state: string): string {
  return isEntryState(state) ? ENTRY_STATE_LABELS[state] : state
}

// ───────────────────────────── Admissions ─────────────────────────────

export const ADMISSION_STATES = ['actief', 'geschorst', 'beeindigd'] as const
export type AdmissionState = (typeof ADMISSION_STATES)[number]

export const ADMISSION_ACTIONS = ['schorsen', 'herstellen', 'beeindigen'] as const
export type AdmissionAction = (typeof ADMISSION_ACTIONS)[number]

export type AdmissionTransition = {
  from: AdmissionState
  action: AdmissionAction
  to: AdmissionState
  needsReason: boolean
}

export const ADMISSION_TRANSITIONS: readonly AdmissionTransition[] = [
  { from: 'actief', action: 'schorsen', to: 'geschorst', needsReason: true },
  { from: 'geschorst', action: 'herstellen', to: 'actief', needsReason: true },
  { from: 'actief', action: 'beeindigen', to: 'beeindigd', needsReason: true },
  { from: 'geschorst', action: 'beeindigen', to: 'beeindigd', needsReason: true },
]

export function findAdmissionTransition(from: string, action: AdmissionAction) {
  return ADMISSION_TRANSITIONS.find((t) => t.from === from && t.action === action)
}

export function allowedAdmissionActions(from: string): AdmissionAction[] {
  return ADMISSION_TRANSITIONS.filter((t) => t.from === from).map((t) => t.action)
}

export const ADMISSION_STATE_LABELS: Record<AdmissionState, string> = {
  actief: 'Actief',
  geschorst: 'Geschorst',
  beeindigd: 'Beëindigd',
}

export function admissionStateLabel(state: string): string {
  return (ADMISSION_STATES as readonly string[]).includes(state)
    ? ADMISSION_STATE_LABELS[state as AdmissionState]
    : state
}

/** The unique key that makes "one open entry per organisation, perceel and gemeente" a database rule. */
export function openKeyFor(organisationId: string, perceelId: string, gemeenteCode: string): string {
  return `${organisationId}:${perceelId}:${gemeenteCode}`
}

/** Thrown by domain functions for a refusal that the user should read (shown as a form error, status 400/409). */
export class AdmissionError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'transition'
      | 'incomplete'
      | 'closed'
      | 'duplicate'
      | 'conflict'
      | 'not_allowed'
      | 'forbidden'
      | 'invalid' = 'invalid',
    readonly problems: string[] = [],
  ) {
    super(message)
    this.name = 'AdmissionError'
  }
}

/**
 * Decisions fall due on a day ("uiterlijk 30 december"), so one is overdue only once that Amsterdam day has passed.
 * By day, not by instant: entries submitted before due dates were stored as the end of the day hold its start.
 */
export function overdueIfDueBefore(at: Date): Date {
  return startOfAmsterdamDay(at)
}

export function isDecisionOverdue(decisionDueAt: Date | null, at: Date): boolean {
  return !!decisionDueAt && decisionDueAt < overdueIfDueBefore(at)
}
