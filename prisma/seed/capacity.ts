/**
 * Demo werkgebied and capacity history, after the admissions seed. For every organisation × product with an active
 * admission: a werkgebied (mostly whole municipalities, some only a few PC4 areas) and a history of capacity reports
 * over the last six months with waiting times of 0-30 weeks, mostly "ja" or "beperkt". The last confirmation is
 * recent for most, more than 30 days old for some and more than 60 days old for a few. About three in ten report per
 * location, some of them for two locations. Deterministic (seeded random).
 * Does nothing when there are no admissions yet.
 */
import type { Db, Prisma } from '../../app/utils/db.server'
import { newId } from '../../app/utils/ids.server'
import { now } from '../../app/utils/clock'

const DAY = 24 * 60 * 60 * 1000
const BATCH = 500
const PLACES = ['Tiel', 'Culemborg', 'Geldermalsen', 'Leiden', 'Zaltbommel']

/** Mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function hash(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export async function seedCapacity(db: Db) {
  const admissions = await db.admission.findMany({
    where: { status: 'actief' },
    select: { id: true, organisationId: true, productId: true, gemeenteCode: true, since: true },
    orderBy: { id: 'asc' },
  })
  if (admissions.length === 0) return
  const today = now()
  const gemeenteCodes = [...new Set(admissions.map((a) => a.gemeenteCode))]
  const pc4s = await db.pc4.findMany({
    where: { gemeenteCode: { in: gemeenteCodes } },
    select: { code: true, gemeenteCode: true },
    orderBy: { code: 'asc' },
  })
  const pc4sOf = new Map<string, string[]>()
  for (const p of pc4s) pc4sOf.set(p.gemeenteCode, [...(pc4sOf.get(p.gemeenteCode) ?? []), p.code])

  // Werkgebied: 80% the whole municipality, 17% a few PC4 areas, 3% not there.
  const partial: { id: string; pc4s: string }[] = []
  const notThere: string[] = []
  for (const a of admissions) {
    const r = rng(hash(`wg:${a.id}`))
    const x = r()
    const codes = pc4sOf.get(a.gemeenteCode) ?? []
    if (x < 0.17 && codes.length > 2) {
      const start = Math.floor(r() * (codes.length - 2))
      partial.push({ id: a.id, pc4s: codes.slice(start, start + 2 + Math.floor(r() * 2)).join(',') })
    } else if (x > 0.97) notThere.push(a.id)
  }

  // Capacity history per organisation × product.
  const seen = new Map<string, Date>()
  for (const a of admissions) {
    const key = `${a.organisationId}|${a.productId}`
    const since = seen.get(key)
    if (!since || a.since < since) seen.set(key, a.since)
  }
  const reports: Prisma.CapacityReportCreateManyInput[] = []
  for (const [key, since] of seen) {
    const [organisationId, productId] = key.split('|') as [string, string]
    const r = rng(hash(`cap:${key}`))
    // Age of the last confirmation: 65% within 30 days, 22% 31-60 days, 13% over 60 days.
    const y = r()
    const lastAgeDays =
      y < 0.65 ? Math.floor(r() * 29) : y < 0.87 ? 31 + Math.floor(r() * 28) : 62 + Math.floor(r() * 50)
    const start = Math.max(since.getTime(), today.getTime() - 185 * DAY)
    const last = today.getTime() - lastAgeDays * DAY
    if (last < start) continue
    const moments: number[] = [last]
    while (moments[0]! - start > 35 * DAY) {
      moments.unshift(Math.max(start, moments[0]! - (20 + Math.floor(r() * 25)) * DAY))
    }
    let waiting = Math.floor(r() * 16)
    const location = r() < 0.3 ? PLACES[Math.floor(r() * PLACES.length)]! : ''
    // Some of the providers that report per location have a second one, with its own waiting list (own random
    // stream, so the rest of the demo data stays as it was).
    const second = rng(hash(`loc:${key}`))
    const secondLocation =
      location && second() < 0.7 ? PLACES[(PLACES.indexOf(location) + 1) % PLACES.length]! : null
    let secondWaiting = Math.floor(second() * 30)
    moments.forEach((t, i) => {
      waiting = Math.max(0, Math.min(30, waiting + Math.round((r() - 0.45) * 8)))
      const z = r()
      const accepting =
        waiting > 22 ? (z < 0.6 ? 'nee' : 'beperkt') : z < 0.6 ? 'ja' : z < 0.9 ? 'beperkt' : 'nee'
      const isLast = i === moments.length - 1
      reports.push({
        id: newId(),
        organisationId,
        productId,
        location,
        accepting,
        freePlaces: accepting === 'nee' ? 0 : r() < 0.6 ? Math.floor(r() * 12) : null,
        waitingWeeks: waiting,
        remark: waiting > 20 ? 'Wachtlijst; neem contact op voor de actuele situatie.' : '',
        confirmedAt: new Date(t),
        isCurrent: isLast,
        supersededAt: isLast ? null : new Date(moments[i + 1]!),
      })
      if (secondLocation) {
        secondWaiting = Math.max(0, Math.min(30, secondWaiting + Math.round((second() - 0.5) * 6)))
        const full = secondWaiting > 22
        reports.push({
          ...reports[reports.length - 1]!,
          id: newId(),
          location: secondLocation,
          accepting: full ? 'nee' : second() < 0.7 ? 'ja' : 'beperkt',
          freePlaces: full ? 0 : null,
          waitingWeeks: secondWaiting,
        })
      }
    })
  }

  await db.$transaction(async (tx) => {
    for (const p of partial) {
      await tx.admission.update({ where: { id: p.id }, data: { coversWhole: false, pc4s: p.pc4s } })
    }
    if (notThere.length) {
      await tx.admission.updateMany({
        where: { id: { in: notThere } },
        data: { coversWhole: false, pc4s: '' },
      })
    }
    for (const c of chunks(reports, BATCH)) await tx.capacityReport.createMany({ data: c })
  })
}
