import type { FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { RadioGroupField } from '~/components/choice-fields'
import { TextField, TextareaField } from '~/components/form-field'
import { REGIME_LABELS } from '~/domain/catalogue/rules'

/**
 * The fields of a perceel and its inkoopvorm, shared by "Perceel toevoegen" and the perceel's own page. Open house
 * is not the default ("nee, tenzij"): the justification sits right under the choice and is public.
 */
export function PerceelBasicsFields(props: {
  /** The Conform fields of perceelSchema (name, description, inkoopvorm, justification, tender and regime fields). */
  fields: Record<string, FieldMetadata<unknown>>
  justificationDescription: ReactNode
}) {
  const { fields } = props
  return (
    <>
      <TextField field={fields.name} label="Naam van het perceel" />
      <TextareaField field={fields.description} label="Omschrijving" optional rows={3} />
      <RadioGroupField
        field={fields.inkoopvorm}
        legend="Inkoopvorm"
        description='Open house is niet de standaard ("nee, tenzij"): alleen met een schriftelijke onderbouwing die openbaar wordt.'
        options={[
          { value: 'aanbesteding', label: 'Aanbesteding' },
          { value: 'openhouse', label: 'Open house' },
        ]}
      />
      <TextareaField
        field={fields.justification}
        label='Onderbouwing open house ("nee, tenzij")'
        description={props.justificationDescription}
        rows={4}
      />
      <TextField
        field={fields.tenderNedUrl}
        label="Link naar de aankondiging op TenderNed"
        description="Alleen bij een aanbesteding."
        type="url"
        optional
      />
      <TextareaField
        field={fields.tenderDeadlines}
        label="Belangrijke data van de aanbesteding"
        optional
        rows={2}
      />
      <RadioGroupField
        field={fields.registrationRegime}
        legend="Inschrijven bij open house"
        optional
        options={[
          { value: 'momenten', label: REGIME_LABELS.momenten },
          { value: 'doorlopend', label: REGIME_LABELS.doorlopend },
        ]}
      />
      <TextField
        field={fields.decisionTermDays}
        label="Beslistermijn in werkdagen"
        description="Alleen bij doorlopend inschrijven, bijvoorbeeld 20."
        inputMode="numeric"
        optional
      />
    </>
  )
}
