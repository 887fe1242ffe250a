import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
  Alert,
  ButtonLink,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { notFound, requireCurrentOrganisation } from '~/domain/accounts/permissions.server'
import { getOrganisationItem } from '~/domain/evidence/evidence.server'
import { evidenceStatus } from '~/domain/evidence/rules'
import { now } from '~/utils/clock'
import { EvidenceDetails } from '~/components/evidence-details'
import { formatDate } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.item.typeName ?? 'Bewijsstuk'} | Aanbiederspoort` },
]

function present(i: NonNullable<Awaited<ReturnType<typeof getOrganisationItem>>>['item'], today: Date) {
  return {
    id: i.id,
    typeName: i.type.name,
    issuer: i.issuer,
    number: i.number,
    scope: i.scope,
    issuedAt: i.issuedAt,
    validFrom: i.validFrom,
    validUntil: i.validUntil,
    professionalsTotal: i.professionalsTotal,
    professionalsRegistered: i.professionalsRegistered,
    verifiedAt: i.verifiedAt,
    createdAt: i.createdAt,
    current: !i.replacedBy,
    status: evidenceStatus(i, today),
    files: i.files.map((f) => f.file),
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisationId } = await requireCurrentOrganisation(request)
  const found = await getOrganisationItem(organisationId, params.itemId!)
  if (!found) notFound()
  const today = now()
  return { item: present(found.item, today), history: found.history.map((h) => present(h, today)) }
}

export default function Bewijsstuk() {
  const { item, history } = useLoaderData<typeof loader>()
  return (
    <>
      <Heading1>{item.typeName}</Heading1>
      {!item.current ? (
        <Alert type="info">
          <Paragraph>Dit is een oudere versie. Er is een nieuwere versie van dit bewijsstuk.</Paragraph>
        </Alert>
      ) : item.status.validity === 'verlopen' ||
        item.status.validity === 'verloopt_binnenkort' ||
        item.status.verification === 'afgekeurd' ? (
        <Alert type="warning">
          <Paragraph>
            {item.status.label}. Voeg een nieuwe versie toe zodat de gemeente die kan controleren.
          </Paragraph>
        </Alert>
      ) : null}
      <EvidenceDetails item={item} />
      {item.current ? (
        <Paragraph>
          <ButtonLink
            href={`/aanbieder/bewijsstukken/${item.id}/vervangen`}
            appearance="primary-action-button"
          >
            Vervangen door een nieuwe versie
          </ButtonLink>
        </Paragraph>
      ) : null}
      {history.length > 0 ? (
        <>
          <Heading2>Eerdere versies</Heading2>
          <UnorderedList>
            {history.map((h) => (
              <UnorderedListItem key={h.id}>
                <Link href={`/aanbieder/bewijsstukken/${h.id}`}>Versie van {formatDate(h.createdAt)}</Link>:{' '}
                {h.issuer},{' '}
                {h.validUntil ? `geldig tot en met ${formatDate(h.validUntil)}` : 'geen einddatum'} (
                {h.status.label})
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      <Paragraph>
        <Link href="/aanbieder/bewijsstukken">Terug naar de bewijsstukken</Link>
      </Paragraph>
    </>
  )
}
