import type { ReleaseRecord } from '../record/types.ts'

/** A frontmatter string value, trimmed and lower-cased; null when absent or not a string. */
export function readKeyword(record: ReleaseRecord, key: string): string | null {
  const value = record.frontmatter.data[key]
  if (typeof value !== 'string') return null
  const trimmed = value.trim().toLowerCase()
  return trimmed === '' ? null : trimmed
}
