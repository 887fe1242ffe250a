/**
 * When a perceel's contract has run out: its own contract terms (with the extensions decided on), else the
 * procurement's contract period. From the Amsterdam day after that end date its admissions end (the hourly job), the
 * keuzehulp stops showing them, and continuous entry takes no new submissions. One rule for the three.
 */
import type { Prisma } from '~/utils/db.server'
import { startOfAmsterdamDay } from '~/utils/time'

/** The end date of a perceel's contract. */
export function contractEndOf(perceel: {
  contract: { endDate: Date } | null
  procurement: { contractEnd: Date }
}): Date {
  return perceel.contract?.endDate ?? perceel.procurement.contractEnd
}

/** Whether the contract has run out by `at` (its end date is before that Amsterdam day). */
export function contractRanOut(perceel: Parameters<typeof contractEndOf>[0], at: Date): boolean {
  return contractEndOf(perceel) < startOfAmsterdamDay(at)
}

/** Percelen whose contract has run out by `at`, as a Prisma condition (`endedBy`), or is still running (`runningAt`). */
export function perceelContractWhere(at: Date): {
  endedBy: Prisma.PerceelWhereInput
  runningAt: Prisma.PerceelWhereInput
} {
  const day = startOfAmsterdamDay(at)
  return {
    endedBy: {
      OR: [
        { contract: { endDate: { lt: day } } },
        { contract: null, procurement: { contractEnd: { lt: day } } },
      ],
    },
    runningAt: {
      OR: [
        { contract: { endDate: { gte: day } } },
        { contract: null, procurement: { contractEnd: { gte: day } } },
      ],
    },
  }
}
