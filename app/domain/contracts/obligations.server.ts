/**
 * Generating obligations from templates, and keeping them in step with admissions, template changes and contract
 * end dates. Everything here is idempotent: running it twice changes nothing the second time.
 *
 * The rules:
 * - A provider with at least one ACTIVE admission on a perceel gets every due date of every active template of the
 *   perceel's contract from today (or its admission date, when later) to the contract end. Past due dates are never
 *   created afterwards: history stays as it was.
 * - A provider with an ACTIVE admission again after an ending owes the rest of the contract: future obligations that
 *   became "niet van toepassing" without a deliverable are open again.
 * - A provider whose admissions on the perceel are all SUSPENDED gets nothing new; what exists stays, but follows
 *   template and term changes (see below): an open one whose date no longer applies moves to a new date that has no
 *   obligation yet, or is removed when there is none.
 * - A provider whose admissions on the perceel have all ENDED gets nothing new, except the hand-over plan: each
 *   `overdrachtsplan` template gives one obligation per ending, due `dueDay` days before the admission's end (never
 *   before today). A plan that exists stays the only one, also when it is late; none is made for an ending before
 *   the template existed. Its other open future obligations become "niet van toepassing".
 * - When a template or the contract term changes, future OPEN obligations without a deliverable follow, matched by
 *   period (the quarter, month or year they are for): they move to the new date of their period, those whose period
 *   no longer applies are removed, titles follow. A period that already has a handled obligation gets no second one.
 *   Submitted, accepted, corrected and past obligations stay as they were.
 */
import type { Db, DbOrTx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { log } from '~/utils/logger.server'
import { addDays, addWorkingDays, nextWorkingDayOnOrAfter, startOfAmsterdamDay } from '~/utils/time'
import { dueSchedule, periodCandidates, type Due, type Recurrence } from './recurrence'

/** Working days a provider gets for the hand-over plan when its admission ends sooner than the template foresaw. */
export const HANDOVER_GRACE_WORKING_DAYS = 10

type TemplateRow = {
  id: string
  title: string
  kind: string
  description: string
  requiresDeliverable: boolean
  recurrence: string
  dueDay: number
  active: boolean
  createdAt: Date
}

export type SyncResult = { created: number; removed: number; updated: number; notApplicable: number }

const empty = (): SyncResult => ({ created: 0, removed: 0, updated: 0, notApplicable: 0 })

function add(a: SyncResult, b: SyncResult): SyncResult {
  return {
    created: a.created + b.created,
    removed: a.removed + b.removed,
    updated: a.updated + b.updated,
    notApplicable: a.notApplicable + b.notApplicable,
  }
}

/** What an obligation copies from its template when it is made, so a later template change leaves it alone. */
function fromTemplate(t: Pick<TemplateRow, 'title' | 'kind' | 'description' | 'requiresDeliverable'>) {
  return {
    title: t.title,
    kind: t.kind,
    description: t.description,
    requiresDeliverable: t.requiresDeliverable,
  }
}

function matchesTemplate(o: ReturnType<typeof fromTemplate>, t: TemplateRow) {
  const want = fromTemplate(t)
  return (Object.keys(want) as (keyof typeof want)[]).every((k) => o[k] === want[k])
}

/** How far `reconcile` may go: an active provider gets everything, a suspended one nothing new. */
type ReconcileMode = 'actief' | 'geschorst'

type Row = ReturnType<typeof fromTemplate> & {
  id: string
  dueDate: Date
  status: string
  _count: { deliverables: number }
}

/**
 * Makes the obligations of one template for one organisation follow `desired` (due dates on or after `from`, each
 * with its period). Obligations are matched by period, not by date, so a changed due day moves an obligation within
 * its period instead of adding a second one for the same quarter:
 *
 * - A period with a handled obligation (submitted, accepted, correction asked), or an open one already past, is done:
 *   nothing is added, and a future open one in it is left over.
 * - Otherwise its future open obligation (the first) moves to the wanted date and follows the template.
 * - `actief`: a period without any gets one: a "niet van toepassing" one without a deliverable is opened again (a
 *   provider admitted again owes the rest of the contract), else a new one is made.
 * - `geschorst`: creates nothing. A left-over open obligation moves to a wanted period that has none yet (earliest to
 *   earliest), so a rescheduled template reaches a suspended provider without giving it more to do.
 * - Left-over open obligations are removed.
 *
 * Rows from `lowest` on count (the admission's start, or today when that is later): history before the admission
 * belongs to an earlier one. Only rows due on or after `from` change.
 *
 * Every write re-checks "open (or n.v.t.) and no deliverable" in the same statement: a deliverable submitted
 * concurrently, after the read, must never be deleted (the delete cascades) or overwritten.
 */
async function reconcile(
  tx: DbOrTx,
  template: TemplateRow,
  organisationId: string,
  desired: Due[],
  window: { lowest: Date; from: Date },
  mode: ReconcileMode = 'actief',
): Promise<SyncResult> {
  const result = empty()
  const recurrence = template.recurrence as Recurrence
  const rows: Row[] = await tx.obligation.findMany({
    where: { templateId: template.id, organisationId, dueDate: { gte: window.lowest } },
    orderBy: { dueDate: 'asc' },
    select: {
      id: true,
      dueDate: true,
      status: true,
      title: true,
      kind: true,
      description: true,
      requiresDeliverable: true,
      _count: { select: { deliverables: true } },
    },
  })
  const editable = (o: Row) => o.status === 'open' && o._count.deliverables === 0 && o.dueDate >= window.from
  const reopenable = (o: Row) =>
    mode === 'actief' &&
    o.status === 'niet_van_toepassing' &&
    o._count.deliverables === 0 &&
    o.dueDate >= window.from
  const done = (o: Row) => o.status !== 'niet_van_toepassing' && !editable(o)

  // Each row's period. A row on a wanted date is normally that date's (the rule did not change), but a changed due
  // day can land on the old date of a neighbouring period: so rows off the wanted dates claim their most likely
  // period first, and a row on a wanted date takes that date's period only while no other row claimed it.
  const wantedAt = new Map(desired.map((d) => [d.due.getTime(), d.period]))
  const wantedPeriods = new Set(desired.map((d) => d.period))
  const byPeriod = new Map<number, Row[]>()
  const claim = (o: Row, preferred?: number) => {
    const candidates = periodCandidates(recurrence, o.dueDate)
    const free = (p: number) => wantedPeriods.has(p) && !byPeriod.has(p)
    const period =
      (preferred !== undefined && free(preferred) ? preferred : undefined) ??
      candidates.find(free) ??
      candidates.find((p) => wantedPeriods.has(p)) ??
      candidates[0]!
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), o])
  }
  for (const o of rows) if (!wantedAt.has(o.dueDate.getTime())) claim(o)
  for (const o of rows) if (wantedAt.has(o.dueDate.getTime())) claim(o, wantedAt.get(o.dueDate.getTime()))

  const moves: { row: Row; to: Date }[] = []
  const spare: Row[] = []
  const uncovered: Date[] = []
  for (const d of desired) {
    const members = byPeriod.get(d.period) ?? []
    byPeriod.delete(d.period)
    const open = members.filter(editable)
    if (members.some(done)) {
      spare.push(...open)
      continue
    }
    const keep =
      open.find((o) => o.dueDate.getTime() === d.due.getTime()) ?? open[0] ?? members.find(reopenable)
    if (keep) moves.push({ row: keep, to: d.due })
    else uncovered.push(d.due)
    spare.push(...open.filter((o) => o !== keep))
  }
  for (const members of byPeriod.values()) spare.push(...members.filter(editable))
  spare.sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime())
  if (mode === 'geschorst') {
    while (uncovered.length > 0 && spare.length > 0)
      moves.push({ row: spare.shift()!, to: uncovered.shift()! })
    uncovered.length = 0
  }

  const untouched = { status: 'open', deliverables: { none: {} } } as const
  const occupied = new Set(rows.map((o) => o.dueDate.getTime()))
  for (const o of spare) {
    const deleted = await tx.obligation.deleteMany({ where: { id: o.id, ...untouched } })
    result.removed += deleted.count
    if (deleted.count > 0) occupied.delete(o.dueDate.getTime())
  }
  // Moves in rounds: a date another obligation still holds (unique per template and organisation) frees up once
  // that one has moved on. Schedules run in order, so this ends; a move that stays blocked is left for now.
  let pending = moves.filter(
    ({ row, to }) =>
      row.status !== 'open' || row.dueDate.getTime() !== to.getTime() || !matchesTemplate(row, template),
  )
  while (pending.length > 0) {
    const ready = pending.filter(
      ({ row, to }) => row.dueDate.getTime() === to.getTime() || !occupied.has(to.getTime()),
    )
    if (ready.length === 0) break
    for (const { row, to } of ready) {
      const reopen = row.status === 'niet_van_toepassing'
      const updated = await tx.obligation.updateMany({
        where: reopen
          ? { id: row.id, status: 'niet_van_toepassing', deliverables: { none: {} } }
          : { id: row.id, ...untouched },
        data: { dueDate: to, ...fromTemplate(template), ...(reopen ? { status: 'open' } : {}) },
      })
      result.updated += updated.count
      if (updated.count > 0) {
        occupied.delete(row.dueDate.getTime())
        occupied.add(to.getTime())
      }
    }
    pending = pending.filter((m) => !ready.includes(m))
  }
  for (const due of uncovered) {
    if (occupied.has(due.getTime())) continue
    await tx.obligation.create({
      data: { id: newId(), templateId: template.id, organisationId, dueDate: due, ...fromTemplate(template) },
    })
    occupied.add(due.getTime())
    result.created++
  }
  return result
}

/** The due dates of a template on or after `from` for a provider admitted on `admittedOn` (none when inactive). */
function desiredDues(template: TemplateRow, term: { start: Date; end: Date }, admittedOn: Date, from: Date) {
  if (!template.active) return []
  return dueSchedule(
    { recurrence: template.recurrence as Recurrence, dueDay: template.dueDay },
    term,
    admittedOn,
  ).filter((d) => d.due >= from)
}

/**
 * The hand-over plan of an organisation whose admissions on the perceel all ended on `endedOn`. There is one plan per
 * ending: any plan of this template due since the latest admission started (whatever its status or date, also one
 * that is late) is that plan. An open one only ever moves to an earlier date, when the ending came sooner than its
 * date foresaw; a second one is never made.
 */
async function syncHandOverPlan(
  tx: DbOrTx,
  template: TemplateRow,
  organisationId: string,
  ending: { endedOn: Date; stretchStart: Date; today: Date },
): Promise<SyncResult> {
  const { endedOn, today } = ending
  const result = empty()
  const raw = addDays(endedOn, -template.dueDay)
  // An ending that comes sooner than the template foresaw still leaves time to write the plan: at most
  // HANDOVER_GRACE_WORKING_DAYS from today, or the ending itself when that comes first.
  const grace = addWorkingDays(today, HANDOVER_GRACE_WORKING_DAYS)
  const due = nextWorkingDayOnOrAfter(
    raw >= today ? raw : endedOn > today && endedOn < grace ? endedOn : grace,
  )
  const plans = await tx.obligation.findMany({
    where: { templateId: template.id, organisationId, dueDate: { gte: ending.stretchStart } },
    orderBy: { dueDate: 'asc' },
    select: { id: true, dueDate: true, status: true },
  })
  if (plans.length === 0) {
    // A template added after the ending asks nothing of providers that had left before it existed.
    if (endedOn < startOfAmsterdamDay(template.createdAt)) return result
    await tx.obligation.create({
      data: { id: newId(), templateId: template.id, organisationId, dueDate: due, ...fromTemplate(template) },
    })
    result.created++
    return result
  }
  const open = plans.find((o) => o.status === 'open')
  if (open && open.dueDate > due && !plans.some((o) => o.dueDate.getTime() === due.getTime())) {
    const moved = await tx.obligation.updateMany({
      where: { id: open.id, status: 'open', deliverables: { none: {} } },
      data: { dueDate: due },
    })
    result.updated += moved.count
  }
  return result
}

/**
 * Brings the obligations of one organisation on one perceel in line with its admissions and the perceel's contract.
 * Call it (inside the transaction) whenever an admission is created, suspended, resumed or ended; a periodic job
 * runs it for everyone as well.
 */
export async function syncObligationsForOrganisation(
  tx: DbOrTx,
  organisationId: string,
  perceelId: string,
): Promise<SyncResult> {
  const contract = await tx.contract.findUnique({
    where: { perceelId },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      templates: {
        select: {
          id: true,
          title: true,
          kind: true,
          description: true,
          requiresDeliverable: true,
          recurrence: true,
          dueDay: true,
          active: true,
          createdAt: true,
        },
      },
    },
  })
  if (!contract) return empty()
  const admissions = await tx.admission.findMany({
    where: { organisationId, perceelId },
    select: { status: true, since: true, endedAt: true },
  })
  if (admissions.length === 0) return empty()
  const today = startOfAmsterdamDay(now())
  const term = { start: contract.startDate, end: contract.endDate }
  const active = admissions.filter((a) => a.status === 'actief')
  let result = empty()

  const suspended = admissions.filter((a) => a.status === 'geschorst')
  // Active: everything the schedule wants. Suspended (no active admission): nothing new, but what exists follows
  // template and term changes.
  const current = active.length > 0 ? active : suspended
  if (current.length > 0) {
    const mode: ReconcileMode = active.length > 0 ? 'actief' : 'geschorst'
    const admittedOn = new Date(Math.min(...current.map((a) => a.since.getTime())))
    const admittedDay = startOfAmsterdamDay(admittedOn)
    const from = admittedDay > today ? admittedDay : today
    const lowest = admittedDay < today ? admittedDay : today
    for (const template of contract.templates) {
      const desired = desiredDues(template, term, admittedOn, from)
      result = add(
        result,
        await reconcile(tx, template, organisationId, desired, { lowest, from: today }, mode),
      )
    }
    return result
  }

  // Every admission ended: only the hand-over plan remains to be done.
  const endedOn = startOfAmsterdamDay(
    new Date(Math.max(...admissions.map((a) => (a.endedAt ?? today).getTime()))),
  )
  // A plan due before the latest admission started was for an earlier ending (before a re-admission).
  const stretchStart = startOfAmsterdamDay(new Date(Math.max(...admissions.map((a) => a.since.getTime()))))
  for (const template of contract.templates) {
    if (template.kind === 'overdrachtsplan' && template.active) {
      const plan = await syncHandOverPlan(tx, template, organisationId, { endedOn, stretchStart, today })
      result = add(result, plan)
      continue
    }
    const closed = await tx.obligation.updateMany({
      where: {
        templateId: template.id,
        organisationId,
        status: 'open',
        dueDate: { gte: today },
      },
      data: { status: 'niet_van_toepassing' },
    })
    result.notApplicable += closed.count
  }
  return result
}

/** Syncs every organisation with an admission on this perceel (after a template or contract change). */
export async function syncObligationsForPerceel(tx: DbOrTx, perceelId: string): Promise<SyncResult> {
  const orgs = await tx.admission.findMany({
    where: { perceelId },
    distinct: ['organisationId'],
    select: { organisationId: true },
  })
  let result = empty()
  for (const { organisationId } of orgs) {
    result = add(result, await syncObligationsForOrganisation(tx, organisationId, perceelId))
  }
  return result
}

/** The periodic job's work: every (organisation, perceel) pair with an admission on a perceel with a contract. */
export async function syncAllObligations(db: Db): Promise<SyncResult> {
  const pairs = await db.admission.findMany({
    where: { perceel: { contract: { isNot: null } } },
    distinct: ['organisationId', 'perceelId'],
    select: { organisationId: true, perceelId: true },
  })
  let result = empty()
  for (const pair of pairs) {
    // One pair per transaction: short write locks, and one failing pair does not stop the rest.
    try {
      const one = await db.$transaction((tx) =>
        syncObligationsForOrganisation(tx, pair.organisationId, pair.perceelId),
      )
      result = add(result, one)
    } catch (error) {
      log.error('verplichtingen synchroniseren mislukt', {
        organisationId: pair.organisationId,
        perceelId: pair.perceelId,
        error: String(error),
      })
    }
  }
  return result
}
