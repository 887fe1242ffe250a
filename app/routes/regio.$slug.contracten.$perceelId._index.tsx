import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Button,
  ButtonLink,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { FormErrors, TextField } from '~/components/form-field'
import { actorOf, notFound, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import {
  addExtension,
  ContractRuleError,
  decideExtension,
  findRegionPerceel,
  saveContract,
} from '~/domain/contracts/contracts.server'
import {
  dueDayLabel,
  KIND_LABELS,
  RECURRENCE_LABELS,
  type ObligationKind,
  type Recurrence,
} from '~/domain/contracts/recurrence'
import { contractTermsSchema, decisionSchema, extensionSchema } from '~/domain/contracts/schemas'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate, toDateInputValue } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Contract ${data?.perceel.name ?? ''} | Aanbiederspoort` },
]

const ROLES = ['inkoper', 'contractmanager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, [...ROLES])
  const perceel = await findRegionPerceel(region.id, params.perceelId!)
  if (!perceel) notFound()
  return { region, perceel }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, [...ROLES])
  const perceel = await findRegionPerceel(region.id, params.perceelId!)
  if (!perceel) notFound()
  const formData = await request.formData()
  const intent = formData.get('intent')
  const actor = actorOf(viewer, request)
  const here = `/regio/${region.slug}/contracten/${perceel.id}`
  try {
    if (intent === 'looptijd') {
      const submission = parseWithZod(formData, { schema: contractTermsSchema })
      if (submission.status !== 'success') return data({ intent, reply: submission.reply() }, { status: 400 })
      await saveContract({ regionId: region.id, perceelId: perceel.id, terms: submission.value, actor })
      return redirectWithFlash(request, here, 'De looptijd van het contract is opgeslagen.')
    }
    if (intent === 'verlengingsoptie') {
      const submission = parseWithZod(formData, { schema: extensionSchema })
      if (submission.status !== 'success') return data({ intent, reply: submission.reply() }, { status: 400 })
      try {
        await addExtension({ regionId: region.id, perceelId: perceel.id, ...submission.value, actor })
      } catch (error) {
        if (!(error instanceof ContractRuleError)) throw error
        return data(
          { intent, reply: submission.reply({ fieldErrors: { newEndDate: [error.message] } }) },
          { status: 400 },
        )
      }
      return redirectWithFlash(request, here, 'De verlengingsoptie is toegevoegd.')
    }
    if (intent === 'besluit') {
      const submission = parseWithZod(formData, { schema: decisionSchema })
      if (submission.status !== 'success') return data({ intent, reply: submission.reply() }, { status: 400 })
      await decideExtension({ regionId: region.id, perceelId: perceel.id, ...submission.value, actor })
      return redirectWithFlash(
        request,
        here,
        submission.value.decision === 'verlengd'
          ? 'Het contract is verlengd. Aanbieders zien de nieuwe einddatum en krijgen een e-mail.'
          : 'Vastgelegd: het contract wordt niet verlengd. Aanbieders krijgen een e-mail.',
      )
    }
  } catch (error) {
    if (!(error instanceof ContractRuleError)) throw error
    return data(
      { intent, reply: { status: 'error' as const, error: { '': [error.message] } } },
      { status: 400 },
    )
  }
  throw new Response('Onbekende actie', { status: 400 })
}

export default function ContractPerceel() {
  const { region, perceel } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const contract = perceel.contract
  const base = `/regio/${region.slug}/contracten/${perceel.id}`
  const termsResult = actionData?.intent === 'looptijd' ? actionData.reply : undefined
  const extResult = actionData?.intent === 'verlengingsoptie' ? actionData.reply : undefined
  const decisionResult = actionData?.intent === 'besluit' ? actionData.reply : undefined

  const [termsForm, terms] = useForm({
    id: 'looptijd',
    lastResult: termsResult,
    defaultValue: {
      startDate: toDateInputValue(new Date(contract?.startDate ?? perceel.procurement.contractStart)),
      endDate: toDateInputValue(new Date(contract?.endDate ?? perceel.procurement.contractEnd)),
      maxEndDate: contract?.maxEndDate ? toDateInputValue(new Date(contract.maxEndDate)) : undefined,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contractTermsSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const [extForm, ext] = useForm({
    id: 'verlengingsoptie',
    lastResult: extResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: extensionSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })

  return (
    <>
      <Paragraph>
        <Link href={`/regio/${region.slug}/contracten`}>Alle contracten</Link>
      </Paragraph>
      <Heading1>Contract {perceel.name}</Heading1>
      <Paragraph>
        {perceel.procurement.name}
        {perceel.procurement.extensionOptions
          ? `, verlengingsopties: ${perceel.procurement.extensionOptions}`
          : ''}
      </Paragraph>
      {contract ? (
        <Paragraph>
          <ButtonLink href={`${base}/naleving`} appearance="secondary-action-button">
            Nalevingsoverzicht
          </ButtonLink>
        </Paragraph>
      ) : null}

      <Heading2>Looptijd</Heading2>
      {contract ? (
        <Paragraph>
          Het contract loopt van {formatDate(new Date(contract.startDate))} tot en met{' '}
          <strong>{formatDate(new Date(contract.endDate))}</strong>
          {contract.maxEndDate
            ? `, met verlengingen uiterlijk tot en met ${formatDate(new Date(contract.maxEndDate))}`
            : ''}
          .
        </Paragraph>
      ) : (
        <Paragraph>
          Leg eerst de looptijd vast; daarna voegt u verlengingsopties en verplichtingen toe.
        </Paragraph>
      )}
      <Form method="post" {...getFormProps(termsForm)} className="portaal-form">
        <FormErrors errors={termsForm.errors} id={termsForm.errorId} />
        <input type="hidden" name="intent" value="looptijd" />
        <TextField field={terms.startDate} label="Startdatum" type="date" />
        <TextField field={terms.endDate} label="Einddatum (laatste dag van het contract)" type="date" />
        <TextField
          field={terms.maxEndDate}
          label="Uiterste einddatum met alle verlengingen"
          type="date"
          optional
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={navigation.state === 'submitting'}>
            Looptijd opslaan
          </Button>
        </div>
      </Form>

      {contract ? (
        <>
          <Heading2>Verlengingsopties</Heading2>
          <FormErrors errors={decisionResult?.error?.[''] ?? undefined} />
          {contract.extensions.length === 0 ? (
            <Paragraph>Er zijn nog geen verlengingsopties vastgelegd.</Paragraph>
          ) : (
            <div className="portaal-table-wrap">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Optie</TableHeaderCell>
                    <TableHeaderCell scope="col">Beslissen uiterlijk</TableHeaderCell>
                    <TableHeaderCell scope="col">Einddatum na verlenging</TableHeaderCell>
                    <TableHeaderCell scope="col">Besluit</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {contract.extensions.map((e) => (
                    <TableRow key={e.id}>
                      <TableCell>{e.label}</TableCell>
                      <TableCell>{formatDate(new Date(e.decideBy))}</TableCell>
                      <TableCell>{formatDate(new Date(e.newEndDate))}</TableCell>
                      <TableCell>
                        {e.decision ? (
                          `${e.decision === 'verlengd' ? 'Verlengd' : 'Niet verlengd'}${
                            e.decidedAt ? ` (${formatDate(new Date(e.decidedAt))})` : ''
                          }`
                        ) : (
                          <Form method="post" className="portaal-inline-form">
                            <input type="hidden" name="intent" value="besluit" />
                            <input type="hidden" name="extensionId" value={e.id} />
                            <Button
                              type="submit"
                              name="decision"
                              value="verlengd"
                              appearance="secondary-action-button"
                              aria-label={`${e.label}: verlengen`}
                            >
                              Verlengen
                            </Button>{' '}
                            <Button
                              type="submit"
                              name="decision"
                              value="niet_verlengd"
                              appearance="subtle-button"
                              aria-label={`${e.label}: niet verlengen`}
                            >
                              Niet verlengen
                            </Button>
                          </Form>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <Form method="post" {...getFormProps(extForm)} className="portaal-form">
            <FormErrors errors={extForm.errors} id={extForm.errorId} />
            <input type="hidden" name="intent" value="verlengingsoptie" />
            <TextField field={ext.label} label="Naam van de verlengingsoptie" />
            <TextField field={ext.decideBy} label="Beslissen uiterlijk op" type="date" />
            <TextField field={ext.newEndDate} label="Einddatum na verlenging" type="date" />
            <div>
              <Button type="submit" appearance="secondary-action-button">
                Verlengingsoptie toevoegen
              </Button>
            </div>
          </Form>

          <Heading2>Verplichtingen van de aanbieders</Heading2>
          <Paragraph>
            <ButtonLink href={`${base}/sjablonen/nieuw`} appearance="primary-action-button">
              Verplichting toevoegen
            </ButtonLink>
          </Paragraph>
          {contract.templates.length === 0 ? (
            <Paragraph>Er zijn nog geen verplichtingen vastgelegd.</Paragraph>
          ) : (
            <div className="portaal-table-wrap">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Verplichting</TableHeaderCell>
                    <TableHeaderCell scope="col">Soort</TableHeaderCell>
                    <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
                    <TableHeaderCell scope="col">Document</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {contract.templates.map((t) => (
                    <TableRow key={t.id}>
                      <TableCell>
                        <Link href={`${base}/sjablonen/${t.id}`}>{t.title}</Link>
                      </TableCell>
                      <TableCell>{KIND_LABELS[t.kind as ObligationKind] ?? t.kind}</TableCell>
                      <TableCell>
                        {RECURRENCE_LABELS[t.recurrence as Recurrence]}:{' '}
                        {dueDayLabel(t.recurrence as Recurrence, t.dueDay)}
                      </TableCell>
                      <TableCell>{t.requiresDeliverable ? 'Uploaden' : 'Niet nodig'}</TableCell>
                      <TableCell>
                        {t.active ? 'Geldt' : 'Beëindigd'} (versie {t.version})
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      ) : null}
    </>
  )
}
