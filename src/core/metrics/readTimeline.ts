import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Point, ReleaseRecord, TableCell } from '../record/types.ts'
import { diagnostic } from './diagnostic.ts'
import { findCell, HEADERS } from './findCell.ts'
import { isBlankCell } from '../record/isBlankCell.ts'
import { parseDuration } from './parseDuration.ts'
import { parseTimelineTimes } from './parseTimelineTimes.ts'
import { readScheduled } from './readScheduled.ts'

/** One filled row of the Deployment Timeline, read. */
export interface TimelineRow extends Point {
  phase: string
  start: Date | null
  end: Date | null
  /** The Duration cell in minutes, or null when blank or unreadable. */
  durationMinutes: number | null
  /**
   * The row's duration in minutes: the Duration cell, else End − Start; null when neither can be
   * read (then `unreadable` or `empty` says why).
   */
  minutes: number | null
  /** Start, End and Duration are all blank: the phase was not recorded. */
  empty: boolean
  /** A filled Start, End or Duration cell could not be read (see the problems). */
  unreadable: boolean
}

export interface TimelineReading {
  /** Rows in table order; unfilled rows (FORMAT.md §3) are skipped. */
  rows: TimelineRow[]
  /** Cells that could not be read, with positions: warnings for `check` and `metrics`. */
  problems: PlacedMessage[]
}

export const DURATION_FORMS = '`45m`, `1h 30m`, `PT1H30M` or `01:30`'
export const TIME_FORMS = '`HH:MM` or an ISO date-time like `2026-03-04T14:30+01:00`'

/**
 * Reads a record's Deployment Timeline (FORMAT.md §5): per row the Start and End instants (`HH:MM`
 * cells placed on `scheduled`'s date and offset, rolling over midnight in table order), the
 * Duration in minutes, and the row's duration (Duration, else End − Start). Unreadable cells are
 * reported with their position, never read as zero.
 */
export function readTimeline(record: ReleaseRecord): TimelineReading {
  const table = record.timeline
  if (!table) return { rows: [], problems: [] }
  const file = record.file
  const heading = table.heading || 'Deployment Timeline'
  const problems: PlacedMessage[] = []
  const rows = table.rows.filter((row) => !row.unfilled)
  const cells: Array<TableCell | undefined> = []
  for (const row of rows) cells.push(findCell(row, HEADERS.start), findCell(row, HEADERS.end))
  const times = parseTimelineTimes(
    cells.map((cell) => cell?.text ?? ''),
    readScheduled(record),
  )

  const read = rows.map((row, index): TimelineRow => {
    let unreadable = false
    const instants = [0, 1].map((which) => {
      const cell = cells[index * 2 + which]
      const time = times[index * 2 + which]
      if (!cell || !time) return null
      const column = which === 0 ? 'Start Time' : 'End Time'
      if (time.problem === 'unreadable') {
        unreadable = true
        problems.push(
          diagnostic(file, cell, 'unreadable-time', `Unexpected ${column} \`${cell.text}\` in ${heading}, expected ${TIME_FORMS}`),
        )
      } else if (time.problem === 'no-reference') {
        unreadable = true
        problems.push(
          diagnostic(
            file,
            cell,
            'unreadable-time',
            `Unexpected ${column} \`${cell.text}\` in ${heading} with no date to place it on (\`scheduled\` is missing or unreadable), expected an ISO date-time like \`2026-03-04T14:30+01:00\``,
          ),
        )
      } else if (time.noOffset) {
        problems.push(
          diagnostic(
            file,
            cell,
            'date-time-without-offset',
            `Unexpected ${column} \`${cell.text}\` without an offset in ${heading}, read as UTC; expected an offset like \`+01:00\` or \`Z\``,
          ),
        )
      }
      return time.date
    })
    const start = instants[0] ?? null
    const end = instants[1] ?? null

    const durationCell = findCell(row, HEADERS.duration)
    let durationMinutes: number | null = null
    const durationBlank = !durationCell || isBlankCell(durationCell.text)
    if (durationCell && !durationBlank) {
      durationMinutes = parseDuration(durationCell.text)
      if (durationMinutes === null) {
        unreadable = true
        problems.push(
          diagnostic(
            file,
            durationCell,
            'unreadable-duration',
            `Unexpected Duration \`${durationCell.text}\` in ${heading}, expected ${DURATION_FORMS}`,
          ),
        )
      }
    }

    let minutes = durationMinutes
    if (minutes === null && durationBlank && start && end) {
      if (end.getTime() < start.getTime()) {
        unreadable = true
        const endCell = cells[index * 2 + 1] as TableCell
        problems.push(
          diagnostic(
            file,
            endCell,
            'end-before-start',
            `Unexpected End Time \`${endCell.text}\` before the Start Time in ${heading}, expected a time at or after it`,
          ),
        )
      } else {
        minutes = (end.getTime() - start.getTime()) / 60_000
      }
    }
    const startBlank = !cells[index * 2] || isBlankCell(cells[index * 2]?.text ?? '')
    const endBlank = !cells[index * 2 + 1] || isBlankCell(cells[index * 2 + 1]?.text ?? '')
    const phase = findCell(row, HEADERS.phase)?.text ?? row.list[0]?.text ?? ''
    return {
      line: row.line,
      column: row.column,
      phase,
      start,
      end,
      durationMinutes,
      minutes,
      empty: startBlank && endBlank && durationBlank,
      unreadable,
    }
  })
  return { rows: read, problems }
}
