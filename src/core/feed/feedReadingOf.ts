import { releaseKey } from '../check/rules/duplicate-release.ts'
import type { DateTime } from '../record/dateTime.ts'
import type { Status } from '../lifecycle/statuses.ts'
import { readScheduled } from '../metrics/readScheduled.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { recordField } from '../site/recordField.ts'
import { eventEndOf } from './eventEndOf.ts'
import { recordDatesUpdatedOf } from './recordUpdatedOf.ts'

/**
 * What the feed and the calendar read of one record (`feedReleasesOf`), never the record itself:
 * a site's aggregate pages are planned from such readings, so that `shiplog dev` can let each
 * record go once its page is written.
 */
export interface FeedReading {
  file: string
  /** The repository the record was read from (`ReleaseRecord.repository`). */
  repository: string | undefined
  /** Component, version and environment as one key (`releaseKey`), or null when one is missing. */
  release: string | null
  component: string
  version: string
  environment: string
  /** The `release` name, or null. */
  name: string | null
  status: Status | null
  /** The status as shown: the lifecycle status, else the value as written, else `unknown`. */
  statusText: string
  owner: string | null
  scheduled: DateTime | null
  /** When the record last changed by the dates it holds (`recordDatesUpdatedOf`), for a record with no commit. */
  datesUpdated: Date | null
  /** The end of the deployment window starting at `scheduled` (`eventEndOf`), or null when it is not scheduled. */
  end: Date | null
}

/** Reads one record for the feed and the calendar. */
export function feedReadingOf(record: ReleaseRecord): FeedReading {
  const scheduled = readScheduled(record)
  return {
    file: record.file,
    repository: record.repository,
    release: releaseKey(record),
    component: recordField(record, 'component') ?? '',
    version: recordField(record, 'version') ?? '',
    environment: recordField(record, 'environment') ?? '',
    name: recordField(record, 'release'),
    status: record.status,
    statusText: record.status ?? recordField(record, 'status') ?? 'unknown',
    owner: recordField(record, 'owner'),
    scheduled,
    datesUpdated: recordDatesUpdatedOf(record),
    end: scheduled === null ? null : eventEndOf(record, scheduled.date).end,
  }
}
