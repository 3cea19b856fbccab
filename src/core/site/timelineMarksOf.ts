import type { Status } from '../lifecycle/statuses.ts'
import type { IssuesReading, TimelineRow } from '../metrics/index.ts'
import type { TimelineMarkView } from '../../shared/pageData.ts'

/** A phase that is a rollback: `Rollback`, `Roll back`, `Rolled back`, `Back out`, `Revert`. */
const ROLLBACK_PHASE = /\broll(?:ed|ing)?[\s-]?back\b|\bback(?:ed)?[\s-]?out\b|\brevert/i

/**
 * Whether a timeline row is the phase running now: the record's status is `in-progress`, and the
 * row has a readable Start and an End left empty (not an End that could not be read). Only an
 * in-progress record has a running phase: in any other status an open End is a gap in the record.
 * Each such row is running (phases may overlap).
 */
export function isRunningPhase(status: Status | null, row: TimelineRow): boolean {
  return status === 'in-progress' && row.start !== null && row.end === null && !row.unreadable
}

/** Whether a timeline row's phase names a rollback. */
export function isRollbackPhase(phase: string): boolean {
  return ROLLBACK_PHASE.test(phase)
}

/**
 * The instants a release page marks on its deployment timeline, in time order: the incident (the
 * Time of the first failure-severity Issues row with a readable Time, where metrics start
 * measuring recovery), the Start of each rollback row, and `restored_at` (when readable).
 */
export function timelineMarksOf(rows: readonly TimelineRow[], issues: IssuesReading, restoredAt: Date | null): TimelineMarkView[] {
  const marks: TimelineMarkView[] = []
  const incident = issues.rows.find((row) => row.failure && row.time !== null)
  if (incident?.time) marks.push({ kind: 'incident', at: incident.time.toISOString(), label: `Incident: ${incident.issue || incident.severity}`, line: incident.line })
  for (const row of rows) {
    if (row.start !== null && isRollbackPhase(row.phase)) marks.push({ kind: 'rollback', at: row.start.toISOString(), label: `Rollback: ${row.phase}`, line: row.line })
  }
  if (restoredAt !== null) marks.push({ kind: 'restored', at: restoredAt.toISOString(), label: 'Restored (restored_at)', line: null })
  return marks.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}
