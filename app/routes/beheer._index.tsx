import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
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
import { FormErrors, SelectField, TextField, TextareaField } from '~/components/form-field'
import { actorOf, requirePlatformAdmin } from '~/domain/accounts/permissions.server'
import { createRegion, inviteRegionAdmin, listGemeenten, listRegions } from '~/domain/accounts/regions.server'
import { email, optionalText, text } from '~/utils/validation'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Platformbeheer | Aanbiederspoort' }]

const schema = z.object({
  intent: z.literal('aanmaken'),
  name: text({ max: 200, required: 'Vul de naam van de regio in' }),
  slug: z
    .string({ error: 'Vul een webadres in, zoals west-brabant' })
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'Gebruik alleen kleine letters, cijfers en streepjes, zoals west-brabant',
    )
    .max(60, 'Gebruik hoogstens 60 tekens'),
  description: optionalText({ max: 1000 }),
  gemeenten: z
    .array(z.string(), { error: 'Kies de gemeenten van de regio' })
    .min(1, 'Kies de gemeenten van de regio'),
  adminEmail: email,
})

// Re-inviting a regiobeheerder for an existing region (first invitation expired or went to a wrong address).
const inviteSchema = z.object({
  intent: z.literal('uitnodigen'),
  regionId: z.string({ error: 'Kies de regio' }),
  email,
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const [regions, gemeenten] = await Promise.all([listRegions(), listGemeenten()])
  const byProvince = new Map<string, { code: string; name: string }[]>()
  for (const g of gemeenten) {
    const list = byProvince.get(g.province) ?? []
    list.push({ code: g.code, name: g.name })
    byProvince.set(g.province, list)
  }
  return {
    regions: regions.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      gemeenten: r._count.gemeenten,
      staff: r._count.memberships,
      admins: r.admins,
      invitedAdmins: r.invitedAdmins,
    })),
    provinces: [...byProvince.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'nl'))
      .map(([province, list]) => ({ province, gemeenten: list })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePlatformAdmin(request)
  const admin = { userId: viewer.user.id, name: viewer.user.name, actor: actorOf(viewer, request) }
  const formData = await request.formData()
  if (formData.get('intent') === 'uitnodigen') {
    const submission = parseWithZod(formData, { schema: inviteSchema })
    if (submission.status !== 'success') {
      return data({ intent: 'uitnodigen' as const, reply: submission.reply() }, { status: 400 })
    }
    const result = await inviteRegionAdmin(admin, submission.value.regionId, submission.value.email)
    if (!result.ok) {
      return data(
        {
          intent: 'uitnodigen' as const,
          reply: submission.reply({ fieldErrors: { email: [result.message] } }),
        },
        { status: 400 },
      )
    }
    return redirectWithFlash(
      request,
      '/beheer',
      `${submission.value.email} heeft een uitnodiging als regiobeheerder gekregen.`,
    )
  }
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return data({ intent: 'aanmaken' as const, reply: submission.reply() }, { status: 400 })
  }
  const result = await createRegion(admin, {
    ...submission.value,
    gemeenteCodes: submission.value.gemeenten,
  })
  if (!result.ok) {
    return data(
      { intent: 'aanmaken' as const, reply: submission.reply({ formErrors: [result.message] }) },
      { status: 400 },
    )
  }
  return redirectWithFlash(
    request,
    '/beheer',
    `${submission.value.name} is aangemaakt. ${submission.value.adminEmail} heeft een uitnodiging als regiobeheerder gekregen.`,
  )
}

export default function Beheer() {
  const { regions, provinces } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'aanmaken',
    lastResult: actionData?.intent === 'aanmaken' ? actionData.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const [inviteForm, inviteFields] = useForm({
    id: 'uitnodigen',
    lastResult: actionData?.intent === 'uitnodigen' ? actionData.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const chosen = new Set(fields.gemeenten.initialValue ?? [])
  return (
    <>
      <Heading1>Platformbeheer</Heading1>
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption>Inkoopregio&apos;s</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Regio</TableHeaderCell>
              <TableHeaderCell scope="col">Gemeenten</TableHeaderCell>
              <TableHeaderCell scope="col">Rollen van medewerkers</TableHeaderCell>
              <TableHeaderCell scope="col">Regiobeheerders</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {regions.map((r) => (
              <TableRow key={r.slug}>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.gemeenten}</TableCell>
                <TableCell>{r.staff}</TableCell>
                <TableCell>
                  {r.admins === 0 ? <strong>geen</strong> : r.admins}
                  {r.invitedAdmins.length > 0 ? ` (uitgenodigd: ${r.invitedAdmins.join(', ')})` : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <Heading2>Regiobeheerder uitnodigen</Heading2>
      <Paragraph>
        Voor een regio zonder regiobeheerder, of als de uitnodiging verlopen is of naar een verkeerd adres
        ging.
      </Paragraph>
      <Form method="post" {...getFormProps(inviteForm)} className="portaal-form">
        <input type="hidden" name="intent" value="uitnodigen" />
        <FormErrors errors={inviteForm.errors} id={inviteForm.errorId} />
        <SelectField
          field={inviteFields.regionId}
          label="Regio"
          placeholder="Kies een regio"
          options={regions.map((r) => ({ value: r.id, label: r.name }))}
        />
        <TextField field={inviteFields.email} label="E-mailadres van de regiobeheerder" type="email" />
        <div>
          <Button type="submit" appearance="primary-action-button">
            Regiobeheerder uitnodigen
          </Button>
        </div>
      </Form>

      <Heading2>Regio aanmaken</Heading2>
      <Paragraph>
        Kies de gemeenten die samen inkopen, en nodig de eerste regiobeheerder uit. Die nodigt daarna de
        andere medewerkers uit.
      </Paragraph>
      <Form method="post" {...getFormProps(form)} className="portaal-form">
        <input type="hidden" name="intent" value="aanmaken" />
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.name} label="Naam van de regio" />
        <TextField
          field={fields.slug}
          label="Webadres"
          description="Komt in de adressen van de regio, zoals /regio/west-brabant."
        />
        <TextareaField field={fields.description} label="Beschrijving" optional rows={3} />
        <TextField field={fields.adminEmail} label="E-mailadres van de eerste regiobeheerder" type="email" />
        <Fieldset
          invalid={!!fields.gemeenten.errors?.length}
          aria-describedby={fields.gemeenten.errors?.length ? fields.gemeenten.errorId : undefined}
        >
          <FieldsetLegend>Gemeenten</FieldsetLegend>
          {fields.gemeenten.errors?.length ? (
            <FormFieldErrorMessage id={fields.gemeenten.errorId}>
              {fields.gemeenten.errors.join(' ')}
            </FormFieldErrorMessage>
          ) : null}
          {provinces.map((p) => (
            <details key={p.province} className="portaal-details">
              <summary>{p.province}</summary>
              {p.gemeenten.map((g) => (
                <FormField type="checkbox" key={g.code}>
                  <Checkbox
                    id={`gemeente-${g.code}`}
                    name={fields.gemeenten.name}
                    value={g.code}
                    defaultChecked={chosen.has(g.code)}
                  />
                  <FormLabel htmlFor={`gemeente-${g.code}`} type="checkbox">
                    {g.name}
                  </FormLabel>
                </FormField>
              ))}
            </details>
          ))}
        </Fieldset>
        <div>
          <Button type="submit" appearance="primary-action-button">
            Regio aanmaken en uitnodiging sturen
          </Button>
        </div>
      </Form>
      <Paragraph>
        <Link href="/account">Mijn account</Link>
      </Paragraph>
    </>
  )
}
