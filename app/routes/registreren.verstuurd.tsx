import type { MetaFunction } from '@remix-run/node'
import { useSearchParams } from '@remix-run/react'
import { Heading1, Link, Paragraph } from '@utrecht/component-library-react'

export const meta: MetaFunction = () => [{ title: 'Controleer uw e-mail | Aanbiederspoort' }]

/** The one answer after sign-up, whether or not the address already had an account. */
export default function RegistrerenVerstuurd() {
  const [params] = useSearchParams()
  const address = params.get('email')
  return (
    <>
      <Heading1>Controleer uw e-mail</Heading1>
      <Paragraph>
        We hebben een e-mail gestuurd naar {address ? <strong>{address}</strong> : 'uw e-mailadres'}. Klik op
        de link in die e-mail om uw e-mailadres te bevestigen. U kunt ook{' '}
        <Link href="/inloggen">inloggen</Link> en de code uit de e-mail invullen.
      </Paragraph>
      <Paragraph>
        Geen e-mail gekregen? Kijk in uw map met ongewenste e-mail, of probeer het over een paar minuten
        opnieuw.
      </Paragraph>
    </>
  )
}
