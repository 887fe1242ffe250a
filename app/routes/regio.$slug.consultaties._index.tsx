import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link as RemixLink, useLoaderData } from '@remix-run/react'
import {
  ButtonLink,
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { listRegionRounds } from '~/domain/consultations/queries.server'
import { ROUND_PHASE_LABELS } from '~/domain/consultations/rules'
import { formatDateTime } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Consultaties van de regio | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireConsultationStaff(request, params.slug!)
  return { region, rounds: await listRegionRounds(region.id) }
}

export default function RegioConsultaties() {
  const { region, rounds } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Consultaties van {region.name}</Heading1>
      <Paragraph>
        <ButtonLink href={`/regio/${region.slug}/consultaties/nieuw`} appearance="primary-action-button">
          Nieuwe consultatieronde
        </ButtonLink>
      </Paragraph>
      {rounds.length === 0 ? (
        <Paragraph>Er zijn nog geen consultatierondes.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Ronde</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Sluit</TableHeaderCell>
                <TableHeaderCell>Sessies</TableHeaderCell>
                <TableHeaderCell>Onbeantwoorde vragen</TableHeaderCell>
                <TableHeaderCell>Inbreng</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rounds.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <RemixLink to={`/regio/${region.slug}/consultaties/${r.id}`}>{r.title}</RemixLink>
                  </TableCell>
                  <TableCell>{ROUND_PHASE_LABELS[r.phase]}</TableCell>
                  <TableCell>{formatDateTime(new Date(r.closesAt))}</TableCell>
                  <TableCell>{r._count.sessions}</TableCell>
                  <TableCell>{r.openQuestions}</TableCell>
                  <TableCell>{r._count.inputs}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  )
}
