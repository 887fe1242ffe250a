import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Heading1, Link, Paragraph } from '@utrecht/component-library-react'
import { actorOf, notFound, requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { getOrganisationItem, listEvidenceTypes } from '~/domain/evidence/evidence.server'
import { submitEvidenceForm } from '~/domain/evidence/submit.server'
import { EvidenceForm } from '~/components/evidence-form'
import { redirectWithFlash } from '~/utils/session.server'
import { professionalCountsLabel } from '~/domain/evidence/rules'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Nieuwe versie toevoegen | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisationId } = await requireCurrentOrganisation(request)
  const found = await getOrganisationItem(organisationId, params.itemId!)
  if (!found || found.item.replacedBy) notFound()
  const types = await listEvidenceTypes()
  const i = found.item
  return {
    types: types.map((t) => ({
      id: t.id,
      name: t.name,
      expires: t.expires,
      asksProfessionalCounts: t.asksProfessionalCounts,
    })),
    item: {
      id: i.id,
      typeId: i.typeId,
      typeName: i.type.name,
      issuer: i.issuer,
      number: i.number,
      scope: i.scope,
      validUntil: i.validUntil,
      counts: professionalCountsLabel(i.professionalsTotal, i.professionalsRegistered),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, organisationId } = await requireCurrentOrganisation(request)
  const found = await getOrganisationItem(organisationId, params.itemId!)
  if (!found) notFound()
  const result = await submitEvidenceForm(request, {
    organisationId,
    actor: actorOf(viewer, request),
    replacesId: found.item.id,
  })
  if (!result.ok) return data(result.reply, { status: result.status })
  return redirectWithFlash(
    request,
    `/aanbieder/bewijsstukken/${result.itemId}`,
    'De nieuwe versie is toegevoegd. De oude versie blijft in de geschiedenis.',
  )
}

export default function BewijsstukVervangen() {
  const { types, item } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <Heading1>Nieuwe versie van {item.typeName}</Heading1>
      <Paragraph>
        De huidige versie is afgegeven door {item.issuer}
        {item.validUntil ? ` en geldig tot en met ${formatDate(item.validUntil)}` : ''}
        {item.counts ? ` (${item.counts})` : ''}. Na het toevoegen blijft die versie in de geschiedenis; de
        gemeente controleert de nieuwe versie.
      </Paragraph>
      <EvidenceForm
        types={types}
        lastResult={lastResult}
        uploadUrl={`/aanbieder/bewijsstukken/uploaden?vervangt=${item.id}`}
        submitLabel="Nieuwe versie toevoegen"
        // The counts are not carried over: the new version states its own.
        defaultValue={{ typeId: item.typeId, issuer: item.issuer, scope: item.scope }}
        lockType
      />
      <Paragraph>
        <Link href={`/aanbieder/bewijsstukken/${item.id}`}>Terug naar het bewijsstuk</Link>
      </Paragraph>
    </>
  )
}
