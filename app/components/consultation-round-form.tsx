import { Form, useNavigation } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button } from '@utrecht/component-library-react'
import { FormErrors, SelectField, TextareaField, TextField } from '~/components/form-field'
import { roundSchema } from '~/domain/consultations/schemas'

export type RoundFormDefaults = {
  title?: string
  description?: string
  gemeenteCodes?: string[]
  procurementId?: string
  segmentIds?: string[]
  opensAt?: string
  closesAt?: string
  questionsDeadline?: string
  prompts?: string
  publishAttendees?: boolean
  inviteCouncils?: boolean
  changeSummary?: string
}

function asArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String)
  return typeof v === 'string' && v ? [v] : []
}

/** The form of a consultation round, for a new round and for changing one (with a change summary once published). */
export function RoundForm(props: {
  lastResult: SubmissionResult<string[]> | undefined
  defaults: RoundFormDefaults
  options: {
    gemeenten: { code: string; name: string }[]
    segments: { id: string; name: string }[]
    procurements: { id: string; name: string }[]
  }
  published: boolean
  submitLabel: string
}) {
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: props.lastResult,
    defaultValue: props.defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roundSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const gemeenten = asArray(fields.gemeenteCodes.initialValue ?? props.defaults.gemeenteCodes)
  const segments = asArray(fields.segmentIds.initialValue ?? props.defaults.segmentIds)
  const checked = (v: unknown) => v === true || v === 'on'
  return (
    <Form method="post" {...getFormProps(form)} className="portaal-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      {props.published ? <input type="hidden" name="published" value="on" /> : null}
      <TextField field={fields.title} label="Titel" />
      <TextareaField field={fields.description} label="Beschrijving" rows={6} />
      <fieldset
        className="utrecht-fieldset"
        aria-describedby={fields.gemeenteCodes.errors?.length ? fields.gemeenteCodes.errorId : undefined}
      >
        <legend className="utrecht-fieldset__legend">Deelnemende gemeenten</legend>
        {fields.gemeenteCodes.errors?.length ? (
          <p id={fields.gemeenteCodes.errorId} className="utrecht-form-field-error-message">
            {fields.gemeenteCodes.errors.join(' ')}
          </p>
        ) : null}
        {props.options.gemeenten.map((g) => (
          <label key={g.code} className="portaal-checkbox-option">
            <input
              type="checkbox"
              name="gemeenteCodes"
              value={g.code}
              defaultChecked={gemeenten.includes(g.code)}
              className="utrecht-checkbox utrecht-checkbox--html-input"
            />
            {g.name}
          </label>
        ))}
      </fieldset>
      {props.options.procurements.length ? (
        <SelectField
          field={fields.procurementId}
          label="Inkooptraject"
          optional
          placeholder="Geen inkooptraject"
          options={props.options.procurements.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : null}
      {props.options.segments.length ? (
        <fieldset className="utrecht-fieldset">
          <legend className="utrecht-fieldset__legend">Segmenten (niet verplicht)</legend>
          {props.options.segments.map((s) => (
            <label key={s.id} className="portaal-checkbox-option">
              <input
                type="checkbox"
                name="segmentIds"
                value={s.id}
                defaultChecked={segments.includes(s.id)}
                className="utrecht-checkbox utrecht-checkbox--html-input"
              />
              {s.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <TextField
        field={fields.opensAt}
        label="Opent op"
        type="datetime-local"
        description="Tijd in Nederland"
      />
      <TextField
        field={fields.closesAt}
        label="Sluit op"
        type="datetime-local"
        description="Tijd in Nederland"
      />
      <TextField
        field={fields.questionsDeadline}
        label="Vragen stellen tot"
        type="datetime-local"
        optional
        description="Zonder datum kunnen vragen tot de sluiting worden gesteld."
      />
      <TextareaField
        field={fields.prompts}
        label="Vragen voor schriftelijke inbreng"
        description="Eén vraag per regel. Een vraag die al antwoorden heeft, blijft staan zoals hij is; voeg nieuwe vragen onderaan toe."
        optional
        rows={6}
      />
      <label className="portaal-checkbox-option">
        <input
          type="checkbox"
          name="publishAttendees"
          defaultChecked={checked(fields.publishAttendees.initialValue ?? props.defaults.publishAttendees)}
          className="utrecht-checkbox utrecht-checkbox--html-input"
        />
        Publiceer welke organisaties aan de sessies deelnemen
      </label>
      <label className="portaal-checkbox-option">
        <input
          type="checkbox"
          name="inviteCouncils"
          defaultChecked={checked(fields.inviteCouncils.initialValue ?? props.defaults.inviteCouncils)}
          className="utrecht-checkbox utrecht-checkbox--html-input"
        />
        Nodig de adviesraad en cliëntenraad uit om inbreng te geven
      </label>
      {props.published ? (
        <TextareaField
          field={fields.changeSummary}
          label="Wat is er gewijzigd?"
          description="Deze tekst staat met de datum op de pagina van de ronde en gaat per e-mail naar alle aangemelde deelnemers."
          rows={3}
        />
      ) : null}
      <div>
        <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
          {props.submitLabel}
        </Button>
      </div>
    </Form>
  )
}
