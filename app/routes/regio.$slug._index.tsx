import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
  Heading1,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { getRegionOverview } from '~/domain/accounts/regions.server'
import { ROLE_LABELS } from '~/domain/accounts/roles'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.region.name ?? 'Regio'} | Aanbiederspoort` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region, membership } = await requireRegionBySlug(request, params.slug ?? '')
  const overview = await getRegionOverview(region.id)
  const staff = membership.roles.some((r) => r !== 'adviesraad')
  return {
    region: { slug: region.slug, name: region.name, description: overview.description },
    gemeenten: overview.gemeenten.map((g) => g.gemeente.name),
    roles: membership.roles.map((r) => ROLE_LABELS[r]).join(', '),
    staff,
  }
}

export default function RegioDashboard() {
  const { region, gemeenten, roles, staff } = useLoaderData<typeof loader>()
  const base = `/regio/${region.slug}`
  const sections = staff
    ? [
        { to: `${base}/inkoop`, label: 'Inkoop', text: 'Inkopen, percelen en eisen.' },
        {
          to: `${base}/toetredingen`,
          label: 'Toetredingen',
          text: 'Aanmeldingen van aanbieders beoordelen.',
        },
        {
          to: `${base}/bewijsstukken`,
          label: 'Bewijsstukken',
          text: 'Bewijsstukken van aanbieders controleren.',
        },
        {
          to: `${base}/bewijstypen`,
          label: 'Soorten bewijsstukken',
          text: 'Eigen soorten bewijsstukken die percelen van de regio kunnen eisen.',
        },
        { to: `${base}/capaciteit`, label: 'Capaciteit', text: 'Vrije plekken en wachttijden in de regio.' },
        { to: `${base}/contracten`, label: 'Verplichtingen', text: 'Contractafspraken en naleving.' },
        { to: `${base}/consultaties`, label: 'Consultaties', text: 'Marktconsultaties en bijeenkomsten.' },
        { to: `${base}/medewerkers`, label: 'Medewerkers', text: 'Wie er voor de regio werkt.' },
        { to: `${base}/gemeenten`, label: 'Gemeenten', text: 'Welke gemeenten bij de regio horen.' },
      ]
    : [{ to: '/consultaties', label: 'Consultaties', text: 'Marktconsultaties waarvoor u bent uitgenodigd.' }]
  return (
    <>
      <Heading1>{region.name}</Heading1>
      <Paragraph>
        Uw rol: <strong>{roles}</strong>.
      </Paragraph>
      {region.description ? <Paragraph>{region.description}</Paragraph> : null}
      <Heading2>Onderdelen</Heading2>
      <UnorderedList>
        {sections.map((s) => (
          <UnorderedListItem key={s.to}>
            <Link href={s.to}>{s.label}</Link>: {s.text}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <Heading2>Gemeenten</Heading2>
      <Paragraph>{gemeenten.join(', ')}</Paragraph>
    </>
  )
}
