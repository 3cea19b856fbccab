import type { Evidence, Exclusion, MetricsResult } from '../metrics/types.ts'
import { FIGURES, formatValue, type FigureInfo } from './figureCatalog.ts'
import { figureTileOf } from './figureTilesOf.ts'
import { formatWindow } from './formatWindow.ts'
import { trendChartOf } from './trendChartOf.ts'
import type { EvidenceRow, ExclusionRow, MetricsPage, ReleasePage } from '../../shared/pageData.ts'

export type PageIndex = ReadonlyMap<string, Pick<ReleasePage['summary'], 'href' | 'title'>>

/** Maps record files to their pages' links and titles. */
export function pageIndexOf(pages: readonly ReleasePage[]): PageIndex {
  return new Map(pages.map((page) => [page.summary.file, { href: page.summary.href, title: page.summary.title }]))
}

/** The metrics page: per figure its headline, a chart by week and by month, and the records behind it. */
export function metricsPageOf(metrics: { week: MetricsResult; month: MetricsResult }, index: PageIndex): MetricsPage {
  const m = metrics.week
  return {
    title: 'Metrics',
    window: formatWindow(m.window),
    environment: m.filters.environment,
    benchmark: m.benchmark,
    figures: FIGURES.map((info) => ({
      key: info.key,
      anchor: info.anchor,
      title: info.label,
      definition: info.definition,
      tile: figureTileOf(m, info),
      rated: info.tier !== null,
      valueLabel: info.evidenceLabel,
      charts: {
        week: trendChartOf(info, m.series.periods, 'week', m.targets),
        month: trendChartOf(info, metrics.month.series.periods, 'month', metrics.month.targets),
      },
      evidence: m.explain.figures[info.key].from.map((e) => evidenceRow(e, info, index)),
      excluded: m.explain.figures[info.key].excluded.map((e) => exclusionRow(e, index)),
    })),
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
