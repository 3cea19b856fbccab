import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Point, ReleaseRecord } from '../record/types.ts'
import { diagnostic } from './diagnostic.ts'
import { findCell, HEADERS } from './findCell.ts'
import { isBlankCell } from '../record/isBlankCell.ts'
import { isFailureSeverity } from './isFailureSeverity.ts'
import { parseDuration } from './parseDuration.ts'
import { DURATION_FORMS } from './readTimeline.ts'

/** One filled row of Issues Encountered, read. */
export interface IssueRow extends Point {
  issue: string
  severity: string
  /** The severity marks a failed deployment (critical, high, sev1, sev2, p1, p2). */
  failure: boolean
  /** The Duration cell in minutes, or null when blank or unreadable. */
  durationMinutes: number | null
}

export interface IssuesReading {
  rows: IssueRow[]
  problems: PlacedMessage[]
}

/**
 * Reads a record's Issues Encountered table: per filled row its severity, whether that severity
 * fails the deployment, and its Duration in minutes. Unreadable Durations are reported.
 */
export function readIssues(record: ReleaseRecord): IssuesReading {
  const table = record.issues
  if (!table) return { rows: [], problems: [] }
  const heading = table.heading || 'Issues Encountered'
  const problems: PlacedMessage[] = []
  const rows = table.rows
    .filter((row) => !row.unfilled)
    .map((row): IssueRow => {
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
      }
    })
  return { rows, problems }
}
