/**
 * Evidence demo data: the catalogue of evidence types (fixed ids in SEED_IDS.evidenceTypes; upserted, so it does not
 * matter whether the catalogue seed created them first) and evidence items of the demo organisations in every status,
 * including one that expires within 90 days and one that has expired, each with a small real PDF written through the
 * storage module. Names, descriptions and expiry follow ../shared/reference/certificates.md.
 */
import type { Db } from '../../app/utils/db.server'
import { getStorage } from '../../app/utils/storage.server'
import { minimalPdf } from '../../app/utils/minimal-pdf'
import { addDays, startOfAmsterdamDay } from '../../app/utils/time'
import { SEED_IDS } from './ids'
import { REGIONS } from './accounts'

const T = SEED_IDS.evidenceTypes

export const EVIDENCE_TYPES: {
  id: string
  name: string
  description: string
  expires: boolean
  isQualityMark: boolean
  asksProfessionalCounts?: boolean
  regionId?: string
}[] = [
  {
    id: T.hkz,
    name: 'HKZ-certificaat',
    description:
      'Certificaat volgens een HKZ-norm (zoals HKZ Zorg & Welzijn), afgegeven door een certificerende instelling met een licentie. Geldig 3 jaar, met een tussentijdse audit elk jaar.',
    expires: true,
    isQualityMark: true,
  },
  {
    id: T.hkzKlein,
    name: 'HKZ-certificaat Kleine Organisaties',
    description:
      'HKZ-norm voor organisaties tot 10 fte met één vestiging (HKZ 143:2021), of de norm voor zzp-ers in de zorg. Geldig 3 jaar, met een tussentijdse audit elk jaar.',
    expires: true,
    isQualityMark: true,
  },
  {
    id: T.iso9001,
    name: 'ISO 9001-certificaat',
    description:
      'Certificaat volgens ISO 9001:2015 (of NEN-EN 15224 voor de zorg). Cyclus van 3 jaar met jaarlijkse controle-audits. Er is geen centraal register; controleer de accreditatie van de instelling bij de RvA.',
    expires: true,
    isQualityMark: true,
  },
  {
    id: T.kiwa,
    name: 'Keurmerk Kiwa of PREZO',
    description:
      "Een keurmerk van Kiwa (zoals Keurmerk ZZP'ers Zorg) of PREZO (Stichting Perspekt), of het keurmerk Zorgboeren. Meestal 3 jaar geldig met een jaarlijkse audit.",
    expires: true,
    isQualityMark: true,
  },
  {
    id: T.vogRp,
    name: 'VOG voor de organisatie (VOG-RP)',
    description:
      'Verklaring Omtrent het Gedrag voor rechtspersonen van Justis. Heeft geen einddatum: de gemeente bepaalt hoe recent de verklaring moet zijn, daarom telt de datum van afgifte.',
    expires: false,
    isQualityMark: false,
  },
  {
    id: T.wtza,
    name: 'Wtza-vergunning of melding',
    description:
      'Vergunning of melding volgens de Wet toetreding zorgaanbieders (CIBG). Heeft geen vaste einddatum en kan worden ingetrokken; de datum van afgifte telt.',
    expires: false,
    isQualityMark: false,
  },
  {
    id: T.aansprakelijkheid,
    name: 'Aansprakelijkheidsverzekering',
    description:
      'Polisblad of verzekeringsverklaring van de bedrijfs- of beroepsaansprakelijkheidsverzekering, met de looptijd van de polis.',
    expires: true,
    isQualityMark: false,
  },
  {
    id: T.skjBig,
    name: 'Registratie professionals (SKJ of BIG)',
    description:
      'Verklaring met het aantal professionals dat in het SKJ- of BIG-register staat. Registraties lopen 5 jaar; vul de eerstvolgende herregistratiedatum in als einddatum.',
    expires: true,
    isQualityMark: false,
    asksProfessionalCounts: true,
  },
  {
    id: 'bewijs-rl-verklaring-kwaliteitskader',
    name: 'Verklaring Kwaliteitskader Jeugd (Regio Rivierenland)',
    description:
      'Eigen bewijsstuk van Regio Rivierenland: een ondertekende verklaring dat u werkt volgens de norm van de verantwoorde werktoedeling. Geen einddatum; de datum van afgifte telt.',
    expires: false,
    isQualityMark: false,
    regionId: REGIONS.rivierenland.id,
  },
]

/** Creates or updates the evidence types. Keys are only set on create, so another seed's key is left alone. */
export async function seedEvidenceTypes(db: Db) {
  for (const t of EVIDENCE_TYPES) {
    const data = {
      name: t.name,
      description: t.description,
      expires: t.expires,
      isQualityMark: t.isQualityMark,
      asksProfessionalCounts: t.asksProfessionalCounts ?? false,
      regionId: t.regionId ?? null,
    }
    await db.evidenceType.upsert({
      where: { id: t.id },
      create: { id: t.id, key: t.id.replace(/^bewijs-/, ''), ...data },
      update: data,
    })
  }
}

type DemoItem = {
  id: string
  organisationId: string
  typeId: string
  issuer: string
  number?: string
  scope?: string
  /** Days relative to today. */
  issued?: number
  from: number
  until?: number
  /** Only for a type that asks for counts of professionals (SKJ/BIG). */
  professionals?: { total: number; registered: number }
  verification: 'in_controle' | 'goedgekeurd' | 'afgekeurd'
  rejectionReason?: string
  replacesId?: string
  fileName: string
}

const ITEMS: DemoItem[] = [
  // Zorggroep De Linge: valid and approved, expiring soon, awaiting verification, rejected.
  {
    id: 'bewijsstuk-delinge-hkz',
    organisationId: 'org-de-linge',
    typeId: T.hkz,
    issuer: 'Kiwa Nederland B.V.',
    number: 'HKZ-2025-04417',
    scope: 'Begeleiding en dagbesteding, alle vestigingen in Tiel en Culemborg',
    from: -300,
    until: 795,
    verification: 'goedgekeurd',
    fileName: 'HKZ-certificaat De Linge.pdf',
  },
  {
    id: 'bewijsstuk-delinge-verzekering',
    organisationId: 'org-de-linge',
    typeId: T.aansprakelijkheid,
    issuer: 'Centraal Beheer',
    number: 'AVB-88120345',
    from: -320,
    until: 45,
    verification: 'goedgekeurd',
    fileName: 'Polisblad aansprakelijkheid 2026.pdf',
  },
  {
    id: 'bewijsstuk-delinge-vog',
    organisationId: 'org-de-linge',
    typeId: T.vogRp,
    issuer: 'Justis',
    issued: -40,
    from: -40,
    verification: 'in_controle',
    fileName: 'VOG-RP Zorggroep De Linge.pdf',
  },
  {
    id: 'bewijsstuk-delinge-iso',
    organisationId: 'org-de-linge',
    typeId: T.iso9001,
    issuer: 'Certificeringsbureau Betuwe',
    number: 'ISO-7781',
    from: -100,
    until: 995,
    verification: 'afgekeurd',
    rejectionReason:
      'De certificerende instelling is niet geaccrediteerd door de Raad voor Accreditatie. Lever een certificaat van een geaccrediteerde instelling.',
    fileName: 'ISO 9001 certificaat.pdf',
  },
  // Kompas Jeugdhulp: an expired certificate, a registration awaiting verification, an approved VOG.
  {
    id: 'bewijsstuk-kompas-hkz',
    organisationId: 'org-kompas-jeugd',
    typeId: T.hkz,
    issuer: 'Keurmerkinstituut',
    number: 'KMI-HKZ-2022-118',
    from: -1115,
    until: -20,
    verification: 'goedgekeurd',
    fileName: 'HKZ Kompas 2022.pdf',
  },
  {
    id: 'bewijsstuk-kompas-skj',
    organisationId: 'org-kompas-jeugd',
    typeId: T.skjBig,
    issuer: 'Stichting Kwaliteitsregister Jeugd',
    scope:
      '14 jeugdzorgwerkers SKJ, 2 gz-psychologen BIG; 1 jeugdzorgwerker in opleiding nog niet geregistreerd',
    from: -10,
    until: 1400,
    professionals: { total: 17, registered: 16 },
    verification: 'in_controle',
    fileName: 'Verklaring registratie professionals.pdf',
  },
  {
    id: 'bewijsstuk-kompas-vog',
    organisationId: 'org-kompas-jeugd',
    typeId: T.vogRp,
    issuer: 'Justis',
    issued: -120,
    from: -120,
    verification: 'goedgekeurd',
    fileName: 'VOG-RP Kompas.pdf',
  },
  // Stichting Hoeve Elim: a replaced policy (history) and its new version awaiting verification.
  {
    id: 'bewijsstuk-hoeve-verzekering-2025',
    organisationId: 'org-hoeve-elim',
    typeId: T.aansprakelijkheid,
    issuer: 'Interpolis',
    number: 'ZB-2025-311',
    from: -390,
    until: -25,
    verification: 'goedgekeurd',
    fileName: 'Polis 2025.pdf',
  },
  {
    id: 'bewijsstuk-hoeve-verzekering-2026',
    organisationId: 'org-hoeve-elim',
    typeId: T.aansprakelijkheid,
    issuer: 'Interpolis',
    number: 'ZB-2026-311',
    from: -25,
    until: 340,
    verification: 'in_controle',
    replacesId: 'bewijsstuk-hoeve-verzekering-2025',
    fileName: 'Polis 2026.pdf',
  },
  {
    id: 'bewijsstuk-hoeve-keurmerk',
    organisationId: 'org-hoeve-elim',
    typeId: T.kiwa,
    issuer: 'Federatie Landbouw en Zorg',
    number: 'KLJZ-4410',
    scope: 'Keurmerk Zorgboeren "Kwaliteit laat je zien!"',
    from: -200,
    until: 895,
    verification: 'goedgekeurd',
    fileName: 'Keurmerk Zorgboeren.pdf',
  },
  // De Sleutels Leiden.
  {
    id: 'bewijsstuk-sleutels-hkz',
    organisationId: 'org-sleutels-leiden',
    typeId: T.hkzKlein,
    issuer: 'Brand Compliance',
    number: 'BC-143-2024-77',
    from: -500,
    until: 595,
    verification: 'goedgekeurd',
    fileName: 'HKZ Kleine Organisaties.pdf',
  },
  {
    id: 'bewijsstuk-sleutels-wtza',
    organisationId: 'org-sleutels-leiden',
    typeId: T.wtza,
    issuer: 'CIBG',
    issued: -700,
    from: -700,
    verification: 'goedgekeurd',
    fileName: 'Wtza-melding.pdf',
  },
]

export async function seedEvidence(db: Db) {
  await seedEvidenceTypes(db)
  const today = startOfAmsterdamDay(new Date())
  const storage = getStorage()
  const typeNames = new Map(EVIDENCE_TYPES.map((t) => [t.id, t.name]))
  for (const item of ITEMS) {
    if (await db.evidenceItem.findUnique({ where: { id: item.id }, select: { id: true } })) continue
    const org = await db.organisation.findUnique({
      where: { id: item.organisationId },
      select: { name: true },
    })
    if (!org) continue
    const pdf = minimalPdf([
      typeNames.get(item.typeId) ?? 'Bewijsstuk',
      org.name,
      `Afgegeven door: ${item.issuer}`,
      item.number ? `Nummer: ${item.number}` : '',
      'Voorbeelddocument voor de demo van Aanbiederspoort',
    ])
    const stored = await storage.put(pdf)
    const verified = item.verification !== 'in_controle'
    await db.$transaction(async (tx) => {
      await tx.evidenceItem.create({
        data: {
          id: item.id,
          organisationId: item.organisationId,
          typeId: item.typeId,
          issuer: item.issuer,
          number: item.number ?? '',
          scope: item.scope ?? '',
          issuedAt: item.issued !== undefined ? addDays(today, item.issued) : null,
          validFrom: addDays(today, item.from),
          validUntil: item.until !== undefined ? addDays(today, item.until) : null,
          professionalsTotal: item.professionals?.total ?? null,
          professionalsRegistered: item.professionals?.registered ?? null,
          verification: item.verification,
          rejectionReason: item.rejectionReason ?? null,
          verifiedAt: verified ? addDays(today, Math.min(0, item.from + 7)) : null,
          replacesId: item.replacesId ?? null,
        },
      })
      const fileId = `bestand-${item.id}`
      await tx.storedFile.create({
        data: {
          id: fileId,
          storageKey: stored.storageKey,
          displayName: item.fileName,
          contentType: 'application/pdf',
          size: stored.size,
          sha256: stored.sha256,
          organisationId: item.organisationId,
        },
      })
      await tx.evidenceFile.create({ data: { evidenceItemId: item.id, fileId } })
    })
  }
}
