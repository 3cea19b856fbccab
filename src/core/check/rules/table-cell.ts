import { readIssues, readTimeline, TIME_FORMS } from '../../metrics/index.ts'
import { isBlankCell } from '../../record/isBlankCell.ts'
import { readDateTime, readTimeOfDay } from '../../record/dateTime.ts'
import { findCell } from '../../metrics/findCell.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckRule } from '../types.ts'

/** True when the cell reads as a time: `HH:MM` or an ISO date-time (as metrics read timeline times). */
export function isTimeCell(text: string): boolean {
  return readTimeOfDay(text) !== null || readDateTime(text) !== null
}

/**
 * `table-cell`: a Deployment Timeline or Issues Encountered cell that metrics cannot read.
 *
 * The timeline's Start Time, End Time and Duration cells and the Issues' Time and Duration cells are read
 * by metrics' own readers (`readTimeline`, `readIssues`), so `check` warns about exactly the cells
 * `metrics` would skip: unreadable times or durations, an End Time before its Start Time, a
 * date-time without an offset (the Issues' Time starts a recovery when it precedes the deploy
 * time, FORMAT.md 1.1). Blank cells (`isBlankCell`: unfilled, or saying there is no value such as `-`, `N/A`,
 * `none`, `unknown`) are left alone.
 */
export const tableCellRule: CheckRule = {
  id: 'table-cell',
  description: 'Timeline and issue times and durations are written so metrics can read them.',
  severity: 'warning',
  docs: [
    '**warning** at a cell of the Deployment Timeline or Issues Encountered table (the headings the template names) that metrics cannot read:',
    '',
    '- `Start Time`, `End Time` (timeline) and `Time` (issues): `HH:MM` (taken on the date and offset of `scheduled`, rolling over midnight in table order) or an ISO date-time such as `2026-03-04T14:30:00+01:00`; a date-time without an offset is read as UTC and warned about; an End Time before its Start Time is reported;',
    '- `Duration`: `45m`, `45 min`, `1h`, `1h 30m`, `1.5h`, `90 minutes`, `2 hours`, `1d`, `01:30` or ISO 8601 `PT1H30M`. A bare number has no unit and is not read.',
    '',
    'Blank cells are not reported here: empty or unfilled ones (`{{app_end}}`, `{{rate}}%`) and those saying there is no value (`-`, `—`, `N/A`, `none`, `TBD`, `pending`, `unknown`, `?`; see docs/record-format.md). The timeline and duration checks are the ones `shiplog metrics` applies, so the two never disagree.',
  ].join('\n'),
  examples: {
    good: [
      '---\nscheduled: 2026-03-04T14:00:00+01:00\n---\n\n## Deployment Execution\n\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration |\n|-------|------------|----------|----------|\n| Application deployment | 14:05 | 14:35 | 30m |\n| Post-deployment validation | 2026-03-04T23:50:00+01:00 | 00:20 | PT30M |\n| Cleanup | - | | N/A |\n',
    ],
    bad: [
      {
        input:
          '---\nscheduled: 2026-03-04T14:00:00+01:00\n---\n\n## Deployment Execution\n\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration |\n|-------|------------|----------|----------|\n| Application deployment | 2pm | 14:35 | 30 |\n\n## Incident Response\n\n### Issues Encountered\n\n| Time | Issue | Severity | Duration |\n|------|-------|----------|----------|\n| 14:20 | Cache cold | low | a while |\n| at lunch | Queue backlog | low | 5m |\n',
        expected: [
          { line: 11, severity: 'warning' },
          { line: 11, severity: 'warning' },
          { line: 19, severity: 'warning' },
          { line: 20, severity: 'warning' },
        ],
      },
    ],
  },
  check(record, context) {
    const reports: PlacedMessage[] = []
    for (const problem of [...readTimeline(record).problems, ...readIssues(record).problems]) {
      reports.push(context.report({ line: problem.line, column: problem.column }, problem.reason))
    }
    const issues = record.issues
    if (issues) {
      const heading = issues.heading || 'Issues Encountered'
      for (const row of issues.rows) {
        if (row.unfilled) continue
        const cell = findCell(row, ['time'])
        if (!cell || isBlankCell(cell.text) || isTimeCell(cell.text)) continue
        reports.push(context.report({ line: cell.line, column: cell.column }, `Unexpected Time \`${cell.text}\` in ${heading}, expected ${TIME_FORMS}`))
      }
    }
    return reports
  },
}
