import { isStatus, type Status } from '../lifecycle/statuses.ts'
import type { ReleaseRecord } from '../record/types.ts'

/** The record's status, or null when it is missing or not a status (`frontmatter-schema` reports that). */
export function recordStatus(record: ReleaseRecord): Status | null {
  const status = record.frontmatter.data['status']
  return isStatus(status) ? status : null
}
