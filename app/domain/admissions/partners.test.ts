import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { refused } from './test-assertions'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'
import { evidenceCoverage, entryProblems, type EntryForCheck, type PartnerForCheck } from './requirements'
import { registerPartnerText } from './partners'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { newId } = await import('~/utils/ids.server')
const f = await import('./test-factories')
const { transitionEntry } = await import('./lifecycle.server')
const { saveEntryDraft } = await import('./entries.server')
const {
  addPartner,
  removePartner,
  respondAsPartner,
  partnerRequests,
  partnerRequestView,
  PartnerInputError,
} = await import('./partners.server')
const { providerEntryView, buyerEntryView, publicRegister } = await import('./queries.server')

const db = getDb()
const T0 = new Date('2026-11-23T10:00:00Z')
const actor = (userId: string) => ({ userId, label: 'Test <test@example.org>' })

// ───────────────────────────── Pure: required versus supplied with partners ─────────────────────────────

describe('evidence coverage with partners (pure)', () => {
  const on = new Date('2026-11-23T10:00:00Z')
  const required = {
    id: 'r1',
    evidenceTypeId: 't1',
    typeName: 'HKZ-certificaat',
    validUntilAtLeast: null,
    issuedWithinMonths: null,
  }
  const good = {
    id: 'e1',
    typeId: 't1',
    validFrom: new Date('2025-01-01T00:00:00Z'),
    validUntil: new Date('2027-06-01T00:00:00Z'),
    issuedAt: null,
    verification: 'goedgekeurd',
  }
  const partner = (over: Partial<PartnerForCheck> = {}): PartnerForCheck => ({
    id: 'pa',
    organisationId: 'org-b',
    name: 'Partner B',
    role: 'onderaannemer',
    confirmed: true,
    products: ['p2'],
    evidence: [{ ...good, id: 'b1' }],
    ...over,
  })
  const base: EntryForCheck = {
    gemeenten: ['GM0281'],
    allowedGemeenten: ['GM0281'],
    products: ['p1', 'p2'],
    allowedProducts: ['p1', 'p2'],
    answers: {},
    questions: [],
    required: [required],
    attached: {},
    requireAgb: false,
    agbCode: null,
    productNames: { p1: '45A01 Licht', p2: '45A02 Zwaar' },
  }

  it('without partners is the lead check it always was', () => {
    expect(entryProblems({ ...base, attached: { r1: good } }, on)).toEqual([])
    expect(entryProblems(base, on)).toEqual([
      { key: 'bewijs-r1', message: 'Voeg een bewijsstuk toe voor: HKZ-certificaat.' },
    ])
    expect(
      entryProblems({ ...base, attached: { r1: { ...good, verification: 'afgekeurd' } } }, on)[0]?.message,
    ).toBe('HKZ-certificaat: Dit bewijsstuk is afgekeurd.')
  })

  it("counts a confirmed partner's own valid item for the products it delivers", () => {
    const onlyPartnerProducts = { ...base, products: ['p2'], partners: [partner()] }
    const [c] = evidenceCoverage(onlyPartnerProducts, on)
    expect(c!.satisfied).toBe(true)
    expect(c!.products[0]!.suppliedBy).toMatchObject({ kind: 'partner', name: 'Partner B' })
    expect(entryProblems(onlyPartnerProducts, on)).toEqual([])
  })

  it('still needs the lead for a product it delivers alone', () => {
    const entry = { ...base, partners: [partner()] }
    const [c] = evidenceCoverage(entry, on)
    expect(c!.satisfied).toBe(false)
    expect(c!.products.map((p) => p.suppliedBy?.kind ?? null)).toEqual([null, 'partner'])
    expect(entryProblems(entry, on).map((p) => p.message)).toEqual([
      'Voeg een bewijsstuk toe voor: HKZ-certificaat.',
    ])
    // The lead's own item covers every product, partner or not.
    const withLead = evidenceCoverage({ ...entry, attached: { r1: good } }, on)[0]!
    expect(withLead.satisfied).toBe(true)
    expect(withLead.products.every((p) => p.suppliedBy?.kind === 'lead')).toBe(true)
  })

  it('does not count an unconfirmed partner, a rejected or an expired item', () => {
    const only = { ...base, products: ['p2'] }
    const unconfirmed = { ...only, partners: [partner({ confirmed: false })] }
    expect(evidenceCoverage(unconfirmed, on)[0]!.satisfied).toBe(false)
    const messages = entryProblems(unconfirmed, on).map((p) => p.message)
    expect(messages[0]).toMatch(/Partner B \(onderaannemer\) heeft de deelname nog niet bevestigd/)
    expect(messages[1]).toMatch(/HKZ-certificaat ontbreekt voor 45A02 Zwaar: .*vraag Partner B/)
    const rejected = {
      ...only,
      partners: [partner({ evidence: [{ ...good, verification: 'afgekeurd' }] })],
    }
    const c = evidenceCoverage(rejected, on)[0]!
    expect(c.satisfied).toBe(false)
    expect(c.partners[0]!.problem).toMatch(/afgekeurd/)
    const expired = {
      ...only,
      partners: [partner({ evidence: [{ ...good, validUntil: new Date('2026-01-01T00:00:00Z') }] })],
    }
    expect(evidenceCoverage(expired, on)[0]!.satisfied).toBe(false)
    // An item awaiting verification counts (not rejected, valid), as it does for the lead.
    const pending = { ...only, partners: [partner({ evidence: [{ ...good, verification: 'in_controle' }] })] }
    expect(evidenceCoverage(pending, on)[0]!.satisfied).toBe(true)
  })

  it('names a partner without products of the entry', () => {
    const problems = entryProblems(
      { ...base, attached: { r1: good }, partners: [partner({ products: [] })] },
      on,
    )
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/Partner B levert geen product van deze toetreding meer/),
    ])
  })

  it('words the register line per role', () => {
    expect(registerPartnerText({ role: 'onderaannemer', name: 'X' })).toBe('met onderaannemer X')
    expect(registerPartnerText({ role: 'combinatiepartner', name: 'Y' })).toBe('in combinatie met Y')
  })
})

// ───────────────────────────── Database: add, confirm, decline, remove, submit, admit ─────────────────────────────

describe('partners in an entry (database)', () => {
  let capture: MailCapture
  beforeAll(async () => {
    capture = await startMailCapture({ port })
  })
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })
  beforeEach(() => setClockForTests(T0))

  /** A draft of lead A for both products (lead evidence attached), and partner organisation B. */
  async function setup() {
    const p = await f.createOpenHousePerceel(db)
    const lead = await f.createProvider(db)
    const partner = await f.createProvider(db)
    const entryId = await f.createCompleteDraft(db, p, lead.organisation, lead.beheerder.id, {
      products: p.products.map((x) => x.id),
    })
    return { p, lead, partner, entryId }
  }

  function add(s: Awaited<ReturnType<typeof setup>>, over: Partial<Parameters<typeof addPartner>[0]> = {}) {
    return addPartner({
      actor: actor(s.lead.beheerder.id),
      organisationId: s.lead.organisation.id,
      entryId: s.entryId,
      kvkNummer: s.partner.organisation.kvkNummer,
      role: 'onderaannemer',
      productIds: [s.p.products[1]!.id],
      note: 'Zij leveren de zware behandeling.',
      ...over,
    })
  }

  it('adds a partner by KvK-nummer, audits it and e-mails the partner beheerders', async () => {
    const s = await setup()
    const { partnerId, name } = await add(s)
    expect(name).toBe(s.partner.organisation.name)
    const row = await db.entryPartner.findUniqueOrThrow({
      where: { id: partnerId },
      include: { products: true },
    })
    expect(row.confirmedAt).toBeNull()
    expect(row.products.map((x) => x.productId)).toEqual([s.p.products[1]!.id])
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: s.entryId, action: 'toetreding.partner_toegevoegd' },
    })
    expect(audit.actorUserId).toBe(s.lead.beheerder.id)
    expect(audit.summary).toContain(s.partner.organisation.name)
    expect(audit.reason).toBe('Zij leveren de zware behandeling.')
    await processOutbox(db)
    const mail = await capture.waitFor(
      (m) => m.to.includes(s.partner.beheerder.email) && /Verzoek als onderaannemer/.test(m.subject),
    )
    expect(mail.text).toContain(s.lead.organisation.name)
    expect(mail.text).toContain(`/aanbieder/toetredingen/partner/${partnerId}?organisatie=`)
    expect(mail.text).toContain('Zij leveren de zware behandeling.')
  })

  it('refuses an unknown KvK-nummer, the own organisation, a second time, and products outside the entry', async () => {
    const s = await setup()
    const unknown = await refused(add(s, { kvkNummer: '00000001' }), 'invalid')
    expect(unknown).toBeInstanceOf(PartnerInputError)
    expect((unknown as InstanceType<typeof PartnerInputError>).field).toBe('kvkNummer')
    expect(unknown.message).toMatch(/Er is geen organisatie met KvK-nummer 00000001 in het portaal/)
    const self = await refused(add(s, { kvkNummer: s.lead.organisation.kvkNummer }))
    expect(self.message).toMatch(/eigen organisatie/)
    await add(s)
    const twice = await refused(add(s))
    expect(twice.message).toMatch(/staat al als partner/)
    const other = await f.createProvider(db)
    const outside = await refused(add(s, { kvkNummer: other.organisation.kvkNummer, productIds: [newId()] }))
    expect((outside as InstanceType<typeof PartnerInputError>).field).toBe('producten')
    const none = await refused(add(s, { kvkNummer: other.organisation.kvkNummer, productIds: [] }))
    expect(none.message).toMatch(/minstens één product/)
    const role = await refused(add(s, { kvkNummer: other.organisation.kvkNummer, role: 'vriend' }))
    expect((role as InstanceType<typeof PartnerInputError>).field).toBe('rol')
    // Another organisation cannot touch the lead's entry.
    await refused(add(s, { organisationId: other.organisation.id }), 'not_allowed')
  })

  it('refuses submission while a partner has not confirmed, and submits once it has', async () => {
    const s = await setup()
    const { partnerId } = await add(s)
    const e = await refused(
      transitionEntry({
        entryId: s.entryId,
        action: 'indienen',
        actor: actor(s.lead.beheerder.id),
        as: { party: 'aanbieder', organisationId: s.lead.organisation.id },
      }),
      'incomplete',
    )
    expect(e.problems.join(' ')).toContain(
      `${s.partner.organisation.name} (onderaannemer) heeft de deelname nog niet bevestigd`,
    )
    // Only the partner organisation itself may answer.
    await refused(
      respondAsPartner({
        actor: actor(s.lead.beheerder.id),
        organisationId: s.lead.organisation.id,
        partnerId,
        decision: 'bevestigen',
      }),
      'not_allowed',
    )
    await respondAsPartner({
      actor: actor(s.partner.beheerder.id),
      organisationId: s.partner.organisation.id,
      partnerId,
      decision: 'bevestigen',
    })
    const again = await refused(
      respondAsPartner({
        actor: actor(s.partner.beheerder.id),
        organisationId: s.partner.organisation.id,
        partnerId,
        decision: 'bevestigen',
      }),
      'transition',
    )
    expect(again.message).toMatch(/al bevestigd/)
    const confirmed = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: s.entryId, action: 'toetreding.partner_bevestigd' },
    })
    expect(confirmed.actorUserId).toBe(s.partner.beheerder.id)
    await processOutbox(db)
    await capture.waitFor((m) => m.to.includes(s.lead.beheerder.email) && /bevestigt/.test(m.subject))
    const r = await transitionEntry({
      entryId: s.entryId,
      action: 'indienen',
      actor: actor(s.lead.beheerder.id),
      as: { party: 'aanbieder', organisationId: s.lead.organisation.id },
    })
    expect(r.to).toBe('ingediend')
    // Once submitted, partners can no longer be changed by either side.
    await refused(
      removePartner({
        actor: actor(s.lead.beheerder.id),
        organisationId: s.lead.organisation.id,
        entryId: s.entryId,
        partnerId,
      }),
      'transition',
    )
    await refused(
      respondAsPartner({
        actor: actor(s.partner.beheerder.id),
        organisationId: s.partner.organisation.id,
        partnerId,
        decision: 'afwijzen',
        reason: 'Toch geen capaciteit.',
      }),
      'transition',
    )
    const other = await f.createProvider(db)
    await refused(add(s, { kvkNummer: other.organisation.kvkNummer }), 'transition')
  })

  it('lets the partner decline with a reason: it leaves the entry and the lead is told', async () => {
    const s = await setup()
    const { partnerId } = await add(s)
    await refused(
      respondAsPartner({
        actor: actor(s.partner.beheerder.id),
        organisationId: s.partner.organisation.id,
        partnerId,
        decision: 'afwijzen',
        reason: '  ',
      }),
      'invalid',
    )
    await respondAsPartner({
      actor: actor(s.partner.beheerder.id),
      organisationId: s.partner.organisation.id,
      partnerId,
      decision: 'afwijzen',
      reason: 'Wij hebben dit jaar geen ruimte.',
    })
    expect(await db.entryPartner.count({ where: { entryId: s.entryId } })).toBe(0)
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: s.entryId, action: 'toetreding.partner_afgewezen' },
    })
    expect(audit.reason).toBe('Wij hebben dit jaar geen ruimte.')
    const outbox = await db.outboxMessage.findFirstOrThrow({
      where: { to: s.lead.beheerder.email, subject: { contains: 'doet niet mee' } },
    })
    expect(outbox.text).toContain('Wij hebben dit jaar geen ruimte.')
  })

  it('lets the lead remove a partner (audited, partner e-mailed) and drops partner products with the entry product', async () => {
    const s = await setup()
    const { partnerId } = await add(s)
    await removePartner({
      actor: actor(s.lead.beheerder.id),
      organisationId: s.lead.organisation.id,
      entryId: s.entryId,
      partnerId,
      reason: 'Wij doen het zelf.',
    })
    expect(await db.entryPartner.count({ where: { entryId: s.entryId } })).toBe(0)
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: s.entryId, action: 'toetreding.partner_verwijderd' },
    })
    expect(audit.reason).toBe('Wij doen het zelf.')
    expect(
      await db.outboxMessage.count({
        where: { to: s.partner.beheerder.email, subject: { startsWith: 'Niet langer onderaannemer' } },
      }),
    ).toBe(1)

    // Saving the draft without the partner's product removes that product from the partner.
    const again = await add(s)
    await saveEntryDraft({
      actor: actor(s.lead.beheerder.id),
      organisationId: s.lead.organisation.id,
      entryId: s.entryId,
      gemeenten: [s.p.gemeenten[0]!],
      products: [s.p.products[0]!.id],
      answers: { [s.p.questions.yesNo.id]: 'ja', [s.p.questions.number.id]: '5' },
      evidence: {},
    })
    expect(await db.entryPartnerProduct.count({ where: { partnerId: again.partnerId } })).toBe(0)
    const view = await providerEntryView(s.lead.organisation.id, s.entryId)
    expect(view!.problems.map((p) => p.message).join(' ')).toMatch(
      /levert geen product van deze toetreding meer/,
    )
  })

  it("satisfies a required evidence type with the partner's own evidence for the products it delivers", async () => {
    const s = await setup()
    // The lead delivers nothing itself: the entry has only the product the partner delivers, and no lead evidence.
    await db.entryEvidence.deleteMany({ where: { entryId: s.entryId } })
    await db.entryProduct.deleteMany({ where: { entryId: s.entryId, productId: s.p.products[0]!.id } })
    const { partnerId } = await add(s)
    await respondAsPartner({
      actor: actor(s.partner.beheerder.id),
      organisationId: s.partner.organisation.id,
      partnerId,
      decision: 'bevestigen',
    })
    const lacking = await providerEntryView(s.lead.organisation.id, s.entryId)
    expect(lacking!.problems.map((p) => p.message).join(' ')).toMatch(
      new RegExp(`ontbreekt voor 45A02 Behandeling zwaar: .*${s.partner.organisation.name}`),
    )
    // The partner's evidence: a rejected item does not count, a valid one does.
    await f.createEvidenceItem(db, {
      organisationId: s.partner.organisation.id,
      typeId: s.p.evidenceType.id,
      verification: 'afgekeurd',
    })
    expect((await providerEntryView(s.lead.organisation.id, s.entryId))!.problems).toHaveLength(1)
    const item = await f.createEvidenceItem(db, {
      organisationId: s.partner.organisation.id,
      typeId: s.p.evidenceType.id,
    })
    const view = await providerEntryView(s.lead.organisation.id, s.entryId)
    expect(view!.problems).toEqual([])
    expect(view!.coverage[0]!.products[0]!.suppliedBy).toEqual({
      kind: 'partner',
      name: s.partner.organisation.name,
    })
    // The lead's screen carries no details of the partner's item.
    expect(JSON.stringify(view)).not.toContain(item.number)

    await transitionEntry({
      entryId: s.entryId,
      action: 'indienen',
      actor: actor(s.lead.beheerder.id),
      as: { party: 'aanbieder', organisationId: s.lead.organisation.id },
    })
    // The buyer sees the partner's item and who supplies what.
    const buyer = await buyerEntryView(s.p.regionId, s.entryId)
    expect(buyer!.entry.partners[0]!.organisation.name).toBe(s.partner.organisation.name)
    expect(buyer!.coverage[0]!.partners[0]!.item!.id).toBe(item.id)
    expect(buyer!.problems).toEqual([])

    // Admission: the lead is admitted (and stays responsible); the register names the onderaannemer.
    await transitionEntry({
      entryId: s.entryId,
      action: 'toelaten',
      actor: actor(s.lead.beheerder.id),
      as: { party: 'inkoper', regionId: s.p.regionId },
      reason: 'Voldoet aan alle eisen.',
    })
    const admissions = await db.admission.findMany({ where: { entryId: s.entryId } })
    expect(admissions.length).toBeGreaterThan(0)
    expect(admissions.every((a) => a.organisationId === s.lead.organisation.id)).toBe(true)
    const register = await publicRegister(s.p.perceelId)
    const row = register!.perGemeente
      .flatMap((g) => g.providers)
      .find((x) => x.name === s.lead.organisation.name)
    expect(row!.partners).toEqual([`met onderaannemer ${s.partner.organisation.name}`])
    // The partner hears the decision too, with its own part and a link to its side of the entry.
    await processOutbox(db)
    const told = await capture.waitFor(
      (m) => m.to.includes(s.partner.beheerder.email) && /^Besluit over de toetreding/.test(m.subject),
    )
    expect(told.subject).toBe(`Besluit over de toetreding van ${s.lead.organisation.name}: toegelaten`)
    expect(told.text).toContain('onderaannemer')
    expect(told.text).toContain('45A02 Behandeling zwaar')
    expect(told.text).toContain('Motivering: Voldoet aan alle eisen.')
    expect(told.text).toContain(
      `/aanbieder/toetredingen/partner/${partnerId}?organisatie=${s.partner.organisation.id}`,
    )
  })

  it('asks confirmed partners to confirm again when the lead adds a gemeente; removing one changes nothing', async () => {
    const s = await setup()
    const { partnerId } = await add(s)
    await respondAsPartner({
      actor: actor(s.partner.beheerder.id),
      organisationId: s.partner.organisation.id,
      partnerId,
      decision: 'bevestigen',
    })
    const itemId = (await db.entryEvidence.findFirstOrThrow({ where: { entryId: s.entryId } })).evidenceItemId
    const save = (gemeenten: string[]) =>
      saveEntryDraft({
        actor: actor(s.lead.beheerder.id),
        organisationId: s.lead.organisation.id,
        entryId: s.entryId,
        gemeenten,
        products: s.p.products.map((x) => x.id),
        answers: { [s.p.questions.yesNo.id]: 'ja', [s.p.questions.number.id]: '5' },
        evidence: { [s.p.required.id]: itemId },
      })
    const confirmedAt = async () =>
      (await db.entryPartner.findUniqueOrThrow({ where: { id: partnerId } })).confirmedAt
    const reconfirm = { to: s.partner.beheerder.email, subject: { startsWith: 'Bevestig opnieuw' } }

    // The same gemeenten again: the confirmation stands.
    await save([s.p.gemeenten[0]!])
    expect(await confirmedAt()).not.toBeNull()
    expect(await db.outboxMessage.count({ where: reconfirm })).toBe(0)

    // A gemeente more: the partner confirmed a smaller scope, so it confirms again before the lead can submit.
    await save([s.p.gemeenten[0]!, s.p.gemeenten[1]!])
    expect(await confirmedAt()).toBeNull()
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: s.entryId, action: 'toetreding.partner_bevestiging_vervallen' },
    })
    expect(audit.actorUserId).toBe(s.lead.beheerder.id)
    expect(audit.summary).toContain(s.partner.organisation.name)
    expect(audit.summary).toContain('Culemborg')
    const mail = await db.outboxMessage.findFirstOrThrow({ where: reconfirm })
    expect(mail.text).toContain('Culemborg')
    expect(mail.text).toContain(`/aanbieder/toetredingen/partner/${partnerId}?organisatie=`)
    const e = await refused(
      transitionEntry({
        entryId: s.entryId,
        action: 'indienen',
        actor: actor(s.lead.beheerder.id),
        as: { party: 'aanbieder', organisationId: s.lead.organisation.id },
      }),
      'incomplete',
    )
    expect(e.problems.join(' ')).toContain('heeft de deelname nog niet bevestigd')

    // Confirmed again, then a gemeente removed: nothing to confirm anew.
    await respondAsPartner({
      actor: actor(s.partner.beheerder.id),
      organisationId: s.partner.organisation.id,
      partnerId,
      decision: 'bevestigen',
    })
    await save([s.p.gemeenten[1]!])
    expect(await confirmedAt()).not.toBeNull()
    expect(await db.outboxMessage.count({ where: reconfirm })).toBe(1)
  })

  it('a partner declining while the lead submits: the submission never names a partner that has left', async () => {
    // The decline locks the entry first, like the submission: one waits for the other. Several at once, so an
    // unlocked race on PostgreSQL shows up.
    const cases = []
    for (let i = 0; i < 6; i++) {
      const s = await setup()
      const { partnerId } = await add(s)
      await respondAsPartner({
        actor: actor(s.partner.beheerder.id),
        organisationId: s.partner.organisation.id,
        partnerId,
        decision: 'bevestigen',
      })
      cases.push({ s, partnerId })
    }
    await Promise.all(
      cases.map(({ s, partnerId }) =>
        Promise.allSettled([
          transitionEntry({
            entryId: s.entryId,
            action: 'indienen',
            actor: actor(s.lead.beheerder.id),
            as: { party: 'aanbieder', organisationId: s.lead.organisation.id },
          }),
          respondAsPartner({
            actor: actor(s.partner.beheerder.id),
            organisationId: s.partner.organisation.id,
            partnerId,
            decision: 'afwijzen',
            reason: 'Toch geen capaciteit.',
          }),
        ]),
      ),
    )
    for (const { s } of cases) {
      const entry = await db.entry.findUniqueOrThrow({ where: { id: s.entryId } })
      expect(entry.status).toBe('ingediend')
      const stillIn = (await db.entryPartner.count({ where: { entryId: s.entryId } })) === 1
      const mail = await db.outboxMessage.findFirstOrThrow({
        where: { to: s.lead.beheerder.email, subject: { startsWith: 'Toetreding ingediend' } },
      })
      expect(mail.text.includes(s.partner.organisation.name)).toBe(stillIn)
    }
  })

  it("shows the partner only its own part, never the lead's answers or evidence", async () => {
    const s = await setup()
    const { partnerId } = await add(s)
    const requests = await partnerRequests(s.partner.organisation.id)
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({
      id: partnerId,
      leadName: s.lead.organisation.name,
      actionable: true,
      products: [`${s.p.products[1]!.code} ${s.p.products[1]!.name}`],
    })
    expect(await partnerRequests(s.lead.organisation.id)).toHaveLength(0)
    expect(await partnerRequestView(s.lead.organisation.id, partnerId)).toBeNull()
    const view = await partnerRequestView(s.partner.organisation.id, partnerId)
    expect(view!.lead.name).toBe(s.lead.organisation.name)
    expect(view!.evidence[0]!.match).toBeNull()
    const json = JSON.stringify(view)
    const leadItem = await db.entryEvidence.findFirstOrThrow({
      where: { entryId: s.entryId },
      include: { evidenceItem: true },
    })
    expect(json).not.toContain(leadItem.evidenceItem.number)
    expect(json).not.toContain(s.p.questions.yesNo.text)
    expect(json).not.toContain(s.lead.organisation.kvkNummer)
  })
})
