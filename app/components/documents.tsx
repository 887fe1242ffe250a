import { Form, useNavigation } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  Button,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { FileField, FormErrors, TextField } from '~/components/form-field'
import { DOCUMENT_FILE_FIELD, documentSchema, PDF_ACCEPT_ATTRIBUTE } from '~/domain/documents/form'
import { formatFileSize, MAX_UPLOAD_BYTES } from '~/utils/files'
import { formatDateTime } from '~/utils/time'

export type DocumentItem = {
  id: string
  title: string
  createdAt: string | Date
  file: { displayName: string; size: number }
}

/**
 * The documents (PDF) of a consultation round or a procurement: a table with title (a download link), file, size and
 * date. With `manage` (the buyer's page) every row gets a remove button and an upload form follows. Both are plain
 * forms that work without JavaScript; the upload is a native file input posted as multipart.
 */
export function Documents(props: {
  documents: DocumentItem[]
  /** Where a document is downloaded. */
  href: (documentId: string) => string
  caption: string
  empty: string
  manage?: { lastResult: SubmissionResult<string[]> | null | undefined; published: boolean }
}) {
  const { documents, manage } = props
  return (
    <>
      {documents.length === 0 ? (
        <Paragraph>{props.empty}</Paragraph>
      ) : (
        <div className="portaal-table-wrap">
          <Table>
            <TableCaption>{props.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Document</TableHeaderCell>
                <TableHeaderCell scope="col">Bestand</TableHeaderCell>
                <TableHeaderCell scope="col">Grootte</TableHeaderCell>
                <TableHeaderCell scope="col">Toegevoegd op</TableHeaderCell>
                {manage ? <TableHeaderCell scope="col">Verwijderen</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {documents.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>
                    <Link href={props.href(d.id)}>{d.title}</Link>
                  </TableCell>
                  <TableCell>{d.file.displayName}</TableCell>
                  <TableCell>{formatFileSize(d.file.size)}</TableCell>
                  <TableCell>{formatDateTime(new Date(d.createdAt))}</TableCell>
                  {manage ? (
                    <TableCell>
                      <Form method="post" className="portaal-inline-form">
                        <input type="hidden" name="intent" value="verwijderen" />
                        <input type="hidden" name="documentId" value={d.id} />
                        <Button type="submit" appearance="subtle-button">
                          Verwijder<span className="portaal-visually-hidden"> {d.title}</span>
                        </Button>
                      </Form>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {manage ? <DocumentUploadForm {...manage} /> : null}
    </>
  )
}

function DocumentUploadForm(props: {
  lastResult: SubmissionResult<string[]> | null | undefined
  published: boolean
}) {
  const navigation = useNavigation()
  const [form, fields] = useForm<{ title: string; [DOCUMENT_FILE_FIELD]?: unknown }, { title: string }>({
    id: 'document-toevoegen',
    lastResult: props.lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: documentSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="portaal-form portaal-card"
      aria-labelledby="document-toevoegen-kop"
    >
      <Heading2 id="document-toevoegen-kop">Document toevoegen</Heading2>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.title} label="Titel van het document" />
      <FileField
        field={fields[DOCUMENT_FILE_FIELD]}
        label="Bestand"
        description={`Alleen PDF, hoogstens ${formatFileSize(MAX_UPLOAD_BYTES)}. Wij controleren aan de inhoud of het echt een PDF is.`}
        accept={PDF_ACCEPT_ATTRIBUTE}
      />
      {props.published ? (
        <Paragraph>
          Dit is al gepubliceerd: het nieuwe document komt met de datum bij de wijzigingen en wie de
          wijzigingen volgt, krijgt een e-mail.
        </Paragraph>
      ) : null}
      <div>
        <Button type="submit" appearance="primary-action-button" busy={navigation.state === 'submitting'}>
          Document toevoegen
        </Button>
      </div>
    </Form>
  )
}

/** The buyer's "documenten" page of a round or a procurement: heading, way back, what is public, list and upload. */
export function ManageDocumentsPage(props: {
  name: string
  backHref: string
  backLabel: string
  published: boolean
  documents: DocumentItem[]
  href: (documentId: string) => string
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  return (
    <>
      <Heading1>Documenten van {props.name}</Heading1>
      <Paragraph>
        <Link href={props.backHref}>{props.backLabel}</Link>
      </Paragraph>
      <Paragraph>
        {props.published
          ? 'Iedereen kan deze documenten downloaden op de openbare pagina.'
          : 'De documenten worden openbaar zodra u publiceert. Tot dan ziet alleen uw regio ze.'}
      </Paragraph>
      <Documents
        documents={props.documents}
        href={props.href}
        caption={`Documenten van ${props.name}`}
        empty="Er zijn nog geen documenten."
        manage={{ lastResult: props.lastResult, published: props.published }}
      />
    </>
  )
}
