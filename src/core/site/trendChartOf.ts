import type { TargetResult } from '../metrics/targets/types.ts'
import type { PeriodFigures } from '../metrics/types.ts'
import { targetViewsOf } from './targetViewsOf.ts'
import { chartValue, formatChartValue, type FigureInfo } from './figureCatalog.ts'
import { formatDecimal } from '../../shared/formatFigure.ts'
import type { ChartView } from '../../shared/pageData.ts'

/**
 * A figure per period as a bar chart: one value per period in the axis unit, the printed values,
 * and for the deployments chart a second series (the failed ones) drawn inside the first.
 */
export function trendChartOf(
  info: FigureInfo,
  periods: readonly PeriodFigures[],
  by: 'week' | 'month',
  targets: readonly TargetResult[] = [],
): ChartView {
  return { ...chartOf(info, periods, by), targets: targetViewsOf(targets, info.key, by) }
}

function chartOf(info: FigureInfo, periods: readonly PeriodFigures[], by: 'week' | 'month'): ChartView {
  const labels = periods.map((p) => p.period)
  const raw = periods.map((p) => info.value(p))
  const values = raw.map((v) => (v === null ? null : chartValue(info.unit, v)))
  const per = by === 'week' ? 'week' : 'month'
  const short = values.map((v) => (v === null ? '–' : info.unit === 'rate' ? `${formatDecimal(v, 0)}%` : formatDecimal(v, v < 10 ? 1 : 0)))
  if (info.key === 'deployments') {
    const failed = periods.map((p) => p.failed)
    return {
      title: `Deployments per ${per}`,
      description: `Production deployments per ${per}; the hatched part of each bar is the failed ones.`,
      unit: info.axis,
      labels,
      printed: periods.map((p) => (p.failed > 0 ? `${p.deployments} (${p.failed} failed)` : String(p.deployments))),
      short,
      series: [
        { label: 'Deployments', values },
        { label: 'Failed', values: failed },
      ],
    }
  }
  if (info.key === 'deploymentFrequency') {
    // A rate per week over a week clipped by the window edge would overstate a partial week, so the
    // trend shows what the rate is made of: the production deployments in each period, failed ones
    // included as FORMAT.md 1.1 counts them (0 is data here).
    const counts = periods.map((p) => p.deploymentFrequency.count)
    return {
      title: `Deployments per ${per}`,
      description: `Production deployments in each ${per}, failed ones included; the figure above is their number per week over the whole window.`,
      unit: 'deployments',
      labels,
      printed: counts.map(String),
      short: counts.map(String),
      series: [{ label: 'Deployments', values: counts }],
    }
  }
  return {
    title: `${info.label} per ${per}`,
    description: `${info.label} in each ${per} (${info.axis}); periods without data are marked “no data”.`,
    unit: info.axis,
    labels,
    printed: raw.map((v) => formatChartValue(info.unit, v)),
    short,
    series: [{ label: info.label, values }],
  }
}
