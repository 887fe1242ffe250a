import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { getStorage } from '~/utils/storage.server'
import { minimalPdf } from '~/utils/minimal-pdf'
import { newId } from '~/utils/ids.server'
import { submitEvidenceForm } from './submit.server'
import {
  decideEvidence,
  findDownloadableEvidenceFile,
  getOrganisationItem,
  getRegionItem,
  mayTransition,
  regionEvidenceLists,
  VerificationRefused,
} from './evidence.server'
import {
  createAdmission,
  createEvidenceItem,
  createEvidenceType,
  createOrganisation,
  createRegionWithPerceel,
} from './test-factories'

const db = getDb()

/** An entry of `organisationId` on the region's perceel, with `itemId` attached for the required type. */
async function createEntryWith(
  region: Awaited<ReturnType<typeof createRegionWithPerceel>>,
  organisationId: string,
  status: string,
  itemId?: string,
) {
  const user = (await createOrganisation(db)).beheerder
  const id = newId()
  await db.entry.create({
    data: {
      id,
      organisationId,
      perceelId: region.perceelId,
      requirementSetId: region.requirementSetId,
      status,
      createdById: user.id,
    },
  })
  if (itemId) {
    const required = await db.requiredEvidence.findFirstOrThrow({
      where: { requirementSetId: region.requirementSetId },
    })
    await db.entryEvidence.create({
      data: { entryId: id, requiredEvidenceId: required.id, evidenceItemId: itemId },
    })
  }
  return id
}

function evidenceRequest(fields: Record<string, string>, files: { name: string; data: Buffer }[]) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const f of files) form.append('bestanden', new Blob([new Uint8Array(f.data)]), f.name)
  return new Request('http://localhost/aanbieder/bewijsstukken/nieuw', { method: 'POST', body: form })
}

async function counts(organisationId: string) {
  return {
    items: await db.evidenceItem.count({ where: { organisationId } }),
    files: await db.storedFile.count({ where: { organisationId } }),
  }
}

describe('adding evidence through the upload', () => {
  it('stores the item, its files (hash, size, sanitised name) and an audit event', async () => {
    const { organisation, beheerder } = await createOrganisation(db)
    const type = await createEvidenceType(db)
    const pdf = minimalPdf(['HKZ'])
    const result = await submitEvidenceForm(
      evidenceRequest(
        {
          typeId: type.id,
          issuer: 'Kiwa',
          number: 'HKZ-1',
          validFrom: '2026-01-01',
          validUntil: '2029-01-01',
        },
        [
          { name: '../HKZ\u0001.pdf', data: pdf },
          { name: 'bijlage.pdf', data: minimalPdf(['bijlage']) },
        ],
      ),
      { organisationId: organisation.id, actor: { userId: beheerder.id, label: 'test' } },
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const found = await getOrganisationItem(organisation.id, result.itemId)
    expect(found?.item.verification).toBe('in_controle')
    expect(found?.item.files.map((f) => f.file.displayName).sort()).toEqual(['HKZ.pdf', 'bijlage.pdf'])
    const stored = await db.storedFile.findFirstOrThrow({
      where: { displayName: 'HKZ.pdf', organisationId: organisation.id },
    })
    expect(stored.size).toBe(pdf.length)
    expect(await getStorage().exists(stored.storageKey)).toBe(true)
    expect(
      await db.auditEvent.count({ where: { subjectId: result.itemId, action: 'bewijsstuk.toegevoegd' } }),
    ).toBe(1)
  })

  it('leaves no row and no file when a field is wrong, even though the file was fine', async () => {
    const { organisation, beheerder } = await createOrganisation(db)
    const type = await createEvidenceType(db)
    const before = new Set(await getStorage().list())
    const result = await submitEvidenceForm(
      evidenceRequest(
        { typeId: type.id, issuer: 'Kiwa', validFrom: '2026-01-01', validUntil: '2025-01-01' },
        [{ name: 'ok.pdf', data: minimalPdf(['ok']) }],
      ),
      { organisationId: organisation.id, actor: { userId: beheerder.id, label: 'test' } },
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reply.error?.validUntil).toEqual(['Kies een einddatum die na de begindatum ligt.'])
    expect(await counts(organisation.id)).toEqual({ items: 0, files: 0 })
    expect((await getStorage().list()).filter((k) => !before.has(k))).toEqual([])
  })

  it('refuses an expiring type without end date, a snapshot type without issue date, and no files', async () => {
    const { organisation, beheerder } = await createOrganisation(db)
    const expiring = await createEvidenceType(db, { name: 'HKZ-certificaat' })
    const snapshot = await createEvidenceType(db, { name: 'VOG-RP', expires: false })
    const actor = { userId: beheerder.id, label: 'test' }
    const a = await submitEvidenceForm(
      evidenceRequest({ typeId: expiring.id, issuer: 'Kiwa', validFrom: '2026-01-01' }, [
        { name: 'a.pdf', data: minimalPdf(['a']) },
      ]),
      { organisationId: organisation.id, actor },
    )
    expect(!a.ok && a.reply.error?.validUntil?.[0]).toMatch(/Een HKZ-certificaat heeft een einddatum/)
    const b = await submitEvidenceForm(
      evidenceRequest({ typeId: snapshot.id, issuer: 'Justis', validFrom: '2026-01-01' }, [
        { name: 'b.pdf', data: minimalPdf(['b']) },
      ]),
      { organisationId: organisation.id, actor },
    )
    expect(!b.ok && b.reply.error?.issuedAt?.[0]).toMatch(/datum van afgifte/)
    const c = await submitEvidenceForm(
      evidenceRequest(
        { typeId: snapshot.id, issuer: 'Justis', validFrom: '2026-01-01', issuedAt: '2026-01-01' },
        [],
      ),
      { organisationId: organisation.id, actor },
    )
    expect(!c.ok && c.reply.error?.bestanden?.[0]).toMatch(/Kies een of meer bestanden/)
    expect(await counts(organisation.id)).toEqual({ items: 0, files: 0 })
  })

  it('refuses a .pdf that is really HTML with a Dutch reason, and stores nothing', async () => {
    const { organisation, beheerder } = await createOrganisation(db)
    const type = await createEvidenceType(db)
    const result = await submitEvidenceForm(
      evidenceRequest(
        { typeId: type.id, issuer: 'Kiwa', validFrom: '2026-01-01', validUntil: '2029-01-01' },
        [{ name: 'certificaat.pdf', data: Buffer.from('<html><body>%PDF-1.4</body></html>') }],
      ),
      { organisationId: organisation.id, actor: { userId: beheerder.id, label: 'test' } },
    )
    expect(!result.ok && result.reply.error?.bestanden?.[0]).toMatch(
      /"certificaat.pdf" is geen PDF, PNG of JPEG/,
    )
    expect(await counts(organisation.id)).toEqual({ items: 0, files: 0 })
  })

  it('replaces an item with a newer version; the old one stays in the history; a replaced item cannot be replaced', async () => {
    const { organisation, beheerder } = await createOrganisation(db)
    const type = await createEvidenceType(db)
    const old = await createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: type.id,
      verification: 'goedgekeurd',
    })
    const actor = { userId: beheerder.id, label: 'test' }
    const request = () =>
      evidenceRequest(
        { typeId: type.id, issuer: 'Kiwa', validFrom: '2026-01-01', validUntil: '2029-06-01' },
        [{ name: 'nieuw.pdf', data: minimalPdf(['nieuw']) }],
      )
    const result = await submitEvidenceForm(request(), {
      organisationId: organisation.id,
      actor,
      replacesId: old.id,
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const found = await getOrganisationItem(organisation.id, result.itemId)
    expect(found?.history.map((h) => h.id)).toEqual([old.id])
    expect(
      await db.auditEvent.count({ where: { subjectId: result.itemId, action: 'bewijsstuk.vervangen' } }),
    ).toBe(1)
    const again = await submitEvidenceForm(request(), {
      organisationId: organisation.id,
      actor,
      replacesId: old.id,
    })
    expect(again.ok).toBe(false)
    expect(await db.evidenceItem.count({ where: { organisationId: organisation.id } })).toBe(2)
  })

  it("cannot replace another organisation's item", async () => {
    const mine = await createOrganisation(db)
    const theirs = await createOrganisation(db)
    const type = await createEvidenceType(db)
    const foreign = await createEvidenceItem(db, { organisationId: theirs.organisation.id, typeId: type.id })
    const result = await submitEvidenceForm(
      evidenceRequest(
        { typeId: type.id, issuer: 'Kiwa', validFrom: '2026-01-01', validUntil: '2029-06-01' },
        [{ name: 'x.pdf', data: minimalPdf(['x']) }],
      ),
      {
        organisationId: mine.organisation.id,
        actor: { userId: mine.beheerder.id, label: 'test' },
        replacesId: foreign.id,
      },
    )
    expect(result.ok).toBe(false)
    expect(await counts(mine.organisation.id)).toEqual({ items: 0, files: 0 })
  })
})

describe('verification by the region', () => {
  async function setup() {
    const { organisation, beheerder } = await createOrganisation(db)
    const type = await createEvidenceType(db)
    const region = await createRegionWithPerceel(db, {
      typeIds: [type.id],
      staff: [{ role: 'contractmanager' }],
    })
    await createAdmission(db, {
      organisationId: organisation.id,
      perceelId: region.perceelId,
      productId: region.product.id,
    })
    const item = await createEvidenceItem(db, { organisationId: organisation.id, typeId: type.id })
    const actor = { userId: region.staff[0].user.id, label: 'Cor Contract' }
    return { organisation, beheerder, type, region, item, actor }
  }

  it('approves: audited, the beheerders are e-mailed', async () => {
    const s = await setup()
    await decideEvidence({
      regionId: s.region.regionId,
      itemId: s.item.id,
      decision: 'goedgekeurd',
      actor: s.actor,
    })
    const item = await db.evidenceItem.findUniqueOrThrow({ where: { id: s.item.id } })
    expect(item.verification).toBe('goedgekeurd')
    expect(item.verifiedById).toBe(s.actor.userId)
    expect(
      await db.auditEvent.count({ where: { subjectId: s.item.id, action: 'bewijsstuk.goedgekeurd' } }),
    ).toBe(1)
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: s.beheerder.email } })
    expect(mail.subject).toMatch(/is goedgekeurd/)
  })

  it('rejects only with a reason, which reaches the provider', async () => {
    const s = await setup()
    await expect(
      decideEvidence({
        regionId: s.region.regionId,
        itemId: s.item.id,
        decision: 'afgekeurd',
        reason: '  ',
        actor: s.actor,
      }),
    ).rejects.toBeInstanceOf(VerificationRefused)
    await decideEvidence({
      regionId: s.region.regionId,
      itemId: s.item.id,
      decision: 'afgekeurd',
      reason: 'Het certificaat is onleesbaar.',
      actor: s.actor,
    })
    const item = await db.evidenceItem.findUniqueOrThrow({ where: { id: s.item.id } })
    expect(item.rejectionReason).toBe('Het certificaat is onleesbaar.')
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: s.beheerder.email } })
    expect(mail.text).toContain('Het certificaat is onleesbaar.')
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: s.item.id, action: 'bewijsstuk.afgekeurd' },
    })
    expect(audit.reason).toBe('Het certificaat is onleesbaar.')
  })

  it('allows only in_controle → goedgekeurd | afgekeurd', async () => {
    for (const from of ['in_controle', 'goedgekeurd', 'afgekeurd'])
      for (const to of ['goedgekeurd', 'afgekeurd'] as const)
        expect(mayTransition(from, to), `${from} → ${to}`).toBe(from === 'in_controle')
    const s = await setup()
    await decideEvidence({
      regionId: s.region.regionId,
      itemId: s.item.id,
      decision: 'goedgekeurd',
      actor: s.actor,
    })
    await expect(
      decideEvidence({
        regionId: s.region.regionId,
        itemId: s.item.id,
        decision: 'afgekeurd',
        reason: 'x',
        actor: s.actor,
      }),
    ).rejects.toThrow('Over dit bewijsstuk is al beslist.')
  })

  it('refuses a replaced version and items of organisations not in the region', async () => {
    const s = await setup()
    await createEvidenceItem(db, {
      organisationId: s.organisation.id,
      typeId: s.type.id,
      replacesId: s.item.id,
    })
    await expect(
      decideEvidence({
        regionId: s.region.regionId,
        itemId: s.item.id,
        decision: 'goedgekeurd',
        actor: s.actor,
      }),
    ).rejects.toThrow(/nieuwere versie/)
    const other = await createOrganisation(db)
    const foreign = await createEvidenceItem(db, { organisationId: other.organisation.id, typeId: s.type.id })
    await expect(
      decideEvidence({
        regionId: s.region.regionId,
        itemId: foreign.id,
        decision: 'goedgekeurd',
        actor: s.actor,
      }),
    ).rejects.toThrow(/hoort niet bij uw regio/)
  })
})

describe('who may download an evidence file', () => {
  it('members of the owner and staff of regions where it is attached; nobody else', async () => {
    const { organisation } = await createOrganisation(db)
    const type = await createEvidenceType(db)
    const item = await createEvidenceItem(db, { organisationId: organisation.id, typeId: type.id })
    const region = await createRegionWithPerceel(db, { typeIds: [type.id] })
    const otherRegion = await createRegionWithPerceel(db, { typeIds: [type.id] })
    const member = { organisations: [{ organisationId: organisation.id }], regions: [] }
    const stranger = { organisations: [{ organisationId: 'iemand-anders' }], regions: [] }
    const staff = { organisations: [], regions: [{ regionId: region.regionId, roles: ['contractmanager'] }] }
    const council = { organisations: [], regions: [{ regionId: region.regionId, roles: ['adviesraad'] }] }
    const otherStaff = {
      organisations: [],
      regions: [{ regionId: otherRegion.regionId, roles: ['inkoper'] }],
    }
    expect(await findDownloadableEvidenceFile(member, item.fileId)).not.toBeNull()
    expect(await findDownloadableEvidenceFile(stranger, item.fileId)).toBeNull()
    expect(await findDownloadableEvidenceFile(staff, item.fileId)).toBeNull()
    await createAdmission(db, {
      organisationId: organisation.id,
      perceelId: region.perceelId,
      productId: region.product.id,
    })
    expect(await findDownloadableEvidenceFile(staff, item.fileId)).not.toBeNull()
    expect(await findDownloadableEvidenceFile(council, item.fileId)).toBeNull()
    expect(await findDownloadableEvidenceFile(otherStaff, item.fileId)).toBeNull()
    expect(await findDownloadableEvidenceFile(member, 'bestaat-niet')).toBeNull()

    // Evidence of a type no perceel of the region asks for stays with the organisation.
    const unrelatedType = await createEvidenceType(db)
    const unrelated = await createEvidenceItem(db, {
      organisationId: organisation.id,
      typeId: unrelatedType.id,
    })
    expect(await findDownloadableEvidenceFile(member, unrelated.fileId)).not.toBeNull()
    expect(await findDownloadableEvidenceFile(staff, unrelated.fileId)).toBeNull()
    // Once the admission has ended, the region no longer sees what was never attached to an entry.
    await db.admission.updateMany({
      where: { organisationId: organisation.id },
      data: { status: 'beeindigd', endedAt: new Date() },
    })
    expect(await findDownloadableEvidenceFile(staff, item.fileId)).toBeNull()
  })
})

describe('counts of professionals (SKJ/BIG)', () => {
  const skjFields = (typeId: string, total: string, registered: string) => ({
    typeId,
    issuer: 'Stichting Kwaliteitsregister Jeugd',
    validFrom: '2026-01-01',
    validUntil: '2030-01-01',
    professionalsTotal: total,
    professionalsRegistered: registered,
  })
  const pdf = () => [{ name: 'verklaring.pdf', data: minimalPdf(['SKJ']) }]

  it('are stored with the item and named in the audit event', async () => {
    const { organisation, beheerder } = await createOrganisation(db)
    const type = await createEvidenceType(db, { asksProfessionalCounts: true })
    const result = await submitEvidenceForm(evidenceRequest(skjFields(type.id, '45', '42'), pdf()), {
      organisationId: organisation.id,
      actor: { userId: beheerder.id, label: 'test' },
    })
    if (!result.ok) throw new Error(JSON.stringify(result.reply.error))
    const found = await getOrganisationItem(organisation.id, result.itemId)
    expect([found?.item.professionalsTotal, found?.item.professionalsRegistered]).toEqual([45, 42])
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: result.itemId } })
    expect(audit.summary).toContain('42 van 45 professionals geregistreerd')
  })

  it('refuse more registered than total next to the field, keep what was typed, and store nothing', async () => {
    const { organisation, beheerder } = await createOrganisation(db)
    const type = await createEvidenceType(db, { asksProfessionalCounts: true })
    const result = await submitEvidenceForm(evidenceRequest(skjFields(type.id, '45', '46'), pdf()), {
      organisationId: organisation.id,
      actor: { userId: beheerder.id, label: 'test' },
    })
    if (result.ok) throw new Error('expected a refusal')
    expect(result.status).toBe(400)
    expect(result.reply.error?.professionalsRegistered?.[0]).toMatch(/niet meer professionals geregistreerd/)
    expect(result.reply.initialValue).toMatchObject({
      professionalsTotal: '45',
      professionalsRegistered: '46',
    })
    expect(await counts(organisation.id)).toEqual({ items: 0, files: 0 })
  })

  it('are not kept for a type that does not ask for them', async () => {
    const { organisation, beheerder } = await createOrganisation(db)
    const type = await createEvidenceType(db)
    const result = await submitEvidenceForm(evidenceRequest(skjFields(type.id, '45', '42'), pdf()), {
      organisationId: organisation.id,
      actor: { userId: beheerder.id, label: 'test' },
    })
    if (!result.ok) throw new Error(JSON.stringify(result.reply.error))
    const item = await db.evidenceItem.findUniqueOrThrow({ where: { id: result.itemId } })
    expect([item.professionalsTotal, item.professionalsRegistered]).toEqual([null, null])
  })

  it('are not copied to a new version: it must state its own, checked against the type it replaces', async () => {
    const { organisation, beheerder } = await createOrganisation(db)
    const skj = await createEvidenceType(db, { asksProfessionalCounts: true })
    const other = await createEvidenceType(db)
    const actor = { userId: beheerder.id, label: 'test' }
    const first = await submitEvidenceForm(evidenceRequest(skjFields(skj.id, '45', '42'), pdf()), {
      organisationId: organisation.id,
      actor,
    })
    if (!first.ok) throw new Error(JSON.stringify(first.reply.error))
    // Posting another type (a tampered hidden field) does not skip the counts of the replaced type.
    const without = await submitEvidenceForm(evidenceRequest(skjFields(other.id, '', ''), pdf()), {
      organisationId: organisation.id,
      actor,
      replacesId: first.itemId,
    })
    expect(!without.ok && Object.keys(without.reply.error ?? {}).sort()).toEqual([
      'bestanden', // "choose the files again" after the other errors
      'professionalsRegistered',
      'professionalsTotal',
    ])
    const second = await submitEvidenceForm(evidenceRequest(skjFields(skj.id, '50', '50'), pdf()), {
      organisationId: organisation.id,
      actor,
      replacesId: first.itemId,
    })
    if (!second.ok) throw new Error(JSON.stringify(second.reply.error))
    const found = await getOrganisationItem(organisation.id, second.itemId)
    expect([found?.item.professionalsTotal, found?.item.professionalsRegistered]).toEqual([50, 50])
    expect(found?.history.map((h) => [h.professionalsTotal, h.professionalsRegistered])).toEqual([[45, 42]])
  })
})

describe('evidence of entries awaiting a decision', () => {
  async function setup() {
    const { organisation } = await createOrganisation(db)
    const type = await createEvidenceType(db)
    const region = await createRegionWithPerceel(db, {
      typeIds: [type.id],
      staff: [{ role: 'contractmanager' }],
    })
    const otherRegion = await createRegionWithPerceel(db, { typeIds: [type.id] })
    const actor = { userId: region.staff[0].user.id, label: 'Cor Contract' }
    const staff = (regionId: string) => ({
      organisations: [],
      regions: [{ regionId, roles: ['contractmanager'] }],
    })
    return { organisation, type, region, otherRegion, actor, staff }
  }

  it('shows the replacement of an attached item to the region, which can verify it; not to others', async () => {
    const s = await setup()
    const v1 = await createEvidenceItem(db, { organisationId: s.organisation.id, typeId: s.type.id })
    const entryId = await createEntryWith(s.region, s.organisation.id, 'aanvulling_gevraagd', v1.id)
    const v2 = await createEvidenceItem(db, {
      organisationId: s.organisation.id,
      typeId: s.type.id,
      replacesId: v1.id,
    })
    const v3 = await createEvidenceItem(db, {
      organisationId: s.organisation.id,
      typeId: s.type.id,
      replacesId: v2.id,
    })
    expect(await getRegionItem(s.region.regionId, v3.id)).not.toBeNull()
    expect(await findDownloadableEvidenceFile(s.staff(s.region.regionId), v3.fileId)).not.toBeNull()
    expect(await findDownloadableEvidenceFile(s.staff(s.otherRegion.regionId), v3.fileId)).toBeNull()
    expect(await getRegionItem(s.otherRegion.regionId, v3.id)).toBeNull()
    // Only the current version joins; the one in between stays with the organisation.
    expect(await getRegionItem(s.region.regionId, v2.id)).toBeNull()
    const lists = await regionEvidenceLists(s.region.regionId)
    expect(lists.awaiting.map((i) => i.id)).toContain(v3.id)
    await decideEvidence({
      regionId: s.region.regionId,
      itemId: v3.id,
      decision: 'goedgekeurd',
      actor: s.actor,
    })
    expect((await db.evidenceItem.findUniqueOrThrow({ where: { id: v3.id } })).verification).toBe(
      'goedgekeurd',
    )
    // Once the entry is decided (and no admission runs), a later replacement is no longer the region's business.
    await db.entry.update({ where: { id: entryId }, data: { status: 'afgewezen' } })
    const v4 = await createEvidenceItem(db, {
      organisationId: s.organisation.id,
      typeId: s.type.id,
      replacesId: v3.id,
    })
    expect(await getRegionItem(s.region.regionId, v4.id)).toBeNull()
  })

  it("shows a confirmed partner's evidence to the region of a submitted entry, and lets it verify it", async () => {
    const s = await setup()
    const partner = await createOrganisation(db)
    const item = await createEvidenceItem(db, { organisationId: partner.organisation.id, typeId: s.type.id })
    const entryId = await createEntryWith(s.region, s.organisation.id, 'concept')
    const partnerId = newId()
    await db.entryPartner.create({
      data: {
        id: partnerId,
        entryId,
        organisationId: partner.organisation.id,
        role: 'onderaannemer',
        confirmedAt: new Date('2026-01-01T00:00:00Z'),
      },
    })
    // A concept is not the region's business yet.
    expect(await getRegionItem(s.region.regionId, item.id)).toBeNull()
    await db.entry.update({ where: { id: entryId }, data: { status: 'ingediend' } })
    await db.entryPartner.update({ where: { id: partnerId }, data: { confirmedAt: null } })
    // Nor is an organisation that has not confirmed its part.
    expect(await getRegionItem(s.region.regionId, item.id)).toBeNull()
    expect(await findDownloadableEvidenceFile(s.staff(s.region.regionId), item.fileId)).toBeNull()
    await db.entryPartner.update({ where: { id: partnerId }, data: { confirmedAt: new Date() } })
    expect(await getRegionItem(s.region.regionId, item.id)).not.toBeNull()
    expect(await findDownloadableEvidenceFile(s.staff(s.region.regionId), item.fileId)).not.toBeNull()
    expect(await findDownloadableEvidenceFile(s.staff(s.otherRegion.regionId), item.fileId)).toBeNull()
    await decideEvidence({
      regionId: s.region.regionId,
      itemId: item.id,
      decision: 'goedgekeurd',
      actor: s.actor,
    })
    expect((await db.evidenceItem.findUniqueOrThrow({ where: { id: item.id } })).verification).toBe(
      'goedgekeurd',
    )
  })
})
