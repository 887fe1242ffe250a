import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import QRCode from 'qrcode'
import {
  Alert,
  Button,
  ButtonLink,
  Heading1,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react'
import { TextField, FormErrors } from '~/components/form-field'
import { actorOf, needsSecondFactor, requireUser } from '~/domain/accounts/permissions.server'
import { enableTotp, startTotpSetup } from '~/domain/accounts/account.server'
import { hit } from '~/domain/accounts/rate-limit.server'

export const meta: MetaFunction = () => [{ title: 'Tweestapsverificatie instellen | Aanbiederspoort' }]

const schema = z.object({
  code: z
    .string({ error: 'Vul de code van 6 cijfers uit uw app in' })
    .trim()
    .regex(/^\d{6}$/, 'Vul de code van 6 cijfers uit uw app in'),
})

/** Mandatory for region staff (requireUser sends them here), optional for providers. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, { stage: 'second-factor' })
  if (viewer.user.totpEnabledAt) throw redirect('/account')
  const { secret, uri } = await startTotpSetup(viewer.user.id, viewer.user.email)
  // Rendered on the server as an inline SVG: no script, no data: URL.
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { secret: secret.replace(/(.{4})/g, '$1 ').trim(), qrSvg, required: needsSecondFactor(viewer) }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request, { stage: 'second-factor' })
  if (viewer.user.totpEnabledAt) throw redirect('/account')
  const submission = parseWithZod(await request.formData(), { schema })
  if (submission.status !== 'success')
    return data({ reply: submission.reply(), codes: null }, { status: 400 })
  if (await hit(`tweestaps-instellen:${viewer.user.id}`, 10)) {
    return data(
      {
        reply: submission.reply({ formErrors: ['U heeft het te vaak geprobeerd. Wacht 15 minuten.'] }),
        codes: null,
      },
      { status: 429 },
    )
  }
  const codes = await enableTotp(
    { userId: viewer.user.id, actor: actorOf(viewer, request) },
    viewer.session.id,
    submission.value.code,
  )
  if (!codes) {
    return data(
      {
        reply: submission.reply({
          fieldErrors: { code: ['Deze code klopt niet. Vul de code in die uw app nu toont.'] },
        }),
        codes: null,
      },
      { status: 400 },
    )
  }
  // Shown once, in this response; the database keeps only their hashes.
  return { reply: submission.reply({ resetForm: true }), codes }
}

/**
 * After the code is accepted the loader would send the user on to /account (set-up is done), and the recovery codes,
 * shown only in this action's response, would be gone before they were read. So no revalidation then.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) => {
  if (actionResult && typeof actionResult === 'object' && 'codes' in actionResult && actionResult.codes)
    return false
  return defaultShouldRevalidate
}

export default function TweestapsInstellen() {
  const actionData = useActionData<typeof action>()
  if (actionData?.codes) return <RecoveryCodes codes={actionData.codes} />
  return <Setup lastResult={actionData?.reply} />
}

type Reply = NonNullable<ReturnType<typeof useActionData<typeof action>>>['reply']

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <Heading1>Tweestapsverificatie staat aan</Heading1>
      <Alert type="warning">
        <Paragraph>
          Bewaar deze herstelcodes op een veilige plek, bijvoorbeeld in een wachtwoordkluis. U ziet ze maar
          één keer. Met elke code kunt u één keer inloggen als u uw app niet bij de hand heeft.
        </Paragraph>
      </Alert>
      <ul className="portaal-recovery-codes" aria-label="Herstelcodes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <ButtonLink href="/account" appearance="primary-action-button">
        Ik heb de codes bewaard
      </ButtonLink>
    </>
  )
}

function Setup({ lastResult }: { lastResult: Reply | undefined }) {
  const { secret, qrSvg, required } = useLoaderData<typeof loader>()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Tweestapsverificatie instellen</Heading1>
      {required ? (
        <Paragraph>
          Voor medewerkers van gemeenten en regio&apos;s is tweestapsverificatie verplicht. Stel het nu in;
          daarna kunt u verder.
        </Paragraph>
      ) : (
        <Paragraph>Met een code uit een app op uw telefoon is uw account beter beschermd.</Paragraph>
      )}
      <Heading2>Zo werkt het</Heading2>
      <OrderedList>
        <OrderedListItem>
          Installeer een authenticator-app op uw telefoon, bijvoorbeeld Microsoft Authenticator, Google
          Authenticator of FreeOTP.
        </OrderedListItem>
        <OrderedListItem>Scan de QR-code met de app. Of typ de sleutel hieronder over.</OrderedListItem>
        <OrderedListItem>Vul de code van 6 cijfers in die de app toont.</OrderedListItem>
      </OrderedList>
      <div
        className="portaal-qr"
        role="img"
        aria-label="QR-code om Aanbiederspoort aan uw authenticator-app toe te voegen"
        // The SVG comes from the qrcode library on the server, built from our own otpauth URI.
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <Paragraph>
        Sleutel om over te typen: <code data-testid="totp-secret">{secret}</code>
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField
          field={fields.code}
          label="Code uit de app"
          inputMode="numeric"
          autoComplete="one-time-code"
        />
        <div>
          <Button type="submit" appearance="primary-action-button">
            Tweestapsverificatie aanzetten
          </Button>
        </div>
      </Form>
    </>
  )
}
