import { keywordOf } from '../record/readKeyword.ts'
import { isStatus, type Status } from './statuses.ts'

/**
 * The lifecycle status a frontmatter `status` value names, read as a keyword (`keywordOf`: trimmed,
 * case-insensitive)
 * (` Closed ` is `closed`, `Rolled-Back` is `rolled-back`); null when the value is missing, not a
 * string, or names no lifecycle state. `parseRecord` reads the record's status with it once
 * (`ReleaseRecord.status`), for gates, progress, metrics and the site alike (docs/record-format.md);
 * `check` warns when the value is not written as the status itself.
 */
export function toStatus(value: unknown): Status | null {
  if (typeof value !== 'string') return null
  const keyword = keywordOf(value)
  return isStatus(keyword) ? keyword : null
}
