import { Form, useNavigate } from '@remix-run/react'
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button, Paragraph } from '@utrecht/component-library-react'
import { useEffect, useMemo, useState, type FormEvent } from 'react'
import { FileField, FormErrors, SelectField, TextareaField, TextField } from '~/components/form-field'
import { evidenceSchema, FILE_FIELD, type EvidenceFormValue, type FormType } from '~/domain/evidence/form'
import { ACCEPT_ATTRIBUTE, formatFileSize, MAX_UPLOAD_BYTES } from '~/utils/files'

type Defaults = Partial<Record<'typeId' | 'issuer' | 'number' | 'scope', string>>
type FormShape = {
  typeId: string
  issuer: string
  number?: string
  scope?: string
  issuedAt?: string
  validFrom: string
  validUntil?: string
  professionalsTotal?: string
  professionalsRegistered?: string
}

/**
 * The evidence form (add and replace). Without JavaScript it is a normal multipart form post. With JavaScript the
 * files go by XMLHttpRequest to `uploadUrl`, so a progress bar can show how far a large upload is; the answer is the
 * same submission result (errors next to the fields) or where to go next.
 */
export function EvidenceForm(props: {
  types: FormType[]
  lastResult: SubmissionResult<string[]> | null | undefined
  uploadUrl: string
  submitLabel: string
  defaultValue?: Defaults
  lockType?: boolean
}) {
  const navigate = useNavigate()
  const schema = useMemo(() => evidenceSchema(props.types), [props.types])
  const [xhrResult, setXhrResult] = useState<SubmissionResult<string[]> | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [clientError, setClientError] = useState<string | null>(null)
  const [form, fields] = useForm<FormShape, EvidenceFormValue>({
    lastResult: xhrResult ?? props.lastResult,
    defaultValue: props.defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const formProps = getFormProps(form)
  const selectedType = props.types.find((t) => t.id === fields.typeId.value)
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  // Without JavaScript the chosen type is only known on the server, so the count fields are always there (with a
  // note); with JavaScript, or when the type is fixed, they follow the type.
  const countsByType = hydrated || props.lockType
  const showCounts = countsByType ? !!selectedType?.asksProfessionalCounts : true

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    formProps.onSubmit(event)
    if (event.defaultPrevented) return
    if (typeof XMLHttpRequest === 'undefined' || typeof FormData === 'undefined') return
    const formElement = event.currentTarget
    const input = formElement.querySelector<HTMLInputElement>(`input[name="${FILE_FIELD}"]`)
    const tooLarge = [...(input?.files ?? [])].find((f) => f.size > MAX_UPLOAD_BYTES)
    event.preventDefault()
    if (tooLarge) {
      setClientError(
        `Het bestand "${tooLarge.name}" is groter dan ${formatFileSize(MAX_UPLOAD_BYTES)}. Kies een kleiner bestand of verklein het.`,
      )
      input?.focus()
      return
    }
    setClientError(null)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', props.uploadUrl)
    xhr.responseType = 'json'
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      const body = xhr.response as
        { ok: true; redirectTo: string } | { ok: false; reply: SubmissionResult<string[]> } | null
      setProgress(null)
      if (body && body.ok) {
        navigate(body.redirectTo)
      } else if (body && !body.ok) {
        setXhrResult(body.reply)
      } else {
        setClientError('Het versturen is niet gelukt. Probeer het opnieuw.')
      }
    }
    xhr.onerror = () => {
      setProgress(null)
      setClientError('De verbinding werd onderbroken. Er is niets opgeslagen. Probeer het opnieuw.')
    }
    setProgress(0)
    xhr.send(new FormData(formElement))
  }

  const busy = progress !== null
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...formProps}
      onSubmit={onSubmit}
      className="portaal-form"
    >
      <FormErrors errors={form.errors} id={form.errorId} />
      {clientError ? (
        <div role="alert" className="utrecht-form-field-error-message">
          <p>{clientError}</p>
        </div>
      ) : null}
      {props.lockType ? (
        <input type="hidden" name={fields.typeId.name} value={props.defaultValue?.typeId ?? ''} />
      ) : (
        <SelectField
          field={fields.typeId}
          label="Soort bewijsstuk"
          placeholder="Kies een soort"
          options={props.types.map((t) => ({ value: t.id, label: t.name }))}
        />
      )}
      <TextField
        field={fields.issuer}
        label="Afgegeven door"
        description="De certificerende instelling, verzekeraar of instantie, zoals Kiwa of Justis."
      />
      <TextField field={fields.number} label="Certificaat- of polisnummer" optional />
      <TextareaField
        field={fields.scope}
        label="Reikwijdte"
        description="Voor welke vestigingen of activiteiten het geldt."
        optional
        rows={3}
      />
      <TextField
        field={fields.issuedAt}
        type="date"
        label="Datum van afgifte"
        optional={selectedType ? selectedType.expires : false}
        description="Verplicht bij bewijs zonder einddatum, zoals een VOG."
      />
      <TextField field={fields.validFrom} type="date" label="Geldig vanaf" />
      <TextField
        field={fields.validUntil}
        type="date"
        label="Geldig tot en met"
        optional={selectedType ? !selectedType.expires : false}
        description="Verplicht bij bewijs met een einddatum, zoals een HKZ-certificaat of een verzekeringspolis."
      />
      {showCounts ? (
        <>
          <TextField
            field={fields.professionalsTotal}
            label="Aantal professionals dat het werk doet"
            inputMode="numeric"
            description={
              countsByType
                ? 'Alle professionals die de zorg of ondersteuning bieden, geregistreerd of niet.'
                : 'Alleen bij een verklaring over registratie van professionals in SKJ of BIG. Laat leeg bij andere bewijsstukken.'
            }
          />
          <TextField
            field={fields.professionalsRegistered}
            label="Waarvan geregistreerd in SKJ of BIG"
            inputMode="numeric"
            description={
              countsByType
                ? 'Het aantal van hen dat in het SKJ- of BIG-register staat.'
                : 'Alleen bij een verklaring over registratie van professionals in SKJ of BIG.'
            }
          />
        </>
      ) : null}
      <FileField
        field={(fields as unknown as Record<string, FieldMetadata<unknown>>)[FILE_FIELD]}
        label="Bestanden"
        description={`PDF, PNG of JPEG, hoogstens ${formatFileSize(MAX_UPLOAD_BYTES)} per bestand. U kunt meer bestanden tegelijk kiezen.`}
        accept={ACCEPT_ATTRIBUTE}
        multiple
      />
      {busy ? (
        <div className="portaal-upload-progress">
          <label htmlFor="upload-voortgang">Bezig met versturen</label>
          <progress id="upload-voortgang" max={100} value={progress ?? 0}>
            {progress}%
          </progress>
          <p aria-live="polite">{progress}% verstuurd</p>
        </div>
      ) : null}
      <div>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {props.submitLabel}
        </Button>
      </div>
      <Paragraph className="portaal-muted">
        Wij bewaren uw bestanden onder een eigen nummer en controleren aan de inhoud of het echt een PDF, PNG
        of JPEG is.
      </Paragraph>
    </Form>
  )
}
