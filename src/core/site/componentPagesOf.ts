import type { MetricsResult } from '../metrics/types.ts'
import { figureTilesOf } from './figureTilesOf.ts'
import { formatWindow } from './formatWindow.ts'
import { openCountsOf } from './openCountsOf.ts'
import { distinct } from './homePageOf.ts'
import { sortReleases } from './sortReleases.ts'
import { trendViewsOf } from './trendViewsOf.ts'
import type { ComponentPage, ComponentsPage, ReleasePage } from '../../shared/pageData.ts'

/**
 * Groups release pages by component (case-insensitive; the first spelling met names it). Over
 * several repositories a component is one per repository, named `<repository>/<component>`.
 */
export function groupByComponent(pages: readonly ReleasePage[]): Map<string, ReleasePage[]> {
  const groups = new Map<string, ReleasePage[]>()
  const names = new Map<string, string>()
  for (const page of pages) {
    const component = page.summary.component
    if (component === null) continue
    const inRepository = page.summary.repository === undefined ? component : `${page.summary.repository}/${component}`
    const key = inRepository.toLowerCase()
    const name = names.get(key) ?? inRepository
    names.set(key, name)
    const group = groups.get(name)
    if (group === undefined) groups.set(name, [page])
    else group.push(page)
  }
  return groups
}

/** A component's page: its figures and trends (metrics filtered to it) and its releases. */
export function componentPageOf(name: string, pages: readonly ReleasePage[], metrics: { week: MetricsResult; month: MetricsResult }): ComponentPage {
  const releases = sortReleases(pages.map((page) => page.summary))
  return {
    name,
    window: formatWindow(metrics.week.window),
    environment: metrics.week.filters.environment,
    benchmark: metrics.week.benchmark,
    tiles: figureTilesOf(metrics.week),
    trends: trendViewsOf(metrics.week, metrics.month),
    releases,
    environments: distinct(releases.map((r) => r.environment)),
  }
}

/** The components index: each component with its release count, latest release and open work. */
export function componentsPageOf(groups: ReadonlyMap<string, readonly ReleasePage[]>, hrefOf: (name: string) => string): ComponentsPage {
  const components = [...groups].map(([name, pages]) => {
    const releases = sortReleases(pages.map((page) => page.summary))
    return {
      name,
      href: hrefOf(name),
      releases: releases.length,
      latest: releases[0] ?? null,
      open: openCountsOf(releases),
    }
  })
  components.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
  return { components }
}
