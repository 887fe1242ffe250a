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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { Documents } from '~/components/documents'
import { PerceelBasicsFields } from '~/components/perceel-fields'
import { FormErrors, SelectField, TextField, TextareaField } from '~/components/form-field'
import { CheckboxField } from '~/components/choice-fields'
import { actorOf, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import {
  addMilestone,
  closeProcurement,
  createPerceel,
  createSegment,
  getProcurementForBuyer,
  listSegments,
  publishProcurement,
  removeMilestone,
} from '~/domain/catalogue/catalogue.server'
import { LAW_LABELS, LAWS, lawsLabel } from '~/domain/catalogue/product-categories'
import {
  INKOOPVORM_LABELS,
  PROCUREMENT_STATUS_LABELS,
  REGIME_LABELS,
  savedMessage,
  type Inkoopvorm,
  type Regime,
} from '~/domain/catalogue/rules'
import {
  closeSchema,
  milestoneSchema,
  perceelSchema,
  publishSchema,
  segmentSchema,
} from '~/domain/catalogue/schemas'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate, formatDateTime } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.procurement.name ?? 'Inkooptraject'} | Aanbiederspoort` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const [procurement, segments] = await Promise.all([
    getProcurementForBuyer(region.id, params.procurementId!),
    listSegments(region.id),
  ])
  return { region, procurement, segments }
}

type Intent = 'perceel' | 'segment' | 'mijlpaal' | 'publiceren' | 'sluiten'

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const procurementId = params.procurementId!
  const scope = { regionId: region.id, actor: actorOf(viewer, request) }
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const here = `/regio/${region.slug}/inkoop/${procurementId}`
  const fail = (i: Intent, result: SubmissionResult<string[]>) => data({ intent: i, result }, { status: 400 })

  if (intent === 'perceel') {
    const submission = parseWithZod(formData, { schema: perceelSchema })
    if (submission.status !== 'success') return fail('perceel', submission.reply())
    const created = await createPerceel(scope, procurementId, submission.value)
    if (!created.ok) return fail('perceel', submission.reply({ fieldErrors: created.errors }))
    return redirectWithFlash(
      request,
      `${here}/percelen/${created.id}`,
      savedMessage(`Perceel "${submission.value.name}" is aangemaakt.`, created.published),
    )
  }
  if (intent === 'segment') {
    const submission = parseWithZod(formData, { schema: segmentSchema })
    if (submission.status !== 'success') return fail('segment', submission.reply())
    const created = await createSegment(scope, submission.value)
    if (!created.ok) return fail('segment', submission.reply({ fieldErrors: created.errors }))
    return redirectWithFlash(request, here, `Segment "${submission.value.name}" is aangemaakt.`)
  }
  if (intent === 'mijlpaal') {
    const submission = parseWithZod(formData, { schema: milestoneSchema })
    if (submission.status !== 'success') return fail('mijlpaal', submission.reply())
    const published = await addMilestone(scope, procurementId, submission.value)
    return redirectWithFlash(request, here, savedMessage('De mijlpaal is toegevoegd.', published))
  }
  if (intent === 'mijlpaal-verwijderen') {
    const published = await removeMilestone(scope, procurementId, String(formData.get('milestoneId') ?? ''))
    return redirectWithFlash(request, here, savedMessage('De mijlpaal is verwijderd.', published))
  }
  if (intent === 'publiceren') {
    const submission = parseWithZod(formData, { schema: publishSchema })
    if (submission.status !== 'success') return fail('publiceren', submission.reply())
    const published = await publishProcurement(scope, procurementId, submission.value.summary)
    if (!published.ok) return fail('publiceren', submission.reply({ formErrors: [published.message] }))
    return redirectWithFlash(
      request,
      here,
      `Versie ${published.version} is gepubliceerd in de inkoopagenda. ${published.notified} organisaties krijgen een e-mail.`,
    )
  }
  if (intent === 'sluiten') {
    const submission = parseWithZod(formData, { schema: closeSchema })
    if (submission.status !== 'success') return fail('sluiten', submission.reply())
    const closed = await closeProcurement(scope, procurementId, submission.value.reason)
    if (!closed.ok) return fail('sluiten', submission.reply({ formErrors: [closed.message] }))
    return redirectWithFlash(
      request,
      here,
      `Het inkooptraject is gesloten. ${closed.notified} organisaties krijgen een e-mail.`,
    )
  }
  throw new Response('Onbekende handeling', { status: 400 })
}

function useIntentForm<S extends Parameters<typeof parseWithZod>[1]['schema']>(intent: Intent, schema: S) {
  const actionData = useActionData<typeof action>()
  return useForm({
    id: `form-${intent}`,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
}

export default function Inkooptraject() {
  const { region, procurement, segments } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const [perceelForm, perceelFields] = useIntentForm('perceel', perceelSchema)
  const [segmentForm, segmentFields] = useIntentForm('segment', segmentSchema)
  const [milestoneForm, milestoneFields] = useIntentForm('mijlpaal', milestoneSchema)
  const [publishForm, publishFields] = useIntentForm('publiceren', publishSchema)
  const [closeForm, closeFields] = useIntentForm('sluiten', closeSchema)
  const base = `/regio/${region.slug}/inkoop/${procurement.id}`
  const published = procurement.status !== 'concept'
  const closed = procurement.status === 'gesloten'

  return (
    <>
      <Heading1>{procurement.name}</Heading1>
      {closed ? (
        <Alert type="info">
          Dit inkooptraject is gesloten. Het blijft openbaar te lezen en toelatingen lopen door, maar er
          kunnen geen inschrijvingen en wijzigingen meer bij.
        </Alert>
      ) : null}
      <DataList>
        <DataListItem>
          <DataListKey>Status</DataListKey>
          <DataListValue>
            {PROCUREMENT_STATUS_LABELS[procurement.status] ?? procurement.status}
            {procurement.version > 0 ? `, versie ${procurement.version}` : ''}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Wetten</DataListKey>
          <DataListValue>{lawsLabel(procurement.laws)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Contractperiode</DataListKey>
          <DataListValue>
            {formatDate(new Date(procurement.contractStart))} tot en met{' '}
            {formatDate(new Date(procurement.contractEnd))}
            {procurement.extensionOptions ? `, verlenging ${procurement.extensionOptions}` : ''}
          </DataListValue>
        </DataListItem>
      </DataList>
      {procurement.description ? <Paragraph>{procurement.description}</Paragraph> : null}
      {closed ? null : (
        <Paragraph>
          <Link href={`${base}/bewerken`}>Gegevens van het traject wijzigen</Link>
        </Paragraph>
      )}
      {published ? (
        <Paragraph>
          <Link href={`/inkoopagenda/${procurement.id}`}>Bekijk de openbare pagina in de inkoopagenda</Link>
        </Paragraph>
      ) : null}

      <Heading2>Documenten</Heading2>
      <Documents
        documents={procurement.documents}
        href={(id) => `${base}/documenten/${id}`}
        caption={`Documenten van ${procurement.name}`}
        empty="Er zijn nog geen documenten."
      />
      {closed ? null : (
        <Paragraph>
          <Link href={`${base}/documenten`}>Documenten beheren</Link>
        </Paragraph>
      )}

      <Heading2>Percelen</Heading2>
      {procurement.percelen.length === 0 ? (
        <Paragraph>Dit traject heeft nog geen percelen.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Perceel</TableHeaderCell>
                <TableHeaderCell scope="col">Inkoopvorm</TableHeaderCell>
                <TableHeaderCell scope="col">Producten</TableHeaderCell>
                <TableHeaderCell scope="col">Gemeenten</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {procurement.percelen.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <Link href={`${base}/percelen/${p.id}`}>{p.name}</Link>
                  </TableCell>
                  <TableCell>
                    {INKOOPVORM_LABELS[p.inkoopvorm as Inkoopvorm] ?? p.inkoopvorm}
                    {p.registrationRegime
                      ? ` (${REGIME_LABELS[p.registrationRegime as Regime].toLowerCase()})`
                      : ''}
                  </TableCell>
                  <TableCell>{p._count.products}</TableCell>
                  <TableCell>{p._count.gemeenten}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {closed ? null : (
        <Form method="post" {...getFormProps(perceelForm)} className="portaal-form portaal-card">
          <Heading2 id="nieuw-perceel">Perceel toevoegen</Heading2>
          <input type="hidden" name="intent" value="perceel" />
          <FormErrors errors={perceelForm.errors} id={perceelForm.errorId} />
          <PerceelBasicsFields
            fields={perceelFields}
            justificationDescription="Verplicht bij open house. Waarom is open house hier aantoonbaar beter? Deze tekst staat in de openbare inkoopagenda."
          />
          <div>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              Perceel opslaan
            </Button>
          </div>
        </Form>
      )}

      <Heading2>Tijdlijn</Heading2>
      {procurement.milestones.length === 0 ? (
        <Paragraph>Er zijn nog geen mijlpalen.</Paragraph>
      ) : (
        <UnorderedList>
          {procurement.milestones.map((m) => (
            <UnorderedListItem key={m.id}>
              {formatDateTime(new Date(m.at))}: {m.label}
              {m.ifNeeded ? ' (indien nodig)' : ''}{' '}
              <Form method="post" className="portaal-inline-form">
                <input type="hidden" name="intent" value="mijlpaal-verwijderen" />
                <input type="hidden" name="milestoneId" value={m.id} />
                <Button type="submit" appearance="subtle-button">
                  Verwijder<span className="portaal-visually-hidden"> mijlpaal {m.label}</span>
                </Button>
              </Form>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {closed ? null : (
        <Form method="post" {...getFormProps(milestoneForm)} className="portaal-form portaal-card">
          <Heading2 id="nieuwe-mijlpaal">Mijlpaal toevoegen</Heading2>
          <input type="hidden" name="intent" value="mijlpaal" />
          <FormErrors errors={milestoneForm.errors} id={milestoneForm.errorId} />
          <TextField field={milestoneFields.label} label="Omschrijving van de mijlpaal" />
          <TextField field={milestoneFields.at} label="Datum en tijd" type="datetime-local" />
          <CheckboxField field={milestoneFields.ifNeeded} label='Alleen "indien nodig"' />
          <div>
            <Button type="submit" appearance="secondary-action-button" busy={busy}>
              Mijlpaal toevoegen
            </Button>
          </div>
        </Form>
      )}

      <Heading2>Segmenten van de regio</Heading2>
      {segments.length === 0 ? (
        <Paragraph>Deze regio heeft nog geen segmenten.</Paragraph>
      ) : (
        <UnorderedList>
          {segments.map((s) => (
            <UnorderedListItem key={s.id}>
              {s.name} ({LAW_LABELS[s.law as 'wmo' | 'jeugd'] ?? s.law})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Form method="post" {...getFormProps(segmentForm)} className="portaal-form portaal-card">
        <Heading2 id="nieuw-segment">Segment toevoegen</Heading2>
        <input type="hidden" name="intent" value="segment" />
        <FormErrors errors={segmentForm.errors} id={segmentForm.errorId} />
        <TextField field={segmentFields.name} label="Naam van het segment" />
        <SelectField
          field={segmentFields.law}
          label="Wet"
          placeholder="Kies een wet"
          options={LAWS.map((l) => ({ value: l, label: LAW_LABELS[l] }))}
        />
        <TextareaField field={segmentFields.description} label="Omschrijving" optional rows={2} />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            Segment toevoegen
          </Button>
        </div>
      </Form>

      {closed ? null : (
        <>
          <Heading2>Publiceren</Heading2>
          <Paragraph>
            {published
              ? 'Elke wijziging aan de gegevens van het traject, de percelen, producten, tarieven, inschrijfmomenten, mijlpalen en documenten wordt meteen gepubliceerd als nieuwe versie: ze komt met datum in de openbare lijst van wijzigingen en organisaties die het traject volgen of zich hebben ingeschreven krijgen een e-mail. Wijzigingen in de eisen blijven een concept tot u hier een wijziging publiceert. Gebruik dit ook voor een toelichting of aankondiging aan aanbieders.'
              : 'Na publicatie staat het traject met alle percelen, eisen, producten en tarieven in de openbare inkoopagenda.'}
          </Paragraph>
          <Form method="post" {...getFormProps(publishForm)} className="portaal-form">
            <input type="hidden" name="intent" value="publiceren" />
            <FormErrors errors={publishForm.errors} id={publishForm.errorId} />
            <TextareaField
              field={publishFields.summary}
              label={published ? 'Wat is er gewijzigd?' : 'Toelichting bij de publicatie'}
              rows={3}
            />
            <div>
              <Button type="submit" appearance="primary-action-button" busy={busy}>
                {published ? 'Wijziging publiceren' : 'Publiceren'}
              </Button>
            </div>
          </Form>
        </>
      )}
      {published && !closed ? (
        <>
          <Heading2>Inkooptraject sluiten</Heading2>
          <Paragraph>
            Sluit het traject als er geen inschrijvingen meer bij kunnen komen, bijvoorbeeld aan het eind van
            de looptijd. Het blijft openbaar te lezen; toelatingen en contracten lopen door tot ze eindigen.
            Wie het traject volgt of zich heeft ingeschreven krijgt een e-mail. Dit kan niet worden
            teruggedraaid.
          </Paragraph>
          <Form method="post" {...getFormProps(closeForm)} className="portaal-form">
            <input type="hidden" name="intent" value="sluiten" />
            <FormErrors errors={closeForm.errors} id={closeForm.errorId} />
            <TextareaField field={closeFields.reason} label="Waarom sluit het traject?" rows={3} />
            <div>
              <Button type="submit" appearance="secondary-action-button">
                Inkooptraject sluiten
              </Button>
            </div>
          </Form>
        </>
      ) : null}

      {procurement.changes.length > 0 ? (
        <>
          <Heading2>Gepubliceerde versies</Heading2>
          <UnorderedList>
            {procurement.changes.map((c) => (
              <UnorderedListItem key={c.id}>
                Versie {c.version}, {formatDateTime(new Date(c.at))}: {c.summary}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
    </>
  )
}
