import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { formatMetricsReport } from '../../src/core/metrics/formatMetricsReport.ts'
import { record } from './loadRecords.ts'

// Line 1 `---`, 2 `template:`, then the frontmatter below from line 3.
const OLD_CHANGE = record({
  file: 'releases/2.4.0.md',
  frontmatter: [
    'environment: production', // 3
    'status: deployed', // 4
    'deployed_at: 2026-03-04T14:30:00+01:00', // 5
    'changes:', // 6
    '  - id: C-1', // 7
    '    committed_at: 1970-01-01T00:00:00Z', // 8
    '  - id: C-2', // 9
    '    committed_at: 2026-03-04T12:30:00+01:00', // 10
  ].join('\n'),
})
const FUTURE = record({
  file: 'releases/2.5.0.md',
  frontmatter: ['environment: production', 'status: deployed', 'deployed_at: 2999-01-01T10:00:00+01:00'].join('\n'),
})
const NOW = new Date('2026-12-04T03:00:00Z')

describe('implausible dates in metrics', () => {
  it('counts a change committed more than a year before its deploy time, warns and lists it', () => {
    const result = computeMetrics([OLD_CHANGE], { now: NOW })
    // 1970-01-01T00:00Z → 2026-03-04T13:30Z: 20516 days 13.5 h = 492397.5 h; C-2: 2 h
    expect(result.leadTime).toEqual({ medianHours: 246199.75, p90Hours: 443157.95, changes: 2, dropped: 0 })
    const reason =
      'Unexpected `committed_at` 1970-01-01T00:00:00Z of change `C-1`, more than a year (20516 days) before its deployment (2026-03-04 14:30 +01:00, from `deployed_at`), expected a commit date within 365 days before the deploy time'
    expect(result.explain.implausible).toEqual([{ file: 'releases/2.4.0.md', line: 8, code: 'committed-long-before', reason }])
    expect(result.warnings.filter((w) => w.ruleId === 'implausible-date').map((w) => [w.file, w.line, w.severity, w.reason])).toEqual([
      ['releases/2.4.0.md', 8, 'warning', reason],
    ])
  })

  it('counts a deployment dated after now, and lists it only when now is given', () => {
    const withNow = computeMetrics([FUTURE], { now: NOW })
    const without = computeMetrics([FUTURE])
    expect(withNow.deployments).toBe(1)
    expect(without.deployments).toBe(1)
    expect(withNow.explain.implausible).toEqual([
      {
        file: 'releases/2.5.0.md',
        line: 5,
        code: 'deployed-in-future',
        reason:
          'Unexpected deploy time 2999-01-01 10:00 +01:00 (from `deployed_at`) after now (2026-12-04 03:00 UTC), expected a `deployed` record to have been deployed in the past',
      },
    ])
    expect(without.explain.implausible).toEqual([])
    // The figures depend on the records alone, not on when they are measured.
    expect({ ...withNow, explain: null, warnings: null }).toEqual({ ...without, explain: null, warnings: null })
  })

  it('prints them under --explain', () => {
    const text = formatMetricsReport(computeMetrics([OLD_CHANGE, FUTURE], { now: NOW }), { color: false, explain: true })
    const lines = text.split('\n')
    const at = lines.indexOf('Implausible dates (counted as written; fix the records)')
    expect(at).toBeGreaterThan(0)
    expect(lines.slice(at + 1, at + 3).map((line) => line.split('  ')[1])).toEqual(['releases/2.4.0.md:8', 'releases/2.5.0.md:5'])
  })
})
