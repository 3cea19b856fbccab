import type { Evidence, Exclusion, MetricsResult, PeriodFigures } from '../metrics/types.ts'
import { FIGURES, formatValue, type FigureInfo } from './figureCatalog.ts'
import { figureTileOf } from './figureTilesOf.ts'
import { formatWindow } from './formatWindow.ts'
import { trendChartOf } from './trendChartOf.ts'
import { periodAnchor } from './periodAnchor.ts'
import { tierLegendOf } from './tierLegendOf.ts'
import type { EvidenceRow, ExclusionRow, MetricsPage, PeriodRecords, ReleasePage } from '../../shared/pageData.ts'

export type PageIndex = ReadonlyMap<string, Pick<ReleasePage['summary'], 'href' | 'title'> & { deployedAt?: string | null }>

/** Maps record files to their pages' links and titles, and their deploy times (ISO) for placing them in periods. */
export function pageIndexOf(pages: readonly ReleasePage[]): PageIndex {
  return new Map(
    pages.map((page) => [page.summary.file, { href: page.summary.href, title: page.summary.title, deployedAt: page.deployedAt?.at ?? null }]),
  )
}

/** The metrics page: per figure its headline, a chart by week and by month, and the records behind it. */
export function metricsPageOf(metrics: { week: MetricsResult; month: MetricsResult }, index: PageIndex): MetricsPage {
  const m = metrics.week
  return {
    title: 'Metrics',
    window: formatWindow(m.window),
    environment: m.filters.environment,
    benchmark: m.benchmark,
    figures: FIGURES.map((info) => {
      const evidence = m.explain.figures[info.key].from.map((e) => evidenceRow(e, info, index))
      const periods = {
        week: periodRecordsOf(info, m.series.periods, evidence, index),
        month: periodRecordsOf(info, metrics.month.series.periods, evidence, index),
      }
      const chart = (r: MetricsResult, by: 'week' | 'month') => {
        const listed = new Set(periods[by].map((p) => p.period))
        return trendChartOf(info, r.series.periods, by, r.targets, {
          headline: info.value(r),
          hrefOf: (p) => (listed.has(p.period) ? `#${periodAnchor(info.anchor, p.period)}` : null),
        })
      }
      return {
        key: info.key,
        anchor: info.anchor,
        title: info.label,
        definition: info.definition,
        tile: figureTileOf(m, info),
        rated: info.tier !== null,
        valueLabel: info.evidenceLabel,
        charts: { week: chart(m, 'week'), month: chart(metrics.month, 'month') },
        legend: info.tier === null ? null : tierLegendOf(info.tier, m.tiers[info.tier]),
        periods,
        evidence,
        excluded: m.explain.figures[info.key].excluded.map((e) => exclusionRow(e, index)),
      }
    }),
    excluded: m.explain.excluded.map((e) => exclusionRow(e, index)),
    warnings: m.warnings.map((w) => ({
      file: w.file,
      href: index.get(w.file)?.href ?? null,
      line: w.line,
      column: w.column,
      rule: w.ruleId,
      message: w.reason,
    })),
  }
}

function evidenceValue(info: FigureInfo, value: number | null): string {
  if (value === null) return 'unknown'
  if (info.unit === 'hours' || info.unit === 'minutes') return formatValue(info.unit, value)
  return value > 0 ? 'yes' : 'no'
}

function evidenceRow(e: Evidence, info: FigureInfo, index: PageIndex): EvidenceRow {
  const page = index.get(e.file)
  return { file: e.file, href: page?.href ?? null, title: page?.title ?? e.file, line: e.line, value: evidenceValue(info, e.value), detail: e.detail }
}

function exclusionRow(e: Exclusion, index: PageIndex): ExclusionRow {
  const page = index.get(e.file)
  return { file: e.file, href: page?.href ?? null, title: page?.title ?? e.file, line: e.line, code: e.code, reason: e.reason }
}

/**
 * The evidence rows of each period with a bar of records, placed by their record's deploy time
 * (the time the period's figures were measured by), in period order.
 */
function periodRecordsOf(info: FigureInfo, periods: readonly PeriodFigures[], rows: readonly EvidenceRow[], index: PageIndex): PeriodRecords[] {
  const bounds = periods.map((p) => ({ p, since: Date.parse(p.since), until: Date.parse(p.until) }))
  const byPeriod = new Map<PeriodFigures, EvidenceRow[]>()
  for (const row of rows) {
    const at = index.get(row.file)?.deployedAt
    if (!at) continue
    const ms = Date.parse(at)
    const hit = bounds.find((b) => ms >= b.since && ms < b.until)
    if (hit) byPeriod.set(hit.p, [...(byPeriod.get(hit.p) ?? []), row])
  }
  return periods.flatMap((p) => {
    const own = byPeriod.get(p)
    return own ? [{ period: p.period, id: periodAnchor(info.anchor, p.period), samples: info.sample(p), rows: own }] : []
  })
}
