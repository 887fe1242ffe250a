import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react'
import { EvidenceTypeForm } from '~/components/evidence-type-form'
import { actorOf, notFound, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { REGION_EVIDENCE_ROLES } from '~/domain/evidence/roles'
import { regionEvidenceTypeSchema } from '~/domain/evidence/type-form'
import {
  listTypesForRegion,
  removeRegionEvidenceType,
  updateRegionEvidenceType,
} from '~/domain/evidence/types.server'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Soort bewijsstuk wijzigen | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, REGION_EVIDENCE_ROLES.view)
  const type = (await listTypesForRegion(region.id)).own.find((t) => t.id === params.typeId)
  if (!type) notFound()
  return { region, type }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { region, viewer } = await requireRegionBySlug(request, params.slug!, REGION_EVIDENCE_ROLES.types)
  const formData = await request.formData()
  const actor = actorOf(viewer, request)
  const back = `/regio/${region.slug}/bewijstypen`
  if (formData.get('intent') === 'verwijderen') {
    const result = await removeRegionEvidenceType(actor, region.id, params.typeId!)
    if (!result.ok) return data({ reply: undefined, error: result.message }, { status: 400 })
    return redirectWithFlash(request, back, 'Het soort bewijsstuk is verwijderd.')
  }
  const submission = parseWithZod(formData, { schema: regionEvidenceTypeSchema })
  if (submission.status !== 'success')
    return data({ reply: submission.reply(), error: null }, { status: 400 })
  const result = await updateRegionEvidenceType(actor, region.id, params.typeId!, submission.value)
  if (!result.ok) {
    const reply = submission.reply(
      result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] },
    )
    return data({ reply, error: null }, { status: 400 })
  }
  return redirectWithFlash(request, back, `"${submission.value.name}" is gewijzigd.`)
}

export default function BewijstypeWijzigen() {
  const { region, type } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const inUse = type.itemCount > 0 || type.requiredCount > 0
  return (
    <>
      <Paragraph>
        <Link href={`/regio/${region.slug}/bewijstypen`}>Terug naar de soorten bewijsstukken</Link>
      </Paragraph>
      <Heading1>{type.name}</Heading1>
      <EvidenceTypeForm lastResult={actionData?.reply} defaults={type} submitLabel="Wijziging opslaan" />
      <Heading2>Verwijderen</Heading2>
      {actionData?.error ? <Alert type="error">{actionData.error}</Alert> : null}
      {inUse ? (
        <Paragraph>
          Dit soort wordt gebruikt ({type.requiredCount} eisen, {type.itemCount} bewijsstukken) en kan niet
          weg.
        </Paragraph>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="verwijderen" />
          <Button type="submit" appearance="secondary-action-button">
            Soort verwijderen
          </Button>
        </Form>
      )}
    </>
  )
}
