import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { formatMetricsReport } from '../../src/core/metrics/formatMetricsReport.ts'
import { metricsPageOf } from '../../src/core/site/metricsPageOf.ts'
import { record } from '../metrics/loadRecords.ts'

/*
 * Three production deployments over [03-03, 03-06), 3 days:
 * - 2.4.0 closed 03-03 17:06Z, change committed 03-01 00:00Z → lead time 65.1 h
 * - 2.4.1 closed 03-04 10:00Z
 * - 2.5.0 rolled back 03-05 10:00Z, restored 11:30Z → recovery 1.5 h
 * frequency 3 / (3 / 7) = 7 per week; change failure and rollback rates 1/3 → 33.3%; rework 0%.
 */
const records = [
  record({
    file: 'releases/2.4.0.md',
    frontmatter: 'environment: production\nstatus: closed\ndeployed_at: 2026-03-03T17:06:00Z\nchanges:\n  - id: C-1\n    committed_at: 2026-03-01T00:00:00Z',
  }),
  record({ file: 'releases/2.4.1.md', frontmatter: 'environment: production\nstatus: closed\ndeployed_at: 2026-03-04T10:00:00Z' }),
  record({
    file: 'releases/2.5.0.md',
    frontmatter: 'environment: production\nstatus: rolled-back\ndeployed_at: 2026-03-05T10:00:00Z\nrestored_at: 2026-03-05T11:30:00Z',
  }),
]

describe('the CLI report and the site', () => {
  const week = computeMetrics(records)
  const page = metricsPageOf({ week, month: computeMetrics(records, { by: 'month' }) }, new Map())
  const tile = (key: string): string => page.figures.find((figure) => figure.key === key)?.tile.value ?? ''
  const text = formatMetricsReport(week, { color: false })
  const line = (label: string): string => text.split('\n').find((l) => l.startsWith(label)) ?? ''

  it('show every figure in the same units and rounding', () => {
    expect([
      tile('deploymentFrequency'),
      tile('leadTime'),
      tile('changeFailureRate'),
      tile('recoveryTime'),
      tile('rollbackRate'),
      tile('reworkRate'),
    ]).toEqual(['7 per week', '65.1 h', '33.3%', '1.5 h', '33.3%', '0%'])
    expect(line('Deployment frequency')).toMatch(/^Deployment frequency {4}7 per week · /)
    expect(line('Lead time for changes')).toMatch(/^Lead time for changes {3}median 65\.1 h · p90 65\.1 h · 1 change /)
    expect(line('Change failure rate')).toMatch(/^Change failure rate {5}33\.3% /)
    expect(line('Recovery time')).toMatch(/^Recovery time {11}median 1\.5 h · /)
    expect(line('Rollback rate')).toBe('Rollback rate           33.3%')
    expect(line('Rework rate')).toBe('Rework rate             0%')
  })

  it('print the lead time p90 of the tile detail as the CLI does', () => {
    expect(page.figures.find((figure) => figure.key === 'leadTime')?.tile.detail).toBe('p90 65.1 h · 1 change')
  })
})
