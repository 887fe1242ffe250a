import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link as RemixLink, useLoaderData } from '@remix-run/react'
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { notFound } from '~/domain/accounts/permissions.server'
import { getPublicRound } from '~/domain/consultations/queries.server'
import { formatDateTime } from '~/utils/time'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Nota van inlichtingen ${data?.nota.nummer ?? ''} | Aanbiederspoort` },
]

/** A published nota van inlichtingen: the same for everyone, without the names of those who asked. */
export async function loader({ params }: LoaderFunctionArgs) {
  const round = await getPublicRound(params.roundId!)
  if (!round) notFound()
  const nota = round.notas.find((n) => String(n.nummer) === params.nummer)
  if (!nota) notFound()
  return { round: { id: round.id, title: round.title, region: round.region.name }, nota }
}

export default function Nota() {
  const { round, nota } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Nota van inlichtingen {nota.nummer}</Heading1>
      <Paragraph>
        <RemixLink to={`/consultaties/${round.id}`}>{round.title}</RemixLink> · {round.region} · gepubliceerd
        op {formatDateTime(new Date(nota.publishedAt))}
      </Paragraph>
      <Paragraph>
        <a href={`/consultaties/${round.id}/nvi/${nota.nummer}/nota.pdf`}>Download deze nota als PDF</a>
      </Paragraph>
      {nota.questions.map((q) => (
        <section key={q.id} aria-labelledby={`vraag-${q.number}`}>
          <Heading2 id={`vraag-${q.number}`}>Vraag {q.number}</Heading2>
          <Paragraph className="portaal-prewrap">{q.text}</Paragraph>
          <p className="portaal-answer-label">Antwoord</p>
          <Paragraph className="portaal-prewrap">{q.answer}</Paragraph>
        </section>
      ))}
    </>
  )
}
