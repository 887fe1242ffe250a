import type { Db } from '../../app/utils/db.server'
import { hashPassword } from '../../app/domain/accounts/password.server'
import { newId } from '../../app/utils/ids.server'
import { searchKey } from '../../app/utils/search'
import { DEMO_TOTP_SECRET } from '../../app/utils/demo.server'

export const DEMO_PASSWORD = 'welkom-in-het-portaal'

export const REGIONS = {
  rivierenland: {
    id: 'regio-rivierenland',
    slug: 'rivierenland',
    name: 'Regio Rivierenland',
    description:
      'Buren, Culemborg, Neder-Betuwe, Tiel, West Betuwe en West Maas en Waal kopen samen Wmo en Jeugdhulp in. Zaltbommel en Maasdriel horen bij de regio maar kopen zelf in.',
    gemeenten: ['GM0214', 'GM0216', 'GM1740', 'GM0281', 'GM1960', 'GM0668'],
  },
  leidseRegio: {
    id: 'regio-leidse-regio',
    slug: 'leidse-regio',
    name: 'Leidse regio',
    description:
      'Leiden, Leiderdorp, Oegstgeest, Zoeterwoude en Voorschoten kopen samen Wmo-ondersteuning in.',
    gemeenten: ['GM0546', 'GM0547', 'GM0579', 'GM0638', 'GM0626'],
  },
} as const

type DemoUser = {
  email: string
  name: string
  description: string
  platformAdmin?: boolean
  region?: { id: string; role: string }
  organisation?: { id: string; role: string }
  /** More organisations, for someone working for several (an administrative office). */
  alsoFor?: { id: string; role: string }[]
}

/** Demo organisations: realistic Dutch provider profiles for the Rivierenland and Leiden areas. */
export const DEMO_ORGANISATIONS = [
  {
    id: 'org-de-linge',
    name: 'Zorggroep De Linge',
    kvkNummer: '30123456',
    agbCode: '73730001',
    street: 'Stationsstraat',
    houseNumber: '12',
    postcode: '4001 AA',
    city: 'Tiel',
    website: 'https://www.zorggroepdelinge.example',
    email: 'info@zorggroepdelinge.example',
    phone: '0344 123 456',
    description:
      'Begeleiding en dagbesteding voor volwassenen met een beperking of psychische klachten, in de hele Betuwe.',
    targetGroups: 'volwassenen,ouderen,mensen met een licht verstandelijke beperking',
    languages: 'Nederlands,Engels,Turks',
    identity: null,
  },
  {
    id: 'org-kompas-jeugd',
    name: 'Kompas Jeugdhulp',
    kvkNummer: '09876543',
    agbCode: '98980002',
    street: 'Havendijk',
    houseNumber: '3',
    postcode: '4101 BA',
    city: 'Culemborg',
    website: 'https://www.kompasjeugdhulp.example',
    email: 'aanmelden@kompasjeugdhulp.example',
    phone: '0345 765 432',
    description: 'Ambulante begeleiding en behandeling voor kinderen, jongeren en gezinnen.',
    targetGroups: 'kinderen,jongeren,gezinnen',
    languages: 'Nederlands,Arabisch',
    identity: null,
  },
  {
    id: 'org-hoeve-elim',
    name: 'Stichting Hoeve Elim',
    kvkNummer: '41234567',
    agbCode: null,
    street: 'Dorpsstraat',
    houseNumber: '88',
    postcode: '6681 AB',
    city: 'Bemmel',
    website: null,
    email: 'contact@hoeve-elim.example',
    phone: '0481 111 222',
    description: 'Zorgboerderij met dagbesteding en logeeropvang, vanuit een christelijke identiteit.',
    targetGroups: 'kinderen,jongeren,volwassenen',
    languages: 'Nederlands',
    identity: 'christelijk',
  },
  {
    id: 'org-sleutels-leiden',
    name: 'De Sleutels Leiden',
    kvkNummer: '28001122',
    agbCode: '73730003',
    street: 'Breestraat',
    houseNumber: '1',
    postcode: '2311 CH',
    city: 'Leiden',
    website: 'https://www.desleutels.example',
    email: 'info@desleutels.example',
    phone: '071 512 3456',
    description: 'Beschermd wonen en begeleiding thuis voor mensen met psychische problemen.',
    targetGroups: 'volwassenen',
    languages: 'Nederlands,Engels,Pools',
    identity: null,
  },
] as const

const users: DemoUser[] = [
  {
    email: 'beheer@aanbiederspoort.example',
    name: 'Petra Platform',
    description: 'platformbeheer',
    platformAdmin: true,
  },
  {
    email: 'inkoper@rivierenland.example',
    name: 'Ingrid Inkoper',
    description: 'inkoper, Regio Rivierenland (tweestaps)',
    region: { id: REGIONS.rivierenland.id, role: 'inkoper' },
  },
  {
    email: 'contractmanager@rivierenland.example',
    name: 'Cor Contract',
    description: 'contractmanager, Regio Rivierenland (tweestaps)',
    region: { id: REGIONS.rivierenland.id, role: 'contractmanager' },
  },
  {
    email: 'regiobeheer@rivierenland.example',
    name: 'Rian Regio',
    description: 'regiobeheerder, Regio Rivierenland (tweestaps)',
    region: { id: REGIONS.rivierenland.id, role: 'regiobeheerder' },
  },
  {
    email: 'inkoper@leidseregio.example',
    name: 'Lotte Leiden',
    description: 'inkoper, Leidse regio (tweestaps)',
    region: { id: REGIONS.leidseRegio.id, role: 'inkoper' },
  },
  {
    email: 'adviesraad@rivierenland.example',
    name: 'Aad Adviesraad',
    description: 'lid adviesraad sociaal domein, Regio Rivierenland',
    region: { id: REGIONS.rivierenland.id, role: 'adviesraad' },
  },
  {
    email: 'beheerder@delinge.example',
    name: 'Bas de Linge',
    description: 'beheerder, Zorggroep De Linge',
    organisation: { id: 'org-de-linge', role: 'beheerder' },
  },
  {
    email: 'medewerker@delinge.example',
    name: 'Mila Medewerker',
    description: 'medewerker, Zorggroep De Linge',
    organisation: { id: 'org-de-linge', role: 'medewerker' },
  },
  {
    email: 'beheerder@kompas.example',
    name: 'Karim Kompas',
    description: 'beheerder, Kompas Jeugdhulp',
    organisation: { id: 'org-kompas-jeugd', role: 'beheerder' },
  },
  {
    email: 'beheerder@hoeve-elim.example',
    name: 'Hanna Hoeve',
    description: 'beheerder, Stichting Hoeve Elim',
    organisation: { id: 'org-hoeve-elim', role: 'beheerder' },
  },
  {
    email: 'beheerder@desleutels.example',
    name: 'Sander Sleutels',
    description: 'beheerder, De Sleutels Leiden',
    organisation: { id: 'org-sleutels-leiden', role: 'beheerder' },
  },
  {
    email: 'administratie@zorgkantoor.example',
    name: 'Anne Administratie',
    description: 'medewerker bij Stichting Hoeve Elim en De Sleutels Leiden (administratiekantoor)',
    organisation: { id: 'org-hoeve-elim', role: 'medewerker' },
    alsoFor: [{ id: 'org-sleutels-leiden', role: 'medewerker' }],
  },
]

export const DEMO_ACCOUNTS = users.map((u) => ({ email: u.email, description: u.description }))

export async function seedAccounts(db: Db) {
  for (const region of Object.values(REGIONS)) {
    await db.region.create({
      data: {
        id: region.id,
        slug: region.slug,
        name: region.name,
        description: region.description,
        gemeenten: { create: region.gemeenten.map((code) => ({ gemeenteCode: code })) },
      },
    })
  }
  for (const org of DEMO_ORGANISATIONS) {
    await db.organisation.create({ data: { ...org, searchName: searchKey(org.name) } })
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const at = new Date()
  for (const u of users) {
    const staff = !!u.region && u.region.role !== 'adviesraad'
    await db.user.create({
      data: {
        id: newId(),
        email: u.email,
        name: u.name,
        passwordHash,
        emailVerifiedAt: at,
        isPlatformAdmin: !!u.platformAdmin,
        totpSecret: staff ? DEMO_TOTP_SECRET : null,
        totpEnabledAt: staff ? at : null,
        regionMemberships: u.region
          ? { create: { id: newId(), regionId: u.region.id, role: u.region.role } }
          : undefined,
        organisationMemberships: u.organisation
          ? {
              create: [u.organisation, ...(u.alsoFor ?? [])].map((o) => ({
                id: newId(),
                organisationId: o.id,
                role: o.role,
              })),
            }
          : undefined,
      },
    })
  }
}
