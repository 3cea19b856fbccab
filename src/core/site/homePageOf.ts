import type { MetricsResult } from '../metrics/types.ts'
import { figureTilesOf } from './figureTilesOf.ts'
import { formatWindow } from './formatWindow.ts'
import { openCountsOf } from './openCountsOf.ts'
import { sortReleases } from './sortReleases.ts'
import { TREND_FIGURES, trendViewsOf } from './trendViewsOf.ts'
import type { HomePage, ReleasePage } from '../../shared/pageData.ts'

/**
 * How many releases Home lists, the most recent first: its data is read by every visitor, and
 * would otherwise grow with the history (~0.6 MB per 1,000 releases). Every release stays on its
 * component's page and in search; the totals count them all.
 */
export const HOME_RELEASES = 1000

/** Home: DORA tiles, trends, and the `listed` most recent releases (the page shows them a page at a time). */
export function homePageOf(
  title: string,
  pages: readonly ReleasePage[],
  metrics: { week: MetricsResult; month: MetricsResult },
  options: { listed?: number } = {},
): HomePage {
  const releases = sortReleases(pages.map((page) => page.summary))
  const listed = releases.slice(0, options.listed ?? HOME_RELEASES)
  const statuses = new Map<string, number>()
  for (const release of releases) {
    const status = release.status ?? 'no status'
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
  }
  return {
    title,
    window: formatWindow(metrics.week.window),
    environment: metrics.week.filters.environment,
    benchmark: metrics.week.benchmark,
    tiles: figureTilesOf(metrics.week),
    trends: trendViewsOf(metrics.week, metrics.month, TREND_FIGURES, '/metrics.html'),
    releases: listed,
    components: distinct(listed.map((r) => r.component)),
    environments: distinct(listed.map((r) => r.environment)),
    statuses: [...statuses].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || (a.status < b.status ? -1 : 1)),
    totals: {
      records: releases.length,
      open: openCountsOf(releases),
      errors: releases.filter((r) => r.errors > 0).length,
    },
  }
}

/** Distinct non-null values, sorted case-insensitively. */
export function distinct(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : 1))
}
