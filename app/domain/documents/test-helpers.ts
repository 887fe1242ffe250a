/**
 * Small helpers for the document tests of consultations and the catalogue: the requests the documents pages post,
 * and a route loader's answer whether it returns or throws its Response (a 404 is thrown).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { DOCUMENT_FILE_FIELD } from './form'

/** The multipart post of the "document toevoegen" form. */
export function documentUploadRequest(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  if (file) form.append(DOCUMENT_FILE_FIELD, new Blob([new Uint8Array(file.data)]), file.name)
  return new Request('http://localhost/documenten', { method: 'POST', body: form })
}

/** The plain post of a remove button. */
export function documentRemoveRequest(documentId: string) {
  return new Request('http://localhost/documenten', {
    method: 'POST',
    body: new URLSearchParams({ intent: 'verwijderen', documentId }),
  })
}

/** What `documentAction` answers when it refuses the form: the Conform reply with status 400. */
export type RefusedDocument = { data: { error: Record<string, string[]> }; init: { status: number } }

/** A PNG header: passes the general upload check, but is no PDF. */
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])

export async function loaderResponse(
  loader: (args: LoaderFunctionArgs) => Promise<Response>,
  path: string,
  params: Record<string, string>,
): Promise<Response> {
  try {
    return await loader({ request: new Request(`http://localhost${path}`), params, context: {} })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}
