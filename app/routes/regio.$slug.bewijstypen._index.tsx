import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
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
} from '@utrecht/component-library-react'
import { EvidenceTypeForm } from '~/components/evidence-type-form'
import { actorOf, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { REGION_EVIDENCE_ROLES } from '~/domain/evidence/roles'
import { regionEvidenceTypeSchema } from '~/domain/evidence/type-form'
import { createRegionEvidenceType, listTypesForRegion } from '~/domain/evidence/types.server'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Soorten bewijsstukken | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, REGION_EVIDENCE_ROLES.view)
  return { region, types: await listTypesForRegion(region.id) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { region, viewer } = await requireRegionBySlug(request, params.slug!, REGION_EVIDENCE_ROLES.types)
  const submission = parseWithZod(await request.formData(), { schema: regionEvidenceTypeSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const result = await createRegionEvidenceType(actorOf(viewer, request), region.id, submission.value)
  if (!result.ok) {
    return data(
      submission.reply(
        result.field
          ? { fieldErrors: { [result.field]: [result.message] } }
          : { formErrors: [result.message] },
      ),
      { status: 400 },
    )
  }
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/bewijstypen`,
    `"${submission.value.name}" is toegevoegd. Percelen van de regio kunnen het nu als eis stellen.`,
  )
}

function usage(t: { itemCount: number; requiredCount: number }) {
  const parts = []
  if (t.requiredCount) parts.push(`${t.requiredCount} ${t.requiredCount === 1 ? 'eis' : 'eisen'}`)
  if (t.itemCount) parts.push(`${t.itemCount} ${t.itemCount === 1 ? 'bewijsstuk' : 'bewijsstukken'}`)
  return parts.length ? parts.join(', ') : 'nog niet gebruikt'
}

export default function Bewijstypen() {
  const { region, types } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <Heading1>Soorten bewijsstukken</Heading1>
      <Paragraph>
        Percelen vragen bewijsstukken van deze soorten. Het platform kent de gangbare soorten; {region.name}{' '}
        kan er eigen soorten bij maken voor eisen die alleen in deze regio gelden.
      </Paragraph>
      <Heading2>Eigen soorten van {region.name}</Heading2>
      {types.own.length === 0 ? (
        <Paragraph>De regio heeft nog geen eigen soorten.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableCaption className="portaal-visually-hidden">Eigen soorten bewijsstukken</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Einddatum</TableHeaderCell>
                <TableHeaderCell scope="col">Keurmerk in keuzehulp</TableHeaderCell>
                <TableHeaderCell scope="col">Aantallen professionals</TableHeaderCell>
                <TableHeaderCell scope="col">Gebruik</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {types.own.map((t) => (
                <TableRow key={t.id}>
                  <TableCell>
                    <Link href={`/regio/${region.slug}/bewijstypen/${t.id}`}>{t.name}</Link>
                  </TableCell>
                  <TableCell>{t.expires ? 'ja' : 'nee'}</TableCell>
                  <TableCell>{t.isQualityMark ? 'ja' : 'nee'}</TableCell>
                  <TableCell>{t.asksProfessionalCounts ? 'ja' : 'nee'}</TableCell>
                  <TableCell>{usage(t)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Heading2>Eigen soort toevoegen</Heading2>
      <EvidenceTypeForm lastResult={lastResult} submitLabel="Soort toevoegen" />
      <Heading2>Soorten van het platform</Heading2>
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption className="portaal-visually-hidden">
            Soorten bewijsstukken van het platform
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Beschrijving</TableHeaderCell>
              <TableHeaderCell scope="col">Einddatum</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {types.platform.map((t) => (
              <TableRow key={t.id}>
                <TableCell>{t.name}</TableCell>
                <TableCell>{t.description}</TableCell>
                <TableCell>{t.expires ? 'ja' : 'nee'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  )
}
