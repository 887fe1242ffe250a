import { Form, useNavigation } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button } from '@utrecht/component-library-react'
import { FormErrors, SelectField, TextareaField, TextField } from '~/components/form-field'
import { CheckboxField } from '~/components/choice-fields'
import { KIND_LABELS, OBLIGATION_KINDS, RECURRENCE_LABELS, RECURRENCES } from '~/domain/contracts/recurrence'
import { templateSchema } from '~/domain/contracts/schemas'

export type TemplateDefaults = {
  kind: string
  title: string
  description: string
  recurrence: string
  dueDay: number
  requiresDeliverable: boolean
  active: boolean
}

/** The obligation template form (new and change). Works without JavaScript. */
export function ObligationTemplateForm(props: {
  lastResult?: SubmissionResult<string[]> | null
  defaults?: TemplateDefaults
  submitLabel: string
  editing?: boolean
}) {
  const navigation = useNavigation()
  const d = props.defaults
  const [form, fields] = useForm({
    lastResult: props.lastResult,
    defaultValue: d
      ? {
          kind: d.kind,
          title: d.title,
          description: d.description,
          recurrence: d.recurrence,
          dueDay: String(d.dueDay),
          requiresDeliverable: d.requiresDeliverable ? 'on' : undefined,
          active: d.active ? 'on' : undefined,
        }
      : { recurrence: 'per_kwartaal', dueDay: '30', requiresDeliverable: 'on' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: templateSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="portaal-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField
        field={fields.kind}
        label="Soort verplichting"
        placeholder="Kies een soort"
        options={OBLIGATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
      />
      <TextField field={fields.title} label="Naam" description="Kort, zoals aanbieders het herkennen." />
      <TextareaField field={fields.description} label="Wat moet de aanbieder doen?" optional rows={4} />
      <SelectField
        field={fields.recurrence}
        label="Hoe vaak"
        options={RECURRENCES.map((r) => ({ value: r, label: RECURRENCE_LABELS[r] }))}
      />
      <TextField
        field={fields.dueDay}
        label="Dag"
        inputMode="numeric"
        description="Elke maand: de dag van de maand. Elk kwartaal: de dag van het kwartaal (30 = 30 januari, 30 april, 30 juli, 30 oktober). Elk jaar: de dag van het jaar (60 = 1 maart). Eenmalig: het aantal dagen na toetreding, na de start of voor het einde van het contract. Valt de dag in een weekend of op een feestdag, dan schuift hij naar de volgende werkdag."
      />
      <CheckboxField field={fields.requiresDeliverable} label="De aanbieder moet een document uploaden" />
      {props.editing ? (
        <>
          <CheckboxField
            field={fields.active}
            label="Deze verplichting geldt (haal het vinkje weg om haar te beëindigen)"
          />
          <TextareaField
            field={fields.reason}
            label="Toelichting voor de aanbieders"
            optional
            rows={3}
            description="Aanbieders krijgen een e-mail met de wijziging en deze toelichting."
          />
        </>
      ) : null}
      <div>
        <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
          {props.submitLabel}
        </Button>
      </div>
    </Form>
  )
}
