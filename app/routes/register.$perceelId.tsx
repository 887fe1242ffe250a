import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { notFound } from '~/domain/accounts/permissions.server'
import { publicRegister } from '~/domain/admissions/queries.server'
import { formatDate } from '~/utils/time'
import type { PageHandle } from '~/root'

/** Public page: plain HTML for visitors; the React runtime only for a signed-in user (see app/root.tsx). */
export const handle: PageHandle = { hydrate: 'signedIn' }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Register ${data?.perceel.name ?? ''} | Aanbiederspoort` },
]

export async function loader({ params }: LoaderFunctionArgs) {
  const register = await publicRegister(params.perceelId ?? '')
  if (!register) notFound()
  return register
}

export default function Register() {
  const { perceel, perGemeente } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Register van toegelaten aanbieders: {perceel.name}</Heading1>
      <Paragraph>
        {perceel.procurement.name} van {perceel.procurement.region.name}. Dit register is openbaar: per
        gemeente staat hier welke aanbieders zijn{' '}
        {perceel.inkoopvorm === 'openhouse' ? 'toegelaten' : 'gecontracteerd'}, voor welke producten en sinds
        wanneer. Werkt een aanbieder met een onderaannemer of in een combinatie, dan staat de partner erbij;
        de toegelaten aanbieder blijft verantwoordelijk.
      </Paragraph>
      {perGemeente.map((g) => (
        <section key={g.code} aria-labelledby={`gemeente-${g.code}`}>
          <Heading2 id={`gemeente-${g.code}`}>{g.name}</Heading2>
          {g.providers.length === 0 ? (
            <Paragraph>Nog geen toegelaten aanbieders.</Paragraph>
          ) : (
            <div className="portaal-table-wrap">
              <Table>
                <TableCaption>Toegelaten aanbieders in {g.name}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                    <TableHeaderCell scope="col">Producten</TableHeaderCell>
                    <TableHeaderCell scope="col">Sinds</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {g.providers.map((p) => (
                    <TableRow key={p.name}>
                      <TableCell>
                        {p.name}
                        {p.partners.length ? ` (${p.partners.join('; ')})` : null}
                      </TableCell>
                      <TableCell>{p.products.join(', ')}</TableCell>
                      <TableCell>{formatDate(new Date(p.since))}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </section>
      ))}
    </>
  )
}
