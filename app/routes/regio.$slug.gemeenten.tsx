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
import { actorOf, requireRegionBySlug } from '~/domain/accounts/permissions.server'
import {
  addRegionGemeente,
  gemeentenOutsideRegion,
  listRegionGemeenten,
  listRegionStaff,
  removeRegionGemeente,
  setStaffGemeenten,
} from '~/domain/accounts/regions.server'
import { ROLE_LABELS, type RegionRole } from '~/domain/accounts/roles'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Gemeenten van de regio | Aanbiederspoort' }]

const addSchema = z.object({
  intent: z.literal('toevoegen'),
  gemeente: z.string({ error: 'Kies een gemeente' }).min(1, 'Kies een gemeente'),
  scope: z.string().trim().max(60, 'Hoogstens 60 tekens').optional(),
})

const staffSchema = z.object({
  intent: z.literal('medewerker'),
  membershipId: z.string({ error: 'Kies een medewerker' }).min(1, 'Kies een medewerker'),
  gemeenten: z.array(z.string()).optional(),
})

const STAFF_ROLES: RegionRole[] = ['inkoper', 'contractmanager', 'regiobeheerder']

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region, membership } = await requireRegionBySlug(request, params.slug ?? '', STAFF_ROLES)
  const isAdmin = membership.roles.includes('regiobeheerder')
  const [gemeenten, outside, staff] = await Promise.all([
    listRegionGemeenten(region.id),
    isAdmin ? gemeentenOutsideRegion(region.id) : Promise.resolve([]),
    isAdmin ? listRegionStaff(region.id) : Promise.resolve({ members: [] }),
  ])
  return {
    region: { name: region.name },
    isAdmin,
    gemeenten,
    outside: outside.map((g) => ({ value: g.code, label: g.name })),
    members: staff.members.map((m) => ({
      value: m.id,
      label: `${m.user.name} (${ROLE_LABELS[m.role as RegionRole].toLowerCase()})`,
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, region } = await requireRegionBySlug(request, params.slug ?? '', ['regiobeheerder'])
  const actor = actorOf(viewer, request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const back = `/regio/${region.slug}/gemeenten`
  if (intent === 'toevoegen') {
    const submission = parseWithZod(formData, { schema: addSchema })
    if (submission.status !== 'success')
      return data({ intent, reply: submission.reply(), error: null }, { status: 400 })
    const result = await addRegionGemeente(region.id, actor, {
      gemeenteCode: submission.value.gemeente,
      scope: submission.value.scope ?? '',
    })
    if (!result.ok)
      return data(
        { intent, reply: submission.reply({ fieldErrors: { gemeente: [result.message] } }), error: null },
        { status: 400 },
      )
    return redirectWithFlash(request, back, 'De gemeente is toegevoegd aan de regio.')
  }
  if (intent === 'verwijderen') {
    const gemeente = String(formData.get('gemeente') ?? '')
    const result = await removeRegionGemeente(region.id, actor, gemeente)
    if (!result.ok) return data({ intent, reply: null, error: result.message, gemeente }, { status: 400 })
    return redirectWithFlash(request, back, 'De gemeente is uit de regio gehaald.')
  }
  if (intent === 'medewerker') {
    const submission = parseWithZod(formData, { schema: staffSchema })
    if (submission.status !== 'success')
      return data({ intent, reply: submission.reply(), error: null }, { status: 400 })
    const result = await setStaffGemeenten(
      region.id,
      actor,
      submission.value.membershipId,
      submission.value.gemeenten ?? [],
    )
    if (!result.ok)
      return data(
        { intent, reply: submission.reply({ formErrors: [result.message] }), error: null },
        { status: 400 },
      )
    return redirectWithFlash(request, back, 'De gemeenten van de medewerker zijn opgeslagen.')
  }
  throw new Response('Onbekende actie', { status: 400 })
}

export default function RegioGemeenten() {
  const { region, isAdmin, gemeenten, outside, members } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errorFor = actionData && 'gemeente' in actionData ? actionData.gemeente : null
  const [addForm, addFields] = useForm({
    id: 'toevoegen',
    lastResult: actionData?.intent === 'toevoegen' ? actionData.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const [staffForm, staffFields] = useForm({
    id: 'medewerker',
    lastResult: actionData?.intent === 'medewerker' ? actionData.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <Heading1>Gemeenten van {region.name}</Heading1>
      <Paragraph>
        Een gemeente die bij de regio hoort, kan per perceel meedoen. Een gemeente kan bij meer regio&apos;s
        horen, bijvoorbeeld alleen voor de Wmo.
      </Paragraph>
      {/* A refusal to remove a listed municipality shows in its row, next to the button. */}
      <FormErrors
        errors={
          actionData?.error && !gemeenten.some((g) => g.code === errorFor) ? [actionData.error] : undefined
        }
      />
      <div className="portaal-table-wrap">
        <Table>
          <TableCaption>Gemeenten en de percelen waaraan ze deelnemen</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
              <TableHeaderCell scope="col">Alleen voor</TableHeaderCell>
              <TableHeaderCell scope="col">Percelen</TableHeaderCell>
              {isAdmin ? <TableHeaderCell scope="col">Actie</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {gemeenten.map((g) => (
              <TableRow key={g.code}>
                <TableCell>{g.name}</TableCell>
                <TableCell>{g.scope || 'alles'}</TableCell>
                <TableCell>{g.percelen.join(', ') || 'nog geen'}</TableCell>
                {isAdmin ? (
                  <TableCell>
                    <Form method="post">
                      <input type="hidden" name="intent" value="verwijderen" />
                      <input type="hidden" name="gemeente" value={g.code} />
                      <Button type="submit" appearance="subtle-button">
                        Uit de regio halen<span className="portaal-visually-hidden"> {g.name}</span>
                      </Button>
                    </Form>
                    {errorFor === g.code && actionData?.error ? (
                      <FormErrors errors={[actionData.error]} />
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {isAdmin ? (
        <>
          <Heading2>Gemeente toevoegen</Heading2>
          <Form method="post" {...getFormProps(addForm)} className="portaal-form">
            <FormErrors errors={addForm.errors} id={addForm.errorId} />
            <input type="hidden" name="intent" value="toevoegen" />
            <SelectField field={addFields.gemeente} label="Gemeente" options={outside} placeholder="Kies…" />
            <TextField
              field={addFields.scope}
              label="Alleen voor"
              optional
              description="Bijvoorbeeld Wmo of Jeugd, als de gemeente alleen daarvoor bij de regio hoort."
            />
            <div>
              <Button type="submit" appearance="primary-action-button">
                Gemeente toevoegen
              </Button>
            </div>
          </Form>

          <Heading2>Voor welke gemeenten een medewerker werkt</Heading2>
          <Form method="post" {...getFormProps(staffForm)} className="portaal-form">
            <FormErrors errors={staffForm.errors} id={staffForm.errorId} />
            <input type="hidden" name="intent" value="medewerker" />
            <SelectField
              field={staffFields.membershipId}
              label="Medewerker"
              options={members}
              placeholder="Kies…"
            />
            <CheckboxGroupField
              field={staffFields.gemeenten}
              legend="Gemeenten"
              description="Kies niets als de medewerker voor de hele regio werkt."
              options={gemeenten.map((g) => ({ value: g.code, label: g.name }))}
            />
            <div>
              <Button type="submit" appearance="primary-action-button">
                Gemeenten opslaan
              </Button>
            </div>
          </Form>
        </>
      ) : null}
    </>
  )
}
