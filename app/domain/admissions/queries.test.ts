import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'

await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { setClockForTests } = await import('~/utils/clock')
const f = await import('./test-factories')
const { buyerEntryView, buyerQueue } = await import('./queries.server')

const db = getDb()
const T0 = new Date('2026-11-23T10:00:00Z')
const DAY = 86_400_000

/** A draft written straight into a queue state, with the given decision due date. */
async function queued(
  p: Awaited<ReturnType<typeof f.createOpenHousePerceel>>,
  status: string,
  dueInDays: number,
  gemeente = p.gemeenten[0],
) {
  const { organisation, beheerder } = await f.createProvider(db)
  const id = await f.createCompleteDraft(db, p, organisation, beheerder.id, { gemeenten: [gemeente] })
  await db.entry.update({
    where: { id },
    data: {
      status,
      submittedAt: new Date(T0.getTime() - DAY),
      decisionDueAt: new Date(T0.getTime() + dueInDays * DAY),
    },
  })
  return { id, organisation, beheerder }
}

describe('buyer queries', () => {
  beforeEach(() => setClockForTests(T0))
  afterAll(() => setClockForTests(null))

  it('pages the queue with the true total and overdue count, in a stable order', async () => {
    const p = await f.createOpenHousePerceel(db)
    const ids: string[] = []
    for (const [status, due] of [
      ['ingediend', -3],
      ['in_behandeling', -2],
      ['ingediend', -1],
      ['aanvulling_gevraagd', -1], // waits for the provider: listed, but not overdue
      ['ingediend', 5],
    ] as const)
      ids.push((await queued(p, status, due)).id)
    const filter = { perceelId: p.perceelId }
    const first = await buyerQueue(p.regionId, filter, 2)
    expect(first).toMatchObject({ total: 5, overdueTotal: 3, page: 1, pageCount: 3 })
    expect(first.entries).toHaveLength(2)
    const pages = [first]
    for (const page of [2, 3]) pages.push(await buyerQueue(p.regionId, { ...filter, page }, 2))
    expect(pages[2]!.entries).toHaveLength(1)
    const seen = pages.flatMap((x) => x.entries.map((e) => e.id))
    expect(new Set(seen).size).toBe(5)
    expect(seen.slice(0, 2)).toEqual(ids.slice(0, 2))
    // A page beyond the end shows the last page; the default page size holds them all.
    expect((await buyerQueue(p.regionId, { ...filter, page: 99 }, 2)).page).toBe(3)
    expect((await buyerQueue(p.regionId, filter)).entries).toHaveLength(5)
  })

  it("the buyer's entry view lists the provider's other entries in this region only", async () => {
    const here = await f.createOpenHousePerceel(db)
    const elsewhere = await f.createOpenHousePerceel(db)
    const a = await queued(here, 'ingediend', 10, here.gemeenten[0])
    const otherHere = await f.createCompleteDraft(db, here, a.organisation, a.beheerder.id, {
      gemeenten: [here.gemeenten[1]],
    })
    await db.entry.update({ where: { id: otherHere }, data: { status: 'ingediend', submittedAt: T0 } })
    const otherThere = await f.createCompleteDraft(db, elsewhere, a.organisation, a.beheerder.id)
    await db.entry.update({ where: { id: otherThere }, data: { status: 'ingediend', submittedAt: T0 } })
    const view = await buyerEntryView(here.regionId, a.id)
    expect(view!.history.map((h) => h.id)).toEqual([otherHere])
    const theirs = await buyerEntryView(elsewhere.regionId, otherThere)
    expect(theirs!.history.map((h) => h.id)).toEqual([])
  })

  it('the buyer judges the newest version of attached evidence, and sees that it was renewed', async () => {
    const p = await f.createOpenHousePerceel(db)
    const a = await queued(p, 'ingediend', 10)
    const attached = await db.entryEvidence.findFirstOrThrow({ where: { entryId: a.id } })
    // The attached certificate lapses; the provider renews it twice while the entry waits.
    await db.evidenceItem.update({
      where: { id: attached.evidenceItemId },
      data: { validUntil: new Date(T0.getTime() - DAY) },
    })
    const before = await buyerEntryView(p.regionId, a.id)
    expect(before!.problems.length).toBeGreaterThan(0)
    const renew = async (replacesId: string, verification: string) => {
      const item = await f.createEvidenceItem(db, {
        organisationId: a.organisation.id,
        typeId: p.evidenceType.id,
        verification,
      })
      await db.evidenceItem.update({ where: { id: item.id }, data: { replacesId } })
      return item
    }
    const v2 = await renew(attached.evidenceItemId, 'goedgekeurd')
    const v3 = await renew(v2.id, 'goedgekeurd')
    const view = await buyerEntryView(p.regionId, a.id)
    expect(view!.problems).toEqual([])
    const [row] = view!.entry.evidence
    expect(row.evidenceItem.id).toBe(v3.id)
    expect(row.attachedItemId).toBe(attached.evidenceItemId)
    expect(view!.coverage[0].lead.item?.id).toBe(v3.id)
    // Nothing was rewritten: the entry still records what was attached.
    expect((await db.entryEvidence.findFirstOrThrow({ where: { entryId: a.id } })).evidenceItemId).toBe(
      attached.evidenceItemId,
    )
  })
})
