import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Link,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react'
import { professionalCountsLabel } from '~/domain/evidence/rules'
import { formatFileSize } from '~/utils/files'
import { formatDate } from '~/utils/time'

export type EvidenceDetailsItem = {
  issuer: string
  number: string
  scope: string
  issuedAt: Date | null
  validFrom: Date
  validUntil: Date | null
  professionalsTotal: number | null
  professionalsRegistered: number | null
  createdAt: Date
  status: { label: string }
  files: { id: string; displayName: string; size: number }[]
}

/** The facts of one evidence item and its files (download links), for the provider and for region staff. */
export function EvidenceDetails({ item }: { item: EvidenceDetailsItem }) {
  const counts = professionalCountsLabel(item.professionalsTotal, item.professionalsRegistered)
  return (
    <>
      <DataList>
        <DataListItem>
          <DataListKey>Status</DataListKey>
          <DataListValue>{item.status.label}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Afgegeven door</DataListKey>
          <DataListValue>{item.issuer}</DataListValue>
        </DataListItem>
        {item.number ? (
          <DataListItem>
            <DataListKey>Nummer</DataListKey>
            <DataListValue>{item.number}</DataListValue>
          </DataListItem>
        ) : null}
        {item.scope ? (
          <DataListItem>
            <DataListKey>Reikwijdte</DataListKey>
            <DataListValue>{item.scope}</DataListValue>
          </DataListItem>
        ) : null}
        {item.issuedAt ? (
          <DataListItem>
            <DataListKey>Datum van afgifte</DataListKey>
            <DataListValue>{formatDate(item.issuedAt)}</DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>Geldig</DataListKey>
          <DataListValue>
            {formatDate(item.validFrom)}
            {item.validUntil ? ` tot en met ${formatDate(item.validUntil)}` : ' (geen einddatum)'}
          </DataListValue>
        </DataListItem>
        {counts ? (
          <DataListItem>
            <DataListKey>Registratie professionals</DataListKey>
            <DataListValue>{counts}</DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>Toegevoegd op</DataListKey>
          <DataListValue>{formatDate(item.createdAt)}</DataListValue>
        </DataListItem>
      </DataList>
      <UnorderedList>
        {item.files.map((f) => (
          <UnorderedListItem key={f.id}>
            <Link href={`/bestanden/bewijsstukken/${f.id}`} download>
              {f.displayName}
            </Link>{' '}
            ({formatFileSize(f.size)}, downloaden)
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  )
}
