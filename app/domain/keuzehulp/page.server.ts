/**
 * What the keuzehulp pages need, ready to render: dates formatted, capacity in words. Keeps the routes thin.
 *
 * Both pages read from the in-process read model (read-model.server.ts): one change-counter check per request, then
 * memory. The provider page is kept whole per provider; the search page per municipality, with the result lists per
 * kind of help and postcode derived on first use.
 */
import { formatDate } from '~/utils/time'
import { capacityText, type SearchState } from './rules'
import { FactCache, factsVersion } from './read-model.server'
import {
  gemeenteFacts,
  neighboursIn,
  providerProfile,
  queryProviders,
  referenceFacts,
  type Candidate,
  type HelpOptions,
  type QualityMark,
} from './search.server'

function marks(list: QualityMark[]) {
  return list.map((m) => ({
    name: m.name,
    validUntil: m.validUntil ? formatDate(m.validUntil) : null,
  }))
}

/** A result as the page shows it. Made once per candidate (the candidate lives as long as its facts). */
const resultViews = new WeakMap<Candidate, ReturnType<typeof resultView>>()
function resultView(item: Candidate) {
  return {
    id: item.id,
    name: item.name,
    products: item.products,
    capacity: capacityText(item.capacity, formatDate),
    qualityMarks: marks(item.qualityMarks),
  }
}
function viewOf(item: Candidate) {
  let view = resultViews.get(item)
  if (!view) resultViews.set(item, (view = resultView(item)))
  return view
}

/** The chosen kind of help in words (a group's name, or one product's name), for the result count. */
function hulpLabel(options: HelpOptions, hulp: string | null): string | null {
  if (!hulp) return null
  if (hulp.startsWith('p-')) return options.products.get(hulp.slice(2))?.name ?? null
  return options.groups.find((g) => g.value === hulp)?.label ?? null
}

/** Search page data for a chosen municipality, or null when the municipality code is unknown. */
export async function searchPage(state: SearchState & { gemeente: string }, today: Date) {
  const version = await factsVersion(today)
  const [facts, ref] = await Promise.all([
    gemeenteFacts(state.gemeente, today, version),
    referenceFacts(version),
  ])
  const gemeente = facts.gemeente
  if (!gemeente) return null
  const options = facts.options
  const pc4 = state.postcode ? (ref.byPc4.get(state.postcode) ?? null) : null
  const hulpValid =
    !state.hulp ||
    options.groups.some((g) => g.value === state.hulp) ||
    (state.hulp.startsWith('p-') && options.products.has(state.hulp.slice(2)))
  const effective = { ...state, hulp: hulpValid ? state.hulp : null }
  const results = queryProviders(facts, effective)
  return {
    gemeente,
    hulpIgnored: !hulpValid,
    hulpLabel: hulpLabel(options, effective.hulp),
    state: effective,
    assumed: pc4
      ? { postcode: pc4.code, place: pc4.place, assumedHere: pc4.gemeenteCode === gemeente.code }
      : null,
    // After a postcode: the neighbouring municipalities, to change the assumed one (plus a link to search again).
    gemeenten: pc4 ? [gemeente, ...neighboursIn(ref, pc4.code).filter((g) => g.code !== gemeente.code)] : [],
    help: options.groups.map((g) => ({
      value: g.value,
      label: g.label,
      law: g.law,
      products: g.products.map((p) => ({ value: `p-${p.id}`, label: p.name })),
    })),
    results: { ...results, items: results.items.map(viewOf) },
  }
}

async function loadProviderPage(id: string, today: Date) {
  const profile = await providerProfile(id, today)
  if (!profile) return null
  return {
    organisation: profile.organisation,
    qualityMarks: marks(profile.qualityMarks),
    products: profile.products.map((p) => ({
      id: p.id,
      name: p.name,
      law: p.law,
      gemeenten: p.gemeenten,
      capacity: capacityText(p.capacity, formatDate),
      // Per location only while current: a stale report says "niet recent bevestigd" once, for the product.
      locations:
        p.capacity.kind === 'actueel'
          ? p.locations.map((l) => ({ name: l.name, capacity: capacityText(l.capacity, formatDate) }))
          : [],
    })),
  }
}

/** Provider pages, whole, per provider (also "not shown": null), for one data version and day. */
const providerPages = new FactCache<Awaited<ReturnType<typeof loadProviderPage>>>(4000)

export async function providerPage(id: string, today: Date) {
  const version = await factsVersion(today)
  return providerPages.get(id, version, () => loadProviderPage(id, today))
}
