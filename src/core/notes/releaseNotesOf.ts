import { deployTime } from '../metrics/deployTime.ts'
import { DEPLOYMENT_STATUSES } from '../metrics/readDeployment.ts'
import { readChanges } from '../metrics/readChanges.ts'
import { readScheduled } from '../metrics/readScheduled.ts'
import { findPlaceholders } from '../record/findPlaceholders.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { recordField } from '../site/recordField.ts'
import { commitUrl, type RepoRef } from '../site/repoLinks.ts'
import { displayZone, formatDay } from '../../shared/formatDate.ts'
import { notesSectionsOf } from './notesSectionsOf.ts'
import type { ReleaseNotes } from './types.ts'

export interface ReleaseNotesOptions {
  /** The repository changes link to (config `site.repoUrl`, `site.branch`), or null for no links. */
  repo: RepoRef | null
  /** The display timezone (config `timezone`), or null: the day in the offset the date was written with. */
  timeZone: string | null
}

/**
 * The release notes of a record: its title, version, component and day (deploy time once its
 * status is a deployment status, else `scheduled`; FORMAT.md §5), its Release Notes sections
 * (`notesSectionsOf`) and its `changes`. `body` is the record's body (`recordBodyOf`).
 */
export function releaseNotesOf(record: ReleaseRecord, body: string, options: ReleaseNotesOptions): ReleaseNotes {
  const version = filled(recordField(record, 'version'))
  const component = filled(recordField(record, 'component'))
  const released = record.status !== null && DEPLOYMENT_STATUSES.has(record.status)
  const time = released ? deployTime(record).time : readScheduled(record)
  const date = time === null ? null : formatDay(time.date, displayZone(time.offsetMinutes, options.timeZone))
  return {
    file: record.file,
    title: filled(recordField(record, 'release')) ?? ([component, version].filter((part) => part !== null).join(' ') || fileStem(record.file)),
    version,
    component,
    date,
    dateKind: released ? 'released' : 'scheduled',
    sections: notesSectionsOf(body),
    changes: readChanges(record)
      .changes.filter((change) => change.hasId || change.title !== '')
      .map((change) => ({ id: change.hasId ? change.id.trim() : '', title: change.title.trim(), url: change.hasId ? commitUrl(options.repo, change.id) : null }))
      .filter((change) => findPlaceholders(`${change.id} ${change.title}`).length === 0),
  }
}

/** A value that is not (or does not hold) an unfilled placeholder, else null. */
function filled(value: string | null): string | null {
  return value === null || findPlaceholders(value).length > 0 ? null : value
}

function fileStem(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/i, '')
}
