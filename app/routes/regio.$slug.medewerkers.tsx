import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import {
  Button,
  Heading1,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import { CheckboxGroupField } from '~/components/choice-fields'
import { FormErrors, SelectField, TextField } from '~/components/form-field'
import { actorOf, forbidden, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import {
  changeRegionRole,
  getRegionOverview,
  inviteToRegion,
  isRegionRole,
  listRegionStaff,
  removeRegionMembership,
  withdrawRegionInvitation,
} from '~/domain/accounts/regions.server'
import { REGION_ROLES, ROLE_LABELS, type RegionRole } from '~/domain/accounts/roles'
import { email } from '~/utils/validation'
import { formatDate } from '~/utils/time'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Medewerkers | Aanbiederspoort' }]

const inviteSchema = z.object({
  intent: z.literal('uitnodigen'),
  email,
  role: z.enum(REGION_ROLES, { error: 'Kies een rol' }),
  gemeenten: z.array(z.string()).optional(),
})

const ROLE_OPTIONS = REGION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))
const STAFF_ROLES: RegionRole[] = ['inkoper', 'contractmanager', 'regiobeheerder']

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region, membership } = await requireRegionBySlug(request, params.slug ?? '', STAFF_ROLES)
  const [{ members, invitations }, overview] = await Promise.all([
    listRegionStaff(region.id),
    getRegionOverview(region.id),
  ])
  return {
    region: { name: region.name },
    isAdmin: membership.roles.includes('regiobeheerder'),
    gemeenten: overview.gemeenten.map((g) => ({ code: g.gemeente.code, name: g.gemeente.name })),
    members: members.map((m) => ({
      id: m.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role as RegionRole,
      gemeenten: m.gemeenten.map((g) => g.gemeente.name).join(', ') || 'hele regio',
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: ROLE_LABELS[i.role as RegionRole] ?? i.role,
      until: formatDate(i.expiresAt),
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug ?? '', ['regiobeheerder'])
  const actor = actorOf(viewer, request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const back = `/regio/${region.slug}/medewerkers`
  if (intent === 'uitnodigen') {
    const submission = parseWithZod(formData, { schema: inviteSchema })
    if (submission.status !== 'success')
      return data({ intent, reply: submission.reply(), error: null }, { status: 400 })
    const result = await inviteToRegion(
      region.id,
      { userId: viewer.user.id, name: viewer.user.name, actor },
      submission.value.email,
      submission.value.role,
      submission.value.gemeenten ?? [],
    )
    if (!result.ok) {
      return data(
        { intent, reply: submission.reply({ formErrors: [result.message] }), error: null },
        { status: 400 },
      )
    }
    return redirectWithFlash(request, back, `Uitnodiging gestuurd naar ${submission.value.email}.`)
  }
  const membershipId = String(formData.get('membershipId') ?? '')
  if (intent === 'rol') {
    const role = String(formData.get('role') ?? '')
    if (!isRegionRole(role)) forbidden()
    const result = await changeRegionRole(region.id, actor, membershipId, role)
    if (!result.ok) return data({ intent, reply: null, error: result.message }, { status: 400 })
    return redirectWithFlash(request, back, 'De rol is gewijzigd.')
  }
  if (intent === 'verwijderen') {
    const result = await removeRegionMembership(region.id, actor, membershipId)
    if (!result.ok) return data({ intent, reply: null, error: result.message }, { status: 400 })
    return redirectWithFlash(request, back, 'De medewerker is verwijderd.')
  }
  if (intent === 'intrekken') {
    await withdrawRegionInvitation(region.id, actor, String(formData.get('invitationId') ?? ''))
    return redirectWithFlash(request, back, 'De uitnodiging is ingetrokken.')
  }
  throw new Response('Onbekende actie', { status: 400 })
}

export default function Medewerkers() {
  const { region, isAdmin, gemeenten, members, invitations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'uitnodigen',
    lastResult: actionData?.intent === 'uitnodigen' ? actionData.reply : undefined,
    defaultValue: { role: 'inkoper' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Medewerkers van {region.name}</Heading1>
      <FormErrors errors={actionData?.error ? [actionData.error] : undefined} />
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption>Medewerkers en hun rollen (één regel per rol)</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">E-mailadres</TableHeaderCell>
              <TableHeaderCell scope="col">Rol</TableHeaderCell>
              <TableHeaderCell scope="col">Gemeenten</TableHeaderCell>
              {isAdmin ? <TableHeaderCell scope="col">Acties</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{m.name}</TableCell>
                <TableCell>{m.email}</TableCell>
                <TableCell>{ROLE_LABELS[m.role]}</TableCell>
                <TableCell>{m.gemeenten}</TableCell>
                {isAdmin ? (
                  <TableCell>
                    <Form method="post" className="portaal-inline-form">
                      <input type="hidden" name="intent" value="rol" />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <label htmlFor={`rol-${m.id}`} className="portaal-visually-hidden">
                        Rol van {m.name}
                      </label>
                      <Select id={`rol-${m.id}`} name="role" defaultValue={m.role}>
                        {ROLE_OPTIONS.map((o) => (
                          <SelectOption key={o.value} value={o.value}>
                            {o.label}
                          </SelectOption>
                        ))}
                      </Select>{' '}
                      <Button type="submit" appearance="secondary-action-button">
                        Rol wijzigen<span className="portaal-visually-hidden"> van {m.name}</span>
                      </Button>
                    </Form>{' '}
                    <Form method="post" className="portaal-inline-form">
                      <input type="hidden" name="intent" value="verwijderen" />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <Button type="submit" appearance="subtle-button">
                        Verwijderen
                        <span className="portaal-visually-hidden">
                          {' '}
                          {m.name} als {ROLE_LABELS[m.role]}
                        </span>
                      </Button>
                    </Form>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {invitations.length ? (
        <>
          <Heading2>Openstaande uitnodigingen</Heading2>
          <div className="portaal-table-wrap">
            <Table>
              <TableCaption>Uitnodigingen die nog niet zijn aangenomen</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">E-mailadres</TableHeaderCell>
                  <TableHeaderCell scope="col">Rol</TableHeaderCell>
                  <TableHeaderCell scope="col">Geldig tot</TableHeaderCell>
                  {isAdmin ? <TableHeaderCell scope="col">Actie</TableHeaderCell> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {invitations.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell>{i.email}</TableCell>
                    <TableCell>{i.role}</TableCell>
                    <TableCell>{i.until}</TableCell>
                    {isAdmin ? (
                      <TableCell>
                        <Form method="post">
                          <input type="hidden" name="intent" value="intrekken" />
                          <input type="hidden" name="invitationId" value={i.id} />
                          <Button type="submit" appearance="subtle-button">
                            Intrekken<span className="portaal-visually-hidden"> uitnodiging {i.email}</span>
                          </Button>
                        </Form>
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : null}
      {isAdmin ? (
        <>
          <Heading2>Medewerker uitnodigen</Heading2>
          <Paragraph>
            De medewerker krijgt een e-mail met een link (7 dagen geldig, werkt één keer) en stelt daarna
            tweestapsverificatie in.
          </Paragraph>
          <Form method="post" {...getFormProps(form)} className="portaal-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="uitnodigen" />
            <TextField field={fields.email} label="E-mailadres" type="email" />
            <SelectField field={fields.role} label="Rol" options={ROLE_OPTIONS} />
            <CheckboxGroupField
              field={fields.gemeenten}
              legend="Gemeenten"
              optional
              description="Kies niets als de medewerker voor de hele regio werkt."
              options={gemeenten.map((g) => ({ value: g.code, label: g.name }))}
            />
            <div>
              <Button type="submit" appearance="primary-action-button">
                Uitnodiging sturen
              </Button>
            </div>
          </Form>
        </>
      ) : null}
    </>
  )
}
