import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormLabel,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Select,
  SelectOption,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import {
  currentOrganisationCookie,
  maySubmitFor,
  requireCurrentOrganisation,
} from '~/domain/accounts/permissions.server'
import { getOrganisation } from '~/domain/accounts/organisations.server'
import { ROLE_LABELS } from '~/domain/accounts/roles'
import { phoneToNational } from '~/utils/validation'

export const meta: MetaFunction = () => [{ title: 'Mijn organisatie | Aanbiederspoort' }]

/**
 * The provider dashboard. Choosing another organisation in the switcher sends `?organisatie=<id>`; the guard checks
 * membership and this page remembers the choice in a cookie for the other /aanbieder pages.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, membership, organisationId } = await requireCurrentOrganisation(request)
  const org = await getOrganisation(organisationId)
  const chosen = new URL(request.url).searchParams.get('organisatie')
  const body = {
    organisation: { ...org, phone: phoneToNational(org.phone) },
    role: ROLE_LABELS[membership.role],
    isBeheerder: membership.role === 'beheerder',
    maySubmit: maySubmitFor(membership),
    choices: viewer.organisations.map((o) => ({ id: o.organisationId, name: o.name })),
  }
  return chosen
    ? data(body, { headers: { 'Set-Cookie': await currentOrganisationCookie.serialize(organisationId) } })
    : body
}

const SECTIONS = [
  {
    to: '/aanbieder/bewijsstukken',
    label: 'Bewijsstukken',
    text: 'Certificaten, verzekeringen en verklaringen.',
  },
  { to: '/aanbieder/toetredingen', label: 'Toetredingen', text: 'Meedoen aan inkopen van gemeenten.' },
  { to: '/aanbieder/capaciteit', label: 'Capaciteit', text: 'Vrije plekken en wachttijden doorgeven.' },
  {
    to: '/aanbieder/verplichtingen',
    label: 'Verplichtingen',
    text: 'Wat u volgens uw contracten moet aanleveren.',
  },
  { to: '/consultaties', label: 'Consultaties', text: 'Marktconsultaties en informatiebijeenkomsten.' },
]

export default function AanbiederDashboard() {
  const { organisation: org, role, isBeheerder, maySubmit, choices } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>{org.name}</Heading1>
      <Paragraph>
        Uw rol: <strong>{role}</strong>.{' '}
        {maySubmit ? 'U mag namens de organisatie indienen.' : 'U kunt voorbereiden; een beheerder dient in.'}
      </Paragraph>
      {choices.length > 1 ? (
        <Form method="get" className="portaal-inline-form">
          <FormLabel htmlFor="organisatie">Werken voor organisatie</FormLabel>{' '}
          <Select id="organisatie" name="organisatie" defaultValue={org.id}>
            {choices.map((c) => (
              <SelectOption key={c.id} value={c.id}>
                {c.name}
              </SelectOption>
            ))}
          </Select>{' '}
          <Button type="submit" appearance="secondary-action-button">
            Wissel van organisatie
          </Button>
        </Form>
      ) : null}

      <Heading2>Onderdelen</Heading2>
      <UnorderedList>
        {SECTIONS.map((s) => (
          <UnorderedListItem key={s.to}>
            <Link href={s.to}>{s.label}</Link>: {s.text}
          </UnorderedListItem>
        ))}
        <UnorderedListItem>
          <Link href="/aanbieder/gebruikers">Gebruikers</Link>: wie er voor {org.name} werkt
          {isBeheerder ? ', collega’s uitnodigen en rollen wijzigen' : ''}.
        </UnorderedListItem>
      </UnorderedList>

      <Heading2>Gegevens</Heading2>
      <DataList>
        <Item k="KvK-nummer" v={org.kvkNummer} />
        <Item k="Vestigingsnummer" v={org.vestigingsnummer ?? 'niet ingevuld'} />
        <Item k="AGB-code" v={org.agbCode ?? 'niet ingevuld'} />
        <Item k="Adres" v={`${org.street} ${org.houseNumber}, ${org.postcode} ${org.city}`} />
        <Item k="Website" v={org.website ?? 'niet ingevuld'} />
        <Item k="E-mailadres" v={org.email} />
        <Item k="Telefoon" v={org.phone} />
        <Item k="Medewerkers mogen indienen" v={org.medewerkersMaySubmit ? 'Ja' : 'Nee'} />
      </DataList>
      {isBeheerder ? (
        <Paragraph>
          <Link href="/aanbieder/organisatie">Gegevens en profiel wijzigen</Link>
        </Paragraph>
      ) : null}
      <Paragraph>
        <Link href="/aanbieder/nieuw">Nog een organisatie registreren</Link>
      </Paragraph>
    </>
  )
}

function Item({ k, v }: { k: string; v: string }) {
  return (
    <DataListItem>
      <DataListKey>{k}</DataListKey>
      <DataListValue value={v}>{v}</DataListValue>
    </DataListItem>
  )
}
