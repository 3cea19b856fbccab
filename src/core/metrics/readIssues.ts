import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Point, ReleaseRecord } from '../record/types.ts'
import { diagnostic } from './diagnostic.ts'
import { findCell, HEADERS } from './findCell.ts'
import { isBlankCell } from '../record/isBlankCell.ts'
import { isFailureSeverity } from './isFailureSeverity.ts'
import { parseDuration } from './parseDuration.ts'
import { parseTimelineTimes } from './parseTimelineTimes.ts'
import { readScheduled } from './readScheduled.ts'
import { DURATION_FORMS } from './readTimeline.ts'

/** One filled row of Issues Encountered, read. */
export interface IssueRow extends Point {
  issue: string
  severity: string
  /** The severity marks a failed deployment (critical, high, sev1, sev2, p1, p2). */
  failure: boolean
  /** The Duration cell in minutes, or null when blank or unreadable. */
  durationMinutes: number | null
  /**
   * The Time cell's instant, read like the Deployment Timeline's cells (`HH:MM` on the date and
   * offset of `scheduled`, rolling over midnight in table order, or a full date-time); null when
   * blank or unreadable.
   */
  time: Date | null
}

export interface IssuesReading {
  rows: IssueRow[]
  problems: PlacedMessage[]
}

/**
 * Reads a record's Issues Encountered table: per filled row its severity, whether that severity
 * fails the deployment, its Time and its Duration in minutes. Unreadable Durations are reported
 * (an unreadable Time is null here; `check`'s `table-cell` rule reports it).
 */
export function readIssues(record: ReleaseRecord): IssuesReading {
  const table = record.issues
  if (!table) return { rows: [], problems: [] }
  const heading = table.heading || 'Issues Encountered'
  const problems: PlacedMessage[] = []
  const filled = table.rows.filter((row) => !row.unfilled)
  const timeCells = filled.map((row) => findCell(row, HEADERS.time))
  const times = parseTimelineTimes(
    timeCells.map((cell) => cell?.text ?? ''),
    readScheduled(record),
  )
  const rows = filled.map((row, index): IssueRow => {
    // An unreadable Time is reported by check's `table-cell` rule, which reads the same cells.
    const time = times[index]
    const severityCell = findCell(row, HEADERS.severity)
    const severity = severityCell && !isBlankCell(severityCell.text) ? severityCell.text.trim() : ''
    const durationCell = findCell(row, HEADERS.duration)
    let durationMinutes: number | null = null
    if (durationCell && !isBlankCell(durationCell.text)) {
      durationMinutes = parseDuration(durationCell.text)
      if (durationMinutes === null) {
        problems.push(
          diagnostic(
            record.file,
            durationCell,
            'unreadable-duration',
            `Unexpected Duration \`${durationCell.text}\` in ${heading}, expected ${DURATION_FORMS}`,
          ),
        )
      }
    }
    const issueCell = findCell(row, HEADERS.issue)
    return {
      line: row.line,
      column: row.column,
      issue: issueCell && !isBlankCell(issueCell.text) ? issueCell.text : '',
      severity,
      failure: severity !== '' && isFailureSeverity(severity),
      durationMinutes,
      time: time?.date ?? null,
    }
  })
  return { rows, problems }
}
