import { Form } from '@remix-run/react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import {
  Button,
  Fieldset,
  FieldsetLegend,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react'
import type { ReactNode } from 'react'
import { z } from 'zod'
import { FormErrors, TextareaField } from './form-field'
import { partnerRoleLabel } from '~/domain/admissions/partners'
import { formatDate } from '~/utils/time'

/** Status as text in a bordered label: the meaning never rests on colour. */
export function StatusText({ children }: { children: ReactNode }) {
  return <span className="portaal-status">{children}</span>
}

/** One schema for every "reason" form (information request, decisions, suspension): the text is required. */
export const reasonSchema = z.object({
  intent: z.string(),
  reason: z
    .string({ error: 'Geef een toelichting' })
    .trim()
    .min(5, 'Geef een toelichting van minstens 5 tekens')
    .max(4000, 'Gebruik hoogstens 4000 tekens'),
  unmet: z.array(z.string()).optional(),
})

export type IntentResult = { intent: string; result?: SubmissionResult<string[]>; error?: string }

/** A form with a reason field and one button, posting `intent`. Several of these can share one route action. */
export function ReasonForm(props: {
  intent: string
  legend: string
  label: string
  description?: string
  button: string
  lastResult?: IntentResult | null
  children?: ReactNode
  busy?: boolean
}) {
  const mine = props.lastResult?.intent === props.intent ? props.lastResult : null
  // Validated on the server only (the same schema, in the route action): several of these forms share a page and
  // one action, and a server round trip keeps their states apart.
  const [form, fields] = useForm({
    id: `form-${props.intent}`,
    lastResult: mine?.result,
  })
  return (
    <Form method="post" {...getFormProps(form)} className="portaal-form">
      <Fieldset>
        <FieldsetLegend>{props.legend}</FieldsetLegend>
        <FormErrors
          errors={[...(form.errors ?? []), ...(mine?.error ? [mine.error] : [])]}
          id={form.errorId}
        />
        <input type="hidden" name="intent" value={props.intent} />
        {props.children}
        <TextareaField field={fields.reason} label={props.label} description={props.description} rows={4} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={props.busy}>
            {props.button}
          </Button>
        </div>
      </Fieldset>
    </Form>
  )
}

type PartnerRow = {
  id: string
  role: string
  confirmedAt: Date | string | null
  organisation: { name: string; kvkNummer: string }
  products: { product: { code: string; name: string } }[]
}

/** The partners of an entry (lead's and buyer's view); the buyer adds a column with their evidence. */
export function PartnersTable<P extends PartnerRow>(props: {
  caption: string
  partners: P[]
  extra?: { header: string; cell: (partner: P) => ReactNode }
}) {
  return (
    <div className="portaal-table-wrap">
      <Table>
        <TableCaption>{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">Rol</TableHeaderCell>
            <TableHeaderCell scope="col">Producten</TableHeaderCell>
            <TableHeaderCell scope="col">Bevestiging</TableHeaderCell>
            {props.extra ? <TableHeaderCell scope="col">{props.extra.header}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.partners.map((p) => (
            <TableRow key={p.id}>
              <TableCell>
                {p.organisation.name} (KvK {p.organisation.kvkNummer})
              </TableCell>
              <TableCell>{partnerRoleLabel(p.role)}</TableCell>
              <TableCell>
                {p.products.length
                  ? p.products.map((x) => `${x.product.code} ${x.product.name}`).join(', ')
                  : 'Geen product meer'}
              </TableCell>
              <TableCell>
                <StatusText>
                  {p.confirmedAt
                    ? `Bevestigd op ${formatDate(new Date(p.confirmedAt))}`
                    : 'Wacht op bevestiging'}
                </StatusText>
              </TableCell>
              {props.extra ? <TableCell>{props.extra.cell(p)}</TableCell> : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
