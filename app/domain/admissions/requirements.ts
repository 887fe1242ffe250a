/**
 * Pure checks of an entry against its frozen requirement set: knock-out questions, required evidence, the chosen
 * municipalities and products. Used on save (to explain a failing answer at once), on submission (to refuse with the
 * reason) and by the buyer (to name the unmet requirements in a rejection).
 *
 * Whether an evidence item satisfies a requirement is decided by the evidence capability (`requirementProblem`).
 */
import { checkRequirement, requirementProblem } from '~/domain/evidence/rules'
import { partnerRoleWord } from './partners'

export type QuestionRule = {
  id: string
  kind: string // knockout_yesno | knockout_number | open
  text: string
  requiredAnswer: boolean | null
  minimum: number | null
}

export type RequiredEvidenceRule = {
  id: string
  evidenceTypeId: string
  typeName: string
  validUntilAtLeast: Date | null
  issuedWithinMonths: number | null
}

export type EvidenceCandidate = {
  id: string
  typeId: string
  validFrom: Date
  validUntil: Date | null
  issuedAt: Date | null
  verification: string
  /** For display only. */
  issuer?: string
  number?: string
}

/** Why an answer fails its knock-out question, in plain Dutch; null when it is fine. */
export function answerProblem(question: QuestionRule, value: string | undefined | null): string | null {
  const v = (value ?? '').trim()
  if (question.kind === 'knockout_yesno') {
    if (v !== 'ja' && v !== 'nee') return `Beantwoord de vraag "${question.text}".`
    const yes = v === 'ja'
    if (question.requiredAnswer !== null && yes !== question.requiredAnswer) {
      return `Met het antwoord "${v}" voldoet u niet aan deze eis: het antwoord moet "${
        question.requiredAnswer ? 'ja' : 'nee'
      }" zijn. U kunt de toetreding zo niet indienen.`
    }
    return null
  }
  if (question.kind === 'knockout_number') {
    if (!/^\d+$/.test(v)) return `Vul bij "${question.text}" een heel getal in.`
    if (question.minimum !== null && Number(v) < question.minimum) {
      return `Het minimum is ${question.minimum}; u vulde ${v} in. U kunt de toetreding zo niet indienen.`
    }
    return null
  }
  if (!v) return `Beantwoord de vraag "${question.text}".`
  return null
}

/** Whether an evidence item satisfies a requirement on a date (the evidence capability's rules), with the reason. */
export function evidenceSatisfies(
  item: EvidenceCandidate,
  required: RequiredEvidenceRule,
  onDate: Date,
): { ok: true } | { ok: false; reason: string } {
  const problem = requirementProblem(item, required, onDate)
  return problem ? { ok: false, reason: problem } : { ok: true }
}

/** True when an item that is valid now ends before the expected decision date: shown as a warning. */
export function expiresBefore(item: { validUntil: Date | null }, date: Date | null): boolean {
  return !!date && !!item.validUntil && item.validUntil < date
}

export type EntryForCheck = {
  gemeenten: string[]
  allowedGemeenten: string[]
  products: string[]
  allowedProducts: string[]
  answers: Record<string, string>
  questions: QuestionRule[]
  required: RequiredEvidenceRule[]
  /** requiredEvidenceId → attached item (or missing) */
  attached: Record<string, EvidenceCandidate | undefined>
  requireAgb: boolean
  agbCode: string | null
  /** Partners named in the entry (combinations); absent or empty for an entry of one organisation. */
  partners?: PartnerForCheck[]
  /** productId → "45A01 Behandeling licht", for messages that name products. */
  productNames?: Record<string, string>
}

/** A partner organisation of an entry with the products it delivers and its own current evidence items. */
export type PartnerForCheck = {
  id: string
  organisationId: string
  name: string
  role: string
  confirmed: boolean
  products: string[]
  /** The partner's current evidence (latest versions); only counts once the partner confirmed its part. */
  evidence: EvidenceCandidate[]
}

/** Who supplies the evidence for one product: the lead's attached item, or a confirmed partner's own item. */
export type EvidenceSupplier =
  | { kind: 'lead'; item: EvidenceCandidate }
  | { kind: 'partner'; partnerId: string; name: string; item: EvidenceCandidate }

/** Required versus supplied for one required evidence type, per product of the entry and per partner. */
export type RequirementCoverage = {
  requiredId: string
  typeName: string
  /** The lead's attached item (if any) and why it does not satisfy the requirement (null when it does). */
  lead: { item: EvidenceCandidate | undefined; problem: string | null }
  products: { productId: string; name: string; partnerIds: string[]; suppliedBy: EvidenceSupplier | null }[]
  /** Every partner delivering at least one product: its best own item, or what it lacks. */
  partners: {
    partnerId: string
    name: string
    confirmed: boolean
    item: EvidenceCandidate | null
    problem: string | null
  }[]
  satisfied: boolean
  problem: Problem | null
}

/**
 * Required versus supplied, per required evidence type. The lead's attached item covers every product. For a product
 * that a partner delivers, the partner's own current item (valid, not rejected, meeting the requirement) covers it as
 * well, once the partner has confirmed its part. A requirement is met when every product of the entry is covered.
 * Without partners this is exactly the lead's check.
 */
export function evidenceCoverage(entry: EntryForCheck, onDate: Date): RequirementCoverage[] {
  const partners = (entry.partners ?? []).filter((p) => p.products.length > 0)
  const nameOf = (productId: string) => entry.productNames?.[productId] ?? productId
  return entry.required.map((r) => {
    const leadItem = entry.attached[r.id]
    const leadCheck = leadItem ? evidenceSatisfies(leadItem, r, onDate) : null
    const leadProblem = !leadItem
      ? `Voeg een bewijsstuk toe voor: ${r.typeName}.`
      : leadCheck && !leadCheck.ok
        ? leadCheck.reason
        : null
    const partnerChecks = partners.map((p) => {
      const check = checkRequirement(p.evidence, r, onDate)
      return {
        partnerId: p.id,
        name: p.name,
        confirmed: p.confirmed,
        item: check.match,
        problem: check.match ? null : (check.gap ?? 'Er is geen geldig bewijsstuk.'),
      }
    })
    const products = entry.products.map((productId) => {
      const delivering = partners.filter((p) => p.products.includes(productId))
      let suppliedBy: EvidenceSupplier | null = null
      if (leadItem && leadProblem === null) suppliedBy = { kind: 'lead', item: leadItem }
      else {
        for (const p of delivering) {
          const c = partnerChecks.find((x) => x.partnerId === p.id)
          if (p.confirmed && c?.item) {
            suppliedBy = { kind: 'partner', partnerId: p.id, name: p.name, item: c.item }
            break
          }
        }
      }
      return { productId, name: nameOf(productId), partnerIds: delivering.map((p) => p.id), suppliedBy }
    })
    const open = products.filter((p) => !p.suppliedBy)
    const satisfied = products.length === 0 ? leadProblem === null : open.length === 0
    let problem: Problem | null = null
    if (!satisfied) {
      // A product the lead delivers alone needs the lead's own item: the familiar message.
      if (products.length === 0 || open.some((p) => p.partnerIds.length === 0)) {
        problem = {
          key: `bewijs-${r.id}`,
          message: leadItem ? `${r.typeName}: ${leadProblem}` : (leadProblem ?? ''),
        }
      } else {
        const names = [
          ...new Set(
            open.flatMap((p) => partners.filter((x) => p.partnerIds.includes(x.id)).map((x) => x.name)),
          ),
        ]
        problem = {
          key: `bewijs-${r.id}`,
          message: `${r.typeName} ontbreekt voor ${open.map((p) => p.name).join(', ')}: voeg uw eigen bewijsstuk toe of vraag ${names.join(' of ')} een geldig bewijsstuk van dit soort in het portaal te zetten.`,
        }
      }
    }
    return {
      requiredId: r.id,
      typeName: r.typeName,
      lead: { item: leadItem, problem: leadProblem },
      products,
      partners: partnerChecks,
      satisfied,
      problem,
    }
  })
}

/** What stands in the way of submitting because of the partners: unconfirmed parts and partners without products. */
export function partnerProblems(entry: EntryForCheck): Problem[] {
  const problems: Problem[] = []
  for (const p of entry.partners ?? []) {
    if (p.products.length === 0) {
      problems.push({
        key: `partner-${p.id}`,
        message: `${p.name} levert geen product van deze toetreding meer. Verwijder ${p.name} als partner of voeg ${p.name} opnieuw toe met de juiste producten.`,
      })
    } else if (p.products.some((id) => !entry.products.includes(id))) {
      problems.push({
        key: `partner-${p.id}`,
        message: `${p.name} levert een product dat niet in deze toetreding staat. Verwijder ${p.name} en voeg de partner opnieuw toe.`,
      })
    }
    if (!p.confirmed) {
      problems.push({
        key: `partner-${p.id}`,
        message: `${p.name} (${partnerRoleWord(p.role)}) heeft de deelname nog niet bevestigd. U kunt indienen zodra ${p.name} dat vanuit het eigen account heeft gedaan.`,
      })
    }
  }
  return problems
}

export type Problem = { key: string; message: string }

/** Everything that stands in the way of submitting (or admitting) an entry on `onDate`. Empty when complete. */
export function entryProblems(entry: EntryForCheck, onDate: Date): Problem[] {
  const problems: Problem[] = []
  if (entry.gemeenten.length === 0)
    problems.push({ key: 'gemeenten', message: 'Kies minstens één gemeente.' })
  for (const g of entry.gemeenten) {
    if (!entry.allowedGemeenten.includes(g))
      problems.push({ key: 'gemeenten', message: `Gemeente ${g} doet niet mee aan dit perceel.` })
  }
  if (entry.products.length === 0) problems.push({ key: 'producten', message: 'Kies minstens één product.' })
  for (const p of entry.products) {
    if (!entry.allowedProducts.includes(p))
      problems.push({ key: 'producten', message: 'Een gekozen product hoort niet bij dit perceel.' })
  }
  problems.push(...partnerProblems(entry))
  for (const q of entry.questions) {
    const problem = answerProblem(q, entry.answers[q.id])
    if (problem) problems.push({ key: `vraag-${q.id}`, message: problem })
  }
  for (const c of evidenceCoverage(entry, onDate)) {
    if (c.problem) problems.push(c.problem)
  }
  if (entry.requireAgb && !entry.agbCode) {
    problems.push({
      key: 'agb',
      message: 'Voor dit perceel is een AGB-code nodig. Vul die in bij uw organisatiegegevens.',
    })
  }
  return problems
}
