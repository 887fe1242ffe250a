import type { MetaFunction } from '@remix-run/node'
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction = () => [{ title: 'Toegankelijkheidsverklaring | Aanbiederspoort' }]

export default function Toegankelijkheid() {
  return (
    <>
      <Heading1>Toegankelijkheidsverklaring</Heading1>
      <Paragraph>
        Aanbiederspoort wil voor iedereen bruikbaar zijn. Wij bouwen het portaal volgens de Web Content
        Accessibility Guidelines (WCAG) 2.1 op niveau AA, zoals het Besluit digitale toegankelijkheid overheid
        voorschrijft, met de componenten van het NL Design System.
      </Paragraph>
      <Heading2>Hoe wij dit controleren</Heading2>
      <Paragraph>
        Elke pagina die onze geautomatiseerde tests bezoeken, wordt gecontroleerd met axe. Alle formulieren
        werken zonder JavaScript en met alleen een toetsenbord.
      </Paragraph>
      <Heading2>Loopt u ergens tegenaan?</Heading2>
      <Paragraph>
        Meld het ons via toegankelijkheid@aanbiederspoort.example. Wij reageren binnen vijf werkdagen.
      </Paragraph>
    </>
  )
}
