import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'
import type { RefusedDocument } from '~/domain/documents/test-helpers'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { getStorage, readAll } = await import('~/utils/storage.server')
const { minimalPdf } = await import('~/utils/minimal-pdf')
const { documentAction } = await import('~/domain/documents/documents.server')
const { registerForSession } = await import('./registrations.server')
const { saveInput } = await import('./rounds.server')
const docs = await import('./documents.server')
const publicDownload = await import('~/routes/consultaties.$roundId.documenten.$documentId')
const f = await import('./test-factories')
const { documentRemoveRequest, documentUploadRequest, loaderResponse, PNG_BYTES } =
  await import('~/domain/documents/test-helpers')

const db = getDb()
const actor = { userId: 'user-inkoper', label: 'Ingrid Inkoper <inkoper@test.example>' }

function handlers(regionId: string, roundId: string) {
  return {
    add: (d: Parameters<typeof docs.addRoundDocument>[2]) =>
      docs.addRoundDocument(regionId, roundId, d, actor),
    remove: (id: string) => docs.removeRoundDocument(regionId, roundId, id, actor),
    redirectTo: `/regio/x/consultaties/${roundId}/documenten`,
  }
}

const download = (roundId: string, documentId: string) =>
  loaderResponse(publicDownload.loader, `/consultaties/${roundId}/documenten/${documentId}`, {
    roundId,
    documentId,
  })

describe('documents of a consultation round', () => {
  let capture: MailCapture

  beforeAll(async () => {
    capture = await startMailCapture({ port })
    setClockForTests(new Date('2026-11-23T10:00:00Z'))
  })
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })

  it('accepts a PDF on a concept round; the public download is 404 until the round is published', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id, { status: 'concept' })
    const pdf = minimalPdf(['Concept-productomschrijvingen'])
    const response = await documentAction(
      documentUploadRequest({ title: 'Productomschrijvingen' }, { name: 'producten.pdf', data: pdf }),
      handlers(region.id, round.id),
    )
    expect(response instanceof Response && response.status).toBe(302)
    const [document] = await db.consultationDocument.findMany({
      where: { roundId: round.id },
      include: { file: true },
    })
    expect(document).toMatchObject({ title: 'Productomschrijvingen', kind: 'document' })
    expect(document!.file).toMatchObject({ displayName: 'producten.pdf', contentType: 'application/pdf' })
    expect(document!.file.size).toBe(pdf.length)
    expect(await readAll(document!.file.storageKey)).toEqual(pdf)
    expect(
      await db.auditEvent.count({
        where: { subjectId: document!.id, action: 'consultatie.document.toegevoegd' },
      }),
    ).toBe(1)
    // A concept is not a published change.
    expect(await db.consultationChange.count({ where: { roundId: round.id } })).toBe(0)

    expect(await docs.findRoundDocument(round.id, document!.id, 'public')).toBeNull()
    expect((await download(round.id, document!.id)).status).toBe(404)
    // The buyer of the region may check it before publishing; another region may not.
    expect(await docs.findRoundDocument(round.id, document!.id, { regionId: region.id })).not.toBeNull()
    const other = await f.makeRegion(db)
    expect(await docs.findRoundDocument(round.id, document!.id, { regionId: other.id })).toBeNull()

    await db.consultationRound.update({ where: { id: round.id }, data: { status: 'gepubliceerd' } })
    const published = await download(round.id, document!.id)
    expect(published.status).toBe(200)
    expect(published.headers.get('content-type')).toBe('application/pdf')
    expect(published.headers.get('content-disposition')).toMatch(/^attachment; filename="producten.pdf"/)
    expect(published.headers.get('content-security-policy')).toContain('sandbox')
    expect(Buffer.from(await published.arrayBuffer())).toEqual(pdf)
  })

  it('refuses anything but a PDF with a Dutch message and keeps nothing', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const before = new Set(await getStorage().list())
    for (const file of [
      { name: 'foto.png', data: PNG_BYTES },
      { name: 'tekst.pdf', data: Buffer.from('<html><script>alert(1)</script></html>') },
    ]) {
      const response = (await documentAction(
        documentUploadRequest({ title: 'Geen PDF' }, file),
        handlers(region.id, round.id),
      )) as unknown as RefusedDocument
      expect(response.init.status).toBe(400)
      expect(response.data.error.bestand?.[0]).toMatch(/is geen PDF/)
    }
    const missing = (await documentAction(
      documentUploadRequest({ title: '' }),
      handlers(region.id, round.id),
    )) as unknown as {
      data: { error: Record<string, string[]> }
    }
    expect(missing.data.error.title).toEqual(['Geef het document een titel'])
    expect(missing.data.error.bestand).toEqual(['Kies een PDF-bestand.'])
    expect(await db.consultationDocument.count({ where: { roundId: round.id } })).toBe(0)
    expect((await getStorage().list()).filter((k) => !before.has(k))).toEqual([])
  })

  it('lists adding and removing a document on a published round as a change and mails those registered', async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const session = await f.makeSession(db, round.id)
    const org = await f.makeOrganisation(db)
    await registerForSession({
      sessionId: session.id,
      organisationId: org.id,
      attendeeName: 'Dirk Deelnemer',
      attendeeEmail: 'dirk@example.org',
      actor: { system: 'test' },
    })
    await documentAction(
      documentUploadRequest({ title: 'Conceptbestek' }, { name: 'bestek.pdf', data: minimalPdf(['Bestek']) }),
      handlers(region.id, round.id),
    )
    const document = await db.consultationDocument.findFirstOrThrow({ where: { roundId: round.id } })
    await documentAction(documentRemoveRequest(document.id), handlers(region.id, round.id))
    expect(await db.consultationDocument.count({ where: { roundId: round.id } })).toBe(0)
    const changes = await db.consultationChange.findMany({
      where: { roundId: round.id },
      orderBy: { at: 'asc' },
    })
    expect(changes.map((c) => c.summary)).toEqual([
      'Document toegevoegd: Conceptbestek',
      'Document verwijderd: Conceptbestek',
    ])
    expect(
      await db.auditEvent.count({
        where: { subjectId: document.id, action: 'consultatie.document.verwijderd' },
      }),
    ).toBe(1)
    await processOutbox(db, { limit: 100 })
    const mail = await capture.waitFor(
      (m) => m.to.includes('dirk@example.org') && /Wijziging in consultatieronde/.test(m.subject),
    )
    expect(mail.text).toMatch(/Document (toegevoegd|verwijderd): Conceptbestek/)
  })

  it('never lets the buyer of another region add or remove a document', async () => {
    const region = await f.makeRegion(db)
    const other = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const before = new Set(await getStorage().list())
    await expect(
      documentAction(
        documentUploadRequest({ title: 'Vreemd' }, { name: 'x.pdf', data: minimalPdf(['x']) }),
        handlers(other.id, round.id),
      ),
    ).rejects.toMatchObject({ status: 404 })
    expect((await getStorage().list()).filter((k) => !before.has(k))).toEqual([])
  })

  it("gives a provider its own written-input attachments, before and after closing, and never another's", async () => {
    const region = await f.makeRegion(db)
    const round = await f.makeRound(db, region.id)
    const [own, other] = [await f.makeOrganisation(db), await f.makeOrganisation(db)]
    const user = await f.makeUser(db)
    const pdf = minimalPdf(['Onderbouwing'])
    const stored = await getStorage().put(pdf)
    const owner = { kind: 'aanbieder' as const, organisationId: own.id, userId: user.id }
    await saveInput(round.id, owner, {}, { system: 'test' }, [
      { ...stored, displayName: 'onderbouwing.pdf', contentType: 'application/pdf' },
    ])
    const row = await db.writtenInputFile.findFirstOrThrow({ where: { input: { roundId: round.id } } })

    expect(await docs.findOwnInputFile(round.id, row.fileId, owner)).toMatchObject({
      displayName: 'onderbouwing.pdf',
      storageKey: stored.storageKey,
    })
    const otherOwner = { kind: 'aanbieder' as const, organisationId: other.id, userId: user.id }
    expect(await docs.findOwnInputFile(round.id, row.fileId, otherOwner)).toBeNull()
    // The file id with another round is not found either.
    const round2 = await f.makeRound(db, region.id)
    expect(await docs.findOwnInputFile(round2.id, row.fileId, owner)).toBeNull()

    // After closing it stays available to its own organisation.
    setClockForTests(new Date('2027-01-15T10:00:00Z'))
    try {
      expect(await docs.findOwnInputFile(round.id, row.fileId, owner)).not.toBeNull()
      expect(await docs.findOwnInputFile(round.id, row.fileId, otherOwner)).toBeNull()
    } finally {
      setClockForTests(new Date('2026-11-23T10:00:00Z'))
    }
  })
})
