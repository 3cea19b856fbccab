import { isBlankCell } from '../record/isBlankCell.ts'
import { readDateTime, readTimeOfDay, type DateTime } from '../record/dateTime.ts'

/** One Start or End Time cell, read. */
export interface TimelineTime {
  /** The instant, or null when the cell is blank or could not be read. */
  date: Date | null
  /**
   * Why a non-blank cell gave no instant: `unreadable` (neither `HH:MM` nor a date-time), or
   * `no-reference` (an `HH:MM` time with no date to place it on). Null otherwise.
   */
  problem: 'unreadable' | 'no-reference' | null
  /** A full date-time written without an offset (read as UTC). */
  noOffset: boolean
  /** `clock` for `HH:MM`, `date-time` for a full date-time, null for a blank cell. */
  form: 'clock' | 'date-time' | null
}

const DAY = 86_400_000

/**
 * Reads the Start/End Time cells of a Deployment Timeline, in table order (FORMAT.md §5).
 *
 * - A full date-time is read as written (without an offset: as UTC, flagged `noOffset`).
 * - An `HH:MM` time is taken on the date and in the offset of `scheduled`; once a full date-time
 *   has been read, on that instant's date (seen in the same offset).
 * - A time earlier than the one read before it rolls over to the next day, so a window that
 *   crosses midnight reads `23:40 → 00:10` as 30 minutes. The first time is not compared with
 *   `scheduled` itself: a timeline may start before the planned window.
 * - Without `scheduled`, the offset and date of the first full date-time are used; with neither,
 *   an `HH:MM` cell has `problem: 'no-reference'`.
 *
 * @example
 *   // scheduled 2026-03-04T23:00:00+10:00
 *   parseTimelineTimes(['23:10', '23:50', '23:55', '00:20'], scheduled)
 *   // → 13:10Z, 13:50Z, 13:55Z, then 14:20Z (00:20 on 2026-03-05 at +10:00)
 */
export function parseTimelineTimes(cells: readonly string[], scheduled: DateTime | null): TimelineTime[] {
  let offset = scheduled ? (scheduled.offsetMinutes ?? 0) : null
  /** Local midnight of the current date, as "UTC ms of the local wall clock". */
  let day = scheduled && offset !== null ? localMidnight(scheduled.date.getTime(), offset) : null
  let previous: number | null = null
  return cells.map((text): TimelineTime => {
    const trimmed = text.trim()
    if (isBlankCell(trimmed)) return { date: null, problem: null, noOffset: false, form: null }
    const minutes = readTimeOfDay(trimmed)
    if (minutes !== null) {
      if (day === null || offset === null) return { date: null, problem: 'no-reference', noOffset: false, form: 'clock' }
      let instant = day + minutes * 60_000 - offset * 60_000
      if (previous !== null && instant < previous) {
        instant += DAY
        day += DAY
      }
      previous = instant
      return { date: new Date(instant), problem: null, noOffset: false, form: 'clock' }
    }
    const parsed = readDateTime(trimmed)
    if (!parsed) return { date: null, problem: 'unreadable', noOffset: false, form: null }
    const instant = parsed.date.getTime()
    if (offset === null) offset = parsed.offsetMinutes ?? 0
    day = localMidnight(instant, offset)
    previous = instant
    return { date: parsed.date, problem: null, noOffset: parsed.offsetMinutes === null, form: 'date-time' }
  })
}

function localMidnight(instant: number, offsetMinutes: number): number {
  const local = instant + offsetMinutes * 60_000
  return Math.floor(local / DAY) * DAY
}
