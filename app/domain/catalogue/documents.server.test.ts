import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'
import type { RefusedDocument } from '~/domain/documents/test-helpers'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { newId } = await import('~/utils/ids.server')
const { getStorage } = await import('~/utils/storage.server')
const { minimalPdf } = await import('~/utils/minimal-pdf')
const { documentAction } = await import('~/domain/documents/documents.server')
const catalogue = await import('./catalogue.server')
const docs = await import('./documents.server')
const publicDownload = await import('~/routes/inkoopagenda.$procurementId_.documenten.$documentId')
const { documentRemoveRequest, documentUploadRequest, loaderResponse, PNG_BYTES } =
  await import('~/domain/documents/test-helpers')

const db = getDb()
const actor = { userId: 'user-inkoper', label: 'Ingrid Inkoper <inkoper@test.example>' }

async function procurement() {
  const regionId = newId()
  await db.region.create({ data: { id: regionId, slug: `regio-${regionId.slice(0, 8)}`, name: 'Testregio' } })
  const scope = { regionId, actor }
  const procurementId = await catalogue.createProcurement(scope, {
    name: 'Inkoop Wmo 2027',
    description: undefined,
    laws: ['wmo'],
    contractStart: new Date('2027-01-01T00:00:00Z'),
    contractEnd: new Date('2029-12-31T00:00:00Z'),
    extensionOptions: undefined,
  })
  return { scope, procurementId }
}

function handlers(scope: { regionId: string; actor: typeof actor }, procurementId: string) {
  return {
    add: (d: Parameters<typeof docs.addProcurementDocument>[2]) =>
      docs.addProcurementDocument(scope, procurementId, d),
    remove: (id: string) => docs.removeProcurementDocument(scope, procurementId, id),
    redirectTo: `/regio/x/inkoop/${procurementId}/documenten`,
  }
}

const uploadRequest = (title: string, file: { name: string; data: Buffer }) =>
  documentUploadRequest({ title }, file)
const download = (procurementId: string, documentId: string) =>
  loaderResponse(publicDownload.loader, `/inkoopagenda/${procurementId}/documenten/${documentId}`, {
    procurementId,
    documentId,
  })

describe('documents of a procurement', () => {
  let capture: MailCapture
  beforeAll(async () => {
    capture = await startMailCapture({ port })
    setClockForTests(new Date('2026-11-23T10:00:00Z'))
  })
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })

  it('accepts a PDF on a concept; the inkoopagenda serves it only once the procurement is published', async () => {
    const { scope, procurementId } = await procurement()
    const pdf = minimalPdf(['Beleidskader'])
    const response = await documentAction(
      uploadRequest('Beleidskader', { name: 'beleidskader.pdf', data: pdf }),
      handlers(scope, procurementId),
    )
    expect(response instanceof Response && response.status).toBe(302)
    const document = await db.procurementDocument.findFirstOrThrow({
      where: { procurementId },
      include: { file: true },
    })
    expect(document.title).toBe('Beleidskader')
    expect(document.file).toMatchObject({ contentType: 'application/pdf', size: pdf.length })
    expect(
      await db.auditEvent.count({ where: { subjectId: document.id, action: 'catalogue.document.added' } }),
    ).toBe(1)
    // On a concept: no version, no listed change.
    expect(await db.procurementChange.count({ where: { procurementId } })).toBe(0)
    expect((await db.procurement.findUniqueOrThrow({ where: { id: procurementId } })).version).toBe(0)

    expect((await download(procurementId, document.id)).status).toBe(404)
    expect(
      await docs.findProcurementDocument(procurementId, document.id, { regionId: scope.regionId }),
    ).not.toBeNull()
    expect(await docs.findProcurementDocument(procurementId, document.id, { regionId: newId() })).toBeNull()

    await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    const published = await download(procurementId, document.id)
    expect(published.status).toBe(200)
    expect(published.headers.get('content-disposition')).toMatch(/^attachment; filename="beleidskader.pdf"/)
    expect(Buffer.from(await published.arrayBuffer())).toEqual(pdf)
    const listed = await catalogue.getPublicProcurement(procurementId)
    expect(listed.documents.map((d) => [d.title, d.file.displayName, d.file.size])).toEqual([
      ['Beleidskader', 'beleidskader.pdf', pdf.length],
    ])
  })

  it('refuses a PNG with a Dutch message and keeps nothing', async () => {
    const { scope, procurementId } = await procurement()
    const before = new Set(await getStorage().list())
    const response = (await documentAction(
      uploadRequest('Plaatje', { name: 'plaatje.png', data: PNG_BYTES }),
      handlers(scope, procurementId),
    )) as unknown as RefusedDocument
    expect(response.init.status).toBe(400)
    expect(response.data.error.bestand).toEqual([
      'Het bestand "plaatje.png" is geen PDF. Wij kijken naar de inhoud, niet naar de naam. Sla het bestand op als PDF en probeer het opnieuw.',
    ])
    expect(await db.procurementDocument.count({ where: { procurementId } })).toBe(0)
    expect((await getStorage().list()).filter((k) => !before.has(k))).toEqual([])
  })

  it('on a published procurement, adding and removing are new versions, listed and e-mailed to followers', async () => {
    const { scope, procurementId } = await procurement()
    await catalogue.publishProcurement(scope, procurementId, 'Gepubliceerd')
    const orgId = newId()
    await db.organisation.create({
      data: {
        id: orgId,
        name: 'Volger Zorg',
        searchName: 'volger zorg',
        kvkNummer: String(Math.floor(Math.random() * 1e8)).padStart(8, '0'),
        street: 'Straat',
        houseNumber: '1',
        postcode: '4001 AA',
        city: 'Tiel',
        email: 'volger-documenten@test.example',
        phone: '+31344123456',
      },
    })
    await catalogue.setFollowing(actor, procurementId, orgId, true)

    await documentAction(
      uploadRequest('Nota van inlichtingen', { name: 'nvi.pdf', data: minimalPdf(['NvI']) }),
      handlers(scope, procurementId),
    )
    const document = await db.procurementDocument.findFirstOrThrow({ where: { procurementId } })
    await documentAction(documentRemoveRequest(document.id), handlers(scope, procurementId))
    expect(await db.procurementDocument.count({ where: { procurementId } })).toBe(0)
    const changes = await db.procurementChange.findMany({
      where: { procurementId },
      orderBy: { version: 'asc' },
    })
    expect(changes.map((c) => [c.version, c.summary])).toEqual([
      [1, 'Gepubliceerd'],
      [2, 'Document toegevoegd: Nota van inlichtingen'],
      [3, 'Document verwijderd: Nota van inlichtingen'],
    ])
    expect(
      await db.auditEvent.count({ where: { subjectId: document.id, action: 'catalogue.document.removed' } }),
    ).toBe(1)
    await processOutbox(db, { limit: 100 })
    const mail = await capture.waitFor(
      (m) => m.to.includes('volger-documenten@test.example') && /versie 2/.test(m.text),
    )
    expect(mail.text).toContain('Document toegevoegd: Nota van inlichtingen')
    // Removing a document of another procurement is not found.
    await expect(docs.removeProcurementDocument(scope, procurementId, document.id)).rejects.toMatchObject({
      status: 404,
    })
  })
})
