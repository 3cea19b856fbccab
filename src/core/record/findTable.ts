import { normalizeName } from './normalizeName.ts'
import type { Table } from './types.ts'

/** The first table whose heading is `heading` (compared like group names), or null. */
export function findTable(tables: readonly Table[], heading: string): Table | null {
  const wanted = normalizeName(heading)
  return tables.find((table) => normalizeName(table.heading) === wanted) ?? null
}
