import type { FieldMetadata } from '@conform-to/react'
import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react'
import { TextField, TextareaField } from '~/components/form-field'
import type { OrganisationInput } from '~/domain/accounts/organisation-schema'

type Fields = { [K in keyof OrganisationInput]-?: FieldMetadata<unknown> }

/** The organisation profile fields, shared by "register organisation" and "edit organisation". */
export function OrganisationFields({ fields }: { fields: Fields }) {
  return (
    <>
      <Fieldset>
        <FieldsetLegend>Organisatie</FieldsetLegend>
        <TextField field={fields.name} label="Statutaire naam" autoComplete="organization" />
        <TextField
          field={fields.kvkNummer}
          label="KvK-nummer"
          inputMode="numeric"
          description="8 cijfers, zoals op uw uittreksel van de Kamer van Koophandel."
        />
        <TextField
          field={fields.vestigingsnummer}
          label="Vestigingsnummer"
          inputMode="numeric"
          optional
          description="12 cijfers."
        />
        <TextField
          field={fields.agbCode}
          label="AGB-code"
          inputMode="numeric"
          optional
          description="8 cijfers. Sommige percelen vragen er later om."
        />
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>Adres</FieldsetLegend>
        <TextField field={fields.street} label="Straat" autoComplete="address-line1" />
        <TextField field={fields.houseNumber} label="Huisnummer" description="Met toevoeging, zoals 12a." />
        <TextField
          field={fields.postcode}
          label="Postcode"
          autoComplete="postal-code"
          description="Zoals 1234 AB."
        />
        <TextField field={fields.city} label="Plaats" autoComplete="address-level2" />
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>Contact</FieldsetLegend>
        <TextField field={fields.website} label="Website" type="url" optional autoComplete="url" />
        <TextField field={fields.email} label="E-mailadres voor contact" type="email" autoComplete="email" />
        <TextField field={fields.phone} label="Telefoonnummer" type="tel" autoComplete="tel" />
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>Profiel voor inwoners</FieldsetLegend>
        <TextareaField
          field={fields.description}
          label="Wat doet uw organisatie?"
          description="Inwoners lezen dit in de keuzehulp. Schrijf in eenvoudige woorden."
        />
        <TextField
          field={fields.targetGroups}
          label="Doelgroepen"
          optional
          description="Gescheiden door komma's, zoals: kinderen, jongeren, ouderen."
        />
        <TextField
          field={fields.languages}
          label="Talen"
          optional
          description="Gescheiden door komma's, zoals: Nederlands, Engels, Turks."
        />
        <TextField
          field={fields.identity}
          label="Levensbeschouwelijke identiteit"
          optional
          description="Alleen als uw organisatie er een heeft, zoals christelijk of islamitisch."
        />
      </Fieldset>
    </>
  )
}
