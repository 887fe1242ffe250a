import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react'
import type { FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'

type Option = { value: string; label: ReactNode }

function initialValues(field: FieldMetadata<unknown>): string[] {
  const v = field.initialValue as unknown
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string')
  return typeof v === 'string' && v !== '' ? [v] : []
}

/**
 * A group of native checkboxes or radio buttons in a fieldset with a legend, wired to a Conform field: keeps what was
 * chosen after a failed submit and shows the Dutch error under the legend. Works without JavaScript.
 */
function ChoiceGroup(props: {
  type: 'checkbox' | 'radio'
  field: FieldMetadata<unknown>
  legend: ReactNode
  description?: ReactNode
  optional?: boolean
  options: Option[]
}) {
  const { field } = props
  const invalid = !!field.errors?.length
  const chosen = initialValues(field)
  const describedBy =
    [props.description ? field.descriptionId : null, invalid ? field.errorId : null]
      .filter(Boolean)
      .join(' ') || undefined
  return (
    <Fieldset invalid={invalid} aria-describedby={describedBy} id={field.id}>
      <FieldsetLegend>
        {props.legend}
        {props.optional ? ' (niet verplicht)' : null}
      </FieldsetLegend>
      {props.description ? (
        <FormFieldDescription id={field.descriptionId}>{props.description}</FormFieldDescription>
      ) : null}
      {invalid ? (
        <FormFieldErrorMessage id={field.errorId}>{field.errors?.join(' ')}</FormFieldErrorMessage>
      ) : null}
      {props.options.map((o, i) => {
        const id = `${field.id}-${i}`
        return (
          <FormField key={`${field.key ?? ''}-${o.value}`} type={props.type}>
            <div className="utrecht-form-field__input">
              {props.type === 'checkbox' ? (
                <Checkbox
                  id={id}
                  name={field.name}
                  value={o.value}
                  defaultChecked={chosen.includes(o.value)}
                  invalid={invalid}
                  appearance="custom"
                />
              ) : (
                <RadioButton
                  id={id}
                  name={field.name}
                  value={o.value}
                  defaultChecked={chosen.includes(o.value)}
                  invalid={invalid}
                />
              )}
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id} type={props.type}>
                {o.label}
              </FormLabel>
            </div>
          </FormField>
        )
      })}
    </Fieldset>
  )
}

export function CheckboxGroupField(props: Omit<Parameters<typeof ChoiceGroup>[0], 'type'>) {
  return <ChoiceGroup {...props} type="checkbox" />
}

export function RadioGroupField(props: Omit<Parameters<typeof ChoiceGroup>[0], 'type'>) {
  return <ChoiceGroup {...props} type="radio" />
}

/** A single checkbox with its label (e.g. "Indien nodig"), wired to a Conform field. */
export function CheckboxField(props: { field: FieldMetadata<unknown>; label: ReactNode }) {
  const { field } = props
  return (
    <FormField type="checkbox">
      <div className="utrecht-form-field__input">
        <Checkbox
          key={field.key}
          id={field.id}
          name={field.name}
          defaultChecked={field.initialValue === 'on'}
          appearance="custom"
        />
      </div>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={field.id} type="checkbox">
          {props.label}
        </FormLabel>
      </div>
    </FormField>
  )
}
