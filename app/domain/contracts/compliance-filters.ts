import { now } from '~/utils/clock'
import { amsterdamParts } from '~/utils/time'
import { STATUS_LABELS, type DisplayStatus } from './recurrence'

export const STATUS_OPTIONS = Object.keys(STATUS_LABELS) as DisplayStatus[]

/** Reads the GET filters of the compliance overview (?jaar=&status=&aanbieder=); anything unknown means "all". */
export function readComplianceFilters(url: URL) {
  const yearParam = Number(url.searchParams.get('jaar'))
  const year =
    Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100
      ? yearParam
      : amsterdamParts(now()).year
  const statusParam = url.searchParams.get('status') ?? ''
  const status = (STATUS_OPTIONS as string[]).includes(statusParam)
    ? (statusParam as DisplayStatus)
    : undefined
  const organisationId = url.searchParams.get('aanbieder') || undefined
  return { year, status, organisationId }
}
