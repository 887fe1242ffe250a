import {
  FormField as UtrechtFormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textbox,
  Textarea,
  Select,
} from '@utrecht/component-library-react'
import { getInputProps, getTextareaProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'

type Common = {
  label: ReactNode
  description?: ReactNode
  /** Shown after the label: we mark optional fields, not required ones. */
  optional?: boolean
}

function Frame(
  props: Common & { field: FieldMetadata<unknown>; children: ReactNode; kind?: 'text' | 'checkbox' },
) {
  const invalid = !!props.field.errors?.length
  return (
    <UtrechtFormField invalid={invalid} type={props.kind}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={props.field.id}>
          {props.label}
          {props.optional ? ' (niet verplicht)' : null}
        </FormLabel>
      </div>
      {props.description ? (
        <FormFieldDescription id={props.field.descriptionId}>{props.description}</FormFieldDescription>
      ) : null}
      {invalid ? (
        <FormFieldErrorMessage id={props.field.errorId}>
          {props.field.errors?.join(' ')}
        </FormFieldErrorMessage>
      ) : null}
      <div className="utrecht-form-field__input">{props.children}</div>
    </UtrechtFormField>
  )
}

type InputType =
  'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'datetime-local' | 'search'

/** A labelled text input wired to Conform: keeps what was typed and shows the Dutch error next to the field. */
export function TextField(
  props: Common & {
    field: FieldMetadata<unknown>
    type?: InputType
    autoComplete?: string
    inputMode?: 'numeric' | 'text' | 'decimal' | 'email' | 'tel' | 'url'
  },
) {
  const { key, ...inputProps } = getInputProps(props.field as FieldMetadata<string>, {
    type: props.type ?? 'text',
    ariaDescribedBy: props.description ? props.field.descriptionId : undefined,
  })
  return (
    <Frame label={props.label} description={props.description} optional={props.optional} field={props.field}>
      <Textbox
        key={key}
        {...inputProps}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        invalid={!!props.field.errors?.length}
      />
    </Frame>
  )
}

export function TextareaField(props: Common & { field: FieldMetadata<unknown>; rows?: number }) {
  const { key, ...textareaProps } = getTextareaProps(props.field as FieldMetadata<string>, {
    ariaDescribedBy: props.description ? props.field.descriptionId : undefined,
  })
  return (
    <Frame {...props}>
      <Textarea key={key} {...textareaProps} rows={props.rows ?? 5} invalid={!!props.field.errors?.length} />
    </Frame>
  )
}

export function SelectField(
  props: Common & {
    field: FieldMetadata<unknown>
    options: { value: string; label: string }[]
    placeholder?: string
  },
) {
  const { key, ...selectProps } = getSelectProps(props.field as FieldMetadata<string>, {
    ariaDescribedBy: props.description ? props.field.descriptionId : undefined,
  })
  return (
    <Frame {...props}>
      <Select key={key} {...selectProps} invalid={!!props.field.errors?.length}>
        {props.placeholder ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Frame>
  )
}

/** A native file input (no custom widget) in the same field frame. */
export function FileField(
  props: Common & { field: FieldMetadata<unknown>; accept?: string; multiple?: boolean },
) {
  return (
    <Frame {...props}>
      <input
        id={props.field.id}
        name={props.field.name}
        type="file"
        className="utrecht-textbox"
        accept={props.accept}
        multiple={props.multiple}
        aria-invalid={props.field.errors?.length ? true : undefined}
        aria-describedby={
          [
            props.description ? props.field.descriptionId : null,
            props.field.errors?.length ? props.field.errorId : null,
          ]
            .filter(Boolean)
            .join(' ') || undefined
        }
      />
    </Frame>
  )
}

/** Errors that belong to the whole form rather than one field. */
export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null
  return (
    <div role="alert" id={id} className="utrecht-form-field-error-message">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  )
}
