import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Alert,
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
import { ReasonForm, StatusText, reasonSchema, type IntentResult } from '~/components/admissions'
import { actorOf, notFound } from '~/domain/accounts/permissions.server'
import { requireRegionStaff } from '~/domain/admissions/guards.server'
import { buyerAdmission } from '~/domain/admissions/queries.server'
import { transitionAdmission } from '~/domain/admissions/admissions.server'
import {
  AdmissionError,
  admissionStateLabel,
  allowedAdmissionActions,
  type AdmissionAction,
} from '~/domain/admissions/state'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate, formatDateTime } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Toelating | Aanbiederspoort' }]

const ROLES = ['inkoper', 'contractmanager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionStaff(request, params.slug, [...ROLES])
  const view = await buyerAdmission(region.id, params.admissionId ?? '')
  if (!view) notFound()
  return { region, ...view, actions: allowedAdmissionActions(view.admission.status) }
}

const LABELS: Record<AdmissionAction, { legend: string; button: string; flash: string }> = {
  schorsen: { legend: 'Toelating schorsen', button: 'Schorsen', flash: 'De toelating is geschorst.' },
  herstellen: {
    legend: 'Schorsing opheffen',
    button: 'Schorsing opheffen',
    flash: 'De schorsing is opgeheven.',
  },
  beeindigen: { legend: 'Toelating beëindigen', button: 'Beëindigen', flash: 'De toelating is beëindigd.' },
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionStaff(request, params.slug, [...ROLES])
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: reasonSchema })
  const intent = String(formData.get('intent') ?? '') as AdmissionAction
  if (!(intent in LABELS)) return data<IntentResult>({ intent, error: 'Onbekende actie.' }, { status: 400 })
  if (submission.status !== 'success')
    return data<IntentResult>({ intent, result: submission.reply() }, { status: 400 })
  try {
    await transitionAdmission({
      admissionId: params.admissionId ?? '',
      action: intent,
      actor: actorOf(viewer, request),
      regionId: region.id,
      reason: submission.value.reason,
    })
  } catch (error) {
    if (error instanceof AdmissionError) {
      if (error.code === 'not_allowed') notFound()
      return data<IntentResult>({ intent, error: error.message }, { status: 409 })
    }
    throw error
  }
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/toelatingen/${params.admissionId}`,
    LABELS[intent].flash,
  )
}

export default function Toelating() {
  const { region, admission, audit, actions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as IntentResult | undefined
  const navigation = useNavigation()
  return (
    <>
      <Heading1>
        Toelating van {admission.organisation.name}: {admission.product.code} {admission.product.name} in{' '}
        {admission.gemeente.name}
      </Heading1>
      <Paragraph>
        <Link href={`/regio/${region.slug}/toelatingen`}>Terug naar de toelatingen</Link>
        {admission.entryId ? (
          <>
            {' · '}
            <Link href={`/regio/${region.slug}/toetredingen/${admission.entryId}`}>Bekijk de toetreding</Link>
          </>
        ) : null}
      </Paragraph>
      <dl className="portaal-dl">
        <dt>Status</dt>
        <dd>
          <StatusText>{admissionStateLabel(admission.status)}</StatusText>
        </dd>
        <dt>Perceel</dt>
        <dd>{admission.perceel.name}</dd>
        <dt>Vorm</dt>
        <dd>
          {admission.source === 'gunning' ? (
            <>
              Gegund op {admission.awardedAt ? formatDate(new Date(admission.awardedAt)) : '–'}
              {admission.tenderNedUrl ? (
                <>
                  {' '}
                  (<Link href={admission.tenderNedUrl}>aankondiging op TenderNed</Link>)
                </>
              ) : null}
            </>
          ) : (
            'Open house'
          )}
        </dd>
        <dt>Sinds</dt>
        <dd>{formatDate(new Date(admission.since))}</dd>
        {admission.endedAt ? (
          <>
            <dt>Beëindigd op</dt>
            <dd>{formatDate(new Date(admission.endedAt))}</dd>
          </>
        ) : null}
        {admission.revalidationDueAt ? (
          <>
            <dt>Jaarlijkse bevestiging uiterlijk</dt>
            <dd>
              {formatDate(new Date(admission.revalidationDueAt))}
              {admission.revalidatedAt
                ? ` (laatst bevestigd ${formatDate(new Date(admission.revalidatedAt))})`
                : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {actionData?.error ? (
        <div role="alert">
          <Alert type="error">
            <Paragraph>{actionData.error}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {actions.map((a) => (
        <ReasonForm
          key={a}
          intent={a}
          legend={LABELS[a].legend}
          label="Reden"
          description="De aanbieder krijgt de reden per e-mail."
          button={LABELS[a].button}
          lastResult={actionData}
          busy={navigation.state === 'submitting'}
        />
      ))}
      <Heading2>Audittrail</Heading2>
      {audit.length === 0 ? (
        <Paragraph>Nog geen wijzigingen.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableCaption>Wijzigingen van deze toelating</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
                <TableHeaderCell scope="col">Wie</TableHeaderCell>
                <TableHeaderCell scope="col">Wat</TableHeaderCell>
                <TableHeaderCell scope="col">Reden</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {audit.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{formatDateTime(new Date(a.at))}</TableCell>
                  <TableCell>{a.actorLabel}</TableCell>
                  <TableCell>{a.summary}</TableCell>
                  <TableCell>{a.reason ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  )
}
