import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Heading1, Link, Paragraph } from '@utrecht/component-library-react'
import { ObligationTemplateForm } from '~/components/obligation-template-form'
import { actorOf, notFound, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import {
  ContractRuleError,
  findRegionPerceel,
  findRegionTemplate,
  updateTemplate,
} from '~/domain/contracts/contracts.server'
import { templateSchema } from '~/domain/contracts/schemas'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.template.title ?? 'Verplichting'} wijzigen | Aanbiederspoort` },
]

const ROLES = ['inkoper', 'contractmanager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, [...ROLES])
  const perceel = await findRegionPerceel(region.id, params.perceelId!)
  if (!perceel) notFound()
  const template = await findRegionTemplate(region.id, perceel.id, params.templateId!)
  if (!template) notFound()
  return { region, perceel: { id: perceel.id, name: perceel.name }, template }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, [...ROLES])
  const template = await findRegionTemplate(region.id, params.perceelId!, params.templateId!)
  if (!template) notFound()
  const submission = parseWithZod(await request.formData(), { schema: templateSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const v = submission.value
  try {
    const sync = await updateTemplate({
      regionId: region.id,
      perceelId: params.perceelId!,
      templateId: template.id,
      template: {
        kind: v.kind,
        title: v.title,
        description: v.description ?? '',
        recurrence: v.recurrence,
        dueDay: v.dueDay,
        requiresDeliverable: v.requiresDeliverable,
        active: v.active ?? false,
      },
      reason: v.reason,
      actor: actorOf(viewer, request),
    })
    return redirectWithFlash(
      request,
      `/regio/${region.slug}/contracten/${params.perceelId}`,
      `De verplichting is gewijzigd. Toekomstige open verplichtingen: ${sync.created} gepland, ${sync.removed} vervallen. De aanbieders krijgen een e-mail.`,
    )
  } catch (error) {
    if (!(error instanceof ContractRuleError)) throw error
    return data(submission.reply({ formErrors: [error.message] }), { status: 400 })
  }
}

export default function SjabloonWijzigen() {
  const { region, perceel, template } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <Paragraph>
        <Link href={`/regio/${region.slug}/contracten/${perceel.id}`}>
          Terug naar contract {perceel.name}
        </Link>
      </Paragraph>
      <Heading1>{template.title} wijzigen</Heading1>
      <Paragraph>
        Toekomstige open verplichtingen volgen de wijziging. Wat voorbij is, al is ingediend of al is
        beoordeeld, blijft zoals het was. De aanbieders krijgen een e-mail en de wijziging komt in het
        logboek.
      </Paragraph>
      <ObligationTemplateForm
        lastResult={lastResult}
        defaults={template}
        submitLabel="Wijziging opslaan"
        editing
      />
    </>
  )
}
