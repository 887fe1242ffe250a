/**
 * A normalised form for case- and accent-insensitive search that works the same on SQLite and PostgreSQL:
 * lower case, accents removed, punctuation to spaces. Stored in `search*` columns and applied to queries.
 */
export function searchKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
