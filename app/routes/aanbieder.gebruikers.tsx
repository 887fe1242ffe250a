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
import { FormErrors, SelectField, TextField } from '~/components/form-field'
import { actorOf, forbidden, requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import {
  changeOrganisationRole,
  inviteToOrganisation,
  isOrganisationRole,
  listOrganisationMembers,
  removeOrganisationMember,
  withdrawOrganisationInvitation,
} from '~/domain/accounts/organisations.server'
import { ORGANISATION_ROLES, ROLE_LABELS } from '~/domain/accounts/roles'
import { email } from '~/utils/validation'
import { formatDate } from '~/utils/time'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Gebruikers | Aanbiederspoort' }]

const inviteSchema = z.object({
  intent: z.literal('uitnodigen'),
  email,
  role: z.enum(ORGANISATION_ROLES, { error: 'Kies een rol' }),
})

const ROLE_OPTIONS = ORGANISATION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, membership, organisationId } = await requireCurrentOrganisation(request)
  const { members, invitations } = await listOrganisationMembers(organisationId)
  return {
    organisationName: membership.name,
    isBeheerder: membership.role === 'beheerder',
    members: members.map((m) => ({
      id: m.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      isSelf: m.user.id === viewer.user.id,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: ROLE_LABELS[i.role as 'beheerder'] ?? i.role,
      until: formatDate(i.expiresAt),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership, organisationId } = await requireCurrentOrganisation(request, ['beheerder'])
  const actor = actorOf(viewer, request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'uitnodigen') {
    const submission = parseWithZod(formData, { schema: inviteSchema })
    if (submission.status !== 'success')
      return data({ intent, reply: submission.reply(), error: null }, { status: 400 })
    const result = await inviteToOrganisation(
      organisationId,
      { userId: viewer.user.id, name: viewer.user.name, actor },
      submission.value.email,
      submission.value.role,
    )
    if (!result.ok) {
      return data(
        { intent, reply: submission.reply({ fieldErrors: { email: [result.message] } }), error: null },
        { status: 400 },
      )
    }
    return redirectWithFlash(
      request,
      '/aanbieder/gebruikers',
      `Uitnodiging gestuurd naar ${submission.value.email}.`,
    )
  }
  const membershipId = String(formData.get('membershipId') ?? '')
  if (intent === 'rol') {
    const role = String(formData.get('role') ?? '')
    if (!isOrganisationRole(role)) forbidden()
    const result = await changeOrganisationRole(organisationId, actor, membershipId, role)
    if (!result.ok) return data({ intent, reply: null, error: result.message }, { status: 400 })
    return redirectWithFlash(request, '/aanbieder/gebruikers', 'De rol is gewijzigd.')
  }
  if (intent === 'verwijderen') {
    const result = await removeOrganisationMember(organisationId, actor, membershipId)
    if (!result.ok) return data({ intent, reply: null, error: result.message }, { status: 400 })
    return redirectWithFlash(
      request,
      '/aanbieder/gebruikers',
      `De gebruiker is verwijderd uit ${membership.name}.`,
    )
  }
  if (intent === 'intrekken') {
    await withdrawOrganisationInvitation(organisationId, actor, String(formData.get('invitationId') ?? ''))
    return redirectWithFlash(request, '/aanbieder/gebruikers', 'De uitnodiging is ingetrokken.')
  }
  throw new Response('Onbekende actie', { status: 400 })
}

export default function Gebruikers() {
  const { organisationName, isBeheerder, members, invitations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'uitnodigen',
    lastResult: actionData?.intent === 'uitnodigen' ? actionData.reply : undefined,
    defaultValue: { role: 'medewerker' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Gebruikers van {organisationName}</Heading1>
      <Paragraph>
        Beheerders beheren de organisatie, de gebruikers en alles wat de organisatie indient. Medewerkers
        bereiden voor.
      </Paragraph>
      <FormErrors errors={actionData?.error ? [actionData.error] : undefined} />
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption>Gebruikers</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">E-mailadres</TableHeaderCell>
              <TableHeaderCell scope="col">Rol</TableHeaderCell>
              {isBeheerder ? <TableHeaderCell scope="col">Acties</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  {m.name}
                  {m.isSelf ? ' (u)' : ''}
                </TableCell>
                <TableCell>{m.email}</TableCell>
                <TableCell>{ROLE_LABELS[m.role as 'beheerder'] ?? m.role}</TableCell>
                {isBeheerder ? (
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
                        Verwijderen<span className="portaal-visually-hidden"> {m.name}</span>
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
                  {isBeheerder ? <TableHeaderCell scope="col">Actie</TableHeaderCell> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {invitations.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell>{i.email}</TableCell>
                    <TableCell>{i.role}</TableCell>
                    <TableCell>{i.until}</TableCell>
                    {isBeheerder ? (
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

      {isBeheerder ? (
        <>
          <Heading2>Collega uitnodigen</Heading2>
          <Paragraph>
            Uw collega krijgt een e-mail met een link. De link is 7 dagen geldig en werkt één keer.
          </Paragraph>
          <Form method="post" {...getFormProps(form)} className="portaal-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="uitnodigen" />
            <TextField field={fields.email} label="E-mailadres van uw collega" type="email" />
            <SelectField field={fields.role} label="Rol" options={ROLE_OPTIONS} />
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
