import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { FormErrors, TextareaField } from '~/components/form-field'
import { RadioGroupField } from '~/components/choice-fields'
import { ObligationStatus } from '~/components/obligation-status'
import { actorOf, notFound, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import {
  ContractRuleError,
  findRegionObligation,
  reviewObligation,
} from '~/domain/contracts/contracts.server'
import { displayStatus, KIND_LABELS, type ObligationKind } from '~/domain/contracts/recurrence'
import { reviewSchema } from '~/domain/contracts/schemas'
import { now } from '~/utils/clock'
import { formatFileSize } from '~/utils/files'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate, formatDateTime } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.obligation.title ?? 'Verplichting'} beoordelen | Aanbiederspoort` },
]

const ROLES = ['inkoper', 'contractmanager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, [...ROLES])
  const obligation = await findRegionObligation(region.id, params.obligationId!)
  if (!obligation) notFound()
  return { region, obligation, display: displayStatus(obligation.status, obligation.dueDate, now()) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, [...ROLES])
  const obligation = await findRegionObligation(region.id, params.obligationId!)
  if (!obligation) notFound()
  const submission = parseWithZod(await request.formData(), { schema: reviewSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  try {
    await reviewObligation({
      regionId: region.id,
      obligationId: obligation.id,
      decision: submission.value.decision,
      message: submission.value.message,
      actor: actorOf(viewer, request),
    })
  } catch (error) {
    if (!(error instanceof ContractRuleError)) throw error
    return data(submission.reply({ formErrors: [error.message] }), { status: 400 })
  }
  const perceelId = obligation.template.contract.perceel.id
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/contracten/${perceelId}/naleving`,
    submission.value.decision === 'geaccepteerd'
      ? `Geaccepteerd: ${obligation.title} van ${obligation.organisation.name}.`
      : `Correctie gevraagd aan ${obligation.organisation.name}. De aanbieder krijgt uw toelichting per e-mail.`,
  )
}

export default function VerplichtingBeoordelen() {
  const { region, obligation, display } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const perceel = obligation.template.contract.perceel
  return (
    <>
      <Paragraph>
        <Link href={`/regio/${region.slug}/contracten/${perceel.id}/naleving`}>
          Terug naar naleving {perceel.name}
        </Link>
      </Paragraph>
      <Heading1>{obligation.title}</Heading1>
      <DataList>
        <DataListItem>
          <DataListKey>Aanbieder</DataListKey>
          <DataListValue>
            {obligation.organisation.name} (KvK {obligation.organisation.kvkNummer})
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Perceel</DataListKey>
          <DataListValue>{perceel.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Soort</DataListKey>
          <DataListValue>{KIND_LABELS[obligation.kind as ObligationKind] ?? obligation.kind}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Uiterste datum</DataListKey>
          <DataListValue>{formatDate(new Date(obligation.dueDate))}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Status</DataListKey>
          <DataListValue>
            <ObligationStatus status={display} />
          </DataListValue>
        </DataListItem>
        {obligation.correction ? (
          <DataListItem>
            <DataListKey>Laatst gevraagde correctie</DataListKey>
            <DataListValue multiline>{obligation.correction}</DataListValue>
          </DataListItem>
        ) : null}
      </DataList>

      <Heading2>Inzendingen</Heading2>
      {obligation.deliverables.length === 0 ? (
        <Paragraph>De aanbieder heeft nog niets ingediend.</Paragraph>
      ) : (
        <UnorderedList>
          {obligation.deliverables.map((d) => (
            <UnorderedListItem key={d.id}>
              {formatDateTime(new Date(d.createdAt))}:{' '}
              {d.file ? (
                <Link href={`/regio/${region.slug}/contracten/bestand/${d.id}`}>
                  {d.file.displayName} ({formatFileSize(d.file.size)})
                </Link>
              ) : (
                'zonder document'
              )}
              {d.note ? ` — ${d.note}` : ''}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}

      {obligation.status === 'ingediend' ? (
        <>
          <Heading2>Beoordelen</Heading2>
          <Form method="post" {...getFormProps(form)} className="portaal-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            <RadioGroupField
              field={fields.decision}
              legend="Uw oordeel"
              options={[
                { value: 'geaccepteerd', label: 'Accepteren' },
                { value: 'correctie_gevraagd', label: 'Correctie vragen' },
              ]}
            />
            <TextareaField
              field={fields.message}
              label="Toelichting voor de aanbieder"
              description="Nodig bij een correctie: schrijf wat de aanbieder moet verbeteren. De aanbieder krijgt dit per e-mail."
              optional
              rows={4}
            />
            <div>
              <Button
                type="submit"
                appearance="primary-action-button"
                busy={navigation.state === 'submitting'}
              >
                Oordeel opslaan
              </Button>
            </div>
          </Form>
        </>
      ) : null}
    </>
  )
}
