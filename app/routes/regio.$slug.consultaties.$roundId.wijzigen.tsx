import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Heading1, Paragraph } from '@utrecht/component-library-react'
import { RoundForm } from '~/components/consultation-round-form'
import { actorOf, notFound } from '~/domain/accounts/permissions.server'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { getRegionRound, regionFormOptions } from '~/domain/consultations/queries.server'
import { updateRound } from '~/domain/consultations/rounds.server'
import { roundSchema } from '~/domain/consultations/schemas'
import { redirectWithFlash } from '~/utils/session.server'
import { toDateTimeLocalValue } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Consultatieronde wijzigen | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireConsultationStaff(request, params.slug!)
  const round = await getRegionRound(region.id, params.roundId!)
  if (!round) notFound()
  return {
    region,
    published: round.status !== 'concept',
    title: round.title,
    defaults: {
      title: round.title,
      description: round.description,
      gemeenteCodes: round.gemeenten.map((g) => g.gemeenteCode),
      procurementId: round.procurementId ?? '',
      segmentIds: round.segments.map((s) => s.segmentId),
      opensAt: toDateTimeLocalValue(round.opensAt),
      closesAt: toDateTimeLocalValue(round.closesAt),
      questionsDeadline: round.questionsDeadline ? toDateTimeLocalValue(round.questionsDeadline) : '',
      prompts: round.writtenPrompts.map((p) => p.text).join('\n'),
      publishAttendees: round.publishAttendees,
      inviteCouncils: round.inviteCouncils,
    },
    options: await regionFormOptions(region.id),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireConsultationStaff(request, params.slug!)
  const round = await getRegionRound(region.id, params.roundId!)
  if (!round) notFound()
  const published = round.status !== 'concept'
  const formData = await request.formData()
  // Whether a summary is needed follows the round, not what the browser sent.
  formData.set('published', published ? 'on' : '')
  const submission = parseWithZod(formData, { schema: roundSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const v = submission.value
  if (published && !v.changeSummary) {
    return data(
      submission.reply({ fieldErrors: { changeSummary: ['Beschrijf kort wat er is gewijzigd'] } }),
      { status: 400 },
    )
  }
  const result = await updateRound(
    region.id,
    round.id,
    { ...v, procurementId: v.procurementId || null, questionsDeadline: v.questionsDeadline ?? null },
    published ? (v.changeSummary ?? null) : null,
    actorOf(viewer, request),
  )
  if (!result.ok && result.reason === 'vragen') {
    return data(submission.reply({ fieldErrors: { prompts: [result.message] } }), { status: 400 })
  }
  if (!result.ok) notFound()
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/consultaties/${round.id}`,
    published
      ? 'De wijziging is opgeslagen, staat op de pagina van de ronde en is gemaild naar de aangemelde deelnemers.'
      : 'Het concept is opgeslagen.',
  )
}

export default function RondeWijzigen() {
  const { title, defaults, options, published } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <Heading1>Ronde wijzigen</Heading1>
      <Paragraph>{title}</Paragraph>
      {published ? (
        <Paragraph>
          Deze ronde is gepubliceerd. Elke wijziging komt met de datum op de pagina van de ronde en gaat per
          e-mail naar iedereen die zich voor een sessie heeft aangemeld.
        </Paragraph>
      ) : null}
      <RoundForm
        lastResult={lastResult}
        defaults={defaults}
        options={options}
        published={published}
        submitLabel={published ? 'Wijziging publiceren' : 'Concept opslaan'}
      />
    </>
  )
}
