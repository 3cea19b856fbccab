import { releaseKey } from '../check/rules/duplicate-release.ts'
import { readScheduled } from '../metrics/readScheduled.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { recordField } from '../site/recordField.ts'
import { releaseHref, releaseRoutes } from '../site/releaseRoutes.ts'
import { recordUpdatedOf } from './recordUpdatedOf.ts'
import type { FeedOptions, FeedRelease } from './types.ts'
import { uuidOf } from './uuidOf.ts'

/**
 * The releases the feed and the calendar speak of: every record with a component, a version and an
 * environment (its identity, `releaseKey`: the same one `duplicate-release` compares), in file
 * order. A record without one of them has no stable identity and is left out (`check` reports it);
 * of two files for the same release (a `duplicate-release` error) only the first by path is kept,
 * so no id is ever given twice. Over several repositories a release is one repository's: the same
 * component, version and environment in two repositories are two releases, with two ids.
 */
export function feedReleasesOf(records: readonly ReleaseRecord[], options: FeedOptions): FeedRelease[] {
  const routes = releaseRoutes(
    records.map((record) => record.file),
    options.releasesDir,
  )
  const seen = new Set<string>()
  const releases: FeedRelease[] = []
  for (const record of [...records].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const release = releaseKey(record)
    const key = release === null || record.repository === undefined ? release : `${record.repository}\u0000${release}`
    if (key === null || seen.has(key)) continue
    seen.add(key)
    const revision = options.revisions?.get(record.file)
    const route = routes.get(record.file)
    releases.push({
      record,
      key,
      uuid: uuidOf(key),
      component: recordField(record, 'component') ?? '',
      version: recordField(record, 'version') ?? '',
      environment: recordField(record, 'environment') ?? '',
      name: recordField(record, 'release'),
      status: record.status,
      statusText: record.status ?? recordField(record, 'status') ?? 'unknown',
      owner: recordField(record, 'owner'),
      scheduled: readScheduled(record),
      updated: recordUpdatedOf(record, revision),
      commits: revision?.commits ?? 0,
      url: options.siteUrl === null || route === undefined ? null : new URL(releaseHref(route).slice(1), options.siteUrl).href,
    })
  }
  return releases
}
