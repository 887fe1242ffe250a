import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react'
import { now } from '~/utils/clock'
import { resolvePlace } from '~/domain/keuzehulp/search.server'
import { searchPage } from '~/domain/keuzehulp/page.server'
import {
  LAW_LABEL,
  MAX_WAIT_OPTIONS,
  carriedSearchFields,
  readSearchState,
  resultsSummary,
  searchStateQuery,
} from '~/domain/keuzehulp/rules'

/** Public page: no React runtime in the browser, only the small suggestion script (see app/root.tsx). */
export const handle = { hydrate: false, scripts: ['/js/gemeente-suggesties.js'] }

/** After a search the title starts with the count: read out on load, as the page has no live updates. */
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data?.kind === 'resultaten'
        ? `${summaryOf(data.page)} | Keuzehulp | Aanbiederspoort`
        : 'Keuzehulp: vind een zorgaanbieder | Aanbiederspoort',
  },
]

/** Server time of the loader, for the benchmark (e2e/bench-keuzehulp.ts) and for anyone looking at the network tab. */
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const timing = loaderHeaders.get('Server-Timing')
  return timing ? { 'Server-Timing': timing } : new Headers()
}

function timing(started: number) {
  return { 'Server-Timing': `keuzehulp;dur=${(performance.now() - started).toFixed(2)}` }
}

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page: no guard, no session, no cookies.
  const started = performance.now()
  const url = new URL(request.url)
  const state = readSearchState(url.searchParams)

  if (state.waar || (state.postcode && !state.gemeente)) {
    const place = await resolvePlace(state.waar || state.postcode || '')
    if (place.kind === 'gemeente') {
      throw redirect(
        `/keuzehulp${searchStateQuery({
          ...state,
          waar: '',
          gemeente: place.gemeente.code,
          postcode: place.postcode,
          pagina: 1,
        })}`,
      )
    }
    return data(
      { kind: 'zoeken' as const, waar: state.waar, place, page: null },
      { headers: timing(started) },
    )
  }
  if (!state.gemeente) {
    return data({ kind: 'zoeken' as const, waar: '', place: null, page: null }, { headers: timing(started) })
  }
  const page = await searchPage({ ...state, gemeente: state.gemeente }, now())
  if (!page) {
    return data(
      {
        kind: 'zoeken' as const,
        waar: '',
        place: { kind: 'onbekend' as const, reason: 'naam' as const },
        page: null,
      },
      { status: 404, headers: timing(started) },
    )
  }
  return data({ kind: 'resultaten' as const, waar: '', place: null, page }, { headers: timing(started) })
}

/**
 * The place field. The page ships no React runtime (see `handle`); public/js/gemeente-suggesties.js fills the
 * datalist while the visitor types, and without JavaScript the plain GET form works the same.
 */
function PlaceForm({ defaultValue, invalid }: { defaultValue: string; invalid: boolean }) {
  return (
    <form method="get" action="/keuzehulp" className="portaal-form keuzehulp-place" key={defaultValue}>
      <FormField invalid={invalid}>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="waar">Uw gemeente of postcode</FormLabel>
        </div>
        <p className="utrecht-form-field-description" id="waar-uitleg">
          Bijvoorbeeld: Tiel, of 4001 AB. Met een postcode ziet u alleen aanbieders die in uw buurt werken.
        </p>
        <div className="utrecht-form-field__input">
          <Textbox
            id="waar"
            name="waar"
            defaultValue={defaultValue}
            required
            autoComplete="off"
            list="gemeente-suggesties"
            data-suggesties="/keuzehulp/suggesties"
            aria-describedby="waar-uitleg"
            invalid={invalid}
          />
          <datalist id="gemeente-suggesties" />
        </div>
      </FormField>
      <div>
        <Button type="submit" appearance="primary-action-button">
          Zoeken
        </Button>
      </div>
    </form>
  )
}

export default function Keuzehulp() {
  const loaderData = useLoaderData<typeof loader>()
  if (loaderData.kind === 'zoeken') {
    const place = loaderData.place
    return (
      <>
        <Heading1>Keuzehulp: vind een zorgaanbieder</Heading1>
        <Paragraph lead>
          Heeft u van uw gemeente een beschikking gekregen voor ondersteuning of jeugdhulp? Hier vindt u de
          aanbieders waarmee uw gemeente een contract heeft. U hoeft niet in te loggen.
        </Paragraph>
        {place?.kind === 'onbekend' ? (
          <Alert type="warning">
            <Paragraph>
              {place.reason === 'postcode'
                ? 'Deze postcode kennen wij niet. Controleer de postcode of vul de naam van uw gemeente in.'
                : 'Deze gemeente kennen wij niet. Controleer de spelling of vul uw postcode in.'}
            </Paragraph>
          </Alert>
        ) : null}
        {place?.kind === 'keuze' ? (
          <section aria-labelledby="kies-gemeente">
            <Heading2 id="kies-gemeente">Welke gemeente bedoelt u?</Heading2>
            <ul className="keuzehulp-choices">
              {place.options.map((g) => (
                <li key={g.code}>
                  <Link href={`/keuzehulp?gemeente=${g.code}`}>{g.name}</Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <PlaceForm defaultValue={loaderData.waar} invalid={place?.kind === 'onbekend'} />
        <SourceNote />
      </>
    )
  }
  return <Results page={loaderData.page} />
}

type PageData = NonNullable<
  Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: 'resultaten' }>['page']
>

function summaryOf(page: PageData) {
  return resultsSummary({
    total: page.results.total,
    gemeente: page.gemeente.name,
    hulp: page.hulpLabel,
    page: page.results.page,
    pageCount: page.results.pageCount,
  })
}

/*
 * The result page is rendered for every search, so it is written in plain elements with the NL Design System classes
 * the components would put there (same HTML, a fraction of the render work): 20 results, five selects and their
 * options are a few hundred elements.
 */
const cls = {
  h1: 'utrecht-heading-1',
  h2: 'utrecht-heading-2',
  h3: 'utrecht-heading-3',
  p: 'utrecht-paragraph',
  a: 'utrecht-link utrecht-link--html-a',
  field: 'utrecht-form-field utrecht-form-field--text',
  label: 'utrecht-form-label',
  select: 'utrecht-select utrecht-select--html-select',
  primary: 'utrecht-button utrecht-button--submit utrecht-button--primary-action',
  secondary: 'utrecht-button utrecht-button--submit utrecht-button--secondary-action',
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className={cls.field}>
      <div className="utrecht-form-field__label">
        <label htmlFor={id} className={cls.label}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  )
}

function Results({ page }: { page: PageData }) {
  const { state, gemeente, results } = page
  const wmo = page.help.filter((g) => g.law === 'wmo')
  const jeugd = page.help.filter((g) => g.law === 'jeugd')
  const query = (changes: Partial<typeof state>) => `/keuzehulp${searchStateQuery({ ...state, ...changes })}`
  const back = searchStateQuery(state)
  return (
    <>
      <h1 className={cls.h1}>{`Keuzehulp: zorgaanbieders in ${gemeente.name}`}</h1>
      {page.assumed ? (
        <Alert type="info">
          <p className={cls.p}>
            {page.assumed.assumedHere
              ? `Postcode ${page.assumed.postcode} (${page.assumed.place}) ligt vooral in gemeente ${gemeente.name}. Daarom zoeken wij in ${gemeente.name}.`
              : `U zoekt in gemeente ${gemeente.name}, voor postcode ${page.assumed.postcode} (${page.assumed.place}).`}
          </p>
          <form method="get" action="/keuzehulp" className="keuzehulp-inline-form">
            <Field id="andere-gemeente" label="Andere gemeente kiezen">
              <select
                className={cls.select}
                id="andere-gemeente"
                name="gemeente"
                defaultValue={gemeente.code}
              >
                {page.gemeenten.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.name}
                  </option>
                ))}
              </select>
            </Field>
            {/* The kind of help and the filters stay; only the municipality changes. */}
            {carriedSearchFields(state).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button className={cls.secondary} type="submit">
              Gemeente wijzigen
            </button>
          </form>
        </Alert>
      ) : null}
      {page.hulpIgnored ? (
        <Alert type="warning">
          <p className={cls.p}>De gekozen soort hulp is in {gemeente.name} niet ingekocht. Kies opnieuw.</p>
        </Alert>
      ) : null}
      <p className={cls.p}>
        <a href="/keuzehulp" className={cls.a}>
          Andere gemeente of postcode zoeken
        </a>
      </p>

      <form method="get" action="/keuzehulp" className="portaal-form keuzehulp-filters" key={back}>
        <input type="hidden" name="gemeente" value={gemeente.code} />
        {state.postcode ? <input type="hidden" name="postcode" value={state.postcode} /> : null}
        <h2 className={cls.h2}>Zoeken en filteren</h2>
        <Field id="hulp" label="Soort hulp">
          <select className={cls.select} id="hulp" name="hulp" defaultValue={state.hulp ?? ''}>
            <option value="">Alle soorten hulp</option>
            {[
              { law: 'wmo', groups: wmo },
              { law: 'jeugd', groups: jeugd },
            ]
              .filter((l) => l.groups.length > 0)
              .map((l) => (
                <optgroup key={l.law} label={LAW_LABEL[l.law]}>
                  {l.groups.flatMap((g) => [
                    <option key={g.value} value={g.value}>
                      {`${g.label} (alle vormen)`}
                    </option>,
                    ...(g.products.length > 1
                      ? g.products.map((p) => (
                          <option key={`${g.value}-${p.value}`} value={p.value}>
                            {`${g.label}: ${p.label}`}
                          </option>
                        ))
                      : []),
                  ])}
                </optgroup>
              ))}
          </select>
        </Field>
        <div className="utrecht-form-fieldset">
          <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              Filters (niet verplicht)
            </legend>
            <div className="keuzehulp-checkbox">
              <input
                type="checkbox"
                id="nieuw"
                name="nieuw"
                value="1"
                defaultChecked={state.nieuw}
                className="utrecht-checkbox utrecht-checkbox--html-input"
              />
              <label htmlFor="nieuw" className="utrecht-form-label utrecht-form-label--checkbox">
                Alleen aanbieders die nieuwe cliënten aannemen
              </label>
            </div>
            <FilterSelect
              id="wacht"
              label="Maximale wachttijd"
              value={state.wacht ? String(state.wacht) : ''}
              empty="Maakt niet uit"
              options={[...new Set([...MAX_WAIT_OPTIONS, ...(state.wacht ? [state.wacht] : [])])]
                .sort((a, b) => a - b)
                .map((w) => ({ value: String(w), label: w === 1 ? '1 week' : `${w} weken` }))}
            />
            <FilterSelect
              id="doelgroep"
              label="Doelgroep of leeftijd"
              value={state.doelgroep ?? ''}
              empty="Alle doelgroepen"
              options={results.facets.targetGroups.map((v) => ({ value: v, label: v }))}
            />
            <FilterSelect
              id="taal"
              label="Taal"
              value={state.taal ?? ''}
              empty="Alle talen"
              options={results.facets.languages.map((v) => ({ value: v, label: v }))}
            />
            <FilterSelect
              id="identiteit"
              label="Identiteit of levensbeschouwing"
              value={state.identiteit ?? ''}
              empty="Maakt niet uit"
              options={results.facets.identities.map((v) => ({ value: v, label: v }))}
            />
          </fieldset>
        </div>
        <FilterSelect
          id="sort"
          label="Sorteren op"
          value={state.sort}
          options={[
            { value: 'wachttijd', label: 'Kortste wachttijd' },
            { value: 'naam', label: 'Naam (A-Z)' },
          ]}
        />
        <div>
          <button className={cls.primary} type="submit">
            Resultaten tonen
          </button>
        </div>
      </form>

      <section aria-labelledby="resultaten" className="keuzehulp-results">
        {/* No live region: every search is a page load, so the count is in the title and in this heading. */}
        <h2 id="resultaten" className={cls.h2}>
          {summaryOf(page)}
        </h2>
        {results.total === 0 ? (
          <p className={cls.p}>
            Er zijn geen aanbieders die aan uw keuzes voldoen. Kies minder filters of een andere soort hulp.
          </p>
        ) : (
          <ol className="keuzehulp-list" start={(results.page - 1) * 20 + 1}>
            {results.items.map((item) => (
              <li key={item.id} className="keuzehulp-item">
                <article aria-labelledby={`aanbieder-${item.id}`}>
                  <h3 id={`aanbieder-${item.id}`} className={cls.h3}>
                    <a href={`/keuzehulp/aanbieder/${item.id}${back}`} className={cls.a}>
                      {item.name}
                    </a>
                  </h3>
                  <dl className="keuzehulp-facts">
                    <dt>{`Gecontracteerd in ${gemeente.name} voor`}</dt>
                    <dd>{item.products.join(', ')}</dd>
                    <dt>Nieuwe cliënten</dt>
                    <dd>
                      <strong>{item.capacity.status}</strong>
                      {item.capacity.detail ? ` (${item.capacity.detail})` : null}
                    </dd>
                    {item.qualityMarks.length > 0 ? <dt>Gecontroleerde keurmerken</dt> : null}
                    {item.qualityMarks.length > 0 ? (
                      <dd>
                        {item.qualityMarks
                          .map((m) => (m.validUntil ? `${m.name} (geldig tot ${m.validUntil})` : m.name))
                          .join(', ')}
                      </dd>
                    ) : null}
                  </dl>
                </article>
              </li>
            ))}
          </ol>
        )}
        {results.pageCount > 1 ? (
          <nav aria-label="Paginering" className="keuzehulp-pagination">
            {results.page > 1 ? (
              <a href={query({ pagina: results.page - 1 })} className={cls.a} rel="prev">
                Vorige pagina
              </a>
            ) : null}
            <span>{`Pagina ${results.page} van ${results.pageCount}`}</span>
            {results.page < results.pageCount ? (
              <a href={query({ pagina: results.page + 1 })} className={cls.a} rel="next">
                Volgende pagina
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
      <SourceNote />
    </>
  )
}

function FilterSelect(props: {
  id: string
  label: string
  value: string
  empty?: string
  options: { value: string; label: string }[]
}) {
  // A chosen value that the list does not offer (filters carried over to another municipality or kind of help) still
  // filters, so it stays visible as chosen; filters compare case-insensitively, so a differently cased one is found.
  const wanted = props.value.toLowerCase()
  const match = props.options.find((o) => o.value === props.value || o.value.toLowerCase() === wanted)
  const options =
    props.value && !match ? [...props.options, { value: props.value, label: props.value }] : props.options
  return (
    <Field id={props.id} label={props.label}>
      <select className={cls.select} id={props.id} name={props.id} defaultValue={match?.value ?? props.value}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  )
}

function SourceNote() {
  return (
    <p className="utrecht-paragraph utrecht-paragraph--small portaal-muted">
      <small className="utrecht-paragraph__small">
        Postcode naar gemeente: bron Centraal Bureau voor de Statistiek (CBS), CC BY 4.0. De gegevens van
        aanbieders zijn ook beschikbaar als{' '}
        <a href="/api/open-data" className={cls.a}>
          open data
        </a>
        .
      </small>
    </p>
  )
}
