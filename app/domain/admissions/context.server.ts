import type { DbOrTx } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import {
  entryProblems,
  evidenceCoverage,
  type EntryForCheck,
  type EvidenceCandidate,
  type Problem,
} from './requirements'

/** Everything about one entry that the checks, the screens and the e-mails need. */
export async function loadEntry(tx: DbOrTx, entryId: string) {
  const entry = await findEntry(tx, entryId)
  if (!entry) return null
  // An attached item may have been replaced since (a renewed certificate): the checks, the buyer and the provider
  // all look at the newest version; `attachedItemId` keeps what was attached.
  const newest = await newestVersions(
    tx,
    entry.evidence.map((e) => e.evidenceItem),
  )
  return {
    ...entry,
    evidence: entry.evidence.map((e) => ({
      ...e,
      attachedItemId: e.evidenceItem.id,
      evidenceItem: newest.get(e.evidenceItem.id) ?? e.evidenceItem,
    })),
  }
}

type EvidenceRow = NonNullable<Awaited<ReturnType<typeof findEntry>>>['evidence'][number]['evidenceItem']

/** Follows each item's chain of replacements to its newest version (chains are short: one step per renewal). */
async function newestVersions(tx: DbOrTx, items: EvidenceRow[]): Promise<Map<string, EvidenceRow>> {
  const newest = new Map<string, EvidenceRow>()
  let frontier = new Map(items.map((i) => [i.id, i.id])) // current version id → attached id
  while (frontier.size > 0) {
    const next = await tx.evidenceItem.findMany({ where: { replacesId: { in: [...frontier.keys()] } } })
    const following = new Map<string, string>()
    for (const item of next) {
      const attachedId = frontier.get(item.replacesId!)!
      newest.set(attachedId, item)
      following.set(item.id, attachedId)
    }
    frontier = following
  }
  return newest
}

function findEntry(tx: DbOrTx, entryId: string) {
  return tx.entry.findUnique({
    where: { id: entryId },
    include: {
      organisation: { select: { id: true, name: true, agbCode: true, email: true, kvkNummer: true } },
      perceel: {
        select: {
          id: true,
          name: true,
          inkoopvorm: true,
          registrationRegime: true,
          decisionTermDays: true,
          contract: { select: { endDate: true } },
          procurement: {
            select: {
              id: true,
              name: true,
              status: true,
              contractEnd: true,
              regionId: true,
              region: { select: { slug: true, name: true } },
            },
          },
          gemeenten: {
            select: { gemeenteCode: true, gemeente: { select: { name: true } } },
            orderBy: { gemeenteCode: 'asc' },
          },
          products: { select: { id: true, name: true, code: true }, orderBy: { code: 'asc' } },
        },
      },
      registrationMoment: true,
      requirementSet: {
        include: {
          questions: { orderBy: { sortOrder: 'asc' } },
          evidence: { include: { evidenceType: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
        },
      },
      gemeenten: { include: { gemeente: { select: { name: true } } }, orderBy: { gemeenteCode: 'asc' } },
      products: { include: { product: { select: { id: true, name: true, code: true } } } },
      answers: true,
      evidence: { include: { evidenceItem: true } },
      partners: {
        select: {
          id: true,
          role: true,
          confirmedAt: true,
          createdAt: true,
          organisationId: true,
          organisation: { select: { id: true, name: true, kvkNummer: true } },
          products: { select: { product: { select: { id: true, code: true, name: true } } } },
        },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
}

export type LoadedEntry = NonNullable<Awaited<ReturnType<typeof loadEntry>>>

/** organisationId → that partner's current evidence items of the types the entry requires. */
export type PartnerEvidence = Map<string, EvidenceCandidate[]>

/**
 * The current evidence (latest versions) of the entry's partner organisations, of the required types. Kept out of
 * `loadEntry`, so a screen that sends the entry to the browser never carries a partner's evidence along.
 */
export async function loadPartnerEvidence(tx: DbOrTx, entry: LoadedEntry): Promise<PartnerEvidence> {
  const map: PartnerEvidence = new Map()
  if (entry.partners.length === 0) return map
  const items = await tx.evidenceItem.findMany({
    where: {
      organisationId: { in: entry.partners.map((p) => p.organisationId) },
      typeId: { in: entry.requirementSet.evidence.map((r) => r.evidenceTypeId) },
      replacedBy: { is: null },
    },
    orderBy: { validFrom: 'desc' },
    select: {
      id: true,
      organisationId: true,
      typeId: true,
      issuer: true,
      number: true,
      validFrom: true,
      validUntil: true,
      issuedAt: true,
      verification: true,
    },
  })
  for (const { organisationId, ...item } of items) {
    map.set(organisationId, [...(map.get(organisationId) ?? []), item])
  }
  return map
}

export function checkInput(entry: LoadedEntry, partnerEvidence: PartnerEvidence): EntryForCheck {
  return {
    gemeenten: entry.gemeenten.map((g) => g.gemeenteCode),
    allowedGemeenten: entry.perceel.gemeenten.map((g) => g.gemeenteCode),
    products: entry.products.map((p) => p.productId),
    allowedProducts: entry.perceel.products.map((p) => p.id),
    answers: Object.fromEntries(entry.answers.map((a) => [a.questionId, a.value])),
    questions: entry.requirementSet.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text,
      requiredAnswer: q.requiredAnswer,
      minimum: q.minimum,
    })),
    required: entry.requirementSet.evidence.map((r) => ({
      id: r.id,
      evidenceTypeId: r.evidenceTypeId,
      typeName: r.evidenceType.name,
      validUntilAtLeast: r.validUntilAtLeast,
      issuedWithinMonths: r.issuedWithinMonths,
    })),
    attached: Object.fromEntries(
      entry.evidence
        .filter((e) => e.evidenceItem.organisationId === entry.organisationId)
        .map((e) => [e.requiredEvidenceId, e.evidenceItem]),
    ),
    requireAgb: entry.requirementSet.requireAgb,
    agbCode: entry.organisation.agbCode,
    partners: entry.partners.map((p) => ({
      id: p.id,
      organisationId: p.organisationId,
      name: p.organisation.name,
      role: p.role,
      confirmed: !!p.confirmedAt,
      products: p.products.map((x) => x.product.id),
      evidence: partnerEvidence.get(p.organisationId) ?? [],
    })),
    productNames: Object.fromEntries(
      entry.perceel.products.map((p) => [p.id, `${p.code} ${p.name}`] as const),
    ),
  }
}

export function problemsOf(entry: LoadedEntry, onDate: Date, partnerEvidence: PartnerEvidence): Problem[] {
  return entryProblems(checkInput(entry, partnerEvidence), onDate)
}

export function coverageOf(entry: LoadedEntry, onDate: Date, partnerEvidence: PartnerEvidence) {
  return evidenceCoverage(checkInput(entry, partnerEvidence), onDate)
}

/** E-mail addresses of the people of a provider organisation (one message each). */
export async function providerRecipients(tx: DbOrTx, organisationId: string): Promise<string[]> {
  const members = await tx.organisationMembership.findMany({
    where: { organisationId },
    select: { user: { select: { email: true } } },
    orderBy: { createdAt: 'asc' },
  })
  return [...new Set(members.map((m) => m.user.email))]
}

/** E-mail addresses of the beheerders of an organisation (invitations to take part in someone else's entry). */
export async function beheerderRecipients(tx: DbOrTx, organisationId: string): Promise<string[]> {
  const members = await tx.organisationMembership.findMany({
    where: { organisationId, role: 'beheerder' },
    select: { user: { select: { email: true } } },
    orderBy: { createdAt: 'asc' },
  })
  return [...new Set(members.map((m) => m.user.email))]
}

/** A partner's page of an entry it takes part in (the lead organisation's entry seen from the partner's side). */
export function partnerUrl(partnerId: string, partnerOrganisationId: string) {
  // The organisation in the link makes it the current one, for people who belong to several organisations.
  return `${getEnv().APP_URL}/aanbieder/toetredingen/partner/${partnerId}?organisatie=${partnerOrganisationId}`
}
