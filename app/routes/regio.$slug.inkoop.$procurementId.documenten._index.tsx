import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ManageDocumentsPage } from '~/components/documents'
import { actorOf, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { getProcurementForBuyer } from '~/domain/catalogue/catalogue.server'
import { addProcurementDocument, removeProcurementDocument } from '~/domain/catalogue/documents.server'
import { documentAction } from '~/domain/documents/documents.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Documenten: ${data?.procurement.name ?? 'inkooptraject'} | Aanbiederspoort` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const { id, name, status, documents } = await getProcurementForBuyer(region.id, params.procurementId!)
  return { region, procurement: { id, name, status, documents } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const procurementId = params.procurementId!
  const scope = { regionId: region.id, actor: actorOf(viewer, request) }
  return documentAction(request, {
    add: (document) => addProcurementDocument(scope, procurementId, document),
    remove: (documentId) => removeProcurementDocument(scope, procurementId, documentId),
    redirectTo: `/regio/${region.slug}/inkoop/${procurementId}/documenten`,
  })
}

export default function TrajectDocumenten() {
  const lastResult = useActionData<typeof action>()
  const { region, procurement } = useLoaderData<typeof loader>()
  const base = `/regio/${region.slug}/inkoop/${procurement.id}`
  return (
    <ManageDocumentsPage
      name={procurement.name}
      backHref={base}
      backLabel="Terug naar het inkooptraject"
      published={procurement.status !== 'concept'}
      documents={procurement.documents}
      href={(id) => `${base}/documenten/${id}`}
      lastResult={lastResult}
    />
  )
}
