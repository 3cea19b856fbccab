import { dayKey } from './calendar.ts'
import { median } from './percentile.ts'
import { splitPeriods } from './splitPeriods.ts'
import type { FrequencyClass } from './types.ts'

/** Deploy days in the median week of the window that make the class `daily`, by default (Four Keys' rule). */
export const DEFAULT_DAILY_DEPLOY_DAYS = 3

/** The frequency class and the two medians it was read from. */
export interface FrequencyClassReading {
  class: FrequencyClass
  /** Median over the window's weeks (ISO, UTC, clipped; empty ones count) of their deploy days. */
  medianDaysPerWeek: number
  /** Median over the window's calendar months (UTC, clipped; empty ones count) of their deploy days. */
  medianDaysPerMonth: number
  /** The threshold of `daily` used. */
  dailyDeployDays: number
}

/**
 * The deployment frequency class (FORMAT.md §5), over the window [since, until) (ms) and the
 * deploy times of the deployments in it (failed ones included), with the medians it came from:
 *
 * - the window is split into ISO weeks (Monday 00:00 UTC) and calendar months (UTC), each clipped
 *   to the window; weeks and months with no deployment count (as 0);
 * - a *deploy day* is a UTC calendar day with at least one deployment;
 * - the median week has ≥ `dailyDeployDays` deploy days (default 3, Four Keys' threshold) →
 *   `daily`; ≥ 1 → `weekly`; else the median month has ≥ 1 deploy day → `monthly`; else `yearly`.
 * The median of an even number of periods is the mean of the two middle ones.
 *
 * @example
 *   // window 2026-03-02 (Mon) → 2026-03-16: two weeks; deploys Mon, Tue, Wed of week 1, none in week 2
 *   // weeks [3, 0] → median 1.5 → `weekly`; one month (clipped) with 3 deploy days → median 3
 */
export function readFrequencyClass(
  deployTimes: readonly Date[],
  since: number,
  until: number,
  dailyDeployDays: number = DEFAULT_DAILY_DEPLOY_DAYS,
): FrequencyClassReading {
  // In time order, each period takes the deployments up to its end from where the one before
  // stopped: one pass over the periods and the deployments, however long the window.
  const inside = deployTimes
    .map((date) => date.getTime())
    .filter((ms) => ms >= since && ms < until)
    .sort((a, b) => a - b)
  const daysPer = (unit: 'week' | 'month'): number[] => {
    let next = 0
    return splitPeriods(since, until, unit).map((period) => {
      const days = new Set<string>()
      for (; next < inside.length && (inside[next] as number) < period.until; next++) days.add(dayKey(inside[next] as number))
      return days.size
    })
  }
  const medianDaysPerWeek = median(daysPer('week')) ?? 0
  const medianDaysPerMonth = median(daysPer('month')) ?? 0
  const frequencyClass: FrequencyClass =
    medianDaysPerWeek >= dailyDeployDays ? 'daily' : medianDaysPerWeek >= 1 ? 'weekly' : medianDaysPerMonth >= 1 ? 'monthly' : 'yearly'
  return { class: frequencyClass, medianDaysPerWeek, medianDaysPerMonth, dailyDeployDays }
}

/** The class alone (`readFrequencyClass`). */
export function frequencyClass(deployTimes: readonly Date[], since: number, until: number, dailyDeployDays?: number): FrequencyClass {
  return readFrequencyClass(deployTimes, since, until, dailyDeployDays).class
}
