import { isoWeekLabel, monthLabel, nextUtcMonth, startOfIsoWeek, startOfUtcMonth, WEEK_MS } from './calendar.ts'
import type { PeriodUnit } from './types.ts'

export interface PeriodSpan {
  /** `2026-W10` or `2026-03`. */
  label: string
  /** The period ∩ the window: [since, until) in ms. */
  since: number
  until: number
  /** The whole period, unclipped: [start, end) in ms. */
  start: number
  end: number
  /** The window clips the period (`since`/`until` differ from `start`/`end`). */
  partial: boolean
}

/**
 * Splits the window [since, until) into ISO weeks (Monday 00:00 UTC) or calendar months (UTC),
 * each clipped to the window and marked `partial` when clipped. A window that starts on a Wednesday
 * has a partial first period of five days.
 */
export function splitPeriods(since: number, until: number, by: PeriodUnit): PeriodSpan[] {
  const spans: PeriodSpan[] = []
  let start = by === 'week' ? startOfIsoWeek(since) : startOfUtcMonth(since)
  while (start < until) {
    const end = by === 'week' ? start + WEEK_MS : nextUtcMonth(start)
    spans.push({
      label: by === 'week' ? isoWeekLabel(start) : monthLabel(start),
      since: Math.max(start, since),
      until: Math.min(end, until),
      start,
      end,
      partial: start < since || end > until,
    })
    start = end
  }
  return spans
}
