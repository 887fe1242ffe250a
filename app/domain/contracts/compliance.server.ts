/**
 * The buyer's compliance overview of one perceel: providers by obligations (template × due date), each cell with its
 * status in words. Filters: year, status, provider. The same rows feed the CSV export.
 */
import { db } from '~/utils/db.server'
import { now } from '~/utils/clock'
import { amsterdamParts, formatShortDate, fromAmsterdamLocal, formatDateTime } from '~/utils/time'
import {
  displayStatus,
  KIND_LABELS,
  STATUS_LABELS,
  type DisplayStatus,
  type ObligationKind,
} from './recurrence'

export type ComplianceFilters = {
  year: number
  status?: DisplayStatus
  organisationId?: string
}

export async function getCompliance(perceelId: string, filters: ComplianceFilters) {
  const at = now()
  const from = fromAmsterdamLocal(filters.year, 1, 1)
  const until = fromAmsterdamLocal(filters.year + 1, 1, 1)
  const obligations = await db.obligation.findMany({
    where: {
      template: { contract: { perceelId } },
      dueDate: { gte: from, lt: until },
      ...(filters.organisationId ? { organisationId: filters.organisationId } : {}),
    },
    orderBy: [{ dueDate: 'asc' }],
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      completedAt: true,
      templateId: true,
      kind: true,
      organisation: { select: { id: true, name: true, kvkNummer: true } },
      deliverables: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } },
    },
  })
  const rows = obligations.map((o) => ({
    id: o.id,
    title: o.title,
    kind: o.kind as ObligationKind,
    templateId: o.templateId,
    dueDate: o.dueDate,
    status: displayStatus(o.status, o.dueDate, at),
    submittedAt: o.deliverables[0]?.createdAt ?? null,
    completedAt: o.completedAt,
    organisation: o.organisation,
  }))
  const matching = filters.status ? rows.filter((r) => r.status === filters.status) : rows

  // Columns: one per (template, due date) that has any obligation this year; rows: providers.
  const columns = new Map<string, { key: string; title: string; dueDate: Date }>()
  for (const r of rows) {
    const key = `${r.templateId}:${r.dueDate.getTime()}`
    if (!columns.has(key)) columns.set(key, { key, title: r.title, dueDate: r.dueDate })
  }
  const providers = new Map<string, { id: string; name: string; cells: Map<string, (typeof rows)[number]> }>()
  for (const r of matching) {
    const p = providers.get(r.organisation.id) ?? {
      id: r.organisation.id,
      name: r.organisation.name,
      cells: new Map(),
    }
    p.cells.set(`${r.templateId}:${r.dueDate.getTime()}`, r)
    providers.set(p.id, p)
  }
  const orderedColumns = [...columns.values()].sort(
    (a, b) => a.dueDate.getTime() - b.dueDate.getTime() || a.title.localeCompare(b.title, 'nl'),
  )
  const counts: Partial<Record<DisplayStatus, number>> = {}
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1

  const organisations = await db.organisation.findMany({
    where: {
      OR: [
        { admissions: { some: { perceelId } } },
        { obligations: { some: { template: { contract: { perceelId } } } } },
      ],
    },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  })
  const years = await yearsWithObligations(perceelId)
  return {
    columns: orderedColumns,
    providers: [...providers.values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((p) => ({
        id: p.id,
        name: p.name,
        cells: orderedColumns.map((c) => {
          const cell = p.cells.get(c.key)
          return cell ? { id: cell.id, status: cell.status } : null
        }),
      })),
    rows: matching,
    counts,
    organisations,
    years: years.includes(filters.year) ? years : [...years, filters.year].sort(),
  }
}

async function yearsWithObligations(perceelId: string): Promise<number[]> {
  const [first, last] = await Promise.all([
    db.obligation.findFirst({
      where: { template: { contract: { perceelId } } },
      orderBy: { dueDate: 'asc' },
      select: { dueDate: true },
    }),
    db.obligation.findFirst({
      where: { template: { contract: { perceelId } } },
      orderBy: { dueDate: 'desc' },
      select: { dueDate: true },
    }),
  ])
  if (!first || !last) return []
  const years: number[] = []
  for (let y = amsterdamParts(first.dueDate).year; y <= amsterdamParts(last.dueDate).year; y++) years.push(y)
  return years
}

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/** Semicolon-separated with a BOM, as Dutch spreadsheet programs open it. */
export function complianceCsv(rows: Awaited<ReturnType<typeof getCompliance>>['rows']): string {
  const header = [
    'Aanbieder',
    'KvK-nummer',
    'Verplichting',
    'Soort',
    'Uiterste datum',
    'Status',
    'Laatst ingediend',
    'Afgerond',
  ]
  const lines = [header.map(cell).join(';')]
  for (const r of rows) {
    lines.push(
      [
        r.organisation.name,
        r.organisation.kvkNummer,
        r.title,
        KIND_LABELS[r.kind] ?? r.kind,
        formatShortDate(r.dueDate),
        STATUS_LABELS[r.status],
        r.submittedAt ? formatDateTime(r.submittedAt) : '',
        r.status === 'geaccepteerd' && r.completedAt ? formatDateTime(r.completedAt) : '',
      ]
        .map(cell)
        .join(';'),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
