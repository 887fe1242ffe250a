import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { FormErrors, SelectField, TextareaField, TextField } from '~/components/form-field'
import { actorOf, notFound } from '~/domain/accounts/permissions.server'
import { requireConsultationStaff } from '~/domain/consultations/access.server'
import { addSession } from '~/domain/consultations/rounds.server'
import { SESSION_KIND_LABELS, SESSION_KINDS } from '~/domain/consultations/rules'
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
        <SelectField
          field={fields.kind}
          label="Soort sessie"
          options={SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))}
        />
        <TextField field={fields.title} label="Titel" />
        <TextField field={fields.startsAt} label="Begint op" type="datetime-local" />
        <TextField field={fields.durationMinutes} label="Duur in minuten" inputMode="numeric" />
        <TextField
          field={fields.address}
          label="Adres"
          optional
          description="Vul een adres, een online link of beide in."
        />
        <TextField
          field={fields.onlineUrl}
          label="Online link"
          type="url"
          optional
          description="Alleen aangemelde deelnemers zien deze link."
        />
        <TextField field={fields.seats} label="Aantal plaatsen" inputMode="numeric" />
        <TextField field={fields.seatsPerOrganisation} label="Plaatsen per organisatie" inputMode="numeric" />
        <TextField field={fields.registrationDeadline} label="Aanmelden kan tot" type="datetime-local" />
        <TextareaField
          field={fields.reservations}
          label="Gereserveerde plaatsen voor uitgenodigde organisaties"
          optional
          description='Eén organisatie per regel: "KvK-nummer: aantal plaatsen", bijvoorbeeld "30123456: 1".'
          rows={4}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
            Sessie toevoegen
          </Button>
        </div>
      </Form>
    </>
  )
}
