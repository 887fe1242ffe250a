import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
  Heading1,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { listPublicAgenda } from '~/domain/catalogue/catalogue.server'
import { lawsLabel } from '~/domain/catalogue/product-categories'
import { INKOOPVORM_LABELS, PROCUREMENT_STATUS_LABELS, type Inkoopvorm } from '~/domain/catalogue/rules'
import { formatDate } from '~/utils/time'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction = () => [{ title: 'Inkoopagenda | Aanbiederspoort' }]

export async function loader() {
  const regions = await listPublicAgenda()
  return { regions }
}

export default function Inkoopagenda() {
  const { regions } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Inkoopagenda</Heading1>
      <Paragraph>
        Hier staan de inkooptrajecten van gemeenten en inkoopregio&apos;s: welke zorg zij inkopen, in welke
        percelen, met welke inkoopvorm, eisen, producten en tarieven. U heeft geen account nodig om ze te
        lezen.
      </Paragraph>
      {regions.map((region) => (
        <section key={region.id} aria-labelledby={`regio-${region.slug}`}>
          <Heading2 id={`regio-${region.slug}`}>{region.name}</Heading2>
          {region.procurements.length === 0 ? (
            <Paragraph>Deze regio heeft nu geen gepubliceerde inkooptrajecten.</Paragraph>
          ) : (
            <UnorderedList>
              {region.procurements.map((p) => (
                <UnorderedListItem key={p.id}>
                  <Link href={`/inkoopagenda/${p.id}`}>{p.name}</Link> ({lawsLabel(p.laws)}, contract{' '}
                  {formatDate(new Date(p.contractStart))} tot en met {formatDate(new Date(p.contractEnd))},{' '}
                  {(PROCUREMENT_STATUS_LABELS[p.status] ?? p.status).toLowerCase()})
                  {p.percelen.length > 0 ? (
                    <UnorderedList>
                      {p.percelen.map((perceel) => (
                        <UnorderedListItem key={perceel.id}>
                          {perceel.name}:{' '}
                          {INKOOPVORM_LABELS[perceel.inkoopvorm as Inkoopvorm] ?? perceel.inkoopvorm}
                        </UnorderedListItem>
                      ))}
                    </UnorderedList>
                  ) : null}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </section>
      ))}
    </>
  )
}
