import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Alert,
  Button,
  ButtonLink,
  Heading1,
  Heading2,
  Heading3,
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
import { PerceelBasicsFields } from '~/components/perceel-fields'
import { FormErrors, SelectField, TextField, TextareaField } from '~/components/form-field'
import { CheckboxGroupField } from '~/components/choice-fields'
import { actorOf, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import {
  addMoment,
  addProduct,
  addQuestion,
  addRequiredEvidence,
  getPerceelForBuyer,
  removeMoment,
  removeProduct,
  removeRequirement,
  setRequireAgb,
  updatePerceel,
} from '~/domain/catalogue/catalogue.server'
import {
  INTENSITIES,
  LAW_LABELS,
  PRODUCT_CATEGORIES,
  UNITS,
  categoryName,
  unitName,
  type Law,
} from '~/domain/catalogue/product-categories'
import {
  MOMENT_STATE_LABELS,
  QUESTION_KIND_LABELS,
  formatEuro,
  momentState,
  savedMessage,
  type QuestionKind,
} from '~/domain/catalogue/rules'
import {
  momentSchema,
  perceelSchema,
  productSchema,
  questionSchema,
  requiredEvidenceSchema,
} from '~/domain/catalogue/schemas'
import { now } from '~/utils/clock'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate, formatDateTime, toDateInputValue } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Perceel ${data?.perceel.name ?? ''} | Aanbiederspoort` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const result = await getPerceelForBuyer(region.id, params.procurementId!, params.perceelId!)
  return { region, ...result, now: now() }
}

type Intent = 'perceel' | 'product' | 'moment' | 'bewijs' | 'vraag'

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, ['inkoper'])
  const procurementId = params.procurementId!
  const perceelId = params.perceelId!
  const scope = { regionId: region.id, actor: actorOf(viewer, request) }
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const here = `/regio/${region.slug}/inkoop/${procurementId}/percelen/${perceelId}`
  const fail = (i: Intent, result: SubmissionResult<string[]>) =>
    data({ intent: i, result, message: null }, { status: 400 })
  const refused = (message: string) => data({ intent: null, result: undefined, message }, { status: 400 })

  switch (intent) {
    case 'perceel': {
      const submission = parseWithZod(formData, { schema: perceelSchema })
      if (submission.status !== 'success') return fail('perceel', submission.reply())
      const saved = await updatePerceel(scope, procurementId, perceelId, submission.value)
      if (!saved.ok) return fail('perceel', submission.reply({ fieldErrors: saved.errors }))
      return redirectWithFlash(request, here, savedMessage('Het perceel is opgeslagen.', saved.published))
    }
    case 'product': {
      const submission = parseWithZod(formData, { schema: productSchema })
      if (submission.status !== 'success') return fail('product', submission.reply())
      const saved = await addProduct(scope, procurementId, perceelId, submission.value)
      if (!saved.ok) return fail('product', submission.reply({ fieldErrors: saved.errors }))
      return redirectWithFlash(
        request,
        `${here}#producten`,
        savedMessage(`Product ${submission.value.code} is toegevoegd.`, saved.published),
      )
    }
    case 'product-verwijderen': {
      const removed = await removeProduct(
        scope,
        procurementId,
        perceelId,
        String(formData.get('productId') ?? ''),
      )
      if (!removed.ok) return refused(removed.message)
      return redirectWithFlash(
        request,
        `${here}#producten`,
        savedMessage('Het product is verwijderd.', removed.published),
      )
    }
    case 'moment': {
      const submission = parseWithZod(formData, { schema: momentSchema })
      if (submission.status !== 'success') return fail('moment', submission.reply())
      const saved = await addMoment(scope, procurementId, perceelId, submission.value)
      if (!saved.ok && 'message' in saved) return refused(saved.message)
      if (!saved.ok) return fail('moment', submission.reply({ fieldErrors: saved.errors }))
      return redirectWithFlash(
        request,
        `${here}#momenten`,
        savedMessage('Het inschrijfmoment is toegevoegd.', saved.published),
      )
    }
    case 'moment-verwijderen': {
      const removed = await removeMoment(
        scope,
        procurementId,
        perceelId,
        String(formData.get('momentId') ?? ''),
      )
      if (!removed.ok) return refused(removed.message)
      return redirectWithFlash(
        request,
        `${here}#momenten`,
        savedMessage('Het inschrijfmoment is verwijderd.', removed.published),
      )
    }
    case 'agb': {
      await setRequireAgb(scope, procurementId, perceelId, formData.get('requireAgb') === 'ja')
      return redirectWithFlash(
        request,
        `${here}#eisen`,
        'De eis voor de AGB-code is opgeslagen in de conceptversie.',
      )
    }
    case 'bewijs': {
      const submission = parseWithZod(formData, { schema: requiredEvidenceSchema })
      if (submission.status !== 'success') return fail('bewijs', submission.reply())
      const saved = await addRequiredEvidence(scope, procurementId, perceelId, submission.value)
      if (!saved.ok) return fail('bewijs', submission.reply({ fieldErrors: saved.errors }))
      return redirectWithFlash(
        request,
        `${here}#eisen`,
        'Het bewijsstuk is toegevoegd aan de conceptversie van de eisen.',
      )
    }
    case 'vraag': {
      const submission = parseWithZod(formData, { schema: questionSchema })
      if (submission.status !== 'success') return fail('vraag', submission.reply())
      await addQuestion(scope, procurementId, perceelId, submission.value)
      return redirectWithFlash(
        request,
        `${here}#eisen`,
        'De vraag is toegevoegd aan de conceptversie van de eisen.',
      )
    }
    case 'bewijs-verwijderen':
    case 'vraag-verwijderen': {
      await removeRequirement(
        scope,
        procurementId,
        perceelId,
        intent === 'bewijs-verwijderen' ? 'evidence' : 'question',
        String(formData.get('itemId') ?? ''),
      )
      return redirectWithFlash(request, `${here}#eisen`, 'De eis is verwijderd uit de conceptversie.')
    }
  }
  throw new Response('Onbekende handeling', { status: 400 })
}

function RemoveButton(props: { intent: string; name: string; value: string; label: string }) {
  return (
    <Form method="post" className="portaal-inline-form">
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name={props.name} value={props.value} />
      <Button type="submit" appearance="subtle-button">
        Verwijder<span className="portaal-visually-hidden"> {props.label}</span>
      </Button>
    </Form>
  )
}

export default function PerceelBewerken() {
  const { region, perceel, gemeenten, segments, evidenceTypes, requirementSet, justificationAuthor, now } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const lastFor = (i: Intent) => (actionData?.intent === i ? actionData.result : undefined)
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const laws = perceel.procurement.laws.split(',') as Law[]
  const base = `/regio/${region.slug}/inkoop/${perceel.procurement.id}`
  const here = `${base}/percelen/${perceel.id}`

  const [perceelForm, perceelFields] = useForm({
    id: 'form-perceel',
    lastResult: lastFor('perceel'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: perceelSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      name: perceel.name,
      description: perceel.description,
      inkoopvorm: perceel.inkoopvorm,
      justification: perceel.justification ?? '',
      tenderNedUrl: perceel.tenderNedUrl ?? '',
      tenderDeadlines: perceel.tenderDeadlines,
      registrationRegime: perceel.registrationRegime ?? '',
      decisionTermDays: perceel.decisionTermDays ? String(perceel.decisionTermDays) : '',
      // Checkbox groups take a list; Conform types the defaults by the schema's input.
      gemeenten: perceel.gemeenten.map((g) => g.gemeenteCode) as unknown as string,
      segments: perceel.segments.map((s) => s.segmentId) as unknown as string,
    },
  })
  const [productForm, productFields] = useForm({
    id: 'form-product',
    lastResult: lastFor('product'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { law: laws[0], validFrom: toDateInputValue(new Date(perceel.procurement.contractStart)) },
  })
  const [momentForm, momentFields] = useForm({
    id: 'form-moment',
    lastResult: lastFor('moment'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: momentSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const [evidenceForm, evidenceFields] = useForm({
    id: 'form-bewijs',
    lastResult: lastFor('bewijs'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requiredEvidenceSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const [questionForm, questionFields] = useForm({
    id: 'form-vraag',
    lastResult: lastFor('vraag'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: questionSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const draft = requirementSet && !requirementSet.publishedAt

  return (
    <>
      <Paragraph>
        <Link href={base}>Terug naar {perceel.procurement.name}</Link>
      </Paragraph>
      <Heading1>Perceel {perceel.name}</Heading1>
      {actionData?.message ? <Alert type="error">{actionData.message}</Alert> : null}

      <Form method="post" {...getFormProps(perceelForm)} className="portaal-form">
        <Heading2>Gegevens en inkoopvorm</Heading2>
        <input type="hidden" name="intent" value="perceel" />
        <FormErrors errors={perceelForm.errors} id={perceelForm.errorId} />
        <PerceelBasicsFields
          fields={perceelFields}
          justificationDescription={
            perceel.justificationAt
              ? `Verplicht bij open house. Geschreven door ${justificationAuthor ?? 'onbekend'} op ${formatDate(new Date(perceel.justificationAt))}.`
              : 'Verplicht bij open house. Deze tekst staat in de openbare inkoopagenda.'
          }
        />
        <CheckboxGroupField
          field={perceelFields.gemeenten}
          legend="Gemeenten die meedoen aan dit perceel"
          options={gemeenten.map((g) => ({ value: g.code, label: g.name }))}
        />
        <CheckboxGroupField
          field={perceelFields.segments}
          legend="Segmenten"
          optional
          description={<Link href={`${base}#nieuw-segment`}>Een segment toevoegen aan de regio</Link>}
          options={segments.map((s) => ({
            value: s.id,
            label: `${s.name} (${LAW_LABELS[s.law as Law] ?? s.law})`,
          }))}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            Perceel opslaan
          </Button>
        </div>
      </Form>

      <Heading2 id="producten">Producten en tarieven</Heading2>
      <Paragraph>
        <ButtonLink href={`${here}/import`} appearance="secondary-action-button">
          Producten inlezen uit CSV
        </ButtonLink>{' '}
        <ButtonLink href={`${here}/export.csv`} appearance="secondary-action-button">
          Producten downloaden als CSV
        </ButtonLink>
      </Paragraph>
      {perceel.products.length === 0 ? (
        <Paragraph>Dit perceel heeft nog geen producten.</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Code</TableHeaderCell>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Categorie</TableHeaderCell>
                <TableHeaderCell scope="col">Eenheid</TableHeaderCell>
                <TableHeaderCell scope="col">Tarief</TableHeaderCell>
                <TableHeaderCell scope="col">Actie</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {perceel.products.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <Link href={`${here}/producten/${p.id}`}>
                      {p.code}
                      <span className="portaal-visually-hidden">: tarieven</span>
                    </Link>
                  </TableCell>
                  <TableCell>
                    {p.name}
                    {p.intensity ? ` (${p.intensity})` : ''}
                  </TableCell>
                  <TableCell>
                    {p.categoryCode} {categoryName(p.categoryCode)}
                  </TableCell>
                  <TableCell>{unitName(p.unit)}</TableCell>
                  <TableCell>
                    {p.tariffs.map((t) => (
                      <div key={t.id}>
                        {formatEuro(t.amountCents)} vanaf {formatDate(new Date(t.validFrom))}
                        {t.validUntil ? ` tot en met ${formatDate(new Date(t.validUntil))}` : ''}
                        {t.indexation ? `, indexatie: ${t.indexation}` : ''}
                      </div>
                    ))}
                  </TableCell>
                  <TableCell>
                    <RemoveButton
                      intent="product-verwijderen"
                      name="productId"
                      value={p.id}
                      label={`product ${p.code}`}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Form method="post" {...getFormProps(productForm)} className="portaal-form portaal-card">
        <Heading3>Product toevoegen</Heading3>
        <input type="hidden" name="intent" value="product" />
        <FormErrors errors={productForm.errors} id={productForm.errorId} />
        <SelectField
          field={productFields.law}
          label="Wet"
          options={laws.map((l) => ({ value: l, label: LAW_LABELS[l] ?? l }))}
        />
        <SelectField
          field={productFields.categoryCode}
          label="Productcategorie"
          placeholder="Kies een categorie"
          options={PRODUCT_CATEGORIES.filter((c) => laws.includes(c.law)).map((c) => ({
            value: c.code,
            label: `${c.code} ${c.name} (${LAW_LABELS[c.law]})`,
          }))}
        />
        <TextField
          field={productFields.code}
          label="Productcode"
          description="Hoogstens 5 tekens, zoals 45A04."
        />
        <TextField field={productFields.name} label="Naam van het product" />
        <SelectField
          field={productFields.unit}
          label="Eenheid"
          placeholder="Kies een eenheid"
          options={UNITS.map((u) => ({ value: u.code, label: u.name }))}
        />
        <SelectField
          field={productFields.intensity}
          label="Intensiteit"
          optional
          placeholder="Geen"
          options={INTENSITIES.map((i) => ({ value: i, label: i }))}
        />
        <TextField
          field={productFields.tariff}
          label="Tarief in euro"
          description="Bijvoorbeeld 62,50."
          inputMode="decimal"
        />
        <TextField field={productFields.validFrom} label="Tarief geldig vanaf" type="date" />
        <TextField field={productFields.validUntil} label="Tarief geldig tot en met" type="date" optional />
        <TextField
          field={productFields.indexation}
          label="Indexatie"
          description='Bijvoorbeeld "jaarlijks OVA".'
          optional
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            Product toevoegen
          </Button>
        </div>
      </Form>

      {perceel.inkoopvorm === 'openhouse' && perceel.registrationRegime === 'momenten' ? (
        <>
          <Heading2 id="momenten">Inschrijfmomenten</Heading2>
          {perceel.registrationMoments.length === 0 ? (
            <Paragraph>Er zijn nog geen inschrijfmomenten.</Paragraph>
          ) : (
            <div className="portaal-table-wrap">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Opent</TableHeaderCell>
                    <TableHeaderCell scope="col">Sluit</TableHeaderCell>
                    <TableHeaderCell scope="col">Besluit uiterlijk</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                    <TableHeaderCell scope="col">Actie</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {perceel.registrationMoments.map((m) => {
                    const state = momentState(
                      { opensAt: new Date(m.opensAt), closesAt: new Date(m.closesAt) },
                      new Date(now),
                    )
                    return (
                      <TableRow key={m.id}>
                        <TableCell>{formatDateTime(new Date(m.opensAt))}</TableCell>
                        <TableCell>{formatDateTime(new Date(m.closesAt))}</TableCell>
                        <TableCell>{formatDate(new Date(m.decisionDate))}</TableCell>
                        <TableCell>{MOMENT_STATE_LABELS[state]}</TableCell>
                        <TableCell>
                          {state === 'gepland' && m._count.entries === 0 ? (
                            <RemoveButton
                              intent="moment-verwijderen"
                              name="momentId"
                              value={m.id}
                              label={`inschrijfmoment ${formatDateTime(new Date(m.opensAt))}`}
                            />
                          ) : null}
                        </TableCell>
                      </TableRow>
                    )
                  })}
                </TableBody>
              </Table>
            </div>
          )}
          <Form method="post" {...getFormProps(momentForm)} className="portaal-form portaal-card">
            <Heading3>Inschrijfmoment toevoegen</Heading3>
            <input type="hidden" name="intent" value="moment" />
            <FormErrors errors={momentForm.errors} id={momentForm.errorId} />
            <TextField field={momentFields.opensAt} label="Opent op" type="datetime-local" />
            <TextField field={momentFields.closesAt} label="Sluit op" type="datetime-local" />
            <TextField field={momentFields.decisionDate} label="Besluit uiterlijk op" type="date" />
            <div>
              <Button type="submit" appearance="secondary-action-button" busy={busy}>
                Inschrijfmoment toevoegen
              </Button>
            </div>
          </Form>
        </>
      ) : perceel.inkoopvorm === 'openhouse' && perceel.registrationRegime === 'doorlopend' ? (
        <Paragraph id="momenten">
          Aanbieders kunnen zich doorlopend inschrijven; de beslistermijn is {perceel.decisionTermDays}{' '}
          werkdagen.
        </Paragraph>
      ) : null}

      <Heading2 id="eisen">Eisen</Heading2>
      <Paragraph>
        {requirementSet
          ? draft
            ? `U bewerkt versie ${requirementSet.version} (concept). Deze versie wordt openbaar als u het inkooptraject publiceert; eerdere versies blijven leesbaar.`
            : `Versie ${requirementSet.version} is gepubliceerd op ${formatDate(new Date(requirementSet.publishedAt!))}. Een wijziging maakt een nieuwe conceptversie.`
          : 'Er zijn nog geen eisen. Een eerste wijziging maakt versie 1 (concept).'}
      </Paragraph>
      <Form method="post" className="portaal-form">
        <input type="hidden" name="intent" value="agb" />
        <RadioGroupFieldPlain
          name="requireAgb"
          legend="Is een AGB-code verplicht?"
          value={requirementSet?.requireAgb ? 'ja' : 'nee'}
        />
        <div>
          <Button type="submit" appearance="secondary-action-button">
            AGB-eis opslaan
          </Button>
        </div>
      </Form>

      <Heading3>Verplichte bewijsstukken</Heading3>
      {requirementSet && requirementSet.evidence.length > 0 ? (
        <UnorderedList>
          {requirementSet.evidence.map((e) => (
            <UnorderedListItem key={e.id}>
              {e.evidenceType.name}
              {e.validUntilAtLeast
                ? `, geldig tot minstens ${formatDate(new Date(e.validUntilAtLeast))}`
                : ''}
              {e.issuedWithinMonths ? `, afgegeven in de laatste ${e.issuedWithinMonths} maanden` : ''}{' '}
              <RemoveButton
                intent="bewijs-verwijderen"
                name="itemId"
                value={e.id}
                label={e.evidenceType.name}
              />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>Nog geen verplichte bewijsstukken.</Paragraph>
      )}
      <Form method="post" {...getFormProps(evidenceForm)} className="portaal-form portaal-card">
        <Heading3>Bewijsstuk eisen</Heading3>
        <input type="hidden" name="intent" value="bewijs" />
        <FormErrors errors={evidenceForm.errors} id={evidenceForm.errorId} />
        <SelectField
          field={evidenceFields.evidenceTypeId}
          label="Soort bewijsstuk"
          placeholder="Kies een soort"
          options={evidenceTypes.map((t) => ({ value: t.id, label: t.name }))}
        />
        <TextField
          field={evidenceFields.validUntilAtLeast}
          label="Moet geldig zijn tot minstens"
          type="date"
          optional
        />
        <TextField
          field={evidenceFields.issuedWithinMonths}
          label="Afgegeven in de laatste ... maanden"
          description="Bijvoorbeeld 6 voor een VOG."
          inputMode="numeric"
          optional
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            Bewijsstuk toevoegen
          </Button>
        </div>
      </Form>

      <Heading3>Vragen</Heading3>
      {requirementSet && requirementSet.questions.length > 0 ? (
        <UnorderedList>
          {requirementSet.questions.map((q) => (
            <UnorderedListItem key={q.id}>
              {q.text} ({QUESTION_KIND_LABELS[q.kind as QuestionKind] ?? q.kind}
              {q.kind === 'knockout_yesno' ? `, vereist antwoord: ${q.requiredAnswer ? 'ja' : 'nee'}` : ''}
              {q.kind === 'knockout_number' ? `, minimaal ${q.minimum}` : ''}){' '}
              <RemoveButton intent="vraag-verwijderen" name="itemId" value={q.id} label={`vraag ${q.text}`} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>Nog geen vragen.</Paragraph>
      )}
      <Form method="post" {...getFormProps(questionForm)} className="portaal-form portaal-card">
        <Heading3>Vraag toevoegen</Heading3>
        <input type="hidden" name="intent" value="vraag" />
        <FormErrors errors={questionForm.errors} id={questionForm.errorId} />
        <SelectField
          field={questionFields.kind}
          label="Soort vraag"
          placeholder="Kies het soort vraag"
          options={Object.entries(QUESTION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextareaField field={questionFields.text} label="Vraag" rows={2} />
        <SelectField
          field={questionFields.requiredAnswer}
          label="Vereist antwoord (bij ja/nee)"
          optional
          placeholder="Niet van toepassing"
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nee', label: 'Nee' },
          ]}
        />
        <TextField
          field={questionFields.minimum}
          label="Minimum (bij een getal)"
          inputMode="numeric"
          optional
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            Vraag toevoegen
          </Button>
        </div>
      </Form>
    </>
  )
}

/** A yes/no radio pair without Conform (the AGB form has no other fields). */
function RadioGroupFieldPlain(props: { name: string; legend: string; value: 'ja' | 'nee' }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.legend}
      </legend>
      {(['ja', 'nee'] as const).map((v) => (
        <div key={v} className="utrecht-form-field utrecht-form-field--radio">
          <div className="utrecht-form-field__input">
            <input
              type="radio"
              id={`${props.name}-${v}`}
              name={props.name}
              value={v}
              defaultChecked={props.value === v}
              className="utrecht-radio-button utrecht-radio-button--html-input"
            />
          </div>
          <div className="utrecht-form-field__label">
            <label htmlFor={`${props.name}-${v}`} className="utrecht-form-label utrecht-form-label--radio">
              {v === 'ja' ? 'Ja, een AGB-code is verplicht' : 'Nee'}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  )
}
