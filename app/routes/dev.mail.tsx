import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react'
import { getEnv } from '~/utils/env.server'
import { getProcessMailCapture } from '~/utils/mail-capture.server'
import { formatDateTime } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Verstuurde e-mail (ontwikkeling) | Aanbiederspoort' }]

/** What the local SMTP server received. Exists only when mail does not leave this machine (development, demo). */
export async function loader(_args: LoaderFunctionArgs) {
  const capture = getProcessMailCapture()
  if (getEnv().strict || !capture) throw new Response('Niet gevonden', { status: 404 })
  return {
    messages: [...capture.messages]
      .reverse()
      .slice(0, 50)
      .map((m) => ({
        id: m.id,
        receivedAt: m.receivedAt.toISOString(),
        to: m.to.join(', '),
        subject: m.subject,
        text: m.text,
        attachments: m.attachments.map((a) => a.filename),
      })),
  }
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  )
}

export default function DevMail() {
  const { messages } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>Verstuurde e-mail</Heading1>
      <Paragraph>
        Alleen in ontwikkeling en de demo: de e-mail die het portaal verstuurde, nieuwste eerst.
      </Paragraph>
      {messages.length === 0 ? <Paragraph>Er is nog geen e-mail verstuurd.</Paragraph> : null}
      {messages.map((m) => (
        <article key={m.id} className="portaal-card">
          <Heading2>{m.subject}</Heading2>
          <Paragraph>
            Aan {m.to}, {formatDateTime(new Date(m.receivedAt))}
            {m.attachments.length ? `, bijlagen: ${m.attachments.join(', ')}` : ''}
          </Paragraph>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{linkify(m.text)}</pre>
        </article>
      ))}
    </>
  )
}
