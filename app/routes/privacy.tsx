import type { MetaFunction } from '@remix-run/node'
import { Heading1, Paragraph } from '@utrecht/component-library-react'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction = () => [{ title: 'Privacy | Aanbiederspoort' }]

export default function Privacy() {
  return (
    <>
      <Heading1>Privacy</Heading1>
      <Paragraph>
        Aanbiederspoort verwerkt alleen gegevens van medewerkers van zorgaanbieders en gemeenten die nodig
        zijn voor de inkoop van zorg. Gegevens van inwoners komen niet in het portaal: de keuzehulp is anoniem
        en plaatst alleen cookies die strikt nodig zijn.
      </Paragraph>
    </>
  )
}
