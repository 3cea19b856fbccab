import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { computeWeeklyAndMonthly } from '../../src/core/metrics/computeWeeklyAndMonthly.ts'
import { metricsRecords } from './metricsRecords.ts'

const NOW = new Date('2026-04-01T00:00:00Z')

describe('computeWeeklyAndMonthly', () => {
  it('should give what computeMetrics gives by week and by month, for every component and for one', () => {
    const records = metricsRecords()
    for (const options of [{ now: NOW }, { now: NOW, since: '2026-03-01' }, { now: NOW, component: 'payments-api' }, { now: NOW, timeZone: 'America/New_York', dailyDeployDays: 5 }]) {
      const both = computeWeeklyAndMonthly(records, options)
      expect(both.week).toEqual(computeMetrics(records, { ...options, by: 'week' }))
      expect(both.month).toEqual(computeMetrics(records, { ...options, by: 'month' }))
    }
  })

  it('should count by week and by month from the same deployments', () => {
    // metricsRecords from 2026-03-01: a, b and e deployed in [2026-03-01, 2026-03-07), b failed.
    // 2026-03-01 is a Sunday, the last day of ISO week 9 (2026-01-01 is a Thursday); 2 – 6 March
    // are in week 10; all of it in March.
    const both = computeWeeklyAndMonthly(metricsRecords(), { now: NOW, since: '2026-03-01' })
    expect([both.week.deployments, both.week.failed, both.month.deployments, both.month.failed]).toEqual([3, 1, 3, 1])
    expect(both.week.window).toEqual(both.month.window)
    expect([both.week.series.by, both.month.series.by]).toEqual(['week', 'month'])
    expect(both.week.series.periods.map((p) => [p.period, p.since, p.until])).toEqual([
      ['2026-W09', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
      ['2026-W10', '2026-03-02T00:00:00.000Z', '2026-03-07T00:00:00.000Z'],
    ])
    expect(both.month.series.periods.map((p) => [p.period, p.since, p.until])).toEqual([['2026-03', '2026-03-01T00:00:00.000Z', '2026-03-07T00:00:00.000Z']])
  })
})
