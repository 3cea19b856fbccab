import { atomFeedFrom, FEED_FILE } from '../feed/atomFeedOf.ts'
import { CALENDAR_FILE, releaseCalendarFrom } from '../feed/releaseCalendarOf.ts'
import { feedReleasesOf } from '../feed/feedReleasesOf.ts'
import type { FeedOptions, RecordRevision } from '../feed/types.ts'
import { metricsByWeekAndMonth } from '../metrics/metricsOf.ts'
import { readingForComponent } from '../metrics/readingForComponent.ts'
import { readMetricsOptions } from '../metrics/readMetricsOptions.ts'
import type { BenchmarkYear, MetricsResult } from '../metrics/types.ts'
import type { TargetSettings } from '../metrics/targets/types.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { aggregateReadingOf, type AggregateReading } from './aggregateReadingOf.ts'
import { componentHref, componentRoutes } from './componentRoutes.ts'
import { componentPageOf, componentsPageOf, groupByComponent } from './componentPagesOf.ts'
import { homePageOf } from './homePageOf.ts'
import { evidenceCsvOf, evidenceCsvPath } from './evidenceCsvOf.ts'
import { FIGURES } from './figureCatalog.ts'
import { figureEvidenceOf, metricsPageOf, pageIndexOf } from './metricsPageOf.ts'
import { openItemsPageOf } from './openItemsPageOf.ts'
import { pageSource } from './pageSource.ts'
import { PAGE_DEFAULTS, releaseFilesKey, releaseFilesOf, type ReleaseFilesOptions } from './releaseFilesOf.ts'
import { releaseRoutes } from './releaseRoutes.ts'
import { componentSearchHtml } from './searchHtmlOf.ts'
import { siteDataOf } from './siteDataOf.ts'
import { sortReleases } from './sortReleases.ts'
import type { NotFoundPage, ReleasePage, SiteSettings } from '../../shared/pageData.ts'

export interface SiteRecord {
  record: ReleaseRecord
  /** The record's body as sanitized single-line HTML (`renderRecordBody`), or null when it could not be read. */
  bodyHtml: string | null
}

export interface PlanSiteOptions {
  settings: SiteSettings
  /** The releases folder relative to the project root (route ids are paths inside it). */
  releasesDir: string
  repo: { url: string; branch: string } | null
  /** The DORA report year rating the figures; default the latest kept. */
  benchmark?: BenchmarkYear
  /** Deploy days in the median week that make the frequency class daily (config `metrics.dailyDeployDays`); default 3. */
  dailyDeployDays?: number
  /** Team targets (config `targets`) drawn on the tiles and charts. */
  targets?: TargetSettings
  /** The configured display `timezone` (IANA name); null or absent: dates in the offset they were written with. */
  timeZone?: string | null
  /**
   * The release files planned last time, by site record: a record planned before under the same
   * route and repository is not planned again (`dev` re-plans after every save).
   */
  memo?: SitePlanMemo
  /** When each record's file was last committed (path relative to the project root → ISO, from git); absent: no dates. */
  lastUpdated?: ReadonlyMap<string, string>
  /** Each record file's commits and newest commit (`readRevisions`), for the feed and the calendar; absent: from `lastUpdated`, with no commits counted. */
  revisions?: ReadonlyMap<string, RecordRevision>
  /** The address the site is published at (config `site.url`), for the feed's and the calendar's links; absent or null: none. */
  siteUrl?: string | null
  /**
   * A site over several project roots: each repository's releases folder and links, by its label.
   * Its records are named `<repository>/<file>` and carry `repository` (`inRepository`); route ids
   * start with the repository, tables show it, components are per repository. Absent: one project.
   */
  repositories?: ReadonlyMap<string, { releasesDir: string; repo: { url: string; branch: string } | null }>
}

/** How many of the most recent releases the 404 page lists. */
export const NOT_FOUND_LATEST = 5

/** What `planSite` keeps per site record between plans (see `PlanSiteOptions.memo`). */
export type SitePlanMemo = WeakMap<SiteRecord, { key: string; files: Array<[string, string]>; page: ReleasePage }>

/** The generated VitePress source folder: path (relative, with `/`) → content. */
export type SitePlan = Map<string, string>

export { releaseDataOf } from './releaseFilesOf.ts'

/**
 * Plans every generated file of the site from the records: one page per release with its data
 * and its body (two JSON files: `releaseFilesOf`), then Home, Metrics, Open items, the component
 * pages, their data, the feed, the calendar and the text local search indexes (`planAggregates`).
 * Pure: the caller writes the plan (`writeSite`). Pages are written entirely by shiplog; record
 * text only reaches them as JSON data (rendered escaped by Vue, or, for a release's body,
 * sanitized HTML shown with `v-html`: `recordBodyDataOf`), and, escaped by `escapeHtml`, as
 * frontmatter, search text and site settings (the three ways text reaches VitePress itself).
 */
export function planSite(records: readonly SiteRecord[], options: PlanSiteOptions): SitePlan {
  const plan: SitePlan = new Map()
  const routes = releaseRoutes(records.map((r) => r.record.file), routedFolders(options))
  const pages = records.map((siteRecord) => {
    const { record, bodyHtml } = siteRecord
    const release = releaseOptionsOf(record, routes.get(record.file) ?? record.file, options)
    const key = releaseFilesKey(release)
    const known = options.memo?.get(siteRecord)
    if (known !== undefined && known.key === key) {
      for (const [path, content] of known.files) plan.set(path, content)
      return known.page
    }
    const { files, page } = releaseFilesOf(ownRecord(record, release), bodyHtml, release)
    for (const [path, content] of files) plan.set(path, content)
    options.memo?.set(siteRecord, { key, files, page })
    return page
  })
  for (const [path, content] of planAggregates(records.map((r) => aggregateReadingOf(r.record)), pages, options)) plan.set(path, content)
  return plan
}

/**
 * How a record's release files are planned: its route id, the repository its links point into
 * (over several repositories, its own), the display time zone and its last commit.
 */
export function releaseOptionsOf(
  record: { file: string; repository?: string | undefined },
  id: string,
  options: Pick<PlanSiteOptions, 'repo' | 'repositories' | 'timeZone' | 'lastUpdated'>,
): ReleaseFilesOptions {
  const repository = options.repositories === undefined ? null : (record.repository ?? null)
  return {
    id,
    repo: repository === null ? options.repo : (options.repositories?.get(repository)?.repo ?? null),
    timeZone: options.timeZone ?? null,
    lastUpdated: options.lastUpdated?.get(record.file) ?? null,
    repository,
  }
}

/** The record as its release files show it: over several repositories, named by its path in its own repository. */
export function ownRecord(record: ReleaseRecord, release: ReleaseFilesOptions): ReleaseRecord {
  return release.repository === null ? record : { ...record, file: record.file.slice(release.repository.length + 1) }
}

/** The releases folder route ids are relative to: one, or one per repository (`releaseRoutes`). */
export function routedFolders(options: Pick<PlanSiteOptions, 'releasesDir' | 'repositories'>): string | ReadonlyMap<string, string> {
  const repositories = options.repositories
  return repositories === undefined ? options.releasesDir : new Map([...repositories].map(([name, r]) => [name, r.releasesDir]))
}

/**
 * The site's files that are not one release's: Home, Metrics (with its figures' CSV files), Open
 * items, the component pages with their data and search text, the Atom feed, the calendar, the
 * 404 page's data and the site's settings, from each record's reading (`aggregateReadingOf`) and
 * page (`releaseFilesOf`), in the same order: never the records themselves.
 */
export function planAggregates(readings: readonly AggregateReading[], pages: readonly ReleasePage[], options: PlanSiteOptions): SitePlan {
  const plan: SitePlan = new Map()
  const json = (path: string, data: unknown): void => {
    plan.set(path, `${JSON.stringify(data)}\n`)
  }
  // By route id: a file's path may be the same in two repositories, its id is not.
  const byId = new Map(pages.map((page, index) => [page.summary.id, readings[index] as AggregateReading]))
  const measure = (list: readonly AggregateReading[], component?: string): { week: MetricsResult; month: MetricsResult } => {
    const base = {
      ...(component === undefined ? {} : { component }),
      ...(options.benchmark === undefined ? {} : { benchmark: options.benchmark }),
      ...(options.dailyDeployDays === undefined ? {} : { dailyDeployDays: options.dailyDeployDays }),
      ...(options.targets === undefined ? {} : { targets: options.targets }),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    }
    const settings = readMetricsOptions(base)
    // Each record as `readForMetrics` reads it for this component (the readings are for every one).
    const filter = settings.component
    return metricsByWeekAndMonth(
      list.map((reading) => (filter === null ? reading.metrics : readingForComponent(reading.metrics, reading.component, filter))),
      settings,
    )
  }
  const all = measure(readings)
  const index = pageIndexOf(pages)
  const wide = { layout: 'page', pageClass: 'shiplog-wide-page', ...PAGE_DEFAULTS }

  json('data/home.json', homePageOf(options.settings.title, pages, all))
  plan.set(
    'index.md',
    pageSource({
      frontmatter: { title: options.settings.title, titleTemplate: false, ...wide },
      imports: { home: './data/home.json' },
      markup: '<ShiplogHome :home="home" />',
    }),
  )

  // Every record behind each figure: the page lists the most recent, the figure's CSV every one.
  const evidence = new Map(FIGURES.map((info) => [info.key, figureEvidenceOf(all.week, info, index)] as const))
  json('data/metrics.json', metricsPageOf(all, index, { evidence }))
  const links = { siteUrl: options.siteUrl ?? null, base: options.settings.base }
  for (const info of FIGURES) plan.set(`public/${evidenceCsvPath(info.anchor)}`, evidenceCsvOf(evidence.get(info.key) ?? [], info.evidenceLabel, links))
  plan.set(
    'metrics.md',
    pageSource({
      frontmatter: { title: 'Metrics', ...wide },
      imports: { metrics: './data/metrics.json' },
      markup: '<ShiplogMetrics :metrics="metrics" />',
    }),
  )

  json('data/open-items.json', openItemsPageOf(pages))
  plan.set(
    'open-items.md',
    pageSource({
      frontmatter: { title: 'Open items', ...wide },
      imports: { open: './data/open-items.json' },
      markup: '<ShiplogOpenItems :open="open" />',
    }),
  )

  const groups = groupByComponent(pages)
  const componentIds = componentRoutes([...groups.keys()])
  const hrefOf = (name: string): string => componentHref(componentIds.get(name) ?? name)
  json('data/components.json', componentsPageOf(groups, hrefOf))
  plan.set(
    'components/index.md',
    pageSource({
      frontmatter: { title: 'Components', ...wide },
      imports: { components: '../data/components.json' },
      markup: '<ShiplogComponents :components="components" />',
    }),
  )
  for (const [name, componentPages] of groups) {
    const id = componentIds.get(name) ?? name
    const own = componentPages.flatMap((p) => byId.get(p.summary.id) ?? [])
    const component = componentPages[0]?.summary.component ?? name
    const page = componentPageOf(name, componentPages, measure(own, component))
    json(`data/components/${id}.json`, page)
    plan.set(`data/search/components/${id}.txt`, componentSearchHtml(page))
    plan.set(
      `components/${id}.md`,
      pageSource({
        frontmatter: { title: name, description: `Releases and figures of ${name}`, ...wide },
        imports: { component: `../data/components/${id}.json` },
        markup: '<ShiplogComponent :component="component" />',
      }),
    )
  }

  // The Atom feed and the calendar, copied by VitePress from `public/` to the site's root.
  const feed: FeedOptions = {
    title: options.settings.title,
    siteUrl: options.siteUrl ?? null,
    // Routed as the pages are: over several repositories, each by its own releases folder.
    releasesDir: routedFolders(options),
    revisions: options.revisions ?? new Map([...(options.lastUpdated ?? [])].map(([file, lastUpdated]) => [file, { commits: 0, lastUpdated }])),
    timeZone: options.timeZone ?? null,
  }
  const releases = feedReleasesOf(
    readings.map((reading) => reading.feed),
    feed,
  )
  plan.set(`public/${FEED_FILE}`, atomFeedFrom(releases, feed))
  plan.set(`public/${CALENDAR_FILE}`, releaseCalendarFrom(releases, feed))

  json('data/not-found.json', notFoundPageOf(pages))
  json('data/site.json', siteDataOf(options.settings))
  return plan
}

/** The 404 page's data: the `NOT_FOUND_LATEST` most recent releases (newest deploy, else scheduled, first). */
export function notFoundPageOf(pages: readonly ReleasePage[]): NotFoundPage {
  return { latest: sortReleases(pages.map((page) => page.summary)).slice(0, NOT_FOUND_LATEST) }
}
