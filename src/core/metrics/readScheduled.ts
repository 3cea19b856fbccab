import type { ReleaseRecord } from '../record/types.ts'
import { parseDateTime, type ParsedDateTime } from './parseDateTime.ts'

/** The record's `scheduled` date-time, or null when missing or unreadable. */
export function readScheduled(record: ReleaseRecord): ParsedDateTime | null {
  const value = record.frontmatter.data['scheduled']
  return typeof value === 'string' ? parseDateTime(value) : null
}
