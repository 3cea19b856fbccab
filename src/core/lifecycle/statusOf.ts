import type { ReleaseRecord } from '../record/types.ts'
import { isStatus, type Status } from './statuses.ts'

/**
 * The lifecycle status a frontmatter `status` value names: trimmed and compared case-insensitively
 * (` Closed ` is `closed`, `Rolled-Back` is `rolled-back`); null when the value is missing, not a
 * string, or names no lifecycle state. The one reading of a status that gates, progress, metrics
 * and the site share (docs/record-format.md); `check` warns when the value is not written as the
 * status itself.
 */
export function toStatus(value: unknown): Status | null {
  if (typeof value !== 'string') return null
  const normalized = value.trim().toLowerCase()
  return isStatus(normalized) ? normalized : null
}

/** The record's lifecycle status (its frontmatter `status`, read by `toStatus`), or null. */
export function statusOf(record: ReleaseRecord): Status | null {
  return toStatus(record.frontmatter.data['status'])
}
