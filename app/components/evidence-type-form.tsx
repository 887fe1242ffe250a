import { Form } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button } from '@utrecht/component-library-react'
import { CheckboxField } from '~/components/choice-fields'
import { FormErrors, TextareaField, TextField } from '~/components/form-field'
import { regionEvidenceTypeSchema } from '~/domain/evidence/type-form'

/** Adding or changing one of a region's own evidence types. */
export function EvidenceTypeForm(props: {
  lastResult: SubmissionResult<string[]> | undefined
  defaults?: {
    name: string
    description: string
    expires: boolean
    isQualityMark: boolean
    asksProfessionalCounts: boolean
  }
  submitLabel: string
  intent?: string
}) {
  const d = props.defaults
  const [form, fields] = useForm({
    id: 'form-bewijstype',
    lastResult: props.lastResult,
    defaultValue: d
      ? {
          name: d.name,
          description: d.description,
          expires: d.expires ? 'on' : undefined,
          isQualityMark: d.isQualityMark ? 'on' : undefined,
          asksProfessionalCounts: d.asksProfessionalCounts ? 'on' : undefined,
        }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: regionEvidenceTypeSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="portaal-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      <TextField
        field={fields.name}
        label="Naam"
        description="Zoals aanbieders het kennen, bijvoorbeeld “Certificaat meldcode”."
      />
      <TextareaField
        field={fields.description}
        label="Beschrijving"
        optional
        rows={3}
        description="Wat het bewijsstuk aantoont en wie het afgeeft."
      />
      <CheckboxField field={fields.expires} label="Heeft een einddatum (zoals een certificaat of polis)" />
      <CheckboxField field={fields.isQualityMark} label="Tonen als kwaliteitskeurmerk in de keuzehulp" />
      <CheckboxField
        field={fields.asksProfessionalCounts}
        label="Vraagt om aantallen professionals (SKJ/BIG)"
      />
      <div>
        <Button type="submit" appearance="primary-action-button">
          {props.submitLabel}
        </Button>
      </div>
    </Form>
  )
}
