import type { TargetResult } from '../metrics/targets/types.ts'
import type { PeriodFigures } from '../metrics/types.ts'
import { targetViewsOf } from './targetViewsOf.ts'
import { chartValue, formatChartValue, type FigureInfo } from './figureCatalog.ts'
import { durationUnitOf, formatDecimal, formatIn, type DurationUnit } from '../../shared/formatFigure.ts'
import type { ChartView } from '../../shared/pageData.ts'

/** What a chart is drawn with besides its periods. */
export interface TrendChartOptions {
  /**
   * The figure's headline value over the whole window (its unit): a duration is charted in the
   * unit its headline is printed in (`3.2 days` → an axis in days), so the two never disagree.
   */
  headline?: number | null
  /** Where a period's records are listed, for the bar's link; none without it. */
  hrefOf?: (period: PeriodFigures) => string | null
}

/**
 * A figure per period as a bar chart: one value per period in the axis unit, the printed values,
 * and for the deployments chart a second series (the failed ones) drawn inside the first.
 */
export function trendChartOf(
  info: FigureInfo,
  periods: readonly PeriodFigures[],
  by: 'week' | 'month',
  targets: readonly TargetResult[] = [],
  options: TrendChartOptions = {},
): ChartView {
  const samples = periods.map((p) => info.sample(p))
  const hrefs = options.hrefOf ? { hrefs: periods.map((p, i) => ((samples[i] ?? 0) > 0 ? (options.hrefOf?.(p) ?? null) : null)) } : {}
  const duration = info.unit === 'hours' || info.unit === 'minutes' ? durationUnit(info, periods.map((p) => info.value(p)), options.headline) : null
  // A target's line is in the figure's unit; a duration chart is drawn in its headline's.
  const views = targetViewsOf(targets, info.key, by).map((t) =>
    duration === null || t.line === null ? t : { ...t, line: Number(formatDecimal(hoursOf(info, t.line) * duration.perHour, 2)) },
  )
  return {
    ...chartOf(info, periods, by, options.headline),
    targets: views,
    samples,
    sampleNoun: info.sampleNoun,
    ...hrefs,
  }
}

/** Hours of a duration figure's value (lead and recovery time are in hours, deployment duration in minutes). */
function hoursOf(info: FigureInfo, value: number): number {
  return info.unit === 'minutes' ? value / 60 : value
}

/** The unit a duration chart is drawn in: its headline's, else its longest bar's. */
function durationUnit(info: FigureInfo, raw: ReadonlyArray<number | null>, headline: number | null | undefined): DurationUnit {
  const values = raw.filter((v): v is number => v !== null)
  const basis = headline ?? (values.length > 0 ? values.reduce((a, b) => Math.max(a, b)) : null)
  return durationUnitOf(basis === null ? 1 : hoursOf(info, basis))
}

function chartOf(info: FigureInfo, periods: readonly PeriodFigures[], by: 'week' | 'month', headline?: number | null): ChartView {
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
  if (info.unit === 'hours' || info.unit === 'minutes') {
    const unit = durationUnit(info, raw, headline)
    const inUnit = raw.map((v) => (v === null ? null : Number(formatDecimal(hoursOf(info, v) * unit.perHour, 2))))
    return {
      title: `${info.label} per ${per}`,
      description: `${info.label} in each ${per} (${unit.name}); periods without data are marked “no data”.`,
      unit: unit.name,
      labels,
      printed: raw.map((v) => (v === null ? 'no data' : formatIn(unit, hoursOf(info, v)))),
      short: inUnit.map((v) => (v === null ? '–' : formatDecimal(v, v < 10 ? 1 : 0))),
      series: [{ label: info.label, values: inUnit }],
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
