import type { MetricsResult } from '../metrics/types.ts'
import { FIGURES } from './figureCatalog.ts'
import { periodAnchor } from './periodAnchor.ts'
import { trendChartOf } from './trendChartOf.ts'
import type { TrendViews } from '../../shared/pageData.ts'

/** The figures shown as trends on Home and component pages, in order. */
export const TREND_FIGURES = ['deployments', 'leadTime', 'changeFailureRate', 'recoveryTime'] as const

/**
 * Trend charts by week and by month for the figures in `keys`, each in its headline's unit. With
 * `metricsHref` (the metrics page measures the same records) each bar links to its period's records there.
 */
export function trendViewsOf(
  byWeek: MetricsResult,
  byMonth: MetricsResult,
  keys: readonly string[] = TREND_FIGURES,
  metricsHref?: string,
): TrendViews {
  const infos = keys.flatMap((key) => FIGURES.filter((info) => info.key === key))
  const chart = (metrics: MetricsResult, by: 'week' | 'month') =>
    infos.map((info) =>
      trendChartOf(info, metrics.series.periods, by, metrics.targets, {
        headline: info.value(metrics),
        ...(metricsHref === undefined ? {} : { hrefOf: (p) => `${metricsHref}#${periodAnchor(info.anchor, p.period)}` }),
      }),
    )
  return { week: chart(byWeek, 'week'), month: chart(byMonth, 'month') }
}
