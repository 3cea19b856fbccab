import { readDate, readDateTime } from '../record/dateTime.ts'
import type { ReleaseRecord } from '../record/types.ts'
import type { RecordRevision } from './types.ts'

/** Frontmatter dates that say when the record, or what it records, last changed. */
const CHANGE_DATES = ['updated', 'created', 'deployed_at', 'restored_at']

/**
 * When a record last changed: the committer date of its newest commit; else the newest of its
 * frontmatter `updated`, `created` (dates, read as 00:00 UTC), `deployed_at` and `restored_at`;
 * else its `scheduled` (a plan not yet edited since it was written); null when it has none of them.
 */
export function recordUpdatedOf(record: ReleaseRecord, revision: RecordRevision | undefined): Date | null {
  return committedOf(revision) ?? recordDatesUpdatedOf(record)
}

/** The committer date of a record's newest commit, or null without one (or when git's date cannot be read). */
export function committedOf(revision: RecordRevision | undefined): Date | null {
  if (revision === undefined) return null
  const committed = new Date(revision.lastUpdated)
  return Number.isNaN(committed.getTime()) ? null : committed
}

/** `recordUpdatedOf` without a commit: the newest change date the record holds, else its `scheduled`, else null. */
export function recordDatesUpdatedOf(record: ReleaseRecord): Date | null {
  const data = record.frontmatter.data
  let newest: Date | null = null
  for (const key of CHANGE_DATES) {
    const value = data[key]
    if (typeof value !== 'string') continue
    const date = readDateTime(value)?.date ?? readDate(value)
    if (date !== null && (newest === null || date.getTime() > newest.getTime())) newest = date
  }
  if (newest !== null) return newest
  const scheduled = data['scheduled']
  return typeof scheduled === 'string' ? (readDateTime(scheduled)?.date ?? null) : null
}
