/**
 * Admissions demo data, after the catalogue and evidence seeds. On the Rivierenland open-house perceel "Ambulante
 * behandeling": entries in every state from ~30 generated provider organisations and the demo organisations, so a
 * buyer sees a real queue (some overdue), a few of them with partners (onderaannemer, combinatiepartner); active admissions for De Linge, Kompas and Hoeve Elim on several products
 * and municipalities; one admitted provider suspended (geschorst) and one ended (beëindigd), written as the domain
 * writes them (reason, audit event, end date); and awarded (gunning) admissions on a couple of tender percelen.
 * Deterministic. Skips with a warning when the catalogue's perceel does not exist, and does nothing when it already
 * ran.
 */
import type { Db, Tx } from '../../app/utils/db.server'
import { newId } from '../../app/utils/ids.server'
import { now } from '../../app/utils/clock'
import { searchKey } from '../../app/utils/search'
import { addDays, endOfAmsterdamDay } from '../../app/utils/time'
import { SEED_IDS } from './ids'

const GENERATED: { name: string; city: string; postcode: string }[] = [
  { name: 'Jeugdzorg Betuwe', city: 'Tiel', postcode: '4001 BC' },
  { name: 'Praktijk De Waal', city: 'Beneden-Leeuwen', postcode: '6658 AB' },
  { name: 'Stichting Kinderpraktijk Tiel', city: 'Tiel', postcode: '4003 CD' },
  { name: 'Orthopedagogenpraktijk Culemborg', city: 'Culemborg', postcode: '4101 AE' },
  { name: 'GGZ Rivierenland Jeugd', city: 'Geldermalsen', postcode: '4191 GA' },
  { name: 'Zorgboerderij De Appelgaard', city: 'Kesteren', postcode: '4041 AK' },
  { name: 'Praktijk Samen Sterk', city: 'Buren', postcode: '4116 BA' },
  { name: 'Jeugdhulp Lingestreek', city: 'Leerdam', postcode: '4141 AB' },
  { name: 'Het Gezinshuis Buren', city: 'Buren', postcode: '4116 CE' },
  { name: 'Kinderpsychologen Neder-Betuwe', city: 'Dodewaard', postcode: '6669 AA' },
  { name: 'Praktijk Ruimte', city: 'Culemborg', postcode: '4102 BD' },
  { name: 'Stichting Op Koers', city: 'Tiel', postcode: '4004 JK' },
  { name: 'Zorgcollectief Maas en Waal', city: 'Druten', postcode: '6651 BC' },
  { name: 'De Kleine Rivier', city: 'Ochten', postcode: '4051 CA' },
  { name: 'Praktijk Groeikracht', city: 'Geldermalsen', postcode: '4191 KM' },
  { name: 'Ambulant Team Fluvius', city: 'Tiel', postcode: '4001 LP' },
  { name: 'Psychologenpraktijk De Brug', city: 'Culemborg', postcode: '4103 WN' },
  { name: 'Stichting Jeugdperspectief', city: 'Zaltbommel', postcode: '5301 AB' },
  { name: 'Gezinsbegeleiding Vlinder', city: 'Opheusden', postcode: '4043 KA' },
  { name: 'Praktijk Hoopvol', city: 'Wamel', postcode: '6659 BA' },
  { name: 'Orthopraktijk De Uiterwaard', city: 'Zoelen', postcode: '4011 CA' },
  { name: 'Stichting Spel en Groei', city: 'Beesd', postcode: '4153 AA' },
  { name: 'Traumacentrum Betuwe', city: 'Tiel', postcode: '4005 EA' },
  { name: 'Praktijk Kind & Ouder', city: 'Culemborg', postcode: '4105 HB' },
  { name: 'Jeugdteam Plus West Betuwe', city: 'Geldermalsen', postcode: '4191 AZ' },
  { name: 'Stichting De Steiger', city: 'Maurik', postcode: '4021 EB' },
  { name: 'Praktijk Evenwicht', city: 'Echteld', postcode: '4054 AP' },
  { name: 'Praktijk Dijkzicht', city: 'Heerewaarden', postcode: '6624 KA' },
  { name: 'Kinder- en Jeugdpraktijk Wielewaal', city: 'Lienden', postcode: '4033 AC' },
  { name: 'Stichting Gezin in Balans', city: 'Tiel', postcode: '4002 WB' },
]

/** What each generated organisation's entry looks like (index into GENERATED). */
const PLAN: { status: string; moment: 'current' | 'previous'; overdue?: boolean; failing?: boolean }[] = [
  ...Array.from({ length: 11 }, () => ({ status: 'ingediend', moment: 'current' as const })),
  { status: 'ingediend', moment: 'previous', overdue: true },
  { status: 'ingediend', moment: 'previous', overdue: true },
  { status: 'in_behandeling', moment: 'current' },
  { status: 'in_behandeling', moment: 'current' },
  { status: 'in_behandeling', moment: 'previous', overdue: true },
  { status: 'aanvulling_gevraagd', moment: 'current' },
  { status: 'aanvulling_gevraagd', moment: 'current' },
  { status: 'concept', moment: 'current' },
  { status: 'concept', moment: 'current', failing: true },
  { status: 'concept', moment: 'current' },
  { status: 'toegelaten', moment: 'previous' },
  { status: 'toegelaten', moment: 'previous' },
  { status: 'toegelaten', moment: 'previous' },
  { status: 'toegelaten', moment: 'previous' },
  { status: 'afgewezen', moment: 'previous', failing: true },
  { status: 'afgewezen', moment: 'previous', failing: true },
  { status: 'afgewezen', moment: 'previous', failing: true },
  { status: 'ingetrokken', moment: 'current' },
  { status: 'ingetrokken', moment: 'previous' },
]

/** Admitted generated organisations whose admissions were later suspended or ended (see PLAN: both 'toegelaten'). */
const LATER: Record<string, { status: 'geschorst' | 'beeindigd'; part: number; reason: string }> = {
  'org-gen-24': {
    status: 'geschorst',
    part: 0.6,
    reason:
      'De VOG van de regiebehandelaar is verlopen. De toelating is geschorst tot de aanbieder een nieuwe VOG heeft aangeleverd.',
  },
  'org-gen-25': {
    status: 'beeindigd',
    part: 0.4,
    reason:
      'De aanbieder stopt op eigen verzoek met ambulante behandeling in de regio; de cliënten zijn warm overgedragen.',
  },
}

const OPEN = ['concept', 'ingediend', 'in_behandeling', 'aanvulling_gevraagd']
const SYSTEM = 'systeem: demogegevens'

type PerceelInfo = {
  id: string
  regionId: string
  gemeenten: string[]
  products: string[]
  requirementSetId: string
  questions: { id: string; kind: string; requiredAnswer: boolean | null; minimum: number | null }[]
  required: { id: string; evidenceTypeId: string }[]
}

async function perceelInfo(db: Db, perceelId: string, setId: string): Promise<PerceelInfo | null> {
  const perceel = await db.perceel.findUnique({
    where: { id: perceelId },
    select: {
      id: true,
      procurement: { select: { regionId: true } },
      gemeenten: { select: { gemeenteCode: true }, orderBy: { gemeenteCode: 'asc' } },
      products: { select: { id: true }, orderBy: { code: 'asc' } },
    },
  })
  if (!perceel) return null
  const set =
    (await db.requirementSet.findUnique({
      where: { id: setId },
      include: { questions: { orderBy: { sortOrder: 'asc' } }, evidence: true },
    })) ??
    (await db.requirementSet.findFirst({
      where: { perceelId },
      orderBy: { version: 'desc' },
      include: { questions: { orderBy: { sortOrder: 'asc' } }, evidence: true },
    }))
  if (!set) return null
  return {
    id: perceel.id,
    regionId: perceel.procurement.regionId,
    gemeenten: perceel.gemeenten.map((g) => g.gemeenteCode),
    products: perceel.products.map((p) => p.id),
    requirementSetId: set.id,
    questions: set.questions,
    required: set.evidence.map((e) => ({ id: e.id, evidenceTypeId: e.evidenceTypeId })),
  }
}

function answerFor(q: PerceelInfo['questions'][number], failing: boolean): string {
  if (q.kind === 'knockout_yesno') {
    const good = q.requiredAnswer === false ? 'nee' : 'ja'
    return failing ? (good === 'ja' ? 'nee' : 'ja') : good
  }
  if (q.kind === 'knockout_number')
    return String(failing ? Math.max(0, (q.minimum ?? 1) - 1) : (q.minimum ?? 0) + 3)
  return 'Wij werken met een vast behandelteam en bespreken elke casus in een multidisciplinair overleg.'
}

async function audit(
  tx: Tx,
  at: Date,
  e: { id: string; organisationId: string },
  regionId: string,
  summary: string,
  reason?: string,
) {
  await tx.auditEvent.create({
    data: {
      id: newId(),
      at,
      actorLabel: SYSTEM,
      action: 'toetreding.demo',
      subjectType: 'Entry',
      subjectId: e.id,
      summary,
      reason: reason ?? null,
      organisationId: e.organisationId,
      regionId,
    },
  })
}

type EntrySpec = {
  id: string
  organisationId: string
  status: string
  momentId: string | null
  gemeenten: string[]
  products: string[]
  createdAt: Date
  submittedAt: Date | null
  decisionDueAt: Date | null
  decidedAt: Date | null
  reason?: string
  infoRequest?: string
  failing?: boolean
  evidence: Record<string, string> // requiredEvidenceId -> evidenceItemId
  admissionSince?: Date
  revalidationDueAt?: Date
  /** Admissions suspended or ended after the decision, at `at` (between the decision and today). */
  later?: { status: 'geschorst' | 'beeindigd'; at: Date; reason: string }
}

async function writeEntry(tx: Tx, p: PerceelInfo, s: EntrySpec) {
  await tx.entry.create({
    data: {
      id: s.id,
      organisationId: s.organisationId,
      perceelId: p.id,
      registrationMomentId: s.momentId,
      requirementSetId: p.requirementSetId,
      status: s.status,
      submittedAt: s.submittedAt,
      decisionDueAt: s.decisionDueAt,
      decidedAt: s.decidedAt,
      decisionReason: s.reason ?? null,
      infoRequest: s.infoRequest ?? null,
      createdById: 'demo',
      createdAt: s.createdAt,
      gemeenten: {
        create: s.gemeenten.map((g) => ({
          gemeenteCode: g,
          openKey: OPEN.includes(s.status) ? `${s.organisationId}:${p.id}:${g}` : null,
        })),
      },
      products: { create: s.products.map((productId) => ({ productId })) },
      answers: {
        create: p.questions.map((q, i) => ({
          questionId: q.id,
          value: answerFor(q, !!s.failing && i === 0),
        })),
      },
      evidence: {
        create: Object.entries(s.evidence).map(([requiredEvidenceId, evidenceItemId]) => ({
          requiredEvidenceId,
          evidenceItemId,
        })),
      },
    },
  })
  if (s.submittedAt) await audit(tx, s.submittedAt, s, p.regionId, 'Status van "Concept" naar "Ingediend"')
  if (s.status === 'in_behandeling')
    await audit(tx, addDays(s.submittedAt!, 2), s, p.regionId, 'Status van "Ingediend" naar "In behandeling"')
  if (s.status === 'aanvulling_gevraagd')
    await audit(
      tx,
      addDays(s.submittedAt!, 2),
      s,
      p.regionId,
      'Status van "Ingediend" naar "Aanvulling gevraagd"',
      s.infoRequest,
    )
  if (s.status === 'ingetrokken')
    await audit(tx, addDays(s.createdAt, 3), s, p.regionId, 'Status naar "Ingetrokken"')
  if (s.decidedAt)
    await audit(
      tx,
      s.decidedAt,
      s,
      p.regionId,
      `Status van "In behandeling" naar "${s.status === 'toegelaten' ? 'Toegelaten' : 'Afgewezen'}"`,
      s.reason,
    )
  if (s.status === 'toegelaten') {
    for (const [n, productId] of s.products.entries()) {
      for (const gemeenteCode of s.gemeenten) {
        await tx.admission.upsert({
          where: {
            organisationId_productId_gemeenteCode: {
              organisationId: s.organisationId,
              productId,
              gemeenteCode,
            },
          },
          create: {
            // Readable ids, e.g. toelating-de-linge-2022-1-GM0214 (used by the route-access rules).
            id: `${s.id.replace(/^toetreding-/, 'toelating-')}-${n + 1}-${gemeenteCode}`,
            organisationId: s.organisationId,
            perceelId: p.id,
            productId,
            gemeenteCode,
            entryId: s.id,
            source: 'openhouse',
            status: 'actief',
            since: s.admissionSince ?? s.decidedAt!,
            revalidationDueAt: s.revalidationDueAt ?? addDays(s.decidedAt!, 365),
          },
          update: {},
        })
      }
    }
    if (s.later) await laterAdmissionState(tx, p, s, s.later)
  }
}

const ADMISSION_LABEL = { geschorst: 'Geschorst', beeindigd: 'Beëindigd' } as const

/**
 * Suspends or ends the admissions of an admitted demo entry the way `transitionAdmission` does: the new status, the
 * end date for an ending, and an audit event per admission with the reason (the buyer reads it on the admission).
 */
async function laterAdmissionState(
  tx: Tx,
  p: PerceelInfo,
  s: EntrySpec,
  later: NonNullable<EntrySpec['later']>,
) {
  const rows = await tx.admission.findMany({
    where: { entryId: s.id, status: 'actief' },
    select: {
      id: true,
      product: { select: { code: true, name: true } },
      gemeente: { select: { name: true } },
      perceel: { select: { name: true } },
    },
  })
  for (const a of rows) {
    await tx.admission.update({
      where: { id: a.id },
      data: { status: later.status, endedAt: later.status === 'beeindigd' ? later.at : null },
    })
    await tx.auditEvent.create({
      data: {
        id: newId(),
        at: later.at,
        actorLabel: SYSTEM,
        action: later.status === 'geschorst' ? 'toelating.schorsen' : 'toelating.beeindigen',
        subjectType: 'Admission',
        subjectId: a.id,
        summary: `Toelating ${a.product.code} ${a.product.name} in ${a.gemeente.name} (${a.perceel.name}): van "Actief" naar "${ADMISSION_LABEL[later.status]}"`,
        reason: later.reason,
        organisationId: s.organisationId,
        regionId: p.regionId,
      },
    })
  }
}

/** A decision 25 days after submission, but never in the future: halfway between submission and today then. */
function decisionAfter(submitted: Date, today: Date): Date {
  const usual = addDays(submitted, 25)
  return usual < today ? usual : new Date((submitted.getTime() + today.getTime()) / 2)
}

function pick<T>(list: T[], start: number, count: number): T[] {
  const out: T[] = []
  for (let i = 0; i < Math.min(count, list.length); i++) out.push(list[(start + i) % list.length]!)
  return out
}

export async function seedAdmissions(db: Db) {
  const p = await perceelInfo(
    db,
    SEED_IDS.percelen.rlAmbulanteBehandeling,
    SEED_IDS.requirementSets.rlAmbulanteBehandelingV1,
  )
  if (!p) {
    console.warn('Toetredingen: het open-house-perceel van de catalogus bestaat (nog) niet; overgeslagen.')
    return
  }
  if ((await db.entry.count({ where: { perceelId: p.id } })) > 0) return
  const today = now()
  const moments = await db.registrationMoment.findMany({
    where: { perceelId: p.id },
    orderBy: { opensAt: 'asc' },
  })
  const current =
    moments.find((m) => m.opensAt <= today && m.closesAt >= today) ??
    moments.find((m) => m.opensAt > today) ??
    null
  const previous = [...moments].reverse().find((m) => m.closesAt < today) ?? null
  const fallbackDecision = addDays(today, 30)

  await db.$transaction(
    async (tx) => {
      // Freeze the requirement set on the moments that receive entries, once they have opened (as the portal does:
      // a moment still to open keeps following the published set).
      for (const m of [current, previous]) {
        if (m && !m.requirementSetId && m.opensAt <= today)
          await tx.registrationMoment.update({
            where: { id: m.id },
            data: { requirementSetId: p.requirementSetId },
          })
      }

      // Generated provider organisations, each with current evidence for every required type.
      for (const [i, g] of GENERATED.entries()) {
        const orgId = `org-gen-${String(i + 1).padStart(2, '0')}`
        await tx.organisation.create({
          data: {
            id: orgId,
            name: g.name,
            searchName: searchKey(g.name),
            kvkNummer: String(61_000_000 + i * 7919).padStart(8, '0'),
            agbCode: String(73_800_000 + i * 13),
            street: ['Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Molenweg', 'Waalkade'][i % 5]!,
            houseNumber: String(3 + ((i * 7) % 90)),
            postcode: g.postcode,
            city: g.city,
            email: `info@${searchKey(g.name).replace(/[^a-z0-9]+/g, '')}.example`,
            phone: `0344 ${String(600_000 + i * 137).slice(0, 3)} ${String(100 + i * 11).slice(0, 3)}`,
            description: `${g.name} biedt ambulante jeugdhulp en behandeling in de regio Rivierenland.`,
            targetGroups: 'kinderen,jongeren,gezinnen',
            languages: 'Nederlands',
          },
        })
        const plan = PLAN[i]!
        const evidence: Record<string, string> = {}
        for (const [j, r] of p.required.entries()) {
          // One concept lacks an item; one submitted entry has an item awaiting verification.
          if (plan.status === 'concept' && i % 3 === 0 && j === 0) continue
          const itemId = `bewijsstuk-gen-${i + 1}-${j + 1}`
          await tx.evidenceItem.create({
            data: {
              id: itemId,
              organisationId: orgId,
              typeId: r.evidenceTypeId,
              issuer: ['Kiwa Nederland B.V.', 'DNV', 'Lloyd’s Register', 'Justis (Ministerie van JenV)'][
                j % 4
              ]!,
              number: `DEMO-${i + 1}-${j + 1}`,
              issuedAt: addDays(today, -120 - i),
              validFrom: addDays(today, -120 - i),
              validUntil: addDays(today, i % 7 === 3 ? 20 : 500 + i * 3),
              verification: i % 5 === 2 ? 'in_controle' : 'goedgekeurd',
              verifiedAt: i % 5 === 2 ? null : addDays(today, -110 - i),
            },
          })
          evidence[r.id] = itemId
        }
        const moment = plan.moment === 'current' ? current : (previous ?? current)
        const submitted =
          plan.status === 'concept'
            ? null
            : moment
              ? new Date(Math.min(moment.closesAt.getTime(), addDays(moment.opensAt, 2 + (i % 20)).getTime()))
              : addDays(today, -10 - i)
        const decided =
          ['toegelaten', 'afgewezen'].includes(plan.status) && submitted
            ? decisionAfter(submitted, today)
            : null
        const later = LATER[orgId]
        const due =
          plan.status === 'concept' || plan.status === 'ingetrokken'
            ? null
            : plan.overdue
              ? addDays(today, -3 - (i % 5))
              : endOfAmsterdamDay(moment?.decisionDate ?? fallbackDecision)
        await writeEntry(tx, p, {
          id: `toetreding-gen-${String(i + 1).padStart(2, '0')}`,
          organisationId: orgId,
          status: plan.status,
          momentId: moment?.id ?? null,
          gemeenten: pick(p.gemeenten, i, 1 + (i % 4)),
          products: pick(p.products, i, 1 + (i % 2)),
          createdAt: submitted ? addDays(submitted, -3) : addDays(today, -2 - (i % 5)),
          submittedAt: plan.status === 'ingetrokken' && i % 2 === 0 ? null : submitted,
          decisionDueAt: due,
          decidedAt: decided,
          reason:
            plan.status === 'toegelaten'
              ? 'De aanbieder voldoet aan alle gepubliceerde eisen.'
              : plan.status === 'afgewezen'
                ? 'De aanbieder voldoet niet aan de gepubliceerde eisen.\n\nNiet voldaan aan:\n- Knock-outvraag: het antwoord voldoet niet aan de eis.'
                : undefined,
          infoRequest:
            plan.status === 'aanvulling_gevraagd'
              ? 'Het bijgevoegde certificaat noemt jeugdhulp niet in de reikwijdte. Voeg een certificaat toe dat ambulante behandeling van jeugdigen dekt.'
              : undefined,
          failing: plan.failing,
          evidence,
          later:
            later && decided && plan.status === 'toegelaten'
              ? {
                  status: later.status,
                  // Strictly between the decision and today, whenever the seed runs.
                  at: new Date(decided.getTime() + (today.getTime() - decided.getTime()) * later.part),
                  reason: later.reason,
                }
              : undefined,
        })
      }

      // The demo organisations: admitted on several products and municipalities since the start of the contracts.
      const since = new Date('2023-01-01T00:00:00+01:00')
      const demo: { org: string; gemeenten: string[]; products: string[]; due: number }[] = [
        {
          org: 'org-de-linge',
          gemeenten: pick(p.gemeenten, 0, 4),
          products: pick(p.products, 0, 2),
          due: 17,
        },
        { org: 'org-kompas-jeugd', gemeenten: p.gemeenten, products: p.products, due: 120 },
        {
          org: 'org-hoeve-elim',
          gemeenten: pick(p.gemeenten, 2, 3),
          products: pick(p.products, 1, 2),
          due: 45,
        },
      ]
      for (const d of demo) {
        if (!(await tx.organisation.findUnique({ where: { id: d.org }, select: { id: true } }))) continue
        const items = await tx.evidenceItem.findMany({
          where: { organisationId: d.org, typeId: { in: p.required.map((r) => r.evidenceTypeId) } },
          select: { id: true, typeId: true },
        })
        const evidence: Record<string, string> = {}
        for (const r of p.required) {
          const item = items.find((x) => x.typeId === r.evidenceTypeId)
          if (item) evidence[r.id] = item.id
        }
        await writeEntry(tx, p, {
          id: `toetreding-${d.org.replace(/^org-/, '')}-2022`,
          organisationId: d.org,
          status: 'toegelaten',
          momentId: null,
          gemeenten: d.gemeenten,
          products: d.products,
          createdAt: new Date('2022-10-03T09:00:00+02:00'),
          submittedAt: new Date('2022-10-14T15:12:00+02:00'),
          decisionDueAt: new Date('2022-12-01T17:00:00+01:00'),
          decidedAt: new Date('2022-11-28T10:30:00+01:00'),
          reason: 'De aanbieder voldoet aan alle gepubliceerde eisen.',
          evidence,
          admissionSince: since,
          revalidationDueAt: addDays(today, d.due),
        })
      }
      // De Linge also wants to extend to the remaining municipalities: a draft in the current moment.
      const rest = p.gemeenten.filter((g) => !pick(p.gemeenten, 0, 4).includes(g))
      if (rest.length && current && (await tx.organisation.findUnique({ where: { id: 'org-de-linge' } }))) {
        await writeEntry(tx, p, {
          id: 'toetreding-de-linge-uitbreiding',
          organisationId: 'org-de-linge',
          status: 'concept',
          momentId: current.id,
          gemeenten: rest,
          products: pick(p.products, 0, 1),
          createdAt: addDays(today, -1),
          submittedAt: null,
          decisionDueAt: null,
          decidedAt: null,
          evidence: {},
        })
      }

      // Combinations: an admitted entry with a confirmed onderaannemer (the register names it), a queued entry with a
      // confirmed combinatiepartner, and De Linge's draft waiting for Kompas to confirm its part.
      await writePartner(tx, p, {
        id: 'partner-gen-22-gen-14',
        entryId: 'toetreding-gen-22',
        organisationId: 'org-gen-14',
        role: 'onderaannemer',
        productIndex: 1,
        confirmed: true,
      })
      await writePartner(tx, p, {
        id: 'partner-gen-02-gen-15',
        entryId: 'toetreding-gen-02',
        organisationId: 'org-gen-15',
        role: 'combinatiepartner',
        productIndex: 1,
        confirmed: true,
      })
      await writePartner(tx, p, {
        id: 'partner-de-linge-uitbreiding-kompas',
        entryId: 'toetreding-de-linge-uitbreiding',
        organisationId: 'org-kompas-jeugd',
        role: 'onderaannemer',
        productIndex: 0,
        confirmed: false,
      })
    },
    { timeout: 60_000, maxWait: 60_000 },
  )

  await seedAwards(db)
}

/**
 * A partner on a demo entry for one of the entry's products (the last one when `productIndex` is out of range).
 * Skipped when the entry or the partner organisation does not exist.
 */
async function writePartner(
  tx: Tx,
  p: PerceelInfo,
  s: {
    id: string
    entryId: string
    organisationId: string
    role: 'onderaannemer' | 'combinatiepartner'
    productIndex: number
    confirmed: boolean
  },
) {
  const entry = await tx.entry.findUnique({
    where: { id: s.entryId },
    select: {
      id: true,
      organisationId: true,
      createdAt: true,
      submittedAt: true,
      products: { select: { productId: true }, orderBy: { productId: 'asc' } },
    },
  })
  const partner = await tx.organisation.findUnique({
    where: { id: s.organisationId },
    select: { name: true },
  })
  if (!entry || !partner || entry.products.length === 0) return
  const productId = entry.products[Math.min(s.productIndex, entry.products.length - 1)]!.productId
  const added = addDays(entry.createdAt, 1)
  const confirmedAt = s.confirmed ? (entry.submittedAt ? addDays(entry.submittedAt, -1) : added) : null
  await tx.entryPartner.create({
    data: {
      id: s.id,
      entryId: entry.id,
      organisationId: s.organisationId,
      role: s.role,
      confirmedAt,
      createdAt: added,
      products: { create: [{ productId }] },
    },
  })
  await audit(tx, added, entry, p.regionId, `${partner.name} toegevoegd als ${s.role}`)
  if (confirmedAt)
    await audit(tx, confirmedAt, entry, p.regionId, `${partner.name} bevestigt de deelname als ${s.role}`)
}

/** Awarded (gunning) admissions on tender percelen, so capacity, keuzehulp and contracts have data. */
async function seedAwards(db: Db) {
  const awards: { perceelId: string; orgs: string[]; products?: number }[] = [
    {
      perceelId: SEED_IDS.percelen.rlBegeleiding,
      orgs: ['org-de-linge', 'org-hoeve-elim', 'org-gen-05', 'org-gen-13'],
    },
    { perceelId: SEED_IDS.percelen.rlDagbesteding, orgs: ['org-de-linge', 'org-hoeve-elim', 'org-gen-06'] },
    {
      perceelId: SEED_IDS.percelen.rlAmbulanteBegeleiding,
      orgs: ['org-kompas-jeugd', 'org-gen-01', 'org-gen-09'],
    },
  ]
  const awardedAt = new Date('2022-11-15T00:00:00+01:00')
  await db.$transaction(
    async (tx) => {
      for (const [n, a] of awards.entries()) {
        const perceel = await tx.perceel.findUnique({
          where: { id: a.perceelId },
          select: {
            id: true,
            tenderNedUrl: true,
            procurement: { select: { regionId: true } },
            products: { select: { id: true }, orderBy: { code: 'asc' } },
            gemeenten: { select: { gemeenteCode: true }, orderBy: { gemeenteCode: 'asc' } },
          },
        })
        if (!perceel || perceel.products.length === 0) continue
        for (const [i, orgId] of a.orgs.entries()) {
          if (!(await tx.organisation.findUnique({ where: { id: orgId }, select: { id: true } }))) continue
          const gemeenten = i === 0 ? perceel.gemeenten : pick(perceel.gemeenten, i + n, 3)
          const products = pick(perceel.products, i, i === 0 ? perceel.products.length : 2)
          for (const { id: productId } of products) {
            for (const { gemeenteCode } of gemeenten) {
              await tx.admission.upsert({
                where: {
                  organisationId_productId_gemeenteCode: { organisationId: orgId, productId, gemeenteCode },
                },
                create: {
                  id: newId(),
                  organisationId: orgId,
                  perceelId: perceel.id,
                  productId,
                  gemeenteCode,
                  source: 'gunning',
                  status: 'actief',
                  since: new Date('2023-01-01T00:00:00+01:00'),
                  awardedAt,
                  tenderNedUrl:
                    perceel.tenderNedUrl ??
                    `https://www.tenderned.nl/aankondigingen/overzicht/${284_100 + n}`,
                },
                update: {},
              })
            }
          }
          await tx.auditEvent.create({
            data: {
              id: newId(),
              at: awardedAt,
              actorLabel: SYSTEM,
              action: 'toelating.gegund',
              subjectType: 'Perceel',
              subjectId: perceel.id,
              summary: `Gunning vastgelegd (demogegevens)`,
              organisationId: orgId,
              regionId: perceel.procurement.regionId,
            },
          })
        }
      }
    },
    { timeout: 60_000, maxWait: 60_000 },
  )
}
