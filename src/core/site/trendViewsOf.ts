import type { MetricsResult } from '../metrics/types.ts'
import { FIGURES } from './figureCatalog.ts'
import { trendChartOf } from './trendChartOf.ts'
import type { TrendViews } from '../../shared/pageData.ts'

/** The figures shown as trends on Home and component pages, in order. */
export const TREND_FIGURES = ['deployments', 'leadTime', 'changeFailureRate', 'recoveryTime'] as const

/** Trend charts by week and by month for the figures in `keys`. */
export function trendViewsOf(
  byWeek: MetricsResult,
  byMonth: MetricsResult,
  keys: readonly string[] = TREND_FIGURES,
): TrendViews {
  const infos = keys.flatMap((key) => FIGURES.filter((info) => info.key === key))
  return {
    week: infos.map((info) => trendChartOf(info, byWeek.series.periods, 'week', byWeek.targets)),
    month: infos.map((info) => trendChartOf(info, byMonth.series.periods, 'month', byMonth.targets)),
  }
}
