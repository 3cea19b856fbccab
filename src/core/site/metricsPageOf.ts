import type { Evidence, Exclusion, MetricsResult, PeriodFigures } from '../metrics/types.ts'
import { FIGURES, formatValue, type FigureInfo } from './figureCatalog.ts'
import { evidenceCsvPath } from './evidenceCsvOf.ts'
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

/**
 * How many rows of records behind a figure the Metrics page holds, in its table and in each of
 * its period lists (week, month): the most recent ones. The page's data grows with the history
 * otherwise (every record, three times, for each of eight figures: ~4 MB at 1,000 records); the
 * whole list is the figure's CSV (`evidenceCsvOf`).
 */
export const METRICS_INLINE_ROWS = 250

export interface MetricsPageOptions {
  /** Rows of records per figure the page holds (default `METRICS_INLINE_ROWS`). */
  inlineRows?: number
  /**
   * Every record behind each figure (`figureEvidenceOf` of the weekly result), when the caller
   * has worked it out already (the site writes it to the figures' CSV files too); default: worked
   * out here.
   */
  evidence?: ReadonlyMap<FigureInfo['key'], EvidenceRow[]>
}

/** Every record behind a figure, as the page and its CSV list them. */
export function figureEvidenceOf(m: MetricsResult, info: FigureInfo, index: PageIndex): EvidenceRow[] {
  return m.explain.figures[info.key].from.map((e) => evidenceRow(e, info, index))
}

/**
 * The metrics page: per figure its headline, a chart by week and by month, and the records behind
 * it — the `inlineRows` most recent on the page (by deploy time), every one in its CSV.
 */
export function metricsPageOf(metrics: { week: MetricsResult; month: MetricsResult }, index: PageIndex, options: MetricsPageOptions = {}): MetricsPage {
  const m = metrics.week
  const limit = options.inlineRows ?? METRICS_INLINE_ROWS
  return {
    title: 'Metrics',
    window: formatWindow(m.window),
    environment: m.filters.environment,
    benchmark: m.benchmark,
    figures: FIGURES.map((info) => {
      const evidence = options.evidence?.get(info.key) ?? figureEvidenceOf(m, info, index)
      const periods = {
        week: newestPeriodsListed(periodRecordsOf(info, m.series.periods, evidence, index), limit),
        month: newestPeriodsListed(periodRecordsOf(info, metrics.month.series.periods, evidence, index), limit),
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
        evidence: mostRecentRows(evidence, index, limit),
        evidenceCount: evidence.length,
        evidenceCsv: `/${evidenceCsvPath(info.anchor)}`,
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
    if (hit === undefined) continue
    const own = byPeriod.get(hit.p)
    if (own === undefined) byPeriod.set(hit.p, [row])
    else own.push(row)
  }
  return periods.flatMap((p) => {
    const own = byPeriod.get(p)
    return own ? [{ period: p.period, id: periodAnchor(info.anchor, p.period), samples: info.sample(p), rows: own, omitted: 0 }] : []
  })
}

/**
 * The periods whose rows the page lists: the newest first, whole, while they fit in `limit` rows;
 * older ones keep their heading (a bar links to it) and say how many rows are left to the CSV.
 */
function newestPeriodsListed(periods: PeriodRecords[], limit: number): PeriodRecords[] {
  let budget = limit
  const listed = new Array<PeriodRecords>(periods.length)
  for (let i = periods.length - 1; i >= 0; i--) {
    const p = periods[i] as PeriodRecords
    if (p.rows.length <= budget) {
      budget -= p.rows.length
      listed[i] = p
    } else {
      budget = 0
      listed[i] = { ...p, rows: [], omitted: p.rows.length }
    }
  }
  return listed
}

/** The `limit` rows whose records were deployed last (a record without a deploy time counts as oldest), in their order. */
function mostRecentRows(rows: EvidenceRow[], index: PageIndex, limit: number): EvidenceRow[] {
  if (rows.length <= limit) return rows
  const at = (row: EvidenceRow): number => {
    const deployed = index.get(row.file)?.deployedAt
    return deployed ? Date.parse(deployed) : Number.NEGATIVE_INFINITY
  }
  const kept = new Set(
    rows
      .map((row, position) => ({ position, at: at(row) }))
      .sort((a, b) => b.at - a.at || b.position - a.position)
      .slice(0, limit)
      .map((entry) => entry.position),
  )
  return rows.filter((_, position) => kept.has(position))
}
