import { isoWeekLabel, monthLabel, nextUtcMonth, startOfIsoWeek, startOfUtcMonth, WEEK_MS } from './calendar.ts'
import type { PeriodUnit } from './types.ts'

export interface PeriodSpan {
  /** `2026-W10` or `2026-03`. */
  label: string
  /** The period ∩ the window: [since, until) in ms. */
  since: number
  until: number
}

/**
 * Splits the window [since, until) into ISO weeks (Monday 00:00 UTC) or calendar months (UTC),
 * each clipped to the window. A window that starts on a Wednesday has a first period of five days.
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
    })
    start = end
  }
  return spans
}
