import { deployTime } from '../metrics/deployTime.ts'
import { DEPLOYMENT_STATUSES } from '../metrics/readDeployment.ts'
import { readIssues } from '../metrics/readIssues.ts'
import { readScheduled } from '../metrics/readScheduled.ts'
import { readTimeline } from '../metrics/readTimeline.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { nextStepOf } from '../site/nextStepOf.ts'
import { recordField } from '../site/recordField.ts'
import { signoffsOf } from '../site/signoffsOf.ts'
import { computeProgress, type ProgressOptions } from '../status/computeProgress.ts'
import { displayZone, formatDateTime } from '../../shared/formatDate.ts'
import type { RecordView } from './types.ts'

export interface RecordViewOptions extends ProgressOptions {
  /** The display timezone (config `timezone`), or null: dates in the offset `scheduled` was written with. */
  timeZone: string | null
}

/**
 * One record as `shiplog show` prints it: its facts, progress per stage and group
 * (`computeProgress`), the next status and what is left before it (`nextStepOf`), its sign-offs
 * (`signoffsOf`), its Deployment Timeline (`readTimeline`) and Issues Encountered (`readIssues`),
 * with dates in the display zone.
 */
export function recordViewOf(record: ReleaseRecord, options: RecordViewOptions): RecordView {
  const scheduled = readScheduled(record)
  const zone = displayZone(scheduled?.offsetMinutes ?? null, options.timeZone)
  const shown = (date: Date | null): string | null => (date === null ? null : formatDateTime(date, zone))
  const deployed = record.status !== null && DEPLOYMENT_STATUSES.has(record.status) ? deployTime(record).time : null
  return {
    file: record.file,
    title: recordField(record, 'release'),
    version: recordField(record, 'version'),
    component: recordField(record, 'component'),
    environment: recordField(record, 'environment'),
    owner: recordField(record, 'owner'),
    status: record.status,
    deployed: deployed === null ? null : formatDateTime(deployed.date, displayZone(deployed.offsetMinutes, options.timeZone)),
    scheduled: scheduled === null ? null : formatDateTime(scheduled.date, zone),
    progress: computeProgress(record, options),
    next: nextStepOf(record),
    signoffs: signoffsOf(record).map(({ stage, group, required, items }) => ({ stage, group, required, items })),
    timeline: readTimeline(record).rows.filter((row) => !row.empty).map((row) => ({ phase: row.phase, start: shown(row.start), end: shown(row.end), minutes: row.minutes, line: row.line })),
    issues: readIssues(record).rows.map((row) => ({ issue: row.issue, severity: row.severity, failure: row.failure, time: shown(row.time), minutes: row.durationMinutes, line: row.line })),
  }
}
