/**
 * Catalogue demo data with the fixed ids of SEED_IDS (other seeds hang their data on them):
 * - Regio Rivierenland's 2023 procurement for Wmo and Jeugd (seed 000 §4.3): one perceel per segment, products licht /
 *   middel / zwaar with hourly (or daily) tariffs. Ambulante behandeling is open house ("nee, tenzij" justification
 *   from 000 L2752) with quarterly registration moments 2025-2027 (the one of Q4 2026 is open on the demo date,
 *   23 November 2026) and requirement set v1 (evidence, knock-out questions as in 000 L2469, AGB-code required).
 * - Leidse regio's Wmo procurement (seed 003): five client-group segments, perceel "Ondersteuning thuis" as open house
 *   with continuous entry and a decision term of 20 working days, arrangements regulier / midden / intensief
 *   (003 L796-810), and the planning table (003 L43-67) as its timeline.
 * The contract end dates include the first extension already taken (Rivierenland: 3 years + first extension of 3 to
 * 31-12-2028; Leidse regio: 3 years + first extension of 2 to 31-12-2027), so the open registration moments on the demo
 * date fall inside the contract period. Idempotent: does nothing when the Rivierenland procurement exists.
 */
import type { Db, Tx } from '../../app/utils/db.server'
import { now } from '../../app/utils/clock'
import { addDays, fromAmsterdamLocal, startOfAmsterdamDay } from '../../app/utils/time'
import { REGIONS } from './accounts'
import { seedEvidenceTypes } from './evidence'
import { SEED_IDS } from './ids'

const P = SEED_IDS.percelen
const S = SEED_IDS.segments
const PR = SEED_IDS.products
const E = SEED_IDS.evidenceTypes

const d = (y: number, m: number, day: number, h = 0, min = 0) => fromAmsterdamLocal(y, m, day, h, min)

type SeedProduct = {
  id: string
  law: 'wmo' | 'jeugd'
  categoryCode: string
  code: string
  name: string
  unit: string
  intensity?: string
  /** Tariff in cents for 2025; 2026 is indexed by 3.2%. */
  cents2025: number
}

type SeedPerceel = {
  id: string
  name: string
  description: string
  segmentIds: string[]
  gemeenten: readonly string[]
  products: SeedProduct[]
}

const RL_GEMEENTEN = REGIONS.rivierenland.gemeenten
// Logeren: West Maas en Waal (GM0668) organises it itself, so five municipalities take part.
const RL_WITHOUT_WMW = RL_GEMEENTEN.filter((g) => g !== 'GM0668')

const hourly = (
  id: string,
  law: 'wmo' | 'jeugd',
  categoryCode: string,
  code: string,
  name: string,
  intensity: string | undefined,
  cents2025: number,
  unit = '04',
): SeedProduct => ({ id, law, categoryCode, code, name, unit, intensity, cents2025 })

const RL_TENDER_PERCELEN: SeedPerceel[] = [
  {
    id: P.rlBegeleiding,
    name: 'Begeleiding',
    description:
      'Individuele begeleiding voor volwassenen in drie intensiteiten, met persoonlijke verzorging als overgangsproduct.',
    segmentIds: [S.rlBegeleiding],
    gemeenten: RL_GEMEENTEN,
    products: [
      hourly(PR.rlBegeleidingLicht, 'wmo', '02', '02A01', 'Begeleiding individueel licht', 'licht', 5820),
      hourly(PR.rlBegeleidingMiddel, 'wmo', '02', '02A02', 'Begeleiding individueel middel', 'middel', 6480),
      hourly(PR.rlBegeleidingZwaar, 'wmo', '02', '02A03', 'Begeleiding individueel zwaar', 'zwaar', 7240),
      hourly(
        'product-rl-03a01',
        'wmo',
        '03',
        '03A01',
        'Persoonlijke verzorging (overgangsproduct)',
        undefined,
        5610,
      ),
    ],
  },
  {
    id: P.rlDagbesteding,
    name: 'Dagbesteding',
    description: 'Dagbesteding in een groep voor volwassenen, per dagdeel van 4 uur.',
    segmentIds: [S.rlDagbesteding],
    gemeenten: RL_GEMEENTEN,
    products: [
      hourly(PR.rlDagbesteding, 'wmo', '07', '07A01', 'Dagbesteding licht', 'licht', 4250, '16'),
      hourly('product-rl-07a02-middel', 'wmo', '07', '07A02', 'Dagbesteding middel', 'middel', 5180, '16'),
      hourly('product-rl-07a03-zwaar', 'wmo', '07', '07A03', 'Dagbesteding zwaar', 'zwaar', 6340, '16'),
    ],
  },
  {
    id: P.rlRespijtzorg,
    name: 'Respijtzorg en kortdurend verblijf',
    description: 'Kortdurend verblijf om mantelzorgers te ontlasten, per etmaal.',
    segmentIds: [S.rlRespijtzorg],
    gemeenten: RL_GEMEENTEN,
    products: [
      hourly('product-rl-04a01', 'wmo', '04', '04A01', 'Kortdurend verblijf', undefined, 14500, '14'),
    ],
  },
  {
    id: P.rlAmbulanteBegeleiding,
    name: 'Ambulante begeleiding jeugd',
    description: 'Begeleiding van kinderen, jongeren en gezinnen thuis of op locatie.',
    segmentIds: [S.rlAmbulanteBegeleiding],
    gemeenten: RL_GEMEENTEN,
    products: [
      hourly('product-rl-45b01-licht', 'jeugd', '45', '45B01', 'Ambulante begeleiding licht', 'licht', 6600),
      hourly(
        'product-rl-45b02-middel',
        'jeugd',
        '45',
        '45B02',
        'Ambulante begeleiding middel',
        'middel',
        7400,
      ),
      hourly('product-rl-45b03-zwaar', 'jeugd', '45', '45B03', 'Ambulante begeleiding zwaar', 'zwaar', 8200),
    ],
  },
  {
    id: P.rlLogeren,
    name: 'Logeren',
    description: 'Logeeropvang voor jeugdigen, per etmaal.',
    segmentIds: [S.rlLogeren],
    gemeenten: RL_WITHOUT_WMW,
    products: [hourly('product-rl-44a01', 'jeugd', '44', '44A01', 'Logeren', undefined, 16800, '14')],
  },
  {
    id: P.rlWonenBegeleiding,
    name: 'Wonen met begeleiding',
    description: 'Verblijf met begeleiding voor jeugdigen die (tijdelijk) niet thuis kunnen wonen.',
    segmentIds: [S.rlWonenBegeleiding],
    gemeenten: RL_GEMEENTEN,
    products: [
      hourly('product-rl-44b01', 'jeugd', '44', '44B01', 'Wonen met begeleiding', undefined, 21500, '14'),
    ],
  },
  {
    id: P.rlWonenBehandeling,
    name: 'Wonen met behandeling',
    description: 'Verblijf met behandeling voor jeugdigen, per etmaal.',
    segmentIds: [S.rlWonenBehandeling],
    gemeenten: RL_GEMEENTEN,
    products: [
      hourly('product-rl-43a01', 'jeugd', '43', '43A01', 'Wonen met behandeling', undefined, 29500, '14'),
    ],
  },
]

const RL_OPEN_HOUSE: SeedPerceel = {
  id: P.rlAmbulanteBehandeling,
  name: 'Ambulante behandeling jeugd',
  description:
    'Ambulante behandeling (jeugd-GGZ en orthopedagogische behandeling) voor kinderen en jongeren, per uur directe tijd.',
  segmentIds: [S.rlAmbulanteBehandeling],
  gemeenten: RL_GEMEENTEN,
  products: [
    hourly(PR.rlBehandelingLicht, 'jeugd', '45', '45A01', 'Ambulante behandeling licht', 'licht', 9240),
    hourly(PR.rlBehandelingMiddel, 'jeugd', '45', '45A02', 'Ambulante behandeling middel', 'middel', 10480),
    hourly(PR.rlBehandelingZwaar, 'jeugd', '45', '45A03', 'Ambulante behandeling zwaar', 'zwaar', 11860),
  ],
}

const RL_SEGMENTS = [
  { id: S.rlBegeleiding, name: 'Begeleiding', law: 'wmo' },
  { id: S.rlDagbesteding, name: 'Dagbesteding', law: 'wmo' },
  { id: S.rlRespijtzorg, name: 'Respijtzorg/Kortdurend verblijf', law: 'wmo' },
  { id: S.rlAmbulanteBegeleiding, name: 'Ambulante begeleiding', law: 'jeugd' },
  { id: S.rlAmbulanteBehandeling, name: 'Ambulante behandeling', law: 'jeugd' },
  { id: S.rlLogeren, name: 'Logeren', law: 'jeugd' },
  { id: S.rlWonenBegeleiding, name: 'Wonen met begeleiding', law: 'jeugd' },
  { id: S.rlWonenBehandeling, name: 'Wonen met behandeling', law: 'jeugd' },
]

const LR_SEGMENTS = [
  {
    id: 'segment-lr-herstelgericht',
    name: 'Herstelgerichte ambulante ondersteuning aan volwassenen',
    description: 'Cliënten die veelal kampen met enkelvoudigere problematiek.',
  },
  {
    id: 'segment-lr-structureel',
    name: 'Ondersteuning aan volwassenen met een structurelere begeleidingsvraag',
    description:
      'Volwassenen die door hun beperking niet kunnen deelnemen aan (begeleid) werk of geen uitzicht hebben op zelfstandigheid zonder begeleiding.',
  },
  {
    id: 'segment-lr-complex',
    name: 'Cliënten met complexe problematiek: wonen met ondersteuning (maatschappelijke zorg)',
    description:
      'Cliënten die door psychische of psychosociale problematiek niet meer zelfstandig kunnen wonen.',
  },
  {
    id: 'segment-lr-ouderen',
    name: 'Ondersteuning aan ouderen met fysieke beperkingen of geriatrische problematiek',
    description: 'Alle begeleiding en dagbesteding vanuit de Wmo voor ouderen.',
  },
  {
    id: 'segment-lr-huishouden',
    name: 'Huishoudelijke ondersteuning',
    description: 'Alle huishoudelijke ondersteuning vanuit de Wmo.',
  },
]

async function createPerceel(
  tx: Tx,
  procurementId: string,
  p: SeedPerceel,
  sortOrder: number,
  extra: {
    inkoopvorm: 'aanbesteding' | 'openhouse'
    justification?: string
    justificationById?: string | null
    justificationAt?: Date
    tenderDeadlines?: string
    registrationRegime?: 'momenten' | 'doorlopend'
    decisionTermDays?: number
  },
  tariffStart: Date,
) {
  await tx.perceel.create({
    data: {
      id: p.id,
      procurementId,
      name: p.name,
      description: p.description,
      sortOrder,
      inkoopvorm: extra.inkoopvorm,
      justification: extra.justification ?? null,
      justificationById: extra.justificationById ?? null,
      justificationAt: extra.justificationAt ?? null,
      tenderDeadlines: extra.tenderDeadlines ?? '',
      registrationRegime: extra.registrationRegime ?? null,
      decisionTermDays: extra.decisionTermDays ?? null,
      segments: { create: p.segmentIds.map((segmentId) => ({ segmentId })) },
      gemeenten: { create: p.gemeenten.map((gemeenteCode) => ({ gemeenteCode })) },
    },
  })
  for (const product of p.products) {
    await tx.product.create({
      data: {
        id: product.id,
        perceelId: p.id,
        law: product.law,
        categoryCode: product.categoryCode,
        code: product.code,
        name: product.name,
        unit: product.unit,
        intensity: product.intensity ?? null,
      },
    })
    const start = tariffStart.getTime() < d(2025, 1, 1).getTime() ? tariffStart : d(2025, 1, 1)
    await tx.tariff.createMany({
      data: [
        {
          id: `${product.id}-tarief-2025`,
          productId: product.id,
          amountCents: product.cents2025,
          validFrom: start,
          validUntil: d(2025, 12, 31),
          indexation: 'jaarlijks (OVA)',
        },
        {
          id: `${product.id}-tarief-2026`,
          productId: product.id,
          amountCents: Math.round(product.cents2025 * 1.032),
          validFrom: d(2026, 1, 1),
          validUntil: null,
          indexation: 'jaarlijks (OVA)',
        },
      ],
    })
  }
}

/** Quarterly moments 2025-2027: open on the first day of the quarter at 09:00, close at 17:00 on the last day of its
 * second month, decision within six weeks of closing. */
function quarterlyMoments() {
  const out: { id: string; opensAt: Date; closesAt: Date; decisionDate: Date }[] = []
  for (const year of [2025, 2026, 2027]) {
    for (const q of [1, 2, 3, 4]) {
      const month = (q - 1) * 3 + 1
      const lastDayOfSecondMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
      const closesAt = d(year, month + 1, lastDayOfSecondMonth, 17, 0)
      out.push({
        id: `moment-rl-ambulante-behandeling-${year}-q${q}`,
        opensAt: d(year, month, 1, 9, 0),
        closesAt,
        decisionDate: startOfAmsterdamDay(addDays(closesAt, 42)),
      })
    }
  }
  return out
}

export async function seedCatalogue(db: Db) {
  if (await db.procurement.findUnique({ where: { id: SEED_IDS.procurements.rivierenland2023 } })) return
  // Evidence types the requirement sets point to (the evidence seed upserts the same ids: either order works).
  await seedEvidenceTypes(db)
  const rlInkoper = await db.user.findUnique({
    where: { email: 'inkoper@rivierenland.example' },
    select: { id: true },
  })
  const lrInkoper = await db.user.findUnique({
    where: { email: 'inkoper@leidseregio.example' },
    select: { id: true },
  })
  const today = now()

  await db.$transaction(async (tx) => {
    // ── Regio Rivierenland 2023 ──
    const rlId = SEED_IDS.procurements.rivierenland2023
    for (const s of RL_SEGMENTS) {
      await tx.segment.create({ data: { ...s, regionId: REGIONS.rivierenland.id } })
    }
    await tx.procurement.create({
      data: {
        id: rlId,
        regionId: REGIONS.rivierenland.id,
        name: 'Inkoop Wmo en Jeugdhulp 2023',
        laws: 'wmo,jeugd',
        description:
          'Buren, Culemborg, Neder-Betuwe, Tiel, West Betuwe en West Maas en Waal kopen samen Wmo-ondersteuning en jeugdhulp in vanaf 1 januari 2023. De eerste looptijd was 3 jaar (tot en met 31 december 2025); de eerste verlenging van 3 jaar is ingegaan.',
        contractStart: d(2023, 1, 1),
        contractEnd: d(2028, 12, 31),
        extensionOptions: '2 x 3 jaar',
        status: 'gepubliceerd',
        version: 2,
        publishedAt: d(2022, 3, 1, 9, 0),
      },
    })
    let order = 0
    for (const p of RL_TENDER_PERCELEN) {
      await createPerceel(
        tx,
        rlId,
        p,
        order++,
        {
          inkoopvorm: 'aanbesteding',
          tenderDeadlines:
            'Aanbesteding in 2022 (openbare procedure); gegund in september 2022, contracten vanaf 1 januari 2023.',
        },
        d(2023, 1, 1),
      )
    }
    await createPerceel(
      tx,
      rlId,
      RL_OPEN_HOUSE,
      order++,
      {
        inkoopvorm: 'openhouse',
        justification: 'Veel aanbieders zijn wenselijk gelet op de wachtlijsten in de GGZ.',
        justificationById: rlInkoper?.id ?? null,
        justificationAt: d(2022, 2, 15, 10, 0),
        registrationRegime: 'momenten',
      },
      d(2023, 1, 1),
    )
    await tx.requirementSet.create({
      data: {
        id: SEED_IDS.requirementSets.rlAmbulanteBehandelingV1,
        perceelId: P.rlAmbulanteBehandeling,
        version: 1,
        publishedAt: d(2024, 12, 1, 9, 0),
        requireAgb: true,
        evidence: {
          create: [
            { id: 'eis-rl-ab-v1-hkz', evidenceTypeId: E.hkz, validUntilAtLeast: null },
            { id: 'eis-rl-ab-v1-vog', evidenceTypeId: E.vogRp, issuedWithinMonths: 6 },
            { id: 'eis-rl-ab-v1-aansprakelijkheid', evidenceTypeId: E.aansprakelijkheid },
            { id: 'eis-rl-ab-v1-skj-big', evidenceTypeId: E.skjBig },
          ],
        },
        questions: {
          create: [
            {
              id: 'vraag-rl-ab-v1-regiebehandelaar',
              kind: 'knockout_yesno',
              text: 'Beschikt u over een SKJ- of BIG-geregistreerde regiebehandelaar?',
              requiredAnswer: true,
              sortOrder: 0,
            },
            {
              id: 'vraag-rl-ab-v1-clienten',
              kind: 'knockout_number',
              text: 'Hoeveel cliënten behandelde u in het afgelopen jaar?',
              minimum: 10,
              sortOrder: 1,
            },
            {
              id: 'vraag-rl-ab-v1-wachttijd',
              kind: 'open',
              text: 'Beschrijf hoe u wachttijden beperkt en cliënten warm overdraagt als u zelf geen plek heeft.',
              sortOrder: 2,
            },
          ],
        },
      },
    })
    for (const m of quarterlyMoments()) {
      await tx.registrationMoment.create({
        data: {
          ...m,
          perceelId: P.rlAmbulanteBehandeling,
          // Frozen when the moment opened.
          requirementSetId:
            m.opensAt.getTime() <= today.getTime() ? SEED_IDS.requirementSets.rlAmbulanteBehandelingV1 : null,
        },
      })
    }
    await tx.procurementMilestone.createMany({
      data: [
        {
          id: 'mijlpaal-rl-publicatie',
          procurementId: rlId,
          label: 'Publicatie aanbesteding',
          at: d(2022, 3, 1, 9, 0),
        },
        {
          id: 'mijlpaal-rl-indienen',
          procurementId: rlId,
          label: 'Uiterste datum inschrijven',
          at: d(2022, 6, 15, 12, 0),
        },
        {
          id: 'mijlpaal-rl-gunning',
          procurementId: rlId,
          label: 'Gunningsbeslissing',
          at: d(2022, 9, 1, 12, 0),
        },
        { id: 'mijlpaal-rl-start', procurementId: rlId, label: 'Start contracten', at: d(2023, 1, 1, 0, 0) },
        {
          id: 'mijlpaal-rl-verlenging-1',
          procurementId: rlId,
          label: 'Besluit over de eerste verlenging (3 jaar)',
          at: d(2025, 6, 30, 12, 0),
        },
        {
          id: 'mijlpaal-rl-verlenging-2',
          procurementId: rlId,
          label: 'Besluit over de tweede verlenging (3 jaar)',
          at: d(2028, 6, 30, 12, 0),
          ifNeeded: true,
        },
      ],
    })
    await tx.procurementChange.createMany({
      data: [
        {
          id: 'wijziging-rl-v1',
          procurementId: rlId,
          version: 1,
          summary: 'Inkooptraject gepubliceerd met alle percelen, producten en tarieven.',
          at: d(2022, 3, 1, 9, 0),
        },
        {
          id: 'wijziging-rl-v2',
          procurementId: rlId,
          version: 2,
          summary:
            'Inschrijfmomenten 2025 tot en met 2027 voor Ambulante behandeling toegevoegd; tarieven 2025 en 2026 geïndexeerd.',
          at: d(2024, 12, 1, 9, 0),
        },
      ],
    })

    // ── Leidse regio Wmo 2021 ──
    const lrId = SEED_IDS.procurements.leidseRegioWmo2021
    for (const s of LR_SEGMENTS) {
      await tx.segment.create({ data: { ...s, law: 'wmo', regionId: REGIONS.leidseRegio.id } })
    }
    await tx.procurement.create({
      data: {
        id: lrId,
        regionId: REGIONS.leidseRegio.id,
        name: 'Inkoop Wmo-maatwerkvoorzieningen 2023 (inkoopstrategie 2021)',
        laws: 'wmo',
        description:
          'Leiden, Leiderdorp, Oegstgeest, Zoeterwoude en Voorschoten kopen Wmo-ondersteuning in langs vijf segmenten (cliëntgroepen) en in de vorm van arrangementen. Looptijd 3 jaar met 2 verlengingen van 2 jaar; de eerste verlenging is ingegaan.',
        contractStart: d(2023, 1, 1),
        contractEnd: d(2027, 12, 31),
        extensionOptions: '2 x 2 jaar',
        status: 'gepubliceerd',
        version: 1,
        publishedAt: d(2022, 3, 14, 9, 0),
      },
    })
    const ARR = (code: string, intensity: string, cents: number, id: string): SeedProduct => ({
      id,
      law: 'wmo',
      categoryCode: '10',
      code,
      name: `Arrangement ondersteuning thuis ${intensity}`,
      unit: 'maand',
      intensity,
      cents2025: cents,
    })
    await createPerceel(
      tx,
      lrId,
      {
        id: P.lrOndersteuningThuis,
        name: 'Ondersteuning thuis',
        description:
          'Arrangementen voor ondersteuning thuis (begeleiding en dagbesteding in één pakket), per cliënt per maand in drie intensiteiten.',
        segmentIds: ['segment-lr-herstelgericht', 'segment-lr-structureel', 'segment-lr-ouderen'],
        gemeenten: REGIONS.leidseRegio.gemeenten,
        products: [
          ARR('10A01', 'regulier', 45000, 'product-lr-10a01-regulier'),
          ARR('10A02', 'midden', 78000, 'product-lr-10a02-midden'),
          ARR('10A03', 'intensief', 125000, 'product-lr-10a03-intensief'),
        ],
      },
      0,
      {
        inkoopvorm: 'openhouse',
        justification:
          'Cliënten moeten kunnen blijven kiezen uit aanbieders in hun eigen wijk. Kleine lokale aanbieders en nieuwe initiatieven kunnen het hele jaar toetreden, zodat het aanbod meegroeit met de vraag.',
        justificationById: lrInkoper?.id ?? null,
        justificationAt: d(2022, 1, 20, 14, 0),
        registrationRegime: 'doorlopend',
        decisionTermDays: 20,
      },
      d(2023, 1, 1),
    )
    await tx.requirementSet.create({
      data: {
        id: SEED_IDS.requirementSets.lrOndersteuningThuisV1,
        perceelId: P.lrOndersteuningThuis,
        version: 1,
        publishedAt: d(2022, 3, 14, 9, 0),
        requireAgb: false,
        evidence: {
          create: [
            { id: 'eis-lr-ot-v1-hkz', evidenceTypeId: E.hkz },
            { id: 'eis-lr-ot-v1-vog', evidenceTypeId: E.vogRp, issuedWithinMonths: 12 },
            { id: 'eis-lr-ot-v1-aansprakelijkheid', evidenceTypeId: E.aansprakelijkheid },
          ],
        },
        questions: {
          create: [
            {
              id: 'vraag-lr-ot-v1-arrangement',
              kind: 'knockout_yesno',
              text: 'Kunt u het hele arrangement bieden (begeleiding en dagbesteding), zelf of samen met een onderaannemer?',
              requiredAnswer: true,
              sortOrder: 0,
            },
            {
              id: 'vraag-lr-ot-v1-samenwerking',
              kind: 'open',
              text: 'Hoe werkt u samen met de toegang en met andere aanbieders in de wijk?',
              sortOrder: 1,
            },
          ],
        },
      },
    })
    // Planning table of seed 003 (L43-67); "Nota 2" only when needed.
    const lrMilestones: [string, string, Date, boolean?][] = [
      ['inkoopstrategie', 'Inkoopstrategie naar college', d(2021, 8, 19, 9, 0)],
      ['marktconsultatie-percelen', 'Marktconsultatie percelen en arrangementen', d(2021, 10, 5, 14, 0)],
      ['marktconsultatie', 'Marktconsultatie', d(2021, 11, 1, 9, 0)],
      ['pve', 'Vaststellen Programma van Eisen en geschiktheidseisen', d(2021, 12, 31, 12, 0)],
      ['stukken-college', 'Definitieve aanbestedingsstukken naar college', d(2022, 2, 1, 12, 0)],
      ['publicatie', 'Publicatie aanbestedingsstukken', d(2022, 3, 14, 9, 0)],
      ['informatiebijeenkomst', 'Informatiebijeenkomst aanbieders', d(2022, 3, 22, 10, 0)],
      ['vragen-nota-1', 'Uiterste datum voor het stellen van vragen Nota 1', d(2022, 3, 31, 12, 0)],
      ['nota-1', 'Streefdatum publiceren Nota 1', d(2022, 4, 7, 17, 0)],
      ['vragen-nota-2', 'Uiterste datum voor het stellen van vragen Nota 2', d(2022, 4, 14, 12, 0), true],
      ['nota-2', 'Streefdatum publiceren Nota 2', d(2022, 4, 22, 17, 0), true],
      ['indienen', 'Uiterste datum indienen van inschrijvingen', d(2022, 5, 16, 12, 0)],
      ['voorlopige-gunning', 'Streven versturen voorlopige gunningsbeslissing', d(2022, 6, 9, 12, 0)],
      ['bezwaartermijn', 'Einde bezwaartermijn', d(2022, 6, 30, 23, 59)],
      ['definitieve-gunning', 'Versturen definitieve gunning', d(2022, 7, 1, 12, 0)],
      ['start-contracten', 'Start contracten', d(2023, 1, 1, 0, 0)],
    ]
    await tx.procurementMilestone.createMany({
      data: lrMilestones.map(([key, label, at, ifNeeded]) => ({
        id: `mijlpaal-lr-${key}`,
        procurementId: lrId,
        label,
        at,
        ifNeeded: ifNeeded ?? false,
      })),
    })
    await tx.procurementChange.create({
      data: {
        id: 'wijziging-lr-v1',
        procurementId: lrId,
        version: 1,
        summary: 'Inkooptraject gepubliceerd.',
        at: d(2022, 3, 14, 9, 0),
      },
    })
  })
}
