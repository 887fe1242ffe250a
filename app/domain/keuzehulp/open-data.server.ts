/**
 * Open data of the keuzehulp: the same public facts as the pages (organisation, products, municipalities,
 * werkgebied, capacity with confirmation date, quality marks), in tables modelled on Open Referral HSDS 3.0
 * (organization, service, service_area, service_capacity). Documented at /api/open-data.
 *
 * Freshness follows the read model (read-model.server.ts): the body is kept for one FactsVersion (the database's
 * change counter and the Amsterdam day) and rebuilt by the first request after any commit or at Amsterdam midnight.
 * No max(updatedAt)/count fingerprint: that misses two changes in the same millisecond, writers with a clock behind
 * and deletions. The ETag is a hash of the body built for the current version, not the version itself: the counter
 * only means something inside one process (SQLite's data_version starts afresh with every connection), while equal
 * content has the same ETag in every process and after a restart. So a 304 is never given for data that changed.
 */
import { createHash } from 'node:crypto'
import { evidenceValidOn, isCapacityFresh, splitList, supersededApproved } from './rules'
import { asBool, rawQuery } from './raw.server'
import { FactCache, factsVersion } from './read-model.server'
import { percelenUnderContract, shownAdmissionSql } from './shown-admissions.server'
import {
  evidenceToLoad,
  loadRequirementFacts,
  meetsRequirementsOf,
  type AdmissionRequirementKey,
} from './requirements.server'
import { db } from '~/utils/db.server'
import { toDateInputValue } from '~/utils/time'

/** One Dutch collator for all sorting (creating one per comparison is slow). */
const collator = new Intl.Collator('nl')

/** 1.1: capacity per location (service_capacity.location; the CSV's last column and a line per location). */
export const OPEN_DATA_FORMAT = 'aanbiederspoort-keuzehulp/1.1 (Open Referral HSDS 3.0-achtig)'

export type OpenData = {
  meta: {
    format: string
    generated_at: string
    documentation: string
    licence: string
    source: string
  }
  organization: {
    id: string
    name: string
    description: string
    email: string
    phone: string
    website: string | null
    address: string
    languages: string[]
    identity: string | null
    target_groups: string[]
    quality_marks: { name: string; valid_until: string | null }[]
  }[]
  service: {
    id: string
    organization_id: string
    name: string
    law: string
    category_code: string
    product_code: string
  }[]
  service_area: {
    id: string
    service_id: string
    gemeente_code: string
    name: string
    extent_type: 'gemeente' | 'pc4'
    pc4: string[]
  }[]
  service_capacity: {
    id: string
    service_id: string
    /** The provider's location this line is about; null when it is for the whole service. */
    location: string | null
    accepting: string | null
    available: number | null
    waiting_weeks: number | null
    confirmed_at: string | null
    recently_confirmed: boolean
  }[]
}

/** Builds the whole export. Heavy at national scale (a few seconds); the route caches it per data version. */
export async function buildOpenData(today: Date): Promise<OpenData> {
  // The same admissions as the search and the provider page (one shared condition).
  const shown = (
    await rawQuery<
      AdmissionRequirementKey & {
        gemeenteCode: string
        coversWhole: unknown
        pc4s: string
      }
    >(
      `SELECT a."organisationId", a."productId", a."perceelId", a."gemeenteCode", a."coversWhole", a."pc4s",
              a."entryId", en."requirementSetId"
         FROM "Admission" a LEFT JOIN "Entry" en ON en."id" = a."entryId"
        WHERE ${shownAdmissionSql('a')}
        ORDER BY a."organisationId", a."productId", a."gemeenteCode"`,
      [],
    )
  ).map((a) => ({ ...a, coversWhole: asBool(a.coversWhole) }))
  const running = await percelenUnderContract([...new Set(shown.map((a) => a.perceelId))], today)
  const admissions = shown.filter((a) => running.has(a.perceelId))
  const [required, markTypes, gemeenten] = await Promise.all([
    // All confirmed partners (a small table) rather than a list of every entry id in the country.
    loadRequirementFacts([...new Set(admissions.map((a) => a.perceelId))], null),
    db.evidenceType.findMany({ where: { isQualityMark: true }, select: { id: true, name: true } }),
    db.gemeente.findMany({ select: { code: true, name: true } }),
  ])
  const markName = new Map(markTypes.map((t) => [t.id, t.name]))
  const wantedTypes = [...new Set([...evidenceToLoad(required).typeIds, ...markName.keys()])]
  // Every version: the chain of replacements decides which approved version is the newest (as in the search).
  const items = await db.evidenceItem.findMany({
    where: { typeId: { in: wantedTypes } },
    select: {
      id: true,
      replacesId: true,
      organisationId: true,
      typeId: true,
      verification: true,
      validFrom: true,
      validUntil: true,
    },
  })
  const superseded = supersededApproved(items)
  const held = new Map<string, Map<string, Date | null>>()
  for (const item of items) {
    if (superseded.has(item.id) || !evidenceValidOn(item, today)) continue
    const m = held.get(item.organisationId) ?? new Map<string, Date | null>()
    const prev = m.get(item.typeId)
    if (prev === undefined || (prev !== null && (item.validUntil === null || item.validUntil > prev)))
      m.set(item.typeId, item.validUntil)
    held.set(item.organisationId, m)
  }
  const visible = admissions.filter((a) =>
    meetsRequirementsOf(required, a, (organisationId, typeId) => !!held.get(organisationId)?.has(typeId)),
  )
  const orgIds = [...new Set(visible.map((a) => a.organisationId))]
  const productIds = [...new Set(visible.map((a) => a.productId))]
  const [organisations, products, reports] = await Promise.all([
    db.organisation.findMany({
      where: { id: { in: orgIds } },
      select: {
        id: true,
        name: true,
        description: true,
        email: true,
        phone: true,
        website: true,
        street: true,
        houseNumber: true,
        postcode: true,
        city: true,
        languages: true,
        identity: true,
        targetGroups: true,
      },
      orderBy: { id: 'asc' },
    }),
    db.product.findMany({
      where: { id: { in: productIds } },
      select: { id: true, name: true, law: true, categoryCode: true, code: true },
    }),
    db.capacityReport.findMany({
      where: { isCurrent: true, productId: { in: productIds } },
      select: {
        id: true,
        organisationId: true,
        productId: true,
        accepting: true,
        freePlaces: true,
        waitingWeeks: true,
        confirmedAt: true,
        location: true,
      },
      orderBy: { id: 'asc' },
    }),
  ])
  const productById = new Map(products.map((p) => [p.id, p]))
  const gemeenteName = new Map(gemeenten.map((g) => [g.code, g.name]))
  const serviceIds = new Set<string>()
  const service: OpenData['service'] = []
  const service_area: OpenData['service_area'] = []
  for (const a of visible) {
    const serviceId = `${a.organisationId}.${a.productId}`
    const p = productById.get(a.productId)
    if (!p) continue
    if (!serviceIds.has(serviceId)) {
      serviceIds.add(serviceId)
      service.push({
        id: serviceId,
        organization_id: a.organisationId,
        name: p.name,
        law: p.law,
        category_code: p.categoryCode,
        product_code: p.code,
      })
    }
    service_area.push({
      id: `${serviceId}.${a.gemeenteCode}`,
      service_id: serviceId,
      gemeente_code: a.gemeenteCode,
      name: gemeenteName.get(a.gemeenteCode) ?? a.gemeenteCode,
      extent_type: a.coversWhole ? 'gemeente' : 'pc4',
      pc4: a.coversWhole ? [] : splitList(a.pc4s),
    })
  }
  const service_capacity: OpenData['service_capacity'] = reports
    .filter((r) => serviceIds.has(`${r.organisationId}.${r.productId}`))
    .map((r) => {
      const fresh = isCapacityFresh(r.confirmedAt, today)
      return {
        id: r.id,
        service_id: `${r.organisationId}.${r.productId}`,
        location: r.location || null,
        accepting: fresh ? r.accepting : null,
        available: fresh ? r.freePlaces : null,
        waiting_weeks: fresh ? r.waitingWeeks : null,
        confirmed_at: r.confirmedAt.toISOString(),
        recently_confirmed: fresh,
      }
    })
  return {
    meta: {
      format: OPEN_DATA_FORMAT,
      generated_at: today.toISOString(),
      documentation: '/api/open-data',
      licence: 'CC BY 4.0',
      source:
        'Aanbiederspoort: gecontracteerde zorgaanbieders per gemeente. Postcode naar gemeente: Centraal Bureau voor de Statistiek (CBS), CC BY 4.0.',
    },
    organization: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      description: o.description,
      email: o.email,
      phone: o.phone,
      website: o.website,
      address: `${o.street} ${o.houseNumber}, ${o.postcode} ${o.city}`,
      languages: splitList(o.languages),
      identity: o.identity?.trim() || null,
      target_groups: splitList(o.targetGroups),
      quality_marks: [...(held.get(o.id)?.entries() ?? [])]
        .filter(([typeId]) => markName.has(typeId))
        .map(([typeId, until]) => ({
          name: markName.get(typeId) ?? '',
          // The Amsterdam calendar day (stored as Amsterdam midnight, which is the previous day in UTC).
          valid_until: until ? toDateInputValue(until) : null,
        }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    })),
    service,
    service_area,
    service_capacity,
  }
}

/** One CSV row per service area (organisation × product × municipality), with the organisation and capacity. */
export const CSV_COLUMNS = [
  'organization_id',
  'organization_name',
  'service_id',
  'service_name',
  'law',
  'category_code',
  'product_code',
  'gemeente_code',
  'gemeente_name',
  'extent_type',
  'pc4',
  'accepting',
  'available',
  'waiting_weeks',
  'confirmed_at',
  'recently_confirmed',
  'languages',
  'identity',
  'target_groups',
  'quality_marks',
  'email',
  'phone',
  'website',
  // Added in 1.1, last so that readers by position keep working.
  'location',
] as const

export function openDataCsv(data: OpenData): string {
  const orgs = new Map(data.organization.map((o) => [o.id, o]))
  const services = new Map(data.service.map((s) => [s.id, s]))
  // The lines of a service's latest confirmation: one for the whole service, or one per location (by name). Older
  // writers may have left earlier rows marked current; those do not count.
  const capacity = new Map<string, OpenData['service_capacity'][number][]>()
  for (const c of data.service_capacity) {
    const list = capacity.get(c.service_id)
    const latest = list?.[0]?.confirmed_at ?? ''
    if (!list || (c.confirmed_at ?? '') > latest) capacity.set(c.service_id, [c])
    else if ((c.confirmed_at ?? '') === latest) list.push(c)
  }
  for (const list of capacity.values())
    list.sort((a, b) => collator.compare(a.location ?? '', b.location ?? ''))
  const lines = [CSV_COLUMNS.join(',')]
  for (const area of data.service_area) {
    const s = services.get(area.service_id)
    const o = s ? orgs.get(s.organization_id) : undefined
    if (!s || !o) continue
    for (const c of capacity.get(s.id) ?? [undefined]) lines.push(csvLine(o, s, area, c))
  }
  return lines.join('\r\n') + '\r\n'
}

function csvLine(
  o: OpenData['organization'][number],
  s: OpenData['service'][number],
  area: OpenData['service_area'][number],
  c: OpenData['service_capacity'][number] | undefined,
): string {
  const row: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = {
    organization_id: o.id,
    organization_name: o.name,
    service_id: s.id,
    service_name: s.name,
    law: s.law,
    category_code: s.category_code,
    product_code: s.product_code,
    gemeente_code: area.gemeente_code,
    gemeente_name: area.name,
    extent_type: area.extent_type,
    pc4: area.pc4.join(' '),
    location: c?.location ?? null,
    accepting: c?.accepting ?? null,
    available: c?.available ?? null,
    waiting_weeks: c?.waiting_weeks ?? null,
    confirmed_at: c?.confirmed_at ?? null,
    recently_confirmed: c?.recently_confirmed ?? false,
    languages: o.languages.join('; '),
    identity: o.identity,
    target_groups: o.target_groups.join('; '),
    quality_marks: o.quality_marks
      .map((m) => (m.valid_until ? `${m.name} (tot ${m.valid_until})` : m.name))
      .join('; '),
    email: o.email,
    phone: o.phone,
    website: o.website,
  }
  return CSV_COLUMNS.map((k) => csvCell(row[k])).join(',')
}

function csvCell(v: string | number | boolean | null): string {
  if (v === null) return ''
  let s = String(v)
  // Spreadsheet formula injection: a leading = + - @ is neutralised; a plain international phone number
  // (+31612345678, as the form stores it) cannot be a formula and stays as it is.
  if (/^[=+\-@]/.test(s) && !/^\+\d+$/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

type Body = { body: string; etag: string }

/** The built export per format, for one FactsVersion (concurrent requests share one build). */
const bodies = new FactCache<Body>(2)

function sha(parts: string[]): string {
  const h = createHash('sha256')
  for (const p of parts) h.update(p).update('\0')
  return h.digest('base64url').slice(0, 27)
}

/** Body and ETag of one format. The ETag hashes the content; the JSON's generated_at is left out of it. */
export function openDataBody(data: OpenData, format: 'json' | 'csv'): Body {
  if (format === 'csv') {
    const body = openDataCsv(data)
    return { body, etag: `"csv-${sha([OPEN_DATA_FORMAT, body])}"` }
  }
  const { meta, ...tables } = data
  const { generated_at: _generatedAt, ...stable } = meta
  const metaJson = JSON.stringify(meta)
  const tablesJson = JSON.stringify(tables)
  // Same text as JSON.stringify(data), without serialising the tables twice.
  const body = `{"meta":${metaJson},${tablesJson.slice(1)}`
  // Weak: two builds of the same data differ in generated_at only.
  return { body, etag: `W/"json-${sha([OPEN_DATA_FORMAT, JSON.stringify(stable), tablesJson])}"` }
}

function matches(ifNoneMatch: string, etag: string): boolean {
  const strip = (t: string) => t.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag))
}

/** The export as a body with its ETag, built once per data version (change counter + Amsterdam day) and format. */
export async function openDataResponse(
  request: Request,
  format: 'json' | 'csv',
  today: Date,
): Promise<Response> {
  const version = await factsVersion(today)
  const { body, etag } = await bodies.get(format, version, async () =>
    openDataBody(await buildOpenData(today), format),
  )
  const headers = {
    ETag: etag,
    'Cache-Control': 'public, max-age=0, must-revalidate',
    'Access-Control-Allow-Origin': '*',
  }
  if (matches(request.headers.get('If-None-Match') ?? '', etag)) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(body, {
    headers: {
      ...headers,
      'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      ...(format === 'csv' ? { 'Content-Disposition': 'inline; filename="aanbieders.csv"' } : {}),
    },
  })
}
