import { describe, expect, it } from 'vitest'
import * as metrics from '../../src/core/metrics/index.ts'

describe('metrics', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(metrics).sort()).toEqual(
      [
        'BENCHMARK_YEARS',
        'DEPLOYMENT_STATUSES',
        'DORA_TIERS',
        'DURATION_FORMS',
        'LATEST_BENCHMARK',
        'MetricsOptionError',
        'TIME_FORMS',
        'computeFigures',
        'computeMetrics',
        'deployTime',
        'formatMetricsReport',
        'frequencyClass',
        'frequencyLevel',
        'isFailedDeployment',
        'isFailureSeverity',
        'median',
        'parseDuration',
        'parseTimelineTimes',
        'percentile',
        'rateFrequency',
        'rateTiers',
        'rateUpper',
        'readChanges',
        'readDeployment',
        'readIssues',
        'readTimeline',
        'sparkline',
        'splitPeriods',
        // team targets
        'TARGET_METRICS',
        'TARGET_METRIC_NAMES',
        'evaluateTargets',
        'parseTarget',
        'readTargets',
        'targetMetricInfo',
      ].sort(),
    )
  })
})
