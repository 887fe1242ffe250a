import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { FileField, FormErrors, TextareaField } from '~/components/form-field'
import { actorOf, notFound, requireUser } from '~/domain/accounts/permissions.server'
import { inputOwnerFor } from '~/domain/consultations/access.server'
import { getPublicRound } from '~/domain/consultations/queries.server'
import {
  getOwnInput,
  InputFilesRefused,
  MAX_FILES_PER_INPUT,
  saveInput,
} from '~/domain/consultations/rounds.server'
import { mayGiveInput, roundPhase } from '~/domain/consultations/rules'
import { now } from '~/utils/clock'
import { ACCEPT_ATTRIBUTE, formatFileSize } from '~/utils/files'
import { redirectWithFlash } from '~/utils/session.server'
import { UploadRequestError, withUpload } from '~/utils/upload.server'
import { formatDateTime } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Schriftelijke inbreng | Aanbiederspoort' }]

function inputSchema(promptIds: string[]) {
  return z.object({
    ...Object.fromEntries(
      promptIds.map((id) => [
        `antwoord_${id}`,
        z.string().max(20_000, 'Gebruik hoogstens 20.000 tekens').optional(),
      ]),
    ),
    verwijderen: z.array(z.string()).default([]),
  })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  const round = await getPublicRound(params.roundId!)
  if (!round) notFound()
  const { owner, label } = await inputOwnerFor(request, viewer, round)
  const input = await getOwnInput(round.id, owner)
  return {
    round: {
      id: round.id,
      title: round.title,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      prompts: round.writtenPrompts,
    },
    label,
    council: owner.kind === 'adviesraad',
    open: mayGiveInput(round, now()),
    // Not open yet, or closed: the page says which of the two.
    notYetOpen: roundPhase(round, now()) === 'aangekondigd',
    input,
    maxFiles: MAX_FILES_PER_INPUT,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request)
  const round = await getPublicRound(params.roundId!)
  if (!round) notFound()
  const { owner } = await inputOwnerFor(request, viewer, round)
  const schema = inputSchema(round.writtenPrompts.map((p) => p.id))
  try {
    const outcome = await withUpload(request, { fileFields: ['bijlagen'] }, async (upload) => {
      const submission = parseWithZod(upload.fields, { schema })
      if (submission.status !== 'success' || Object.keys(upload.fileErrors).length) {
        return { keep: false, result: submission.reply({ fieldErrors: upload.fileErrors }) }
      }
      const values = submission.value as Record<string, string | string[] | undefined>
      const answers = Object.fromEntries(
        round.writtenPrompts.map((p) => [p.id, String(values[`antwoord_${p.id}`] ?? '')]),
      )
      let saved
      try {
        saved = await saveInput(
          round.id,
          owner,
          answers,
          actorOf(viewer, request),
          upload.files,
          (values.verwijderen as string[]) ?? [],
        )
      } catch (error) {
        if (!(error instanceof InputFilesRefused)) throw error
        return { keep: false, result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }) }
      }
      if (!saved) {
        const message =
          roundPhase(round, now()) === 'aangekondigd'
            ? `De ronde is nog niet open. U kunt inbreng geven vanaf ${formatDateTime(round.opensAt)}.`
            : 'De ronde is gesloten. Inbreng geven of wijzigen kan niet meer.'
        return { keep: false, result: submission.reply({ formErrors: [message] }) }
      }
      return { keep: true, result: null }
    })
    if (outcome) return data(outcome, { status: 400 })
    return redirectWithFlash(
      request,
      `/consultaties/${round.id}/inbreng`,
      'Uw inbreng is opgeslagen. U kunt deze wijzigen tot de ronde sluit.',
    )
  } catch (error) {
    if (error instanceof UploadRequestError) throw new Response(error.message, { status: error.status })
    throw error
  }
}

export default function Inbreng() {
  const { round, label, council, open, notYetOpen, input, maxFiles } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const schema = inputSchema(round.prompts.map((p) => p.id))
  const [form, fields] = useForm({
    lastResult,
    defaultValue: Object.fromEntries(
      round.prompts.map((p) => [
        `antwoord_${p.id}`,
        input?.answers.find((a) => a.promptId === p.id)?.text ?? '',
      ]),
    ),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const allFields = fields as unknown as Record<string, Parameters<typeof TextareaField>[0]['field']>
  return (
    <>
      <Heading1>Schriftelijke inbreng</Heading1>
      <Paragraph>
        <RemixLink to={`/consultaties/${round.id}`}>{round.title}</RemixLink> · namens {label}
      </Paragraph>
      {council ? (
        <Paragraph>
          Uw inbreng als lid van de adviesraad of cliëntenraad wordt apart van de inbreng van zorgaanbieders
          bewaard.
        </Paragraph>
      ) : (
        <Paragraph>Alleen uw eigen organisatie en de inkopers van de regio zien deze inbreng.</Paragraph>
      )}
      {input ? (
        <Paragraph className="portaal-muted">
          Laatst opgeslagen op {formatDateTime(new Date(input.updatedAt))}.
        </Paragraph>
      ) : null}
      {open ? (
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="portaal-form">
          <Paragraph>U kunt uw inbreng wijzigen tot {formatDateTime(new Date(round.closesAt))}.</Paragraph>
          <FormErrors errors={form.errors} id={form.errorId} />
          {round.prompts.map((p, i) => (
            <TextareaField
              key={p.id}
              field={allFields[`antwoord_${p.id}`]!}
              label={`${i + 1}. ${p.text}`}
              optional
              rows={6}
            />
          ))}
          {input?.files.length ? (
            <fieldset className="utrecht-fieldset">
              <legend className="utrecht-fieldset__legend">Bijlagen die u al toevoegde</legend>
              {input.files.map(({ file }) => (
                <label key={file.id} className="portaal-checkbox-option">
                  <input
                    type="checkbox"
                    name="verwijderen"
                    value={file.id}
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                  />
                  <a href={`/consultaties/${round.id}/inbreng/bijlagen/${file.id}`}>{file.displayName}</a> (
                  {formatFileSize(file.size)}) verwijderen
                </label>
              ))}
            </fieldset>
          ) : null}
          <FileField
            field={allFields.bijlagen ?? (fields as unknown as Record<string, never>).bijlagen}
            label="Bijlagen toevoegen"
            description={`PDF, PNG of JPEG, hoogstens 20 MB per bestand en 5 bestanden tegelijk; ${maxFiles} bijlagen in totaal.`}
            optional
            accept={ACCEPT_ATTRIBUTE}
            multiple
          />
          <div>
            <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
              Inbreng opslaan
            </Button>
          </div>
        </Form>
      ) : (
        <>
          <Alert type="info">
            {notYetOpen ? (
              <Paragraph>
                De ronde opent op {formatDateTime(new Date(round.opensAt))}. Vanaf dan kunt u hier inbreng
                geven, tot {formatDateTime(new Date(round.closesAt))}.
              </Paragraph>
            ) : (
              <Paragraph>
                De ronde is gesloten sinds {formatDateTime(new Date(round.closesAt))}. Uw inbreng is niet meer
                te wijzigen.
              </Paragraph>
            )}
          </Alert>
          {round.prompts.map((p, i) => (
            <section key={p.id}>
              <Heading2>
                {i + 1}. {p.text}
              </Heading2>
              <Paragraph className="portaal-prewrap">
                {input?.answers.find((a) => a.promptId === p.id)?.text ??
                  (notYetOpen
                    ? 'U kunt deze vraag beantwoorden zodra de ronde open is.'
                    : 'Geen antwoord gegeven.')}
              </Paragraph>
            </section>
          ))}
          {input?.files.length ? (
            <>
              <Heading2>Bijlagen</Heading2>
              <ul>
                {input.files.map(({ file }) => (
                  <li key={file.id}>
                    <a href={`/consultaties/${round.id}/inbreng/bijlagen/${file.id}`}>{file.displayName}</a> (
                    {formatFileSize(file.size)})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </>
  )
}
