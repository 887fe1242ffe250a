import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ManageDocumentsPage } from '~/components/documents'
import { actorOf, notFound } from '~/domain/accounts/permissions.server'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { addRoundDocument, removeRoundDocument } from '~/domain/consultations/documents.server'
import { getRegionRound } from '~/domain/consultations/queries.server'
import { documentAction } from '~/domain/documents/documents.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Documenten: ${data?.round.title ?? 'consultatieronde'} | Aanbiederspoort` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireConsultationStaff(request, params.slug!)
  const round = await getRegionRound(region.id, params.roundId!)
  if (!round) notFound()
  return {
    region,
    round: { id: round.id, title: round.title, status: round.status, documents: round.documents },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireConsultationStaff(request, params.slug!)
  const roundId = params.roundId!
  const actor = actorOf(viewer, request)
  return documentAction(request, {
    add: (document) => addRoundDocument(region.id, roundId, document, actor),
    remove: (documentId) => removeRoundDocument(region.id, roundId, documentId, actor),
    redirectTo: `/regio/${region.slug}/consultaties/${roundId}/documenten`,
  })
}

export default function RondeDocumenten() {
  const lastResult = useActionData<typeof action>()
  const { region, round } = useLoaderData<typeof loader>()
  const base = `/regio/${region.slug}/consultaties/${round.id}`
  return (
    <ManageDocumentsPage
      name={round.title}
      backHref={base}
      backLabel="Terug naar de ronde"
      published={round.status !== 'concept'}
      documents={round.documents}
      href={(id) => `${base}/documenten/${id}`}
      lastResult={lastResult}
    />
  )
}
