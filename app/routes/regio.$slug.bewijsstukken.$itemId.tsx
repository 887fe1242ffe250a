import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import {
  Alert,
  Button,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { actorOf, notFound, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import { decideEvidence, getRegionItem, VerificationRefused } from '~/domain/evidence/evidence.server'
import { reassessAfterEvidenceChange } from '~/domain/evidence/expiry.server'
import { evidenceStatus } from '~/domain/evidence/rules'
import { REGION_EVIDENCE_ROLES } from '~/domain/evidence/roles'
import { EvidenceDetails } from '~/components/evidence-details'
import { FormErrors, TextareaField } from '~/components/form-field'
import { now } from '~/utils/clock'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate } from '~/utils/time'
import { text } from '~/utils/validation'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.item.typeName ?? 'Bewijsstuk'} controleren | Aanbiederspoort` },
]

const schema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('goedkeuren') }),
  z.object({
    intent: z.literal('afkeuren'),
    reason: text({
      max: 1000,
      required: 'Geef een reden voor de afkeuring. De aanbieder krijgt die te lezen.',
    }),
  }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region, membership } = await requireRegionBySlug(request, params.slug!, REGION_EVIDENCE_ROLES.view)
  const found = await getRegionItem(region.id, params.itemId!)
  if (!found) notFound()
  const today = now()
  const i = found.item
  return {
    region,
    mayDecide: membership.roles.some((r) => REGION_EVIDENCE_ROLES.decide.includes(r)),
    item: {
      id: i.id,
      typeName: i.type.name,
      organisationName: i.organisation.name,
      kvkNummer: i.organisation.kvkNummer,
      issuer: i.issuer,
      number: i.number,
      scope: i.scope,
      issuedAt: i.issuedAt,
      validFrom: i.validFrom,
      validUntil: i.validUntil,
      professionalsTotal: i.professionalsTotal,
      professionalsRegistered: i.professionalsRegistered,
      createdAt: i.createdAt,
      verification: i.verification,
      verifiedAt: i.verifiedAt,
      current: !i.replacedBy,
      status: evidenceStatus(i, today),
      files: i.files.map((f) => f.file),
    },
    history: found.history.map((h) => ({
      id: h.id,
      createdAt: h.createdAt,
      issuer: h.issuer,
      validUntil: h.validUntil,
      status: evidenceStatus(h, today).label,
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug!, REGION_EVIDENCE_ROLES.decide)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const value = submission.value
  try {
    await decideEvidence(
      {
        regionId: region.id,
        itemId: params.itemId!,
        decision: value.intent === 'goedkeuren' ? 'goedgekeurd' : 'afgekeurd',
        reason: value.intent === 'afkeuren' ? value.reason : null,
        actor: actorOf(viewer, request),
      },
      undefined,
      async (tx, organisationId) => {
        await reassessAfterEvidenceChange(tx, organisationId, now(), actorOf(viewer, request))
      },
    )
  } catch (error) {
    if (error instanceof VerificationRefused) {
      return data(submission.reply({ formErrors: [error.message] }), { status: 409 })
    }
    throw error
  }
  return redirectWithFlash(
    request,
    `/regio/${region.slug}/bewijsstukken`,
    value.intent === 'goedkeuren'
      ? 'Het bewijsstuk is goedgekeurd. De aanbieder krijgt bericht.'
      : 'Het bewijsstuk is afgekeurd. De aanbieder krijgt bericht met uw reden.',
  )
}

export default function BewijsstukControleren() {
  const { region, item, history, mayDecide } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  })
  const busy = navigation.state === 'submitting'
  const reasonField = (fields as unknown as Record<string, typeof fields.intent>).reason
  return (
    <>
      <Heading1>
        {item.typeName} van {item.organisationName}
      </Heading1>
      <Paragraph>KvK-nummer {item.kvkNummer}</Paragraph>
      <EvidenceDetails item={item} />
      {!item.current ? (
        <Alert type="info">
          <Paragraph>Dit is een oudere versie; de aanbieder heeft een nieuwere versie toegevoegd.</Paragraph>
        </Alert>
      ) : item.verification !== 'in_controle' ? (
        <Paragraph>
          Over dit bewijsstuk is beslist{item.verifiedAt ? ` op ${formatDate(item.verifiedAt)}` : ''}.
        </Paragraph>
      ) : mayDecide ? (
        <>
          <Heading2>Beslissen</Heading2>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Form method="post">
            <input type="hidden" name="intent" value="goedkeuren" />
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              Goedkeuren
            </Button>
          </Form>
          <Form method="post" {...getFormProps(form)} className="portaal-form">
            <input type="hidden" name="intent" value="afkeuren" />
            <TextareaField
              field={reasonField}
              label="Reden van afkeuring"
              description="Nodig als u afkeurt. De aanbieder krijgt deze reden per e-mail."
              rows={3}
            />
            <div>
              <Button type="submit" appearance="secondary-action-button" disabled={busy}>
                Afkeuren
              </Button>
            </div>
          </Form>
        </>
      ) : (
        <Paragraph>Een contractmanager of inkoper beslist over dit bewijsstuk.</Paragraph>
      )}
      {history.length > 0 ? (
        <>
          <Heading2>Eerdere versies</Heading2>
          <UnorderedList>
            {history.map((h) => (
              <UnorderedListItem key={h.id}>
                <Link href={`/regio/${region.slug}/bewijsstukken/${h.id}`}>
                  Versie van {formatDate(h.createdAt)}
                </Link>
                : {h.issuer},{' '}
                {h.validUntil ? `geldig tot en met ${formatDate(h.validUntil)}` : 'geen einddatum'} (
                {h.status})
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      <Paragraph>
        <Link href={`/regio/${region.slug}/bewijsstukken`}>Terug naar de bewijsstukken</Link>
      </Paragraph>
    </>
  )
}
