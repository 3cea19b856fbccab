import type { TableCell, TableRow } from '../record/types.ts'

/** The row's cell under the first of `headers` (lower-cased header texts) that the table has. */
export function findCell(row: TableRow, headers: readonly string[]): TableCell | undefined {
  for (const header of headers) {
    const cell = row.cells[header]
    if (cell !== undefined) return cell
  }
  return undefined
}

/** Header names read in the Deployment Timeline and Issues Encountered tables. */
export const HEADERS = {
  phase: ['phase', 'step', 'stage'],
  start: ['start time', 'start', 'started', 'started at'],
  end: ['end time', 'end', 'ended', 'ended at', 'finished', 'finished at'],
  duration: ['duration'],
  time: ['time'],
  severity: ['severity', 'sev'],
  issue: ['issue', 'description'],
} as const
