import { describe, expect, it } from 'vitest'
import { frequencyClass, readFrequencyClass } from '../../src/core/metrics/frequencyClass.ts'

const d = (iso: string): Date => new Date(iso)
const ms = (iso: string): number => Date.parse(iso)

describe('frequencyClass', () => {
  it('should be daily when the median week has deploys on 3 days or more', () => {
    // two ISO weeks (03-02 → 03-16); week 1 deploy days Mon, Tue, Thu = 3 (two deploys on Tue count once),
    // week 2 Mon, Wed, Fri = 3 → median 3 → daily
    const times = ['2026-03-02T10:00Z', '2026-03-03T09:00Z', '2026-03-03T15:00Z', '2026-03-05T10:00Z', '2026-03-09T10:00Z', '2026-03-11T10:00Z', '2026-03-13T10:00Z'].map(d)
    expect(frequencyClass(times, ms('2026-03-02T00:00Z'), ms('2026-03-16T00:00Z'))).toBe('daily')
  })

  it('should count weeks with no deployment inside the window', () => {
    // three weeks with deploy days [3, 0, 0] → median 0; the one month has 3 deploys → monthly
    const times = ['2026-03-02T10:00Z', '2026-03-03T10:00Z', '2026-03-04T10:00Z'].map(d)
    expect(frequencyClass(times, ms('2026-03-02T00:00Z'), ms('2026-03-23T00:00Z'))).toBe('monthly')
  })

  it('should be weekly when the median week has at least one deploy day', () => {
    // weeks [3, 0] → median (0 + 3) / 2 = 1.5 ≥ 1 → weekly
    const times = ['2026-03-02T10:00Z', '2026-03-03T10:00Z', '2026-03-04T10:00Z'].map(d)
    expect(frequencyClass(times, ms('2026-03-02T00:00Z'), ms('2026-03-16T00:00Z'))).toBe('weekly')
  })

  it('should read deploy days in UTC', () => {
    // 23:30 and 00:30 UTC are two UTC days; with 05:00 on the 4th: 3 deploy days in one week → daily
    const times = ['2026-03-02T23:30Z', '2026-03-03T00:30Z', '2026-03-04T05:00Z'].map(d)
    expect(frequencyClass(times, ms('2026-03-02T00:00Z'), ms('2026-03-09T00:00Z'))).toBe('daily')
  })

  it('should be yearly when the median month has no deployment', () => {
    // months Jan, Feb, Mar with counts [1, 0, 0] → median 0 → yearly
    expect(frequencyClass([d('2026-01-10T10:00Z')], ms('2026-01-01T00:00Z'), ms('2026-04-01T00:00Z'))).toBe('yearly')
  })

  it('should ignore deployments outside the window', () => {
    expect(frequencyClass([d('2026-02-01T10:00Z')], ms('2026-03-02T00:00Z'), ms('2026-03-09T00:00Z'))).toBe('yearly')
  })
})

describe('readFrequencyClass', () => {
  const since = ms('2026-03-02T00:00Z')
  const twoWeeks = ms('2026-03-16T00:00Z')
  // week 1 (03-02 → 03-09): Mon, Tue, Wed, Thu = 4 deploy days; week 2: Mon, Tue, Wed = 3
  const busy = ['2026-03-02T10:00Z', '2026-03-03T10:00Z', '2026-03-04T10:00Z', '2026-03-05T10:00Z', '2026-03-09T10:00Z', '2026-03-10T10:00Z', '2026-03-11T10:00Z'].map(d)

  it('should give the medians the class was read from', () => {
    // weeks [4, 3] → median 3.5 ≥ 3 → daily; one month (March, clipped) with 7 deploy days
    expect(readFrequencyClass(busy, since, twoWeeks)).toEqual({ class: 'daily', medianDaysPerWeek: 3.5, medianDaysPerMonth: 7, dailyDeployDays: 3 })
  })

  it('should be daily from exactly the threshold, and weekly just under it', () => {
    // weeks [3, 2] → median 2.5 < 3 → weekly
    const under = busy.filter((t) => t.getUTCDate() !== 5 && t.getUTCDate() !== 11)
    expect(readFrequencyClass(under, since, twoWeeks)).toMatchObject({ class: 'weekly', medianDaysPerWeek: 2.5 })
    // weeks [3, 3] → median exactly 3 → daily
    const exactly = busy.filter((t) => t.getUTCDate() !== 5)
    expect(readFrequencyClass(exactly, since, twoWeeks)).toMatchObject({ class: 'daily', medianDaysPerWeek: 3 })
  })

  it('should take the daily threshold given (config metrics.dailyDeployDays)', () => {
    // median 3.5: daily from 3 (default), weekly from 5 (Apache DevLake's dashboard), daily from 3.5
    expect(readFrequencyClass(busy, since, twoWeeks, 5)).toMatchObject({ class: 'weekly', medianDaysPerWeek: 3.5, dailyDeployDays: 5 })
    expect(readFrequencyClass(busy, since, twoWeeks, 3.5).class).toBe('daily')
    expect(readFrequencyClass(busy, since, twoWeeks, 4).class).toBe('weekly')
  })

  it('should be weekly from exactly one deploy day in the median week', () => {
    // weeks [1, 1] → 1 → weekly; weeks [1, 0] → 0.5 → not weekly; March has 1 deploy day → monthly
    expect(readFrequencyClass([d('2026-03-02T10:00Z'), d('2026-03-12T10:00Z')], since, twoWeeks)).toMatchObject({ class: 'weekly', medianDaysPerWeek: 1 })
    expect(readFrequencyClass([d('2026-03-02T10:00Z')], since, twoWeeks)).toEqual({ class: 'monthly', medianDaysPerWeek: 0.5, medianDaysPerMonth: 1, dailyDeployDays: 3 })
  })

  it('should read the median month in deploy days, not deployments', () => {
    // Feb and March 2026: two deploys on 02-10 and none in March. Weeks: 10 (W05 … W14, clipped),
    // one with a deploy day → median 0. Months: deploy days [1, 0] → median 0.5 < 1 → yearly
    // (by deployments, [2, 0] → median 1 would have said monthly: one busy day is not a monthly habit)
    const result = readFrequencyClass([d('2026-02-10T09:00Z'), d('2026-02-10T15:00Z')], ms('2026-02-01T00:00Z'), ms('2026-04-01T00:00Z'))
    expect(result).toEqual({ class: 'yearly', medianDaysPerWeek: 0, medianDaysPerMonth: 0.5, dailyDeployDays: 3 })
  })
})
