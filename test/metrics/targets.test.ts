import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { MetricsOptionError } from '../../src/core/metrics/MetricsOptionError.ts'
import { formatMetricsReport } from '../../src/core/metrics/formatMetricsReport.ts'
import { parseTarget } from '../../src/core/metrics/targets/parseTarget.ts'
import { record } from './loadRecords.ts'

/*
 * Four production deployments over 2026-03-02 … 03-05 (window 4 days):
 * 1.2.0 rolled back at 10:00, restored 10:30 (recovery 0.5 h); the others closed.
 * deployments per week = 4 / (4 / 7) = 7; change failure rate 1/4 = 0.25; success rate 0.75;
 * rollback rate 0.25; rework rate 0 (no hotfix); lead time and duration: no data.
 */
const deployment = (version: string, status: string, day: string, extra = ''): ReturnType<typeof record> =>
  record({
    file: `releases/${version}.md`,
    frontmatter: `release: API\nversion: "${version}"\ncomponent: api\nenvironment: production\nstatus: ${status}\ndeployed_at: "2026-03-0${day}T10:00:00Z"${extra}`,
  })
const records = [
  deployment('1.0.0', 'closed', '2'),
  deployment('1.1.0', 'closed', '3'),
  deployment('1.2.0', 'rolled-back', '4', '\nrestored_at: "2026-03-04T10:30:00Z"'),
  deployment('1.3.0', 'closed', '5'),
]

describe('parseTarget', () => {
  it('should read each kind of bound into the unit the JSON reports the figure in', () => {
    expect(parseTarget('changeFailureRate', '< 5%')).toEqual({ metric: 'changeFailureRate', target: '< 5%', operator: '<', threshold: 0.05, unit: 'ratio' })
    expect(parseTarget('recoveryTime', ' <15 minutes ')).toMatchObject({ target: '<15 minutes', operator: '<', threshold: 0.25, unit: 'hours' })
    expect(parseTarget('leadTime', '<= PT1H30M')).toMatchObject({ operator: '<=', threshold: 1.5 })
    expect(parseTarget('deploymentDuration', '< 1h 30m')).toMatchObject({ threshold: 90, unit: 'minutes' })
    expect(parseTarget('deploymentFrequency', '>= 2/day')).toMatchObject({ operator: '>=', threshold: 14, unit: 'per week' })
    expect(parseTarget('deploymentFrequency', '≥ 10 per week')).toMatchObject({ operator: '>=', threshold: 10 })
    expect(parseTarget('deploymentSuccessRate', '> 95%')).toMatchObject({ operator: '>', threshold: 0.95 })
  })
})

describe('computeMetrics targets', () => {
  it('should report each target with its value and whether it is met, no data as null with the reason', () => {
    const result = computeMetrics(records, {
      targets: {
        deploymentFrequency: '>= 1/day',
        leadTime: '< 1h',
        changeFailureRate: '< 5%',
        deploymentSuccessRate: '> 70%',
        recoveryTime: '< 15m',
        rollbackRate: '<= 25%',
        reworkRate: '< 10%',
      },
    })
    expect(result.targets.map(({ metric, target, value, met }) => ({ metric, target, value, met }))).toEqual([
      // 7 per week ≥ 7
      { metric: 'deploymentFrequency', target: '>= 1/day', value: 7, met: true },
      { metric: 'leadTime', target: '< 1h', value: null, met: null },
      // 0.25 is not below 0.05
      { metric: 'changeFailureRate', target: '< 5%', value: 0.25, met: false },
      // 1 − 0.25 = 0.75 > 0.70
      { metric: 'deploymentSuccessRate', target: '> 70%', value: 0.75, met: true },
      // 0.5 h is not below 0.25 h
      { metric: 'recoveryTime', target: '< 15m', value: 0.5, met: false },
      // 0.25 ≤ 0.25
      { metric: 'rollbackRate', target: '<= 25%', value: 0.25, met: true },
      { metric: 'reworkRate', target: '< 10%', value: 0, met: true },
    ])
    expect(result.targets[1]?.reason).toBe('no `changes` listed in the deployments kept in production')
    expect(result.targets[4]).toMatchObject({ operator: '<', threshold: 0.25, unit: 'hours' })
  })

  it('should miss a frequency target over a given window without deployments (0 per week), the other targets having no data', () => {
    // April holds none of the four March deployments: the window is known (30 days), the count 0.
    const result = computeMetrics(records, { since: '2026-04-01', until: '2026-05-01', targets: { deploymentFrequency: '>= 1/week', changeFailureRate: '< 5%' } })
    expect(result.deploymentFrequency.perWeek).toBeNull()
    expect(result.targets.map(({ metric, value, met }) => ({ metric, value, met }))).toEqual([
      { metric: 'deploymentFrequency', value: 0, met: false },
      { metric: 'changeFailureRate', value: null, met: null },
    ])
    // An upper bound on frequency is met by none.
    expect(computeMetrics(records, { since: '2026-04-01', until: '2026-05-01', targets: { deploymentFrequency: '< 20/week' } }).targets[0]?.met).toBe(true)
  })

  it('should report no targets when none are set', () => {
    expect(computeMetrics(records).targets).toEqual([])
  })

  it('should reject a target that does not read as a usage error', () => {
    expect(() => computeMetrics(records, { targets: { changeFailureRate: 'low' } })).toThrow(MetricsOptionError)
    expect(() => computeMetrics(records, { targets: { leadtime: '< 1h' } as never })).toThrow('`targets.leadtime`: Unexpected metric `leadtime`')
  })

  it('should print a Targets section with met, MISSED and no data in words, and the comparison under --explain', () => {
    const result = computeMetrics(records, { targets: { changeFailureRate: '< 5%', leadTime: '< 1h', deploymentSuccessRate: '> 70%' } })
    const text = formatMetricsReport(result, { color: false })
    expect(text).toContain('Targets (1 of 3 missed, 1 without data)\n')
    expect(text).toContain('Lead time for changes   < 1h   —    no data: no `changes` listed in the deployments kept in production\n')
    expect(text).toContain('Change failure rate     < 5%   25%  MISSED\n')
    expect(text).toContain('Deployment success rate > 70%  75%  met\n')
    const explained = formatMetricsReport(result, { color: false, explain: true })
    expect(explained).toContain('  changeFailureRate < 5%: changeFailureRate.rate = 0.25 (25%); target below 5% → missed')
    expect(explained).toContain('  deploymentSuccessRate > 70%: 1 − changeFailureRate.rate = 0.75 (75%); target above 70% → met')
  })
})
