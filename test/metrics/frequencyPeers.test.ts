import { describe, expect, it } from 'vitest'
import { deploymentFrequency } from '../../src/core/metrics/figures/deploymentFrequency.ts'
import type { Deployment } from '../../src/core/metrics/readDeployment.ts'
import type { FrequencyClass } from '../../src/core/metrics/types.ts'
import { deployment, TWO_WEEKS } from './figures/deployments.ts'

/**
 * Apache DevLake's deployment frequency rule, as its DORA dashboard computes it
 * (grafana/dashboards/DORA.json, panel "Overall DORA Metrics", apache/incubator-devlake at
 * 420e494b4ede9a16c4bfb59de099c797bcd7f5f1; docs/metrics.md quotes it), written out here so the
 * difference from shiplog's rule is a test and not a claim:
 *
 * - only successful production deployments count (`cdc.result = 'SUCCESS'`);
 * - a deployment day is `DATE(finished_date)`; weeks start on Monday (`WEEKDAY`), months on the 1st;
 *   weeks and months without a deployment count as 0;
 * - the "median" is `max(days_deployed)` over the rows whose `percent_rank()` is ≤ 0.5: the
 *   *lower* middle value of an even count, not the mean of the two;
 * - median deployment days per week ≥ 5 → on-demand (elite), ≥ 1 → high; median deployment days
 *   per month ≥ 1 → medium; else low. (2023 report; named here by shiplog's classes.)
 */
function devLakeClass(deployments: readonly Deployment[], since: number, until: number): FrequencyClass {
  const days = new Set(deployments.filter((d) => !d.failure.failed).map((d) => d.time.date.toISOString().slice(0, 10)))
  const weeks = new Map<string, number>()
  const months = new Map<string, number>()
  for (let ms = since; ms < until; ms += 86_400_000) {
    const date = new Date(ms)
    const monday = new Date(ms - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10)
    const month = date.toISOString().slice(0, 7)
    const deployed = days.has(date.toISOString().slice(0, 10)) ? 1 : 0
    weeks.set(monday, (weeks.get(monday) ?? 0) + deployed)
    months.set(month, (months.get(month) ?? 0) + deployed)
  }
  const perWeek = lowerMedian([...weeks.values()])
  const perMonth = lowerMedian([...months.values()])
  return perWeek >= 5 ? 'daily' : perWeek >= 1 ? 'weekly' : perMonth >= 1 ? 'monthly' : 'yearly'
}

/** `max(value) where percent_rank() over (order by value) <= 0.5`; percent_rank = (rank − 1) / (n − 1). */
function lowerMedian(values: readonly number[]): number {
  const n = values.length
  const rank = (value: number): number => (n === 1 ? 0 : values.filter((other) => other < value).length / (n - 1))
  return Math.max(...values.filter((value) => rank(value) <= 0.5))
}

const at = (iso: string, status = 'closed'): Deployment => deployment(`status: ${status}\ndeployed_at: "${iso}"`)

describe("shiplog's frequency class and Apache DevLake's, on the same records", () => {
  it('should differ on the threshold: 3.5 deploy days in the median week is daily for shiplog, high (weekly) for DevLake', () => {
    // week 1 (03-02 → 03-09): Mon, Tue, Wed, Thu = 4 deploy days; week 2: Mon, Tue, Wed = 3
    const records = ['02', '03', '04', '05', '09', '10', '11'].map((day) => at(`2026-03-${day}T10:00:00Z`))
    // shiplog: median of [4, 3] = (3 + 4) / 2 = 3.5 ≥ 3 → daily
    expect(deploymentFrequency(records, TWO_WEEKS).value).toMatchObject({ class: 'daily', medianDaysPerWeek: 3.5 })
    // DevLake: percent_rank of [3, 4] = [0, 1]; max over ≤ 0.5 → 3; 3 < 5, ≥ 1 → high (weekly)
    expect(devLakeClass(records, TWO_WEEKS.since, TWO_WEEKS.until)).toBe('weekly')
  })

  it('should differ on the median of an even count, even at the same threshold of 5', () => {
    // week 1: Mon–Thu = 4 deploy days; week 2: Mon–Sat = 6
    const records = ['02', '03', '04', '05', '09', '10', '11', '12', '13', '14'].map((day) => at(`2026-03-${day}T10:00:00Z`))
    // shiplog with dailyDeployDays 5: median (4 + 6) / 2 = 5 ≥ 5 → daily
    expect(deploymentFrequency(records, TWO_WEEKS, 5).value).toMatchObject({ class: 'daily', medianDaysPerWeek: 5 })
    // DevLake: [4, 6] → lower middle 4 < 5 → high (weekly)
    expect(devLakeClass(records, TWO_WEEKS.since, TWO_WEEKS.until)).toBe('weekly')
  })

  it('should differ on failed deployments, which shiplog counts (FORMAT.md 1.1) and DevLake does not', () => {
    // one week (03-02 → 03-09): closed on Mon, failed on Tue, rolled back on Wed
    const week = { since: TWO_WEEKS.since, until: TWO_WEEKS.since + 7 * 86_400_000 }
    const records = [at('2026-03-02T10:00:00Z'), at('2026-03-03T10:00:00Z', 'failed'), at('2026-03-04T10:00:00Z', 'rolled-back')]
    // shiplog: 3 deploy days → daily
    expect(deploymentFrequency(records, week).value).toMatchObject({ class: 'daily', medianDaysPerWeek: 3 })
    // DevLake: only Monday succeeded → 1 deployment day → high (weekly)
    expect(devLakeClass(records, week.since, week.until)).toBe('weekly')
  })

  it('should agree where the rules meet: no deploy day in most weeks, one in the month', () => {
    // 03-02 only, over two weeks: shiplog weeks [1, 0] → 0.5 < 1; March (clipped) 1 day → monthly
    const records = [at('2026-03-02T10:00:00Z')]
    expect(deploymentFrequency(records, TWO_WEEKS).value.class).toBe('monthly')
    // DevLake: [1, 0] → lower middle 0 → not weekly; month 1 ≥ 1 → medium (monthly)
    expect(devLakeClass(records, TWO_WEEKS.since, TWO_WEEKS.until)).toBe('monthly')
  })
})
