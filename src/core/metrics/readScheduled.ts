import type { ReleaseRecord } from '../record/types.ts'
import { readDateTime, type DateTime } from '../record/dateTime.ts'

/** The record's `scheduled` date-time, or null when missing or unreadable. */
export function readScheduled(record: ReleaseRecord): DateTime | null {
  const value = record.frontmatter.data['scheduled']
  return typeof value === 'string' ? readDateTime(value) : null
}
