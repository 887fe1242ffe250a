import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { notFound } from '~/domain/accounts/permissions.server'
import { providerPage } from '~/domain/keuzehulp/page.server'
import { LAW_LABEL, readSearchState, searchStateQuery } from '~/domain/keuzehulp/rules'
import { now } from '~/utils/clock'

/** Public page: plain HTML, no React runtime in the browser (see app/root.tsx). */
export const handle = { hydrate: false }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? 'Aanbieder'} | Keuzehulp | Aanbiederspoort` },
]

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const timing = loaderHeaders.get('Server-Timing')
  return timing ? { 'Server-Timing': timing } : new Headers()
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: no guard, no session, no cookies. Only providers a visitor may choose are shown; others are 404.
  const started = performance.now()
  const page = await providerPage(params.id ?? '', now())
  if (!page) throw notFound()
  const state = readSearchState(new URL(request.url).searchParams)
  const back = state.gemeente ? `/keuzehulp${searchStateQuery(state)}` : null
  return data(
    { ...page, back },
    { headers: { 'Server-Timing': `keuzehulp;dur=${(performance.now() - started).toFixed(2)}` } },
  )
}

/*
 * Plain elements with the NL Design System classes the components would render (same HTML, less render work on a
 * page that every visitor opens).
 */
const cls = {
  h1: 'utrecht-heading-1',
  h2: 'utrecht-heading-2',
  p: 'utrecht-paragraph',
  a: 'utrecht-link utrecht-link--html-a',
}

export default function Aanbieder() {
  const { organisation: org, products, qualityMarks, back } = useLoaderData<typeof loader>()
  const laws = (['wmo', 'jeugd'] as const).filter((law) => products.some((p) => p.law === law))
  return (
    <>
      <p className={cls.p}>
        {back ? (
          <a href={back} className={cls.a}>
            Terug naar de resultaten
          </a>
        ) : (
          <a href="/keuzehulp" className={cls.a}>
            Naar de keuzehulp
          </a>
        )}
      </p>
      <h1 className={cls.h1}>{org.name}</h1>
      {org.description ? (
        <p className="utrecht-paragraph utrecht-paragraph--lead">
          <b className="utrecht-paragraph__b">{org.description}</b>
        </p>
      ) : null}

      <h2 className={cls.h2}>Contact</h2>
      <dl className="keuzehulp-facts">
        <dt>Adres</dt>
        <dd>{`${org.street} ${org.houseNumber}, ${org.postcode} ${org.city}`}</dd>
        <dt>Telefoon</dt>
        <dd>
          <a href={`tel:${org.phone.replace(/[^+\d]/g, '')}`} className={cls.a}>
            {org.phone}
          </a>
        </dd>
        <dt>E-mail</dt>
        <dd>
          <a href={`mailto:${org.email}`} className={cls.a}>
            {org.email}
          </a>
        </dd>
        {org.website ? <dt>Website</dt> : null}
        {org.website ? (
          <dd>
            <a href={org.website} className={cls.a} rel="noopener noreferrer">
              {org.website}
            </a>
          </dd>
        ) : null}
      </dl>

      <h2 className={cls.h2}>Over deze aanbieder</h2>
      <dl className="keuzehulp-facts">
        <dt>Doelgroepen</dt>
        <dd>{org.targetGroups.length > 0 ? org.targetGroups.join(', ') : 'Niet opgegeven'}</dd>
        <dt>Talen</dt>
        <dd>{org.languages.length > 0 ? org.languages.join(', ') : 'Niet opgegeven'}</dd>
        <dt>Identiteit of levensbeschouwing</dt>
        <dd>{org.identity ?? 'Geen bijzondere identiteit opgegeven'}</dd>
      </dl>

      <h2 className={cls.h2}>Gecontroleerde keurmerken</h2>
      {qualityMarks.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {qualityMarks.map((m) => (
            <li key={m.name} className="utrecht-unordered-list__item">
              {`${m.name}${m.validUntil ? `, geldig tot ${m.validUntil}` : ', zonder einddatum'}`}
            </li>
          ))}
        </ul>
      ) : (
        <p className={cls.p}>Deze aanbieder heeft geen keurmerken die de gemeente heeft gecontroleerd.</p>
      )}

      <h2 className={cls.h2}>Gecontracteerde hulp, werkgebied en wachttijd</h2>
      {laws.map((law) => (
        <table key={law} className="utrecht-table keuzehulp-table">
          <caption className="utrecht-table__caption">{LAW_LABEL[law]}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Hulp
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Gemeenten en werkgebied
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Nieuwe cliënten en wachttijd
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {products
              .filter((p) => p.law === law)
              .map((p) => (
                <tr key={p.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {p.name}
                  </th>
                  <td className="utrecht-table__cell">
                    {p.gemeenten
                      .map((g) =>
                        g.coversWhole
                          ? `${g.name} (hele gemeente)`
                          : `${g.name} (postcodegebieden ${g.pc4s.join(', ')})`,
                      )
                      .join('; ')}
                  </td>
                  <td className="utrecht-table__cell">
                    <strong>{p.capacity.status}</strong>
                    {p.capacity.detail ? ` (${p.capacity.detail})` : null}
                    {p.locations.length ? (
                      <ul className="utrecht-unordered-list">
                        {p.locations.map((l) => (
                          <li key={l.name} className="utrecht-unordered-list__item">
                            {l.name}: {l.capacity.status}
                            {l.capacity.detail ? ` (${l.capacity.detail})` : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      <p className="utrecht-paragraph utrecht-paragraph--small portaal-muted">
        <small className="utrecht-paragraph__small">
          De aanbieder geeft zelf de wachttijd door. Is die meer dan 60 dagen niet bevestigd, dan tonen wij
          &ldquo;niet recent bevestigd&rdquo;.
        </small>
      </p>
    </>
  )
}
