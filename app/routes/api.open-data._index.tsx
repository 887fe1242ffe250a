import type { MetaFunction } from '@remix-run/node'
import {
  Code,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { CSV_COLUMNS } from '~/domain/keuzehulp/open-data.server'
import { useLoaderData } from '@remix-run/react'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction = () => [{ title: 'Open data van de keuzehulp | Aanbiederspoort' }]

export function loader() {
  return { csvColumns: [...CSV_COLUMNS] }
}

type Field = [name: string, type: string, meaning: string]
const TABLES: { name: string; hsds: string; fields: Field[] }[] = [
  {
    name: 'organization',
    hsds: 'organization',
    fields: [
      ['id', 'tekst', 'Vaste id van de aanbieder in Aanbiederspoort'],
      ['name', 'tekst', 'Naam'],
      ['description', 'tekst', 'Beschrijving door de aanbieder'],
      ['email, phone, website', 'tekst', 'Contactgegevens (website kan leeg zijn)'],
      ['address', 'tekst', 'Bezoekadres: straat huisnummer, postcode plaats'],
      ['languages', 'lijst van tekst', 'Talen die de aanbieder spreekt'],
      ['identity', 'tekst of null', 'Identiteit of levensbeschouwing, als die is opgegeven'],
      ['target_groups', 'lijst van tekst', 'Doelgroepen of leeftijden'],
      [
        'quality_marks',
        'lijst van {name, valid_until}',
        'Door de gemeente gecontroleerde keurmerken, geldig vandaag',
      ],
    ],
  },
  {
    name: 'service',
    hsds: 'service',
    fields: [
      ['id', 'tekst', '<organization_id>.<productId>'],
      ['organization_id', 'tekst', 'Verwijst naar organization.id'],
      ['name', 'tekst', 'Naam van het product (de hulp)'],
      ['law', 'wmo | jeugd', 'De wet waaronder de hulp valt'],
      ['category_code, product_code', 'tekst', 'iWmo/iJw-productcategorie en productcode'],
    ],
  },
  {
    name: 'service_area',
    hsds: 'service_area',
    fields: [
      ['id', 'tekst', '<service_id>.<gemeente_code>'],
      ['service_id', 'tekst', 'Verwijst naar service.id'],
      ['gemeente_code, name', 'tekst', 'CBS-code (GM….) en naam van de gemeente die de hulp heeft ingekocht'],
      ['extent_type', 'gemeente | pc4', 'Hele gemeente, of alleen de genoemde postcodegebieden'],
      ['pc4', 'lijst van tekst', 'Postcodegebieden (4 cijfers) als extent_type pc4 is'],
    ],
  },
  {
    name: 'service_capacity',
    hsds: 'service_capacity',
    fields: [
      ['id', 'tekst', 'Id van de melding'],
      ['service_id', 'tekst', 'Verwijst naar service.id'],
      [
        'location',
        'tekst of null',
        'Locatie van de aanbieder waar deze regel over gaat (een regel per locatie); null voor de hele dienst',
      ],
      ['accepting', 'ja | beperkt | nee | null', 'Neemt nieuwe cliënten aan; null als niet recent bevestigd'],
      ['available', 'getal of null', 'Vrije plaatsen; null als onbekend of niet recent bevestigd'],
      ['waiting_weeks', 'getal of null', 'Wachttijd in weken; null als onbekend of niet recent bevestigd'],
      ['confirmed_at', 'ISO 8601', 'Wanneer de aanbieder dit bevestigde'],
      ['recently_confirmed', 'ja/nee (boolean)', 'Bevestigd in de laatste 60 dagen'],
    ],
  },
]

export default function OpenData() {
  const { csvColumns } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Open data van de keuzehulp</Heading1>
      <Paragraph lead>
        Welke zorgaanbieders een gemeente heeft gecontracteerd, voor welke hulp, in welk werkgebied en met
        welke wachttijd: dezelfde openbare gegevens als in de <Link href="/keuzehulp">keuzehulp</Link>, als
        open data.
      </Paragraph>
      <Heading2>Bestanden</Heading2>
      <UnorderedList>
        <UnorderedListItem>
          <Link href="/api/open-data/aanbieders.json">aanbieders.json</Link>: vier tabellen, zoals hieronder
          beschreven.
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href="/api/open-data/aanbieders.csv">aanbieders.csv</Link>: één regel per aanbieder, hulp en
          gemeente, en per locatie als de aanbieder de capaciteit per locatie doorgeeft (kolom{' '}
          <Code>location</Code>, de laatste; leeg voor de hele dienst). UTF-8, komma als scheidingsteken.
        </UnorderedListItem>
      </UnorderedList>
      <Paragraph>
        Beide antwoorden hebben een <Code>ETag</Code>. Stuurt u die terug in <Code>If-None-Match</Code>, dan
        antwoorden wij <Code>304 Not Modified</Code> zolang de inhoud niet is veranderd. De gegevens
        veranderen zodra een aanbieder wordt toegelaten of geschorst, capaciteit doorgeeft of een keurmerk
        verloopt.
      </Paragraph>
      <Heading2>Wat erin staat</Heading2>
      <Paragraph>
        Alleen aanbieders met een actieve toelating in een gepubliceerd inkooptraject, voor een gemeente die
        daar nog onder valt, van wie de verplichte bewijsstukken zijn goedgekeurd en geldig. Geschorste of
        beëindigde toelatingen staan er niet in. De indeling volgt de tabellen van Open Referral HSDS 3.0
        (organization, service, service_area, service_capacity), met Nederlandse aanvullingen zoals de
        gemeentecode en de wet.
      </Paragraph>
      {TABLES.map((t) => (
        <Table key={t.name}>
          <TableCaption>
            Tabel <Code>{t.name}</Code> (HSDS: {t.hsds})
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Veld</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Betekenis</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {t.fields.map(([name, type, meaning]) => (
              <TableRow key={name}>
                <TableCell>
                  <Code>{name}</Code>
                </TableCell>
                <TableCell>{type}</TableCell>
                <TableCell>{meaning}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ))}
      <Paragraph>
        Het JSON-bestand heeft de vorm{' '}
        <Code>
          {
            '{ "meta": {…}, "organization": […], "service": […], "service_area": […], "service_capacity": […] }'
          }
        </Code>
        .
      </Paragraph>
      <Heading2>Kolommen van het CSV-bestand</Heading2>
      <Paragraph>
        <Code>{csvColumns.join(', ')}</Code>
      </Paragraph>
      <Paragraph>
        Lijsten staan in één cel, gescheiden door een puntkomma; postcodegebieden door een spatie. Capaciteit
        is de meest recente melding voor die hulp.
      </Paragraph>
      <Heading2>Licentie en bron</Heading2>
      <Paragraph>
        De gegevens zijn vrij te gebruiken onder CC BY 4.0 met bronvermelding &ldquo;Aanbiederspoort&rdquo;.
        Gemeentecodes en postcode naar gemeente: Centraal Bureau voor de Statistiek (CBS), CC BY 4.0.
      </Paragraph>
    </>
  )
}
