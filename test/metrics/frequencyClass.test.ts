import { describe, expect, it } from 'vitest'
import { frequencyClass } from '../../src/core/metrics/frequencyClass.ts'

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
