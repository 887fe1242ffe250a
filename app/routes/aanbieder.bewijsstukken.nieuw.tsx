import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Heading1, Link, Paragraph } from '@utrecht/component-library-react'
import { actorOf, requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { listEvidenceTypes } from '~/domain/evidence/evidence.server'
import { submitEvidenceForm } from '~/domain/evidence/submit.server'
import { EvidenceForm } from '~/components/evidence-form'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Bewijsstuk toevoegen | Aanbiederspoort' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCurrentOrganisation(request)
  const types = await listEvidenceTypes()
  const typeId = new URL(request.url).searchParams.get('soort')
  return {
    types: types.map((t) => ({
      id: t.id,
      name: t.name,
      expires: t.expires,
      asksProfessionalCounts: t.asksProfessionalCounts,
    })),
    typeId: types.some((t) => t.id === typeId) ? typeId : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, organisationId } = await requireCurrentOrganisation(request)
  const result = await submitEvidenceForm(request, { organisationId, actor: actorOf(viewer, request) })
  if (!result.ok) return data(result.reply, { status: result.status })
  return redirectWithFlash(
    request,
    `/aanbieder/bewijsstukken/${result.itemId}`,
    'Het bewijsstuk is toegevoegd.',
  )
}

export default function BewijsstukToevoegen() {
  const { types, typeId } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <Heading1>Bewijsstuk toevoegen</Heading1>
      <Paragraph>
        Vul de gegevens van het certificaat, de verklaring of de polis in en voeg het document toe. De
        gemeente controleert het daarna.
      </Paragraph>
      <EvidenceForm
        types={types}
        lastResult={lastResult}
        uploadUrl="/aanbieder/bewijsstukken/uploaden"
        submitLabel="Bewijsstuk toevoegen"
        defaultValue={typeId ? { typeId } : undefined}
      />
      <Paragraph>
        <Link href="/aanbieder/bewijsstukken">Terug naar de bewijsstukken</Link>
      </Paragraph>
    </>
  )
}
