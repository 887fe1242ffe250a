import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Heading1, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react'
import { requireUser } from '~/domain/accounts/permissions.server'
import { ROLE_LABELS } from '~/domain/accounts/roles'

export const meta: MetaFunction = () => [{ title: 'Mijn regio | Aanbiederspoort' }]

/** The regions the viewer works for; with one region, straight to its dashboard. Others get 404. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  if (viewer.regions.length === 0) throw new Response('Niet gevonden', { status: 404 })
  if (viewer.regions.length === 1 && !new URL(request.url).searchParams.has('alle')) {
    throw redirect(`/regio/${viewer.regions[0]!.slug}`)
  }
  return {
    regions: viewer.regions.map((r) => ({
      slug: r.slug,
      name: r.name,
      roles: r.roles.map((role) => ROLE_LABELS[role]).join(', '),
    })),
  }
}

export default function RegioLijst() {
  const { regions } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Mijn regio&apos;s</Heading1>
      <Paragraph>U werkt voor deze inkoopregio&apos;s.</Paragraph>
      <UnorderedList>
        {regions.map((r) => (
          <UnorderedListItem key={r.slug}>
            <Link href={`/regio/${r.slug}`}>{r.name}</Link> ({r.roles})
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  )
}
