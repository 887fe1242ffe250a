import type { MetaFunction } from '@remix-run/node'
import {
  Heading1,
  Heading2,
  Paragraph,
  Link,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction = () => [
  { title: 'Aanbiederspoort: zorginkoop voor aanbieders en gemeenten' },
]

export default function Home() {
  return (
    <>
      <Heading1>Welkom bij Aanbiederspoort</Heading1>
      <Paragraph lead>
        Hier regelen zorgaanbieders en gemeenten samen de inkoop van Wmo-ondersteuning en jeugdhulp: van
        inschrijven en kwaliteitsbewijzen tot marktconsultaties en contractafspraken.
      </Paragraph>
      <div className="portaal-grid-2">
        <section className="portaal-card" aria-labelledby="voor-aanbieders">
          <Heading2 id="voor-aanbieders">Voor zorgaanbieders</Heading2>
          <UnorderedList>
            <UnorderedListItem>
              Schrijf uw organisatie één keer in en meld u aan per perceel en gemeente.
            </UnorderedListItem>
            <UnorderedListItem>
              Bewaar uw certificaten op één plek; elke regio gebruikt dezelfde bewijsstukken.
            </UnorderedListItem>
            <UnorderedListItem>
              Geef uw werkgebied en wachttijden door en zie wat uw contracten van u vragen.
            </UnorderedListItem>
          </UnorderedList>
          <Paragraph>
            <Link href="/registreren">Maak een account aan</Link> of <Link href="/inloggen">log in</Link>.
          </Paragraph>
        </section>
        <section className="portaal-card" aria-labelledby="voor-gemeenten">
          <Heading2 id="voor-gemeenten">Voor gemeenten en regio&apos;s</Heading2>
          <UnorderedList>
            <UnorderedListItem>Publiceer inkooptrajecten, percelen en consultatierondes.</UnorderedListItem>
            <UnorderedListItem>
              Beoordeel toetredingen op tijd en controleer kwaliteitsbewijzen.
            </UnorderedListItem>
            <UnorderedListItem>
              Zie per gemeente wie plek heeft en hoe lang de wachttijden zijn.
            </UnorderedListItem>
          </UnorderedList>
          <Paragraph>
            <Link href="/inkoopagenda">Bekijk de inkoopagenda</Link>
          </Paragraph>
        </section>
        <section className="portaal-card" aria-labelledby="voor-inwoners">
          <Heading2 id="voor-inwoners">Voor inwoners en verwijzers</Heading2>
          <Paragraph>
            Zoek een gecontracteerde zorgaanbieder bij u in de buurt, met plek en de deskundigheid die u
            zoekt. U hoeft niet in te loggen.
          </Paragraph>
          <Paragraph>
            <Link href="/keuzehulp">Naar de keuzehulp</Link>
          </Paragraph>
        </section>
      </div>
    </>
  )
}
