/**
 * Demo contracts and obligations for Regio Rivierenland (seed 000): every perceel of the 2023 procurement runs from
 * 1 January 2023 to 31 December 2025 with the option "2 x 3 jaar"; the first extension was decided (verlengd to
 * 31 December 2028), the second is still open. Each contract carries five obligations: a quarterly report (upload),
 * the kwartaalgesprek, the yearly data delivery, a monthly capacity confirmation and the hand-over plan before the end.
 *
 * For every admitted provider the obligations from its admission to the end of the term are written (the rule of
 * `syncObligationsForOrganisation`: nothing due before the admission day), with states spread over the providers:
 * accepted history, a submitted report waiting for review, late ones, corrections asked and open future ones. A
 * suspended provider keeps what it had; for a provider whose admissions ended, what fell due after the end is "niet
 * van toepassing" and the hand-over plan is due at the end. Runs after the admissions seed; without admissions it
 * writes only contracts and templates. Idempotent: does nothing when the first contract exists.
 */
import type { Db, Prisma } from '../../app/utils/db.server'
import { newId } from '../../app/utils/ids.server'
import { getStorage } from '../../app/utils/storage.server'
import { minimalPdf } from '../../app/utils/minimal-pdf'
import {
  addDays,
  fromAmsterdamLocal,
  nextWorkingDayOnOrAfter,
  startOfAmsterdamDay,
} from '../../app/utils/time'
import { dueDates, type Recurrence } from '../../app/domain/contracts/recurrence'
import { SEED_IDS } from './ids'

const d = (y: number, m: number, day: number) => fromAmsterdamLocal(y, m, day)
const TWO_DAYS = 2 * 86_400_000

const TEMPLATES = [
  {
    key: 'kwartaalrapportage',
    kind: 'rapportage',
    title: 'Kwartaalrapportage',
    description:
      'Rapportage over het afgelopen kwartaal: aantal cliënten per gemeente, ingezette uren per product, wachttijden en bijzonderheden. Gebruik het regionale model.',
    recurrence: 'per_kwartaal',
    dueDay: 30,
    requiresDeliverable: true,
  },
  {
    key: 'kwartaalgesprek',
    kind: 'overleg',
    title: 'Kwartaalgesprek met de contractmanager',
    description:
      'Bespreek de kwartaalrapportage, de budgetuitputting en de kengetallen met de contractmanager. Markeer het gesprek als gehouden met de datum.',
    recurrence: 'per_kwartaal',
    dueDay: 45,
    requiresDeliverable: false,
  },
  {
    key: 'gegevenslevering',
    kind: 'gegevenslevering',
    title: 'Jaarlijkse gegevenslevering',
    description:
      'Lever de gegevens over het afgelopen jaar aan volgens de afgesproken standaard (iWmo/iJw-berichten en de regionale monitor).',
    recurrence: 'jaarlijks',
    dueDay: 60,
    requiresDeliverable: true,
  },
  {
    key: 'capaciteit',
    kind: 'capaciteit',
    title: 'Capaciteit en wachttijden bevestigen',
    description:
      'Bevestig elke maand in het portaal of u nieuwe cliënten aanneemt, hoeveel plekken u vrij hebt en wat de wachttijd is.',
    recurrence: 'maandelijks',
    dueDay: 1,
    requiresDeliverable: false,
  },
  {
    key: 'overdrachtsplan',
    kind: 'overdrachtsplan',
    title: 'Overdrachtsplan bij einde contract',
    description:
      'Beschrijf hoe u uw cliënten warm overdraagt als het contract eindigt: wie, aan welke aanbieder, wanneer en hoe u de cliënt en de gemeente betrekt.',
    recurrence: 'voor_einde',
    dueDay: 90,
    requiresDeliverable: true,
  },
] as const

export async function seedContracts(db: Db) {
  const percelen = await db.perceel.findMany({
    where: { procurementId: SEED_IDS.procurements.rivierenland2023 },
    select: { id: true, name: true },
    orderBy: { sortOrder: 'asc' },
  })
  if (percelen.length === 0) {
    console.warn('Contracten: de percelen van Rivierenland bestaan (nog) niet; overgeslagen.')
    return
  }
  if (await db.contract.findUnique({ where: { perceelId: percelen[0]!.id } })) return

  const start = d(2023, 1, 1)
  const end = d(2028, 12, 31)
  const decidedAt = new Date('2025-05-20T10:00:00+02:00')
  const inkoper = await db.user.findUnique({
    where: { email: 'inkoper@rivierenland.example' },
    select: { id: true },
  })

  // One transaction for all: the machine may be busy, and every transaction costs a round trip.
  await db.$transaction(async (tx) => {
    for (const perceel of percelen) {
      const contractId = `contract-${perceel.id.replace(/^perceel-/, '')}`
      {
        await tx.contract.create({
          data: {
            id: contractId,
            perceelId: perceel.id,
            startDate: start,
            endDate: end,
            maxEndDate: d(2031, 12, 31),
          },
        })
        await tx.contractExtension.createMany({
          data: [
            {
              id: `${contractId}-verlenging-1`,
              contractId,
              label: 'Eerste verlenging (3 jaar)',
              decideBy: d(2025, 6, 30),
              newEndDate: end,
              decision: 'verlengd',
              decidedAt,
              decidedById: inkoper?.id ?? null,
            },
            {
              id: `${contractId}-verlenging-2`,
              contractId,
              label: 'Tweede verlenging (3 jaar)',
              decideBy: d(2028, 6, 30),
              newEndDate: d(2031, 12, 31),
            },
          ],
        })
        await tx.obligationTemplate.createMany({
          data: TEMPLATES.map((t) => ({
            id: `${contractId}-${t.key}`,
            contractId,
            kind: t.kind,
            title: t.title,
            description: t.description,
            recurrence: t.recurrence,
            dueDay: t.dueDay,
            requiresDeliverable: t.requiresDeliverable,
          })),
        })
        await tx.auditEvent.create({
          data: {
            id: newId(),
            at: decidedAt,
            actorLabel: 'systeem: demogegevens',
            action: 'contract.verlengd',
            subjectType: 'Contract',
            subjectId: contractId,
            summary: `Eerste verlenging (3 jaar): verlengd. Het contract voor ${perceel.name} loopt nu tot en met 31 december 2028 (was 31 december 2025).`,
            regionId: 'regio-rivierenland',
          },
        })
      }
    }
  })
  await seedObligations(db, percelen)
}

type AdmissionRow = {
  organisationId: string
  perceelId: string
  since: Date
  status: string
  endedAt: Date | null
  organisation: { name: string }
}

/**
 * One row per provider and perceel: admitted since the earliest admission that counts (the active ones, else all of
 * them), and, when every admission has ended, the day of the last ending.
 */
function providerPairs(rows: AdmissionRow[]) {
  const groups = new Map<string, AdmissionRow[]>()
  for (const r of rows) {
    const key = `${r.perceelId}:${r.organisationId}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups.values()].map((list) => {
    const active = list.filter((a) => a.status === 'actief')
    const counted = active.length ? active : list
    const since = new Date(Math.min(...counted.map((a) => a.since.getTime())))
    const ended = list.every((a) => a.status === 'beeindigd')
    const endedAt = ended ? Math.max(...list.map((a) => (a.endedAt ?? a.since).getTime())) : null
    return {
      organisationId: list[0]!.organisationId,
      perceelId: list[0]!.perceelId,
      organisation: list[0]!.organisation,
      since,
      admittedDay: startOfAmsterdamDay(since),
      endedDay: endedAt === null ? null : startOfAmsterdamDay(new Date(endedAt)),
    }
  })
}

/** Which state a past obligation gets: the most recent ones vary per provider, older ones were accepted. */
/** The states of the demo organisations: De Linge waits for review, Kompas is behind, Hoeve Elim must correct. */
const PLAN_OF: Record<string, number> = { 'org-de-linge': 0, 'org-kompas-jeugd': 1, 'org-hoeve-elim': 2 }

/** Fixed ids (route access walk, demo): De Linge's submitted quarterly report and its deliverable. */
export const DEMO_OBLIGATION_ID = 'verplichting-de-linge-rapportage'
export const DEMO_DELIVERABLE_ID = 'inzending-de-linge-rapportage'

function pastState(providerIndex: number, fromLatest: number, kind: string): string {
  if (fromLatest >= 2) return 'geaccepteerd'
  const plan = [
    ['ingediend', 'geaccepteerd'], // submitted, waiting for the buyer
    ['open', 'open'], // behind: two late
    ['correctie_gevraagd', 'geaccepteerd'], // sent back
    ['geaccepteerd', 'geaccepteerd'], // all in order
  ][providerIndex % 4]!
  const state = plan[fromLatest]!
  // A meeting cannot be "sent back"; it was held or it was not.
  if (kind === 'overleg' && state === 'correctie_gevraagd') return 'ingediend'
  return state
}

async function seedObligations(db: Db, percelen: { id: string; name: string }[]) {
  const today = startOfAmsterdamDay(new Date())
  const recentFrom = addDays(today, -400)
  const storage = getStorage()
  const schedules = new Map<string, Date[]>()
  const pairs = providerPairs(
    await db.admission.findMany({
      where: { perceelId: { in: percelen.map((p) => p.id) } },
      orderBy: [{ perceelId: 'asc' }, { organisationId: 'asc' }],
      select: {
        organisationId: true,
        perceelId: true,
        since: true,
        status: true,
        endedAt: true,
        organisation: { select: { name: true } },
      },
    }),
  )
  if (pairs.length === 0) {
    console.warn('Contracten: nog geen toelatingen; alleen contracten en verplichtingen-sjablonen geladen.')
    return
  }
  const submitters = new Map<string, string>()
  for (const m of await db.organisationMembership.findMany({
    where: { organisationId: { in: [...new Set(pairs.map((p) => p.organisationId))] } },
    orderBy: { createdAt: 'asc' },
    select: { organisationId: true, userId: true },
  })) {
    if (!submitters.has(m.organisationId)) submitters.set(m.organisationId, m.userId)
  }

  const all = {
    obligations: [] as Prisma.ObligationCreateManyInput[],
    files: [] as Prisma.StoredFileCreateManyInput[],
    deliverables: [] as Prisma.DeliverableCreateManyInput[],
  }
  for (const [index, pair] of pairs.entries()) {
    const contract = await db.contract.findUniqueOrThrow({
      where: { perceelId: pair.perceelId },
      select: {
        startDate: true,
        endDate: true,
        perceel: { select: { name: true } },
        templates: {
          select: {
            id: true,
            kind: true,
            title: true,
            description: true,
            recurrence: true,
            dueDay: true,
            requiresDeliverable: true,
          },
        },
      },
    })
    const obligations: {
      id: string
      templateId: string
      organisationId: string
      dueDate: Date
      status: string
      title: string
      kind: string
      description: string
      requiresDeliverable: boolean
      correction: string | null
      completedAt: Date | null
    }[] = []
    const deliverables: {
      obligationId: string
      title: string
      dueDate: Date
      withFile: boolean
      note: string
    }[] = []
    for (const t of contract.templates) {
      // The same template and admission date give the same schedule: compute it once.
      const key = `${t.id}:${pair.since.getTime()}`
      const schedule =
        schedules.get(key) ??
        dueDates(
          { recurrence: t.recurrence as Recurrence, dueDay: t.dueDay },
          { start: contract.startDate, end: contract.endDate },
          pair.since,
        )
      schedules.set(key, schedule)
      // Nothing falls due before the admission day (as obligations.server.ts generates them).
      let dates = schedule.filter((x) => x >= pair.admittedDay)
      if (pair.endedDay && t.kind === 'overdrachtsplan') {
        // Ended: the hand-over plan moves to the end of the admission (never earlier than the day it ended).
        const raw = addDays(pair.endedDay, -t.dueDay)
        const moved = nextWorkingDayOnOrAfter(raw < pair.endedDay ? pair.endedDay : raw)
        dates = [...dates.filter((x) => x < pair.endedDay!), moved]
      }
      const notApplicable = (due: Date) =>
        !!pair.endedDay && t.kind !== 'overdrachtsplan' && due >= pair.endedDay
      const past = dates.filter((x) => x < today && !notApplicable(x))
      for (const due of dates) {
        const fromLatest = past.length - 1 - past.indexOf(due)
        const handOverAtEnd = !!pair.endedDay && t.kind === 'overdrachtsplan' && due >= pair.endedDay
        const status = notApplicable(due)
          ? 'niet_van_toepassing'
          : due >= today
            ? 'open'
            : handOverAtEnd
              ? 'ingediend' // handed in, waiting for the buyer: a plan to review in the demo
              : pastState(PLAN_OF[pair.organisationId] ?? index, fromLatest, t.kind)
        // A fixed id for the submitted report of De Linge that the buyer reviews in the demo (and the access walk).
        const fixed =
          pair.organisationId === 'org-de-linge' &&
          pair.perceelId === SEED_IDS.percelen.rlAmbulanteBehandeling &&
          t.kind === 'rapportage' &&
          status === 'ingediend'
        const id = fixed ? DEMO_OBLIGATION_ID : newId()
        obligations.push({
          id,
          templateId: t.id,
          organisationId: pair.organisationId,
          dueDate: due,
          status,
          title: t.title,
          kind: t.kind,
          description: t.description,
          requiresDeliverable: t.requiresDeliverable,
          correction:
            status === 'correctie_gevraagd'
              ? 'De wachttijden per gemeente ontbreken. Vul die aan in het regionale model en dien de rapportage opnieuw in.'
              : null,
          completedAt:
            status === 'geaccepteerd' || status === 'ingediend' ? new Date(due.getTime() - TWO_DAYS) : null,
        })
        if (['geaccepteerd', 'ingediend', 'correctie_gevraagd'].includes(status) && due >= recentFrom) {
          deliverables.push({
            obligationId: id,
            title: t.title,
            dueDate: due,
            // Real PDFs for the latest two per template (what a buyer opens when reviewing); older ones: a note.
            withFile: t.requiresDeliverable && fromLatest < 2,
            note:
              t.kind === 'overleg'
                ? 'Gesprek gehouden met de contractmanager.'
                : t.requiresDeliverable && fromLatest >= 2
                  ? 'Ingediend per e-mail, vóór de start van het portaal.'
                  : '',
          })
        }
      }
    }
    const files: { id: string; storageKey: string; size: number; sha256: string; displayName: string }[] = []
    const deliverableRows: {
      id: string
      obligationId: string
      fileId: string | null
      note: string
      submittedById: string
      createdAt: Date
    }[] = []
    for (const dl of deliverables) {
      let fileId: string | null = null
      if (dl.withFile) {
        const stored = await storage.put(
          minimalPdf([
            dl.title,
            pair.organisation.name,
            contract.perceel.name,
            'Voorbeelddocument voor de demo',
          ]),
        )
        fileId = newId()
        files.push({
          id: fileId,
          ...stored,
          displayName: `${dl.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`,
        })
      }
      deliverableRows.push({
        id: dl.obligationId === DEMO_OBLIGATION_ID ? DEMO_DELIVERABLE_ID : newId(),
        obligationId: dl.obligationId,
        fileId,
        note: dl.note,
        submittedById: submitters.get(pair.organisationId) ?? 'demo',
        createdAt: new Date(dl.dueDate.getTime() - TWO_DAYS),
      })
    }
    all.obligations.push(...obligations)
    all.deliverables.push(...deliverableRows)
    all.files.push(
      ...files.map((f) => ({
        id: f.id,
        storageKey: f.storageKey,
        displayName: f.displayName,
        contentType: 'application/pdf',
        size: f.size,
        sha256: f.sha256,
        organisationId: pair.organisationId,
        uploadedById: submitters.get(pair.organisationId) ?? null,
      })),
    )
  }
  await db.$transaction(async (tx) => {
    await tx.obligation.createMany({ data: all.obligations })
    if (all.files.length > 0) await tx.storedFile.createMany({ data: all.files })
    if (all.deliverables.length > 0) await tx.deliverable.createMany({ data: all.deliverables })
  })
}
