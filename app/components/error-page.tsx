import { Heading1, Paragraph, Link } from '@utrecht/component-library-react'

const messages: Record<number, { title: string; text: string }> = {
  400: { title: 'Dit verzoek klopt niet', text: 'Controleer wat u heeft ingevuld en probeer het opnieuw.' },
  403: {
    title: 'U heeft geen toegang tot deze pagina',
    text: 'Uw rol geeft geen toegang tot deze pagina. Vraag de beheerder van uw organisatie of regio om hulp.',
  },
  404: {
    title: 'Deze pagina bestaat niet',
    text: 'De pagina is verplaatst of verwijderd, of het adres is niet goed overgenomen.',
  },
  405: { title: 'Dit kan hier niet', text: 'Deze handeling is op deze pagina niet mogelijk.' },
  409: {
    title: 'Dit kan niet meer',
    text: 'Wat u wilde wijzigen is intussen gesloten of door iemand anders gewijzigd. Open de pagina opnieuw.',
  },
  413: {
    title: 'De bestanden zijn te groot',
    text: 'De bestanden samen zijn te groot om in één keer te versturen. Voeg minder of kleinere bestanden tegelijk toe.',
  },
  429: { title: 'Te veel pogingen', text: 'Wacht een paar minuten en probeer het dan opnieuw.' },
  503: {
    title: 'Tijdelijke storing',
    text: 'Door een storing bij ons kon dit niet worden opgeslagen. Er is niets bewaard. Probeer het later opnieuw.',
  },
}

/** A Dutch, human message for an error status. Never a stack trace. */
export function ErrorPage({ status }: { status: number }) {
  const message = messages[status] ?? {
    title: 'Er ging iets mis',
    text: 'Er ging aan onze kant iets mis. Probeer het later opnieuw. Blijft het misgaan, neem dan contact op met de helpdesk.',
  }
  return (
    <>
      <Heading1>{message.title}</Heading1>
      <Paragraph>{message.text}</Paragraph>
      <Paragraph>
        <Link href="/">Naar de startpagina</Link>
      </Paragraph>
      <Paragraph className="portaal-muted">Foutcode {status}</Paragraph>
    </>
  )
}
