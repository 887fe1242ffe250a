import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
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
import { ReasonForm, StatusText, reasonSchema, type IntentResult } from '~/components/admissions'
import { actorOf, maySubmitFor, notFound } from '~/domain/accounts/permissions.server'
import { requireProvider } from '~/domain/admissions/guards.server'
import { partnerRequestView, respondAsPartner } from '~/domain/admissions/partners.server'
import { partnerRoleWord } from '~/domain/admissions/partners'
import { AdmissionError, entryStateLabel } from '~/domain/admissions/state'
import { redirectWithFlash } from '~/utils/session.server'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction = () => [{ title: 'Verzoek als partner | Aanbiederspoort' }]

/** A partner organisation's view of one request: only its own part, never the lead's answers or evidence. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisationId, membership } = await requireProvider(request)
  const view = await partnerRequestView(organisationId, params.partnerId ?? '')
  if (!view) notFound()
  return { ...view, mayRespond: maySubmitFor(membership) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, organisationId, membership } = await requireProvider(request)
  const partnerId = params.partnerId ?? ''
  // Only the named partner organisation may answer; anyone else gets "not found" before the form is read.
  if (!(await partnerRequestView(organisationId, partnerId))) notFound()
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  if (intent !== 'bevestigen' && intent !== 'afwijzen')
    return data<IntentResult>({ intent, error: 'Onbekende actie.' }, { status: 400 })
  if (!maySubmitFor(membership))
    return data<IntentResult>(
      {
        intent,
        error:
          'U mag niet namens uw organisatie bevestigen of weigeren. Vraag een beheerder van uw organisatie dit te doen.',
      },
      { status: 403 },
    )
  let reason: string | null = null
  if (intent === 'afwijzen') {
    const submission = parseWithZod(formData, { schema: reasonSchema })
    if (submission.status !== 'success')
      return data<IntentResult>({ intent, result: submission.reply() }, { status: 400 })
    reason = submission.value.reason
  }
  try {
    const { leadName } = await respondAsPartner({
      actor: actorOf(viewer, request),
      organisationId,
      partnerId,
      decision: intent,
      reason,
    })
    return intent === 'bevestigen'
      ? redirectWithFlash(
          request,
          `/aanbieder/toetredingen/partner/${partnerId}`,
          `U heeft uw deelname bevestigd. ${leadName} krijgt hiervan bericht.`,
        )
      : redirectWithFlash(
          request,
          '/aanbieder/toetredingen',
          `U doet niet mee. ${leadName} krijgt hiervan bericht, met uw toelichting.`,
        )
  } catch (error) {
    if (error instanceof AdmissionError) {
      if (error.code === 'not_allowed') notFound()
      return data<IntentResult>({ intent, error: error.message }, { status: 409 })
    }
    throw error
  }
}

export default function VerzoekAlsPartner() {
  const { partner, lead, perceel, gemeenten, entryStatus, actionable, evidence, mayRespond } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as IntentResult | undefined
  const busy = useNavigation().state === 'submitting'
  const role = partnerRoleWord(partner.role)
  return (
    <>
      <Heading1>
        Verzoek als {role}: {perceel.name}
      </Heading1>
      <Paragraph>
        <Link href="/aanbieder/toetredingen">Terug naar het overzicht</Link>
      </Paragraph>
      <Paragraph>
        {lead.name} vraagt {partner.organisationName} om als {role} mee te doen in een toetreding tot{' '}
        {perceel.name} ({perceel.procurementName} van {perceel.regionName}). {lead.name} blijft als
        hoofdaanbieder verantwoordelijk. Uw eigen geldige bewijsstukken tellen mee voor de producten die u
        levert.
      </Paragraph>
      <dl className="portaal-dl">
        <dt>Hoofdaanbieder</dt>
        <dd>{lead.name}</dd>
        <dt>Uw rol</dt>
        <dd>{role}</dd>
        <dt>Producten die u levert</dt>
        <dd>{partner.products.join(', ')}</dd>
        <dt>Gemeenten</dt>
        <dd>{gemeenten.join(', ')}</dd>
        <dt>Status van de toetreding</dt>
        <dd>
          <StatusText>{entryStateLabel(entryStatus)}</StatusText>
        </dd>
        <dt>Uw bevestiging</dt>
        <dd>
          <StatusText>
            {partner.confirmedAt
              ? `Bevestigd op ${formatDate(new Date(partner.confirmedAt))}`
              : 'Nog niet bevestigd'}
          </StatusText>
        </dd>
      </dl>

      <Heading2>Uw bewijsstukken voor deze eisen</Heading2>
      {evidence.length === 0 ? (
        <Paragraph>Voor dit perceel zijn geen bewijsstukken gevraagd.</Paragraph>
      ) : (
        <>
          <UnorderedList>
            {evidence.map((e) => (
              <UnorderedListItem key={e.id}>
                {e.typeName}:{' '}
                {e.match
                  ? `voldoet (${e.match.issuer}${e.match.number ? ` ${e.match.number}` : ''}${
                      e.match.validUntil ? `, geldig tot ${formatDate(new Date(e.match.validUntil))}` : ''
                    })`
                  : `${e.gap ?? 'ontbreekt'} Zonder dit bewijsstuk moet de hoofdaanbieder het zelf leveren.`}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          <Paragraph>
            Uw bewijsstukken beheert u bij <Link href="/aanbieder/bewijsstukken">Bewijsstukken</Link>. De
            hoofdaanbieder ziet alleen of u een geldig bewijsstuk heeft en tot wanneer; de inkoper ziet ze
            volledig.
          </Paragraph>
        </>
      )}

      {actionData?.error ? (
        <div role="alert">
          <Alert type="error">
            <Paragraph>{actionData.error}</Paragraph>
          </Alert>
        </div>
      ) : null}

      {!actionable ? (
        <Paragraph>
          De toetreding is {entryStateLabel(entryStatus).toLowerCase()}. U kunt uw deel nu niet meer wijzigen;
          neem zo nodig contact op met {lead.name}.
        </Paragraph>
      ) : !mayRespond ? (
        <Paragraph>Een beheerder van uw organisatie bevestigt of weigert dit verzoek.</Paragraph>
      ) : (
        <>
          {!partner.confirmedAt ? (
            <Form method="post" className="portaal-form">
              <input type="hidden" name="intent" value="bevestigen" />
              <Heading2>Bevestigen</Heading2>
              <Paragraph>
                Met uw bevestiging verklaart u dat {partner.organisationName} als {role}{' '}
                {partner.products.join(', ')} levert in deze toetreding van {lead.name}.
              </Paragraph>
              <div>
                <Button type="submit" appearance="primary-action-button" busy={busy}>
                  Deelname bevestigen
                </Button>
              </div>
            </Form>
          ) : null}
          <ReasonForm
            intent="afwijzen"
            legend={partner.confirmedAt ? 'Toch niet meedoen' : 'Niet meedoen'}
            label="Waarom doet u niet mee?"
            description={`${lead.name} krijgt uw toelichting per e-mail; u staat daarna niet meer in de toetreding.`}
            button="Verzoek weigeren"
            lastResult={actionData}
            busy={busy}
          />
        </>
      )}
    </>
  )
}
