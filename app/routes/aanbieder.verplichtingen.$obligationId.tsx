import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Alert,
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
import { FileField, FormErrors, TextareaField } from '~/components/form-field'
import { ObligationStatus } from '~/components/obligation-status'
import {
  actorOf,
  forbidden,
  maySubmitFor,
  notFound,
  requireCurrentOrganisation,
} from '~/domain/accounts/permissions.server'
import { NO_SUBMIT_RIGHTS } from '~/domain/accounts/roles'
import { ContractRuleError } from '~/domain/contracts/contracts.server'
import { getProviderObligation, submitObligation } from '~/domain/contracts/provider.server'
import { KIND_LABELS, type ObligationKind } from '~/domain/contracts/recurrence'
import { submitSchema } from '~/domain/contracts/schemas'
import { ACCEPT_ATTRIBUTE, formatFileSize } from '~/utils/files'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate, formatDateTime } from '~/utils/time'
import { UploadRequestError, withUpload } from '~/utils/upload.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.obligation.title ?? 'Verplichting'} | Aanbiederspoort` },
]

const FILE_FIELD = 'bestand'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership, organisationId } = await requireCurrentOrganisation(request)
  const obligation = await getProviderObligation(organisationId, params.obligationId!)
  if (!obligation) notFound()
  return { obligation, mayAct: maySubmitFor(membership) }
}

type Reply = SubmissionResult<string[]>
type Outcome = { ok: true } | { ok: false; reply: Reply }

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership, organisationId } = await requireCurrentOrganisation(request)
  const obligation = await getProviderObligation(organisationId, params.obligationId!)
  if (!obligation) notFound()
  if (!maySubmitFor(membership)) forbidden()
  const actor = { ...actorOf(viewer, request), userId: viewer.user.id }
  try {
    const outcome = await withUpload<Outcome>(
      request,
      { fileFields: [FILE_FIELD], maxFiles: 1 },
      async (upload) => {
        const submission = parseWithZod(upload.fields, { schema: submitSchema })
        const fileErrors = [...(upload.fileErrors[FILE_FIELD] ?? [])]
        const file = upload.files[0] ?? null
        if (fileErrors.length === 0 && !file && obligation.requiresDeliverable) {
          fileErrors.push('Kies het document dat bij deze verplichting hoort (PDF, PNG of JPEG).')
        }
        if (submission.status !== 'success' || fileErrors.length > 0) {
          const fieldErrors: Record<string, string[]> = {}
          if (fileErrors.length > 0) fieldErrors[FILE_FIELD] = fileErrors
          return { keep: false, result: { ok: false, reply: submission.reply({ fieldErrors }) as Reply } }
        }
        try {
          await submitObligation({
            organisationId,
            obligationId: obligation.id,
            note: submission.value.note ?? '',
            file,
            actor,
          })
        } catch (error) {
          if (!(error instanceof ContractRuleError)) throw error
          return {
            keep: false,
            result: { ok: false, reply: submission.reply({ formErrors: [error.message] }) as Reply },
          }
        }
        return { keep: true, result: { ok: true } }
      },
    )
    if (!outcome.ok) return data(outcome.reply, { status: 400 })
  } catch (error) {
    if (!(error instanceof UploadRequestError)) throw error
    return data({ status: 'error', error: { '': [error.message] } } as Reply, { status: error.status })
  }
  return redirectWithFlash(
    request,
    '/aanbieder/verplichtingen',
    `Ingediend: ${obligation.title}. De gemeente beoordeelt het; u krijgt bericht.`,
  )
}

export default function Verplichting() {
  const { obligation, mayAct } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: submitSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const isMeeting = obligation.kind === 'overleg'
  const submitLabel = obligation.requiresDeliverable
    ? 'Indienen'
    : isMeeting
      ? 'Markeren als gehouden'
      : 'Markeren als gedaan'
  return (
    <>
      <Paragraph>
        <Link href="/aanbieder/verplichtingen">Terug naar mijn verplichtingen</Link>
      </Paragraph>
      <Heading1>{obligation.title}</Heading1>
      <DataList>
        <DataListItem>
          <DataListKey>Perceel</DataListKey>
          <DataListValue>
            {obligation.template.contract.perceel.name} (
            {obligation.template.contract.perceel.procurement.region.name})
          </DataListValue>
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
            <ObligationStatus status={obligation.display} />
          </DataListValue>
        </DataListItem>
        {obligation.description ? (
          <DataListItem>
            <DataListKey>Wat u moet doen</DataListKey>
            <DataListValue multiline>{obligation.description}</DataListValue>
          </DataListItem>
        ) : null}
      </DataList>

      {obligation.status === 'correctie_gevraagd' && obligation.correction ? (
        <Alert type="warning">
          <Paragraph>
            <strong>De gemeente vraagt een correctie:</strong> {obligation.correction}
          </Paragraph>
        </Alert>
      ) : null}

      {obligation.deliverables.length > 0 ? (
        <>
          <Heading2>Eerder ingediend</Heading2>
          <UnorderedList>
            {obligation.deliverables.map((d) => (
              <UnorderedListItem key={d.id}>
                {formatDateTime(new Date(d.createdAt))}:{' '}
                {d.file ? (
                  <Link href={`/aanbieder/verplichtingen/bestand/${d.id}`}>
                    {d.file.displayName} ({formatFileSize(d.file.size)})
                  </Link>
                ) : (
                  'zonder document'
                )}
                {d.note ? ` — ${d.note}` : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}

      {obligation.maySubmit && !mayAct ? <Paragraph>{NO_SUBMIT_RIGHTS}</Paragraph> : null}
      {obligation.maySubmit && mayAct ? (
        <>
          <Heading2>
            {obligation.requiresDeliverable
              ? 'Document indienen'
              : isMeeting
                ? 'Gesprek gehouden'
                : 'Afronden'}
          </Heading2>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="portaal-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            <FileField
              field={fields.bestand}
              label="Document"
              optional={!obligation.requiresDeliverable}
              accept={ACCEPT_ATTRIBUTE}
              description="PDF, PNG of JPEG, hoogstens 20 MB."
            />
            <TextareaField
              field={fields.note}
              label={isMeeting ? 'Datum en korte notitie van het gesprek' : 'Toelichting'}
              optional
              rows={3}
            />
            <div>
              <Button
                type="submit"
                appearance="primary-action-button"
                busy={navigation.state === 'submitting'}
              >
                {submitLabel}
              </Button>
            </div>
          </Form>
        </>
      ) : null}
    </>
  )
}
