import type { ReleaseRecord } from './types.ts'

/**
 * A value as a keyword: text trimmed and lower-cased (`" Production "` is `production`), a boolean
 * as `true` or `false`, a finite number as written; null for a missing, empty or other value (a
 * list, a map), which equals nothing. The one way values are compared: statuses, environments,
 * components, release types, `incident`, a manifest rule's `when` and the templates' `eq`/`ne`.
 */
export function keywordOf(value: unknown): string | null {
  if (typeof value === 'string') {
    const keyword = value.trim().toLowerCase()
    return keyword === '' ? null : keyword
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  return null
}

/** The record's frontmatter `key` as a keyword (`keywordOf`); null when absent or empty. */
export function readKeyword(record: ReleaseRecord, key: string): string | null {
  return keywordOf(record.frontmatter.data[key])
}
