/**
 * Raw SQL for the keuzehulp's hot paths. Measured on the scale data set, one hand-written query costs a fraction of
 * the same Prisma findMany (the query compiler and result mapping dominate for a few hundred rows), and joins save
 * round trips. The SQL is plain and quoted so it runs on SQLite and PostgreSQL alike: write `?` placeholders; on
 * PostgreSQL they become $1, $2, …. Never put a literal `?` inside the SQL text.
 */
import { db, engineOf } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

export async function rawQuery<T>(sql: string, params: unknown[]): Promise<T[]> {
  let text = sql
  if (engineOf(getEnv().DATABASE_URL) === 'postgresql') {
    let i = 0
    text = sql.replace(/\?/g, () => `$${++i}`)
  }
  return db.$queryRawUnsafe<T[]>(text, ...params)
}

/** "?, ?, ?" for an IN list of n values (n ≥ 1). */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ')
}

/** Raw results: SQLite may give DateTime as ISO text and booleans as 0/1; PostgreSQL gives Date and boolean. */
export function asDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v))
}
export function asDateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : asDate(v)
}
export function asBool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 't' || v === 'true' || v === BigInt(1)
}
export function asIntOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v)
}
