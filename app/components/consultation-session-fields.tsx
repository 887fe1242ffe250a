import type { FieldMetadata } from '@conform-to/react'
import { SelectField, TextareaField, TextField } from '~/components/form-field'
import { SESSION_KIND_LABELS, SESSION_KINDS } from '~/domain/consultations/rules'

type SessionFieldNames =
  | 'kind'
  | 'title'
  | 'startsAt'
  | 'durationMinutes'
  | 'address'
  | 'onlineUrl'
  | 'seats'
  | 'seatsPerOrganisation'
  | 'registrationDeadline'
  | 'reservations'

const KIND_OPTIONS = SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))

/**
 * The fields of a consultation session, for adding one and for changing one. `change` adds what a change must say:
 * seats may not drop below those taken, and an organisation added to the reservations is invited.
 */
export function SessionFields({
  fields,
  change = false,
}: {
  fields: Record<SessionFieldNames, FieldMetadata<unknown>>
  change?: boolean
}) {
  return (
    <>
      <SelectField field={fields.kind} label="Soort sessie" options={KIND_OPTIONS} />
      <TextField field={fields.title} label="Titel" />
      <TextField field={fields.startsAt} label="Begint op" type="datetime-local" />
      <TextField field={fields.durationMinutes} label="Duur in minuten" inputMode="numeric" />
      <TextField
        field={fields.address}
        label="Adres"
        optional
        description="Vul een adres, een online link of beide in."
      />
      <TextField
        field={fields.onlineUrl}
        label="Online link"
        type="url"
        optional
        description="Alleen deelnemers met een plaats zien deze link."
      />
      <TextField
        field={fields.seats}
        label="Aantal plaatsen"
        inputMode="numeric"
        description={
          change
            ? 'Niet minder dan het aantal deelnemers dat al een plaats heeft. Meer plaatsen gaan naar de wachtlijst.'
            : undefined
        }
      />
      <TextField field={fields.seatsPerOrganisation} label="Plaatsen per organisatie" inputMode="numeric" />
      <TextField field={fields.registrationDeadline} label="Aanmelden kan tot" type="datetime-local" />
      <TextareaField
        field={fields.reservations}
        label="Gereserveerde plaatsen voor uitgenodigde organisaties"
        optional
        description={`Eén organisatie per regel: "KvK-nummer: aantal plaatsen", bijvoorbeeld "30123456: 1".${change ? ' Een organisatie die u toevoegt, krijgt een uitnodiging per e-mail.' : ''}`}
        rows={4}
      />
    </>
  )
}
