import type { ReleaseRecord } from '../record/types.ts'
import { metricsByWeekAndMonth } from './metricsOf.ts'
import { readForMetrics } from './readForMetrics.ts'
import { readMetricsOptions } from './readMetricsOptions.ts'
import type { MetricsOptions, MetricsResult } from './types.ts'

/**
 * `computeMetrics` by week and by month, each record read once for both (the site shows both):
 * the same results as two `computeMetrics` calls with `by: 'week'` and `by: 'month'`.
 */
export function computeWeeklyAndMonthly(records: readonly ReleaseRecord[], options: Omit<MetricsOptions, 'by'> = {}): { week: MetricsResult; month: MetricsResult } {
  const settings = readMetricsOptions(options)
  // The reading depends on the environment and component measured, the same for both.
  return metricsByWeekAndMonth(
    records.map((record) => readForMetrics(record, settings)),
    settings,
  )
}
