import { Readable } from 'node:stream'
import PDFDocument from 'pdfkit'
import { db } from '~/utils/db.server'
import { getStorage, StorageNotFound, type FileStorage } from '~/utils/storage.server'
import { log } from '~/utils/logger.server'
import { sanitiseFileName } from '~/utils/files'
import { formatDate, formatDateTime } from '~/utils/time'
import { now } from '~/utils/clock'
import { groupIntoNotas, roundPhase } from './rules'
import { toCsv, zipStream, type ZipEntry } from './zip.server'

async function closedRound(regionId: string, roundId: string) {
  const round = await db.consultationRound.findFirst({
    where: { id: roundId, regionId, status: 'gepubliceerd' },
    select: { id: true, title: true, status: true, opensAt: true, closesAt: true, questionsDeadline: true },
  })
  if (!round || roundPhase(round, now()) !== 'gesloten') return null
  return round
}

async function allInput(roundId: string) {
  return db.writtenInput.findMany({
    where: { roundId },
    orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      kind: true,
      updatedAt: true,
      organisation: { select: { name: true, kvkNummer: true } },
      authorUserId: true,
      answers: { select: { promptId: true, text: true } },
      files: { select: { file: { select: { id: true, displayName: true, storageKey: true } } } },
    },
  })
}

/**
 * All written input of a closed round as CSV: one row per contribution, one column per written question. Providers
 * first, then councils (kept apart by the column "soort").
 */
export async function writtenInputCsv(regionId: string, roundId: string): Promise<string | null> {
  const round = await closedRound(regionId, roundId)
  if (!round) return null
  const prompts = await db.consultationPrompt.findMany({
    where: { roundId },
    orderBy: { sortOrder: 'asc' },
    select: { id: true, text: true },
  })
  const inputs = await allInput(roundId)
  const authors = await db.user.findMany({
    where: { id: { in: inputs.map((i) => i.authorUserId) } },
    select: { id: true, name: true },
  })
  const header = [
    'soort',
    'organisatie',
    'KvK-nummer',
    'ingediend door',
    'laatst gewijzigd',
    ...prompts.map((p) => p.text),
    'bijlagen',
  ]
  const rows = inputs.map((input) => [
    input.kind === 'adviesraad' ? 'adviesraad/cliëntenraad' : 'zorgaanbieder',
    input.organisation?.name ?? '',
    input.organisation?.kvkNummer ?? '',
    authors.find((a) => a.id === input.authorUserId)?.name ?? '',
    formatDateTime(input.updatedAt),
    ...prompts.map((p) => input.answers.find((a) => a.promptId === p.id)?.text ?? ''),
    input.files.map((f) => zipName(input, f.file)).join(', '),
  ])
  return toCsv([header, ...rows])
}

function zipName(
  input: { id: string; kind: string; organisation: { name: string } | null },
  file: { id: string; displayName: string },
): string {
  const folder = input.kind === 'adviesraad' ? 'adviesraden' : 'zorgaanbieders'
  const owner = sanitiseFileName(input.organisation?.name ?? `adviesraad-${input.id.slice(0, 6)}`)
  return `${folder}/${owner}/${file.id.slice(0, 6)}-${sanitiseFileName(file.displayName)}`
}

/**
 * A zip with the CSV and every attachment, in folders per kind and per organisation, as a stream: each stored file is
 * opened only when its turn comes and passed through in chunks, so memory stays flat however large the export is.
 * A file missing from storage does not break the export: a short note takes its place and the gap is logged.
 */
export async function writtenInputZip(
  regionId: string,
  roundId: string,
  storage: FileStorage = getStorage(),
): Promise<Readable | null> {
  const csv = await writtenInputCsv(regionId, roundId)
  if (csv === null) return null
  const inputs = await allInput(roundId)
  const stream = Readable.from(zipStream(exportEntries(csv, inputs, storage)), { objectMode: false })
  // A read error halfway can only abort the download (the headers are sent); at least leave a trace.
  stream.on('error', (error) => log.error('zip-export afgebroken', { roundId, error: error.message }))
  return stream
}

async function* exportEntries(
  csv: string,
  inputs: Awaited<ReturnType<typeof allInput>>,
  storage: FileStorage,
): AsyncGenerator<ZipEntry> {
  yield { name: 'inbreng.csv', data: Buffer.from(csv, 'utf8') }
  for (const input of inputs) {
    for (const { file } of input.files) {
      const name = zipName(input, file)
      let data: Readable
      try {
        data = await storage.get(file.storageKey)
      } catch (error) {
        if (!(error instanceof StorageNotFound)) throw error
        log.warn('bijlage ontbreekt in opslag, export krijgt een notitie', {
          fileId: file.id,
          writtenInputId: input.id,
        })
        yield { name: missingName(name), data: Buffer.from(missingNote(file.displayName), 'utf8') }
        continue
      }
      yield { name, data }
    }
  }
}

/** "zorgaanbieders/X/ab12cd-plan.pdf" becomes "zorgaanbieders/X/ONTBREEKT-ab12cd-plan.pdf.txt": same folder. */
export function missingName(name: string): string {
  const slash = name.lastIndexOf('/')
  return `${name.slice(0, slash + 1)}ONTBREEKT-${name.slice(slash + 1)}.txt`
}

function missingNote(displayName: string): string {
  return (
    `Het bestand "${displayName}" kon bij het maken van deze export niet worden gelezen: ` +
    'het ontbreekt in de opslag van Aanbiederspoort.\r\n' +
    'Vraag de indiener het bestand opnieuw te sturen, of meld dit bij de beheerder van het portaal.\r\n'
  )
}

/** One nota van inlichtingen of a published round as PDF. */
export async function notaPdf(roundId: string, nummer: number): Promise<Buffer | null> {
  const round = await db.consultationRound.findFirst({
    where: { id: roundId, status: 'gepubliceerd' },
    select: {
      title: true,
      region: { select: { name: true } },
      questions: {
        where: { publishedAt: { not: null } },
        select: { id: true, number: true, text: true, answer: true, publishedAt: true },
      },
    },
  })
  if (!round) return null
  const nota = groupIntoNotas(round.questions).find((n) => n.nummer === nummer)
  if (!nota) return null
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `Nota van inlichtingen ${nummer}: ${round.title}`, Author: round.region.name },
      lang: 'nl-NL',
    })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.fontSize(10).text(round.region.name)
    doc.text(`Gepubliceerd: ${formatDateTime(nota.publishedAt)}`)
    doc.moveDown(2)
    doc.fontSize(16).text(`Nota van inlichtingen ${nummer}`)
    doc.fontSize(12).text(round.title)
    doc.moveDown()
    doc
      .fontSize(10)
      .text(
        'Alle vragen en antwoorden zijn voor iedere zorgaanbieder gelijk. Vragenstellers worden niet genoemd. ' +
          'Deze nota maakt deel uit van de consultatiestukken.',
      )
    doc.moveDown()
    for (const q of nota.questions) {
      doc.fontSize(11).font('Helvetica-Bold').text(`Vraag ${q.number}`)
      doc.font('Helvetica').text(q.text)
      doc.moveDown(0.5)
      doc.font('Helvetica-Bold').text('Antwoord')
      doc.font('Helvetica').text(q.answer ?? '')
      doc.moveDown()
    }
    doc.fontSize(8).text(`Aangemaakt op ${formatDate(now())}`)
    doc.end()
  })
}
