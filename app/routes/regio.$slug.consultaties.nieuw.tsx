import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Heading1, Paragraph } from '@utrecht/component-library-react'
import { RoundForm } from '~/components/consultation-round-form'
import { actorOf } from '~/domain/accounts/permissions.server'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { regionFormOptions } from '~/domain/consultations/queries.server'
import { createRound } from '~/domain/consultations/rounds.server'
import { roundSchema } from '~/domain/consultations/schemas'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Nieuwe consultatieronde | Aanbiederspoort' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireConsultationStaff(request, params.slug!)
  return { region, options: await regionFormOptions(region.id) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireConsultationStaff(request, params.slug!)
  const submission = parseWithZod(await request.formData(), { schema: roundSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const v = submission.value
  const id = await createRound(
    region.id,
    {
      ...v,
      procurementId: v.procurementId || null,
      questionsDeadline: v.questionsDeadline ?? null,
    },
    actorOf(viewer, request),
  )
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/consultaties/${id}`,
    'De consultatieronde is aangemaakt als concept. Voeg sessies toe en publiceer de ronde.',
  )
}

export default function NieuweRonde() {
  const { region, options } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <Heading1>Nieuwe consultatieronde</Heading1>
      <Paragraph>
        Voor {region.name}. De ronde blijft een concept tot u haar publiceert; tijden zijn Nederlandse tijd.
      </Paragraph>
      <RoundForm
        lastResult={lastResult}
        defaults={{ gemeenteCodes: options.gemeenten.map((g) => g.code) }}
        options={options}
        published={false}
        submitLabel="Concept opslaan"
      />
    </>
  )
}
