import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Heading1, Paragraph } from '@utrecht/component-library-react'
import { getEnv } from '~/utils/env.server'
import { totpFor } from '~/domain/accounts/totp.server'
import { DEMO_TOTP_SECRET } from '~/utils/demo.server'

export const meta: MetaFunction = () => [{ title: 'Democode tweestapsverificatie | Aanbiederspoort' }]

/** The demo staff share one known TOTP secret; this page shows its current code. Absent in production. */
export async function loader() {
  if (getEnv().strict) throw new Response('Niet gevonden', { status: 404 })
  return { code: totpFor(DEMO_TOTP_SECRET).generate(), secret: DEMO_TOTP_SECRET }
}

export default function DevTotp() {
  const { code, secret } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Democode tweestapsverificatie</Heading1>
      <Paragraph>
        Alleen voor de demo-accounts van gemeenten. Huidige code:{' '}
        <strong data-testid="totp-code">{code}</strong>. Elke code werkt één keer per account; vernieuw deze
        pagina na een halve minuut voor de volgende.
      </Paragraph>
      <Paragraph>
        U kunt het demogeheim ook in een authenticator-app zetten: <code>{secret}</code>
      </Paragraph>
    </>
  )
}
