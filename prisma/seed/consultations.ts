/**
 * Demo consultations.
 *
 * - Leidse regio: a market consultation on the Wmo procurement, laid out like the Leidse planning (seed 003 L43-67 and
 *   §4.4): an information meeting for providers, two question rounds with deadlines to the minute (12:00 and 10:00),
 *   two published notas van inlichtingen, and written input open until a closing at 15:00. The calendar is moved to
 *   the present so the demo is alive: both question rounds lie behind us, the closing and a dialogue session ahead.
 * - Regio Rivierenland: an open round with an overlegtafel of 9 seats, reserved for 3 large, 3 medium and 3 small
 *   providers (seed 002 L39: "drie grote, drie middelgrote en drie kleine zorgaanbieders"), while all other providers
 *   contribute in writing; questions waiting for an answer; the councils are invited.
 */
import type { Db } from '../../app/utils/db.server'
import { searchKey } from '../../app/utils/search'
import { addDays, amsterdamParts, fromAmsterdamLocal } from '../../app/utils/time'
import { REGIONS } from './accounts'
import { SEED_IDS } from './ids'

export const CONSULTATION_SEED_IDS = {
  leidseRound: 'consultatie-lr-wmo',
  leidseInformatie: 'sessie-lr-informatiebijeenkomst',
  leidseDialoog: 'sessie-lr-dialoogsessie',
  rivierenlandRound: 'consultatie-rl-overlegtafel',
  rivierenlandTafel: 'sessie-rl-overlegtafel',
  rivierenlandDialoog: 'sessie-rl-dialoogsessie',
} as const

/** An instant `days` Amsterdam calendar days from `base` at hh:mm Amsterdam time. */
function dayAt(base: Date, days: number, hour: number, minute = 0): Date {
  const p = amsterdamParts(addDays(base, days))
  return fromAmsterdamLocal(p.year, p.month, p.day, hour, minute)
}

const TABLE_ORGANISATIONS = [
  {
    id: 'org-overleg-rivierzorg',
    name: 'Stichting RivierZorg',
    size: 'groot',
    kvk: '52000001',
    city: 'Tiel',
  },
  {
    id: 'org-overleg-betuwe-begeleidt',
    name: 'Betuwe Begeleidt',
    size: 'groot',
    kvk: '52000002',
    city: 'Culemborg',
  },
  {
    id: 'org-overleg-lingeborgh',
    name: 'Lingeborgh Jeugd en Gezin',
    size: 'middel',
    kvk: '52000003',
    city: 'Geldermalsen',
  },
  { id: 'org-overleg-dagwerk-buren', name: 'Dagwerk Buren', size: 'middel', kvk: '52000004', city: 'Buren' },
  {
    id: 'org-overleg-waalkracht',
    name: 'Waalkracht Thuiszorg',
    size: 'klein',
    kvk: '52000005',
    city: 'Beneden-Leeuwen',
  },
  {
    id: 'org-overleg-kleinkracht',
    name: 'Praktijk Kleinkracht',
    size: 'klein',
    kvk: '52000006',
    city: 'Zaltbommel',
  },
] as const

export async function seedConsultations(db: Db) {
  const today = new Date()
  const userId = async (email: string) =>
    (await db.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null
  const sleutelsUser = await userId('beheerder@desleutels.example')
  const lingeUser = await userId('beheerder@delinge.example')
  const kompasUser = await userId('beheerder@kompas.example')
  const existingSegments = new Set((await db.segment.findMany({ select: { id: true } })).map((s) => s.id))
  const hasProcurement = async (id: string) => (await db.procurement.count({ where: { id } })) > 0

  // --- Leidse regio --------------------------------------------------------------------------------------------
  const L = CONSULTATION_SEED_IDS
  const opened = dayAt(today, -42, 9)
  // Questions for Nota 1 closed on day -28 at 12:00 ("Donderdag ... 12:00 uur"); the round keeps the last deadline.
  const nvi1Published = dayAt(today, -21, 16)
  const nvi2Deadline = dayAt(today, -14, 10) // "Indien nodig donderdag ... 10:00 uur"
  const nvi2Published = dayAt(today, -6, 16)
  const closes = dayAt(today, 14, 15) // "Maandag ... 15:00 uur"
  await db.consultationRound.create({
    data: {
      id: L.leidseRound,
      regionId: REGIONS.leidseRegio.id,
      procurementId: (await hasProcurement(SEED_IDS.procurements.leidseRegioWmo2021))
        ? SEED_IDS.procurements.leidseRegioWmo2021
        : null,
      title: 'Marktconsultatie Wmo-ondersteuning: arrangementen en geschiktheidseisen',
      description:
        'De gemeenten Leiden, Leiderdorp, Oegstgeest, Zoeterwoude en Voorschoten kopen de Wmo-ondersteuning opnieuw in, ' +
        'in vijf segmenten (cliëntgroepen) en in de vorm van arrangementen. Wij leggen de concept-arrangementen en de ' +
        'geschiktheidseisen aan u voor.\n\nPlanning: informatiebijeenkomst voor aanbieders; vragen voor Nota van ' +
        'Inlichtingen 1 tot donderdag 12:00 uur; vragen voor Nota van Inlichtingen 2 (indien nodig) tot donderdag ' +
        '10:00 uur; schriftelijke inbreng tot maandag 15:00 uur. Alle inbreng wordt gebundeld en als bijlage bij de ' +
        'aanbestedingsstukken gepubliceerd.',
      opensAt: opened,
      closesAt: closes,
      questionsDeadline: nvi2Deadline,
      status: 'gepubliceerd',
      publishedAt: opened,
      inviteCouncils: true,
      gemeenten: { create: REGIONS.leidseRegio.gemeenten.map((gemeenteCode) => ({ gemeenteCode })) },
      segments: {
        create: ['segment-lr-herstelgericht', 'segment-lr-structureel', 'segment-lr-ouderen']
          .filter((id) => existingSegments.has(id))
          .map((segmentId) => ({ segmentId })),
      },
      writtenPrompts: {
        create: [
          'Zijn de drie intensiteiten van de arrangementen (regulier, midden, intensief) voor u werkbaar? Licht toe.',
          'Welke geschiktheidseisen zijn voor kleine aanbieders onevenredig zwaar?',
          'Hoe kunnen wij de warme overdracht van cliënten bij een nieuwe aanbieder het best regelen?',
        ].map((text, i) => ({ id: `prompt-lr-${i + 1}`, text, sortOrder: i })),
      },
      changes: {
        create: [
          {
            id: 'wijziging-lr-1',
            summary:
              'De uiterste datum voor vragen voor Nota van Inlichtingen 2 is toegevoegd (donderdag 10:00 uur).',
            at: dayAt(today, -30, 11),
          },
        ],
      },
      sessions: {
        create: [
          {
            id: L.leidseInformatie,
            kind: 'informatiebijeenkomst',
            title: 'Informatiebijeenkomst aanbieders',
            startsAt: dayAt(today, -35, 14),
            durationMinutes: 120,
            address: 'Stadhuis Leiden, Stadhuisplein 1, 2311 EJ Leiden',
            onlineUrl: 'https://vergaderen.example/leidse-regio-informatie',
            seats: 60,
            seatsPerOrganisation: 2,
            registrationDeadline: dayAt(today, -36, 12),
            minutes:
              'Ruim veertig aanbieders namen deel. De regio lichtte de vijf segmenten en de arrangementen toe. Vragen ' +
              'uit de zaal zijn opgenomen in Nota van Inlichtingen 1.',
          },
          {
            id: L.leidseDialoog,
            kind: 'dialoogsessie',
            title: 'Dialoogsessie tarieven en intensiteiten',
            startsAt: dayAt(today, 7, 13, 30),
            durationMinutes: 90,
            address: null,
            onlineUrl: 'https://vergaderen.example/leidse-regio-dialoog',
            seats: 12,
            seatsPerOrganisation: 1,
            registrationDeadline: dayAt(today, 5, 12),
          },
        ],
      },
    },
  })
  if (sleutelsUser) {
    await db.sessionRegistration.createMany({
      data: [
        {
          id: 'aanmelding-lr-1',
          sessionId: L.leidseInformatie,
          organisationId: 'org-sleutels-leiden',
          attendeeName: 'Sander Sleutels',
          attendeeEmail: 'beheerder@desleutels.example',
          status: 'zeker',
          seatNumber: 1,
          reminderSentAt: dayAt(today, -36, 14),
        },
        {
          id: 'aanmelding-lr-2',
          sessionId: L.leidseDialoog,
          organisationId: 'org-sleutels-leiden',
          attendeeName: 'Sander Sleutels',
          attendeeEmail: 'beheerder@desleutels.example',
          status: 'zeker',
          seatNumber: 1,
        },
      ],
    })
    const qa: { text: string; answer: string | null; published: Date | null; asked: Date }[] = [
      {
        text: 'Mag een aanbieder voor meer dan één segment inschrijven?',
        answer: 'Ja. U kunt voor elk segment inschrijven waarvoor u aan de geschiktheidseisen voldoet.',
        published: nvi1Published,
        asked: dayAt(today, -33, 10),
      },
      {
        text: 'Geldt de eis van een HKZ-certificaat ook voor zzp’ers?',
        answer:
          'Nee. Voor zelfstandigen zonder personeel volstaat een vergelijkbaar kwaliteitskeurmerk of het HKZ-schema voor kleine organisaties.',
        published: nvi1Published,
        asked: dayAt(today, -30, 15),
      },
      {
        text: 'Hoe wordt de intensiteit van een arrangement vastgesteld bij een herindicatie?',
        answer:
          'De toegang stelt de intensiteit vast in overleg met de cliënt en de aanbieder; zie paragraaf 3.2.',
        published: nvi1Published,
        asked: dayAt(today, -29, 9),
      },
      {
        text: 'Worden de tarieven jaarlijks geïndexeerd?',
        answer: 'Ja, met de OVA-index, elk jaar per 1 januari.',
        published: nvi2Published,
        asked: dayAt(today, -20, 11),
      },
      {
        text: 'Is er een overgangstermijn voor lopende indicaties?',
        answer:
          'Ja, lopende indicaties lopen tot uiterlijk zes maanden na de start door bij de huidige aanbieder.',
        published: nvi2Published,
        asked: dayAt(today, -16, 16),
      },
    ]
    let number = 0
    for (const [i, q] of qa.entries()) {
      await db.consultationQuestion.create({
        data: {
          id: `vraag-lr-${i + 1}`,
          roundId: L.leidseRound,
          organisationId: 'org-sleutels-leiden',
          askedById: sleutelsUser,
          text: q.text,
          answer: q.answer,
          number: q.published ? ++number : null,
          publishedAt: q.published,
          createdAt: q.asked,
        },
      })
    }
    await db.writtenInput.create({
      data: {
        id: 'inbreng-lr-sleutels',
        roundId: L.leidseRound,
        kind: 'aanbieder',
        organisationId: 'org-sleutels-leiden',
        authorUserId: sleutelsUser,
        answers: {
          create: [
            {
              promptId: 'prompt-lr-1',
              text: 'Regulier en intensief zijn helder; midden vraagt een scherpere omschrijving.',
            },
            {
              promptId: 'prompt-lr-3',
              text: 'Een vaste overdrachtstermijn van zes weken met een driegesprek.',
            },
          ],
        },
      },
    })
  }

  // --- Regio Rivierenland: overlegtafel of 9 ----------------------------------------------------------------------
  for (const org of TABLE_ORGANISATIONS) {
    await db.organisation.create({
      data: {
        id: org.id,
        name: org.name,
        searchName: searchKey(org.name),
        kvkNummer: org.kvk,
        street: 'Markt',
        houseNumber: String(TABLE_ORGANISATIONS.indexOf(org) + 1),
        postcode: '4001 AB',
        city: org.city,
        email: `info@${org.id.replace('org-overleg-', '')}.example`,
        phone: '0344 000 000',
        description: `Zorgaanbieder (${org.size === 'groot' ? 'grote' : org.size === 'middel' ? 'middelgrote' : 'kleine'} organisatie) in Rivierenland.`,
      },
    })
  }
  const large = ['org-de-linge', 'org-overleg-rivierzorg', 'org-overleg-betuwe-begeleidt']
  const medium = ['org-kompas-jeugd', 'org-overleg-lingeborgh', 'org-overleg-dagwerk-buren']
  const small = ['org-hoeve-elim', 'org-overleg-waalkracht', 'org-overleg-kleinkracht']
  const R = SEED_IDS.segments
  await db.consultationRound.create({
    data: {
      id: L.rivierenlandRound,
      regionId: REGIONS.rivierenland.id,
      procurementId: (await hasProcurement(SEED_IDS.procurements.rivierenland2023))
        ? SEED_IDS.procurements.rivierenland2023
        : null,
      title: 'Overlegtafel Begeleiding en Dagbesteding: evaluatie en verlenging',
      description:
        'Voordat de regio besluit over de verlenging van de contracten Begeleiding en Dagbesteding, praten we aan een ' +
        'overlegtafel met drie grote, drie middelgrote en drie kleine zorgaanbieders. Alle andere zorgaanbieders geven ' +
        'hun inbreng digitaal, via de vragen hieronder. De adviesraad sociaal domein en de cliëntenraden zijn uitgenodigd.',
      opensAt: dayAt(today, -7, 9),
      closesAt: dayAt(today, 21, 17),
      questionsDeadline: dayAt(today, 10, 12),
      status: 'gepubliceerd',
      publishedAt: dayAt(today, -7, 9),
      inviteCouncils: true,
      publishAttendees: true,
      gemeenten: { create: REGIONS.rivierenland.gemeenten.map((gemeenteCode) => ({ gemeenteCode })) },
      segments: {
        create: [R.rlBegeleiding, R.rlDagbesteding]
          .filter((id) => existingSegments.has(id))
          .map((segmentId) => ({ segmentId })),
      },
      writtenPrompts: {
        create: [
          'Wat gaat goed in de huidige contracten Begeleiding en Dagbesteding?',
          'Welke productomschrijvingen of tarieven moeten bij een verlenging anders?',
          'Hoe houden wij de administratieve lasten laag?',
        ].map((text, i) => ({ id: `prompt-rl-${i + 1}`, text, sortOrder: i })),
      },
      sessions: {
        create: [
          {
            id: L.rivierenlandTafel,
            kind: 'overlegtafel',
            title: 'Overlegtafel Begeleiding en Dagbesteding',
            startsAt: dayAt(today, 12, 10),
            durationMinutes: 150,
            address: 'Regiokantoor Rivierenland, J.S. de Jongplein 2, 4001 WG Tiel',
            seats: 9,
            seatsPerOrganisation: 1,
            registrationDeadline: dayAt(today, 9, 12),
            reservations: {
              create: [...large, ...medium, ...small].map((organisationId) => ({ organisationId, seats: 1 })),
            },
          },
          {
            id: L.rivierenlandDialoog,
            kind: 'dialoogsessie',
            title: 'Online dialoogsessie voor alle aanbieders',
            startsAt: dayAt(today, 14, 15),
            durationMinutes: 60,
            onlineUrl: 'https://vergaderen.example/rivierenland-dialoog',
            seats: 40,
            seatsPerOrganisation: 2,
            registrationDeadline: dayAt(today, 13, 12),
          },
        ],
      },
    },
  })
  await db.sessionRegistration.createMany({
    data: [
      { org: 'org-overleg-rivierzorg', name: 'Renate Rivier', seat: 1 },
      { org: 'org-overleg-lingeborgh', name: 'Lars Lingeborgh', seat: 2 },
      { org: 'org-overleg-waalkracht', name: 'Wendy Waal', seat: 3 },
      { org: 'org-kompas-jeugd', name: 'Karim Kompas', seat: 4 },
    ].map((r, i) => ({
      id: `aanmelding-rl-${i + 1}`,
      sessionId: L.rivierenlandTafel,
      organisationId: r.org,
      attendeeName: r.name,
      attendeeEmail: `${r.name.split(' ')[0]!.toLowerCase()}@${r.org.replace(/^org-(overleg-)?/, '')}.example`,
      status: 'zeker',
      seatNumber: r.seat,
    })),
  })
  if (lingeUser && kompasUser) {
    await db.consultationQuestion.createMany({
      data: [
        {
          id: 'vraag-rl-1',
          roundId: L.rivierenlandRound,
          organisationId: 'org-de-linge',
          askedById: lingeUser,
          text: 'Wordt bij de verlenging ook het tarief voor Begeleiding zwaar herzien?',
          answer: 'Ja, alle tarieven worden herzien op basis van het kostprijsonderzoek van dit voorjaar.',
        },
        {
          id: 'vraag-rl-2',
          roundId: L.rivierenlandRound,
          organisationId: 'org-kompas-jeugd',
          askedById: kompasUser,
          text: 'Kunnen aanbieders die niet aan de overlegtafel zitten de verslagen inzien?',
          answer: null,
        },
      ],
    })
  }
}
