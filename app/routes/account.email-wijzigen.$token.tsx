import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { FormErrors } from '~/components/form-field'
import { confirmEmailChange } from '~/domain/accounts/account.server'
import { getViewer } from '~/domain/accounts/permissions.server'
import { clientIp, redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Nieuw e-mailadres bevestigen | Aanbiederspoort' }]

/** The link sent to the new address. Confirming takes a button press, so link scanners do not use the token up. */
export async function loader() {
  return null
}

export async function action({ request, params }: ActionFunctionArgs) {
  const address = await confirmEmailChange(params.token ?? '', clientIp(request))
  if (!address) {
    return data(
      { error: 'Deze link werkt niet meer. Vraag de wijziging opnieuw aan via Mijn account.' },
      { status: 400 },
    )
  }
  const viewer = await getViewer(request)
  return redirectWithFlash(request, viewer ? '/account' : '/inloggen', `Uw e-mailadres is nu ${address}.`)
}

export default function EmailWijzigen() {
  const actionData = useActionData<typeof action>()
  return (
    <>
      <Heading1>Nieuw e-mailadres bevestigen</Heading1>
      <FormErrors errors={actionData?.error ? [actionData.error] : undefined} />
      <Paragraph>Klik op de knop om dit e-mailadres voortaan voor uw account te gebruiken.</Paragraph>
      <Form method="post">
        <Button type="submit" appearance="primary-action-button">
          Bevestig mijn nieuwe e-mailadres
        </Button>
      </Form>
    </>
  )
}
