import { releaseHref, releaseRoutes } from '../site/releaseRoutes.ts'
import type { FeedReading } from './feedReadingOf.ts'
import { committedOf } from './recordUpdatedOf.ts'
import type { FeedOptions, FeedRelease } from './types.ts'
import { uuidOf } from './uuidOf.ts'

/**
 * The releases the feed and the calendar speak of, from each record's reading (`feedReadingOf`):
 * every record with a component, a version and an environment (its identity, `releaseKey`: the
 * same one `duplicate-release` compares), in file order. A record without one of them has no stable identity and is left out (`check` reports it);
 * of two files for the same release (a `duplicate-release` error) only the first by path is kept,
 * so no id is ever given twice. Over several repositories a release is one repository's: the same
 * component, version and environment in two repositories are two releases, with two ids.
 */
export function feedReleasesOf(readings: readonly FeedReading[], options: FeedOptions): FeedRelease[] {
  const routes = releaseRoutes(
    readings.map((reading) => reading.file),
    options.releasesDir,
  )
  const seen = new Set<string>()
  const releases: FeedRelease[] = []
  for (const reading of [...readings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const { release, repository } = reading
    const key = release === null || repository === undefined ? release : `${repository}\u0000${release}`
    if (key === null || seen.has(key)) continue
    seen.add(key)
    const revision = options.revisions?.get(reading.file)
    const route = routes.get(reading.file)
    releases.push({
      key,
      uuid: uuidOf(key),
      component: reading.component,
      version: reading.version,
      environment: reading.environment,
      name: reading.name,
      status: reading.status,
      statusText: reading.statusText,
      owner: reading.owner,
      scheduled: reading.scheduled,
      end: reading.end,
      updated: committedOf(revision) ?? reading.datesUpdated,
      commits: revision?.commits ?? 0,
      url: options.siteUrl === null || route === undefined ? null : new URL(releaseHref(route).slice(1), options.siteUrl).href,
    })
  }
  return releases
}
