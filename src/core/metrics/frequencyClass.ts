import { dayKey } from './calendar.ts'
import { median } from './percentile.ts'
import { splitPeriods } from './splitPeriods.ts'
import type { FrequencyClass } from './types.ts'

/**
 * The deployment frequency class by the rule Four Keys and DevLake share (FORMAT.md §5), over the
 * window [since, until) (ms) and the deploy times of the deployments in it (failed ones included):
 *
 * - the window is split into ISO weeks (Monday 00:00 UTC) and calendar months (UTC), each clipped
 *   to the window; weeks and months with no deployment count (as 0);
 * - a *deploy day* is a UTC calendar day with at least one deployment;
 * - the median week has deploy days on ≥ 3 days → `daily`; ≥ 1 → `weekly`;
 *   else the median month has ≥ 1 deployment → `monthly`; else `yearly`.
 * The median of an even number of periods is the mean of the two middle ones.
 *
 * @example
 *   // window 2026-03-02 (Mon) → 2026-03-16: two weeks; deploys Mon, Tue, Wed of week 1, none in week 2
 *   // weeks [3, 0] → median 1.5 → `weekly`
 */
export function frequencyClass(deployTimes: readonly Date[], since: number, until: number): FrequencyClass {
  // In time order, each period takes the deployments up to its end from where the one before
  // stopped: one pass over the periods and the deployments, however long the window.
  const inside = deployTimes
    .map((date) => date.getTime())
    .filter((ms) => ms >= since && ms < until)
    .sort((a, b) => a - b)
  let next = 0
  const weekDays = splitPeriods(since, until, 'week').map((week) => {
    const days = new Set<string>()
    for (; next < inside.length && (inside[next] as number) < week.until; next++) days.add(dayKey(inside[next] as number))
    return days.size
  })
  const weekMedian = median(weekDays) ?? 0
  if (weekMedian >= 3) return 'daily'
  if (weekMedian >= 1) return 'weekly'
  next = 0
  const monthCounts = splitPeriods(since, until, 'month').map((month) => {
    const first = next
    while (next < inside.length && (inside[next] as number) < month.until) next++
    return next - first
  })
  if ((median(monthCounts) ?? 0) >= 1) return 'monthly'
  return 'yearly'
}
