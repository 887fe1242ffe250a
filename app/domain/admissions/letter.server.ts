import PDFDocument from 'pdfkit'
import { formatDate } from '~/utils/time'

export type DecisionLetter = {
  decision: 'toegelaten' | 'afgewezen'
  organisationName: string
  regionName: string
  perceelName: string
  procurementName: string
  gemeenten: string[]
  products: string[]
  submittedAt: Date | null
  decidedAt: Date
  reason: string
  unmet: string[]
  reference: string
}

/** The decision letter (besluit) as a PDF, attached to the decision e-mail. */
export function decisionLetterPdf(letter: DecisionLetter): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `Besluit toetreding ${letter.perceelName}`, Author: letter.regionName },
      lang: 'nl-NL',
    })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)

    doc.fontSize(10).text(letter.regionName)
    doc.text(`Datum: ${formatDate(letter.decidedAt)}`)
    doc.text(`Kenmerk: ${letter.reference}`)
    doc.moveDown(2)
    doc.text(letter.organisationName)
    doc.moveDown(2)
    doc
      .fontSize(16)
      .text(
        letter.decision === 'toegelaten'
          ? 'Besluit: u bent toegelaten'
          : 'Besluit: uw verzoek om toetreding is afgewezen',
      )
    doc.moveDown()
    doc.fontSize(11)
    doc.text(
      `Op ${letter.submittedAt ? formatDate(letter.submittedAt) : 'een eerdere datum'} vroeg u om toetreding tot het perceel ` +
        `"${letter.perceelName}" van "${letter.procurementName}".`,
    )
    doc.moveDown()
    doc.text(`Gemeenten: ${letter.gemeenten.join(', ')}`)
    doc.text(`Producten: ${letter.products.join(', ')}`)
    doc.moveDown()
    if (letter.decision === 'toegelaten') {
      doc.text(
        'Wij hebben besloten u toe te laten voor deze producten in deze gemeenten. De toelating geldt vanaf de datum ' +
          'van dit besluit. Eén keer per jaar vragen wij u te bevestigen dat u nog aan de eisen voldoet.',
      )
    } else {
      doc.text('Wij hebben besloten uw verzoek af te wijzen. U voldoet niet aan de volgende eisen:')
      doc.moveDown(0.5)
      for (const u of letter.unmet) doc.text(`•  ${u}`, { indent: 12 })
    }
    doc.moveDown()
    doc.fontSize(12).text('Motivering')
    doc.fontSize(11).text(letter.reason)
    doc.moveDown()
    doc.text(
      'Bent u het niet eens met dit besluit? Neem dan binnen zes weken contact op met de inkoper van de regio. ' +
        'U kunt altijd opnieuw een verzoek om toetreding indienen.',
    )
    doc.end()
  })
}
