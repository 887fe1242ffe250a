import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Heading1, Link, Paragraph } from '@utrecht/component-library-react'
import { ObligationTemplateForm } from '~/components/obligation-template-form'
import { actorOf, notFound, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { ContractRuleError, createTemplate, findRegionPerceel } from '~/domain/contracts/contracts.server'
import { templateSchema } from '~/domain/contracts/schemas'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Verplichting toevoegen | Aanbiederspoort' }]

const ROLES = ['inkoper', 'contractmanager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, [...ROLES])
  const perceel = await findRegionPerceel(region.id, params.perceelId!)
  if (!perceel?.contract) notFound()
  return { region, perceel: { id: perceel.id, name: perceel.name } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, [...ROLES])
  const perceel = await findRegionPerceel(region.id, params.perceelId!)
  if (!perceel?.contract) notFound()
  const submission = parseWithZod(await request.formData(), { schema: templateSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const v = submission.value
  try {
    const { created } = await createTemplate({
      regionId: region.id,
      perceelId: perceel.id,
      template: {
        kind: v.kind,
        title: v.title,
        description: v.description ?? '',
        recurrence: v.recurrence,
        dueDay: v.dueDay,
        requiresDeliverable: v.requiresDeliverable,
      },
      actor: actorOf(viewer, request),
    })
    return redirectWithFlash(
      request,
      `/regio/${region.slug}/contracten/${perceel.id}`,
      `De verplichting "${v.title}" is toegevoegd. Voor de toegelaten aanbieders zijn ${created} data gepland.`,
    )
  } catch (error) {
    if (!(error instanceof ContractRuleError)) throw error
    return data(submission.reply({ formErrors: [error.message] }), { status: 400 })
  }
}

export default function NieuwSjabloon() {
  const { region, perceel } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <Paragraph>
        <Link href={`/regio/${region.slug}/contracten/${perceel.id}`}>
          Terug naar contract {perceel.name}
        </Link>
      </Paragraph>
      <Heading1>Verplichting toevoegen</Heading1>
      <Paragraph>
        Voor elke toegelaten aanbieder van {perceel.name} plannen wij de data vanaf vandaag tot het einde van
        het contract. Nieuwe aanbieders krijgen de data vanaf hun toetreding.
      </Paragraph>
      <ObligationTemplateForm lastResult={lastResult} submitLabel="Verplichting toevoegen" />
    </>
  )
}
