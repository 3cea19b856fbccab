const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const WEEK_MS = 7 * DAY_MS

/**
 * The hours between `start` and `end` that fall on a Monday to Friday, in the local time of
 * `offsetMinutes` (minutes east of UTC): Saturdays and Sundays do not count. A business day is 24
 * such hours, so Friday 09:00 to Monday 09:00 is 24 hours (1 business day) and Monday 09:00 to
 * Tuesday 17:00 is 32 hours (1.33 business days). Holidays are not known and count as business
 * time. 0 when `end` is not after `start`.
 *
 * @example
 *   businessHours(new Date('2026-03-06T08:00Z'), new Date('2026-03-09T08:00Z'), 60) // 24 (Fri 09:00 → Mon 09:00 at +01:00)
 */
export function businessHours(start: Date, end: Date, offsetMinutes: number): number {
  const shift = offsetMinutes * 60_000
  let from = start.getTime() + shift
  const to = end.getTime() + shift
  if (!(to > from)) return 0
  let total = 0
  // Whole weeks hold 5 business days each, wherever they start.
  const weeks = Math.floor((to - from) / WEEK_MS)
  total += weeks * 5 * DAY_MS
  from += weeks * WEEK_MS
  while (from < to) {
    const nextDay = Math.floor(from / DAY_MS) * DAY_MS + DAY_MS
    const until = Math.min(nextDay, to)
    const weekday = new Date(from).getUTCDay()
    if (weekday !== 0 && weekday !== 6) total += until - from
    from = until
  }
  return total / HOUR_MS
}
