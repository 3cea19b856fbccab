import { readDateTime } from '../record/dateTime.ts'
import type { StageTime } from '../record/types.ts'
import { round } from '../metrics/round.ts'
import type { ExpectedDuration } from '../template/types.ts'
import { businessHours } from './businessHours.ts'

/** A stage's actual times and how long it took (FORMAT.md §6 additions of `status --json`). */
export interface StageActual {
  /** As written in the record, or null. */
  started: string | null
  ended: string | null
  /** Clock hours from `started` to `ended`, 2 decimals; null until both are known (or when it ends before it starts). */
  hours: number | null
  /** Business days from `started` to `ended` (Monday–Friday hours / 24, weekends in `started`'s offset), 2 decimals; null as `hours`. */
  days: number | null
}

/** A stage measured against what its template expects. */
export interface StageMeasure {
  role: string | null
  expected: ExpectedDuration | null
  actual: StageActual
  /** The stage took longer than the expected maximum (in the expected unit); null when it has not ended or nothing is expected. */
  over: boolean | null
  /** The stage started, has not ended and has already run longer than the expected maximum at `now`; false otherwise. */
  overdue: boolean
}

/**
 * Measures a stage's actual duration against its expected one. A duration expected in `hours`
 * compares clock hours; one in `days` compares business days (`businessHours` / 24), so a stage
 * from Friday 09:00 to Monday 09:00 took 1 day. `now` (the caller's clock) decides `overdue`;
 * without it a stage still running is never overdue.
 */
export function measureStage(time: StageTime, now?: Date): StageMeasure {
  const started = time.started === null ? null : readDateTime(time.started)
  const ended = time.ended === null ? null : readDateTime(time.ended)
  const actual: StageActual = { started: time.started, ended: time.ended, hours: null, days: null }
  const spent = (end: Date): { hours: number; days: number } | null => {
    if (started === null || end < started.date) return null
    return {
      hours: (end.getTime() - started.date.getTime()) / 3_600_000,
      days: businessHours(started.date, end, started.offsetMinutes ?? 0) / 24,
    }
  }
  const exceeds = (took: { hours: number; days: number }, expected: ExpectedDuration): boolean =>
    round(expected.unit === 'hours' ? took.hours : took.days, 2) > expected.max
  const took = ended === null ? null : spent(ended.date)
  if (took !== null) {
    actual.hours = round(took.hours, 2)
    actual.days = round(took.days, 2)
  }
  const over = took === null || time.expected === null ? null : exceeds(took, time.expected)
  const sofar = ended === null && now !== undefined ? spent(now) : null
  const overdue = sofar !== null && time.expected !== null && exceeds(sofar, time.expected)
  return { role: time.role, expected: time.expected, actual, over, overdue }
}
