import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { computeRepositoryMetrics } from '../../src/core/metrics/computeRepositoryMetrics.ts'
import { createMetricsReader } from '../../src/core/metrics/createMetricsReader.ts'
import { createRepositoryMetricsReader } from '../../src/core/metrics/createRepositoryMetricsReader.ts'
import { MetricsOptionError } from '../../src/core/metrics/MetricsOptionError.ts'
import type { MetricsOptions } from '../../src/core/metrics/types.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { metricsRecords } from './metricsRecords.ts'

const OPTIONS = { since: '2026-03-01', now: new Date('2026-04-01T00:00:00Z') }

/** The records in file order, reversed, and interleaved (odd positions first). */
function orders(records: ReleaseRecord[]): ReleaseRecord[][] {
  return [records, [...records].reverse(), [...records.filter((_, i) => i % 2 === 1), ...records.filter((_, i) => i % 2 === 0)]]
}

function readAll(records: readonly ReleaseRecord[], options: MetricsOptions = OPTIONS): string {
  const reader = createMetricsReader(options)
  for (const record of records) reader.add(record)
  return JSON.stringify(reader.finish())
}

describe('createMetricsReader', () => {
  it('should give what computeMetrics gives over the records in file order, whatever order they are added in', () => {
    const expected = computeMetrics(metricsRecords(), OPTIONS)
    // Worked out by hand from metricsRecords: a, b and e are deployed in [2026-03-01, 2026-03-07), b failed;
    // lead times 24 h (a) and 795 days 10 h = 19,090 h (e): median 9,557, p90 24 + 0.9 · 19,066 = 17,183.4;
    // b restored 2 h after its deploy time.
    expect(expected.window).toMatchObject({ since: '2026-03-01T00:00:00.000Z', until: '2026-03-07T00:00:00.000Z', days: 6 })
    expect([expected.deployments, expected.failed]).toEqual([3, 1])
    expect(expected.leadTime).toEqual({ medianHours: 9557, p90Hours: 17183.4, changes: 2, dropped: 0 })
    expect(expected.recoveryTime).toMatchObject({ medianHours: 2, known: 1, unknown: 0 })
    expect(expected.reworkRate).toBe(0.3333)
    expect(expected.explain.excluded.map((e) => [e.file, e.code])).toEqual([
      ['releases/c.md', 'other-environment'],
      ['releases/d.md', 'outside-window'],
      ['releases/s.md', 'no-deploy-time'],
    ])
    expect(expected.explain.implausible.map((i) => [i.file, i.code])).toEqual([['releases/e.md', 'committed-long-before']])
    // Release Planning 30 h, Deployment Execution 3 h, both of s.md.
    expect(expected.stages.filter((s) => s.count > 0).map((s) => [s.name, s.medianHours])).toEqual([
      ['Release Planning', 30],
      ['Deployment Execution', 3],
    ])
    for (const records of orders(metricsRecords())) expect(readAll(records)).toBe(JSON.stringify(expected))
  })

  it('should give the same result without a window, and by month', () => {
    for (const options of [{}, { by: 'month' as const, environment: 'staging' }]) {
      const expected = JSON.stringify(computeMetrics(metricsRecords(), options))
      for (const records of orders(metricsRecords())) expect(readAll(records, options)).toBe(expected)
    }
  })

  it('should refuse its options before any record is read', () => {
    expect(() => createMetricsReader({ by: 'day' as never })).toThrow(new MetricsOptionError('Unexpected `by` `day`, expected `week` or `month`'))
    expect(() => createMetricsReader({ since: '2026-03-02', until: '2026-03-01' })).toThrow(MetricsOptionError)
  })
})

describe('createRepositoryMetricsReader', () => {
  const payments = (): ReleaseRecord[] => metricsRecords().slice(0, 3)
  const search = (): ReleaseRecord[] => metricsRecords().slice(3)

  it('should give what computeRepositoryMetrics gives, the records of two repositories added interleaved', () => {
    const expected = computeRepositoryMetrics([
      { name: 'payments', records: payments() },
      { name: 'search', records: search() },
    ])
    // payments: a and b deployed (b failed); search: d and e. One window, 2026-02-01 to 2026-03-07: 34 days.
    expect(expected.window).toMatchObject({ since: '2026-02-01T00:00:00.000Z', until: '2026-03-07T00:00:00.000Z', days: 34 })
    expect(expected.repositories.map((r) => [r.name, r.deployments, r.failed])).toEqual([
      ['payments', 2, 1],
      ['search', 2, 0],
    ])
    expect(expected.explain.excluded.map((e) => e.file)).toEqual(['payments/releases/c.md', 'search/releases/s.md'])
    const reader = createRepositoryMetricsReader(['payments', 'search'])
    const [p, s] = [payments().reverse(), search()]
    for (let i = 0; i < Math.max(p.length, s.length); i++) {
      if (s[i]) reader.add('search', s[i] as ReleaseRecord)
      if (p[i]) reader.add('payments', p[i] as ReleaseRecord)
    }
    expect(JSON.stringify(reader.finish())).toBe(JSON.stringify(expected))
  })

  it('should measure only `repository`, and refuse a name it was not given before any record is read', () => {
    const expected = computeRepositoryMetrics(
      [
        { name: 'payments', records: payments() },
        { name: 'search', records: search() },
      ],
      { repository: 'search' },
    )
    expect(expected.repositories.map((r) => r.name)).toEqual(['search'])
    const reader = createRepositoryMetricsReader(['payments', 'search'], { repository: 'search' })
    for (const record of payments()) reader.add('payments', record)
    for (const record of search()) reader.add('search', record)
    expect(JSON.stringify(reader.finish())).toBe(JSON.stringify(expected))
    expect(() => createRepositoryMetricsReader(['payments', 'search'], { repository: 'billing' })).toThrow(
      new MetricsOptionError('Unexpected repository `billing`, expected one of `payments`, `search`'),
    )
  })
})
