import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { FormErrors } from '~/components/form-field'
import { SessionFields } from '~/components/consultation-session-fields'
import { actorOf, notFound } from '~/domain/accounts/permissions.server'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { addSession } from '~/domain/consultations/rounds.server'
import { sessionSchema } from '~/domain/consultations/schemas'
import { db } from '~/utils/db.server'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Sessie toevoegen | Aanbiederspoort' }]

async function roundOf(regionId: string, roundId: string) {
  const round = await db.consultationRound.findFirst({
    where: { id: roundId, regionId },
    select: { id: true, title: true },
  })
  if (!round) notFound()
  return round
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireConsultationStaff(request, params.slug!)
  return { round: await roundOf(region.id, params.roundId!) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireConsultationStaff(request, params.slug!)
  const round = await roundOf(region.id, params.roundId!)
  const submission = parseWithZod(await request.formData(), { schema: sessionSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const v = submission.value
  const result = await addSession(
    region.id,
    round.id,
    { ...v, address: v.address ?? null, onlineUrl: v.onlineUrl ?? null },
    actorOf(viewer, request),
  )
  if (!result.ok) {
    return data(
      submission.reply({
        fieldErrors: {
          reservations: [`Geen organisatie gevonden met KvK-nummer ${result.unknownKvk.join(', ')}`],
        },
      }),
      { status: 400 },
    )
  }
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/consultaties/${round.id}`,
    'De sessie is toegevoegd.',
  )
}

export default function SessieToevoegen() {
  const { round } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { kind: 'dialoogsessie', durationMinutes: '90', seatsPerOrganisation: '2' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sessionSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Sessie toevoegen</Heading1>
      <Paragraph>Voor {round.title}. Tijden zijn Nederlandse tijd.</Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <SessionFields fields={fields} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Sessie toevoegen
          </Button>
        </div>
      </Form>
    </>
  )
}
