import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link as RemixLink, useLoaderData } from '@remix-run/react'
import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { filterOptions, listPublicRounds } from '~/domain/consultations/queries.server'
import { ROUND_PHASE_LABELS } from '~/domain/consultations/rules'
import { formatDateTime } from '~/utils/time'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction = () => [{ title: 'Consultaties | Aanbiederspoort' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const region = url.searchParams.get('regio') || null
  const segment = url.searchParams.get('segment') || null
  const [rounds, options] = await Promise.all([listPublicRounds({ region, segment }), filterOptions()])
  return { rounds, options, filter: { region: region ?? '', segment: segment ?? '' } }
}

export default function Consultaties() {
  const { rounds, options, filter } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Consultaties</Heading1>
      <Paragraph>
        Regio&apos;s vragen zorgaanbieders om mee te denken voordat zij zorg inkopen. Hier vindt u alle
        consultatierondes met hun sessies, vragen en antwoorden. Iedere aanbieder krijgt dezelfde informatie.
      </Paragraph>
      <Paragraph>
        <RemixLink to="/consultaties/meldingen">Ontvang een e-mail bij een nieuwe consultatieronde</RemixLink>
      </Paragraph>
      <Form method="get" className="portaal-filter" aria-label="Filter consultaties">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="filter-regio">
            Regio
          </label>
          <select
            id="filter-regio"
            name="regio"
            className="utrecht-select utrecht-select--html-select"
            defaultValue={filter.region}
          >
            <option value="">Alle regio&apos;s</option>
            {options.regions.map((r) => (
              <option key={r.id} value={r.slug}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="filter-segment">
            Segment
          </label>
          <select
            id="filter-segment"
            name="segment"
            className="utrecht-select utrecht-select--html-select"
            defaultValue={filter.segment}
          >
            <option value="">Alle segmenten</option>
            {options.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.region.name})
              </option>
            ))}
          </select>
        </div>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            Filteren
          </Button>
        </div>
      </Form>
      <Heading2>{rounds.length === 1 ? '1 consultatieronde' : `${rounds.length} consultatierondes`}</Heading2>
      {rounds.length === 0 ? (
        <Paragraph>Er zijn geen consultatierondes die bij uw keuze passen.</Paragraph>
      ) : (
        <ul className="portaal-plain-list">
          {rounds.map((r) => (
            <li key={r.id} className="portaal-card">
              <h3 className="portaal-card-title">
                <RemixLink to={`/consultaties/${r.id}`}>{r.title}</RemixLink>
              </h3>
              <Paragraph>
                {r.region.name}
                {r.segments.length ? ` · ${r.segments.map((s) => s.segment.name).join(', ')}` : ''}
              </Paragraph>
              <Paragraph>
                <span className="portaal-status">{ROUND_PHASE_LABELS[r.phase]}</span> Inbreng van{' '}
                {formatDateTime(new Date(r.opensAt))} tot {formatDateTime(new Date(r.closesAt))}
                {r._count.sessions ? ` · ${r._count.sessions} sessie(s)` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
