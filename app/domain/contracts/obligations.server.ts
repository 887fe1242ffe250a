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
 *   `overdrachtsplan` template gives one obligation due `dueDay` days before the admission's end (never before today).
 *   Its other open future obligations become "niet van toepassing".
 * - When a template or the contract term changes, future OPEN obligations without a deliverable follow: those whose
 *   date no longer applies are removed, missing ones are created, titles follow. Submitted, accepted, corrected and
 *   past obligations stay as they were.
 */
import type { Db, DbOrTx } from '~/utils/db.server'
import { newId } from '~/utils/ids.server'
import { now } from '~/utils/clock'
import { addDays, addWorkingDays, nextWorkingDayOnOrAfter, startOfAmsterdamDay } from '~/utils/time'
import { dueDates, type Recurrence } from './recurrence'

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

/**
 * Makes the future obligations of one template for one organisation equal to `desired` (due dates on or after
 * `from`): removes open ones without a deliverable that no longer apply and makes open ones follow a changed template.
 *
 * - `actief`: creates missing ones, and reopens a "niet van toepassing" one without a deliverable on a wanted date
 *   (a provider admitted again owes the rest of the contract).
 * - `geschorst`: creates nothing. An open obligation whose date no longer applies moves to a wanted date that has no
 *   obligation yet (earliest to earliest), so a rescheduled template reaches a suspended provider without giving it
 *   more to do; those left over are removed.
 *
 * Every write re-checks "open (or n.v.t.) and no deliverable" in the same statement: a deliverable submitted
 * concurrently, after the read, must never be deleted (the delete cascades) or overwritten.
 */
async function reconcile(
  tx: DbOrTx,
  template: TemplateRow,
  organisationId: string,
  desired: Date[],
  from: Date,
  mode: ReconcileMode = 'actief',
): Promise<SyncResult> {
  const result = empty()
  const existing = await tx.obligation.findMany({
    where: { templateId: template.id, organisationId, dueDate: { gte: from } },
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
  const untouched = { status: 'open', deliverables: { none: {} } } as const
  const wanted = new Set(desired.map((d) => d.getTime()))
  const have = new Set(existing.map((o) => o.dueDate.getTime()))
  const missing = [...new Set(desired.map((d) => d.getTime()))]
    .filter((t) => !have.has(t))
    .sort((a, b) => a - b)
    .map((t) => new Date(t))
  for (const o of existing) {
    const removable = o.status === 'open' && o._count.deliverables === 0
    if (!wanted.has(o.dueDate.getTime())) {
      if (!removable) continue
      const moveTo = mode === 'geschorst' ? missing.shift() : undefined
      if (moveTo) {
        const moved = await tx.obligation.updateMany({
          where: { id: o.id, ...untouched },
          data: { dueDate: moveTo, ...fromTemplate(template) },
        })
        result.updated += moved.count
      } else {
        const deleted = await tx.obligation.deleteMany({ where: { id: o.id, ...untouched } })
        result.removed += deleted.count
      }
    } else if (removable && !matchesTemplate(o, template)) {
      const updated = await tx.obligation.updateMany({
        where: { id: o.id, ...untouched },
        data: fromTemplate(template),
      })
      result.updated += updated.count
    } else if (mode === 'actief' && o.status === 'niet_van_toepassing' && o._count.deliverables === 0) {
      const reopened = await tx.obligation.updateMany({
        where: { id: o.id, status: 'niet_van_toepassing', deliverables: { none: {} } },
        data: { status: 'open', ...fromTemplate(template) },
      })
      result.updated += reopened.count
    }
  }
  if (mode === 'geschorst') return result
  for (const due of missing) {
    await tx.obligation.create({
      data: { id: newId(), templateId: template.id, organisationId, dueDate: due, ...fromTemplate(template) },
    })
    result.created++
  }
  return result
}

/** The due dates of a template on or after `from` for a provider admitted on `admittedOn` (none when inactive). */
function desiredDates(template: TemplateRow, term: { start: Date; end: Date }, admittedOn: Date, from: Date) {
  if (!template.active) return []
  return dueDates(
    { recurrence: template.recurrence as Recurrence, dueDay: template.dueDay },
    term,
    admittedOn,
  ).filter((d) => d >= from)
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
    for (const template of contract.templates) {
      const desired = desiredDates(template, term, admittedOn, from)
      result = add(result, await reconcile(tx, template, organisationId, desired, today, mode))
    }
    return result
  }

  // Every admission ended: only the hand-over plan remains to be done.
  const endedOn = startOfAmsterdamDay(
    new Date(Math.max(...admissions.map((a) => (a.endedAt ?? today).getTime()))),
  )
  for (const template of contract.templates) {
    if (template.kind === 'overdrachtsplan' && template.active) {
      const done = await tx.obligation.count({
        where: { templateId: template.id, organisationId, status: { not: 'open' } },
      })
      if (done > 0) continue
      const raw = addDays(endedOn, -template.dueDay)
      // An ending that comes sooner than the template foresaw still leaves time to write the plan: at most
      // HANDOVER_GRACE_WORKING_DAYS from today, or the ending itself when that comes first.
      const grace = addWorkingDays(today, HANDOVER_GRACE_WORKING_DAYS)
      const due = nextWorkingDayOnOrAfter(
        raw >= today ? raw : endedOn > today && endedOn < grace ? endedOn : grace,
      )
      // Keep at most one open hand-over obligation: the earliest that is still ahead, moved to the new date.
      const open = await tx.obligation.findMany({
        where: { templateId: template.id, organisationId, status: 'open', dueDate: { gte: today } },
        orderBy: { dueDate: 'asc' },
        select: { id: true, dueDate: true },
      })
      if (open.length === 0) {
        await tx.obligation.create({
          data: {
            id: newId(),
            templateId: template.id,
            organisationId,
            dueDate: due,
            ...fromTemplate(template),
          },
        })
        result.created++
      } else if (open[0]!.dueDate > due) {
        await tx.obligation.update({ where: { id: open[0]!.id }, data: { dueDate: due } })
        result.updated++
      }
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
    const one = await db.$transaction((tx) =>
      syncObligationsForOrganisation(tx, pair.organisationId, pair.perceelId),
    )
    result = add(result, one)
  }
  return result
}
