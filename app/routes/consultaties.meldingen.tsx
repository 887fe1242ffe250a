import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link as RemixLink, useActionData, useLoaderData } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react'
import { FormErrors } from '~/components/form-field'
import { actorOf, requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { filterOptions } from '~/domain/consultations/queries.server'
import { getAlerts, saveAlerts } from '~/domain/consultations/rounds.server'
import { alertsSchema } from '~/domain/consultations/schemas'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Meldingen over consultaties | Aanbiederspoort' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, organisationId, membership } = await requireCurrentOrganisation(request)
  const [options, alerts] = await Promise.all([filterOptions(), getAlerts(organisationId, viewer.user.email)])
  return {
    options,
    email: viewer.user.email,
    organisation: membership.name,
    regionIds: alerts.filter((a) => !a.segmentId && a.regionId).map((a) => a.regionId!),
    segmentIds: alerts.filter((a) => a.segmentId).map((a) => a.segmentId!),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, organisationId } = await requireCurrentOrganisation(request)
  const submission = parseWithZod(await request.formData(), { schema: alertsSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const count = await saveAlerts(
    organisationId,
    viewer.user.email,
    submission.value,
    actorOf(viewer, request),
  )
  return redirectWithFlash(
    request,
    '/consultaties/meldingen',
    count
      ? 'Uw meldingen zijn opgeslagen. U krijgt een e-mail zodra een passende consultatieronde verschijnt.'
      : 'U ontvangt geen meldingen meer over nieuwe consultatierondes.',
  )
}

export default function Meldingen() {
  const { options, email, organisation, regionIds, segmentIds } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: alertsSchema }),
  })
  return (
    <>
      <Heading1>Meldingen over nieuwe consultaties</Heading1>
      <Paragraph>
        Kies de regio&apos;s en segmenten waarover u een e-mail wilt krijgen als er een consultatieronde
        verschijnt. De e-mail gaat naar {email} ({organisation}).
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset className="utrecht-fieldset">
          <legend className="utrecht-fieldset__legend">Alle rondes in deze regio&apos;s</legend>
          {options.regions.map((r) => (
            <label key={r.id} className="portaal-checkbox-option">
              <input
                type="checkbox"
                name="regionIds"
                value={r.id}
                defaultChecked={regionIds.includes(r.id)}
                className="utrecht-checkbox utrecht-checkbox--html-input"
              />
              {r.name}
            </label>
          ))}
        </fieldset>
        {options.segments.length ? (
          <fieldset className="utrecht-fieldset">
            <legend className="utrecht-fieldset__legend">Of alleen rondes over deze segmenten</legend>
            {options.segments.map((s) => (
              <label key={s.id} className="portaal-checkbox-option">
                <input
                  type="checkbox"
                  name="segmentIds"
                  value={s.id}
                  defaultChecked={segmentIds.includes(s.id)}
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                />
                {s.name} ({s.region.name})
              </label>
            ))}
          </fieldset>
        ) : null}
        <div>
          <Button type="submit" appearance="primary-action-button">
            Meldingen opslaan
          </Button>
        </div>
      </Form>
      <Paragraph>
        <RemixLink to="/consultaties">Terug naar de consultaties</RemixLink>
      </Paragraph>
    </>
  )
}
