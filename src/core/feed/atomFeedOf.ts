import { Feed, type Item } from 'feed'
import type { ReleaseRecord } from '../record/types.ts'
import { escapeHtml } from '../site/escapeHtml.ts'
import { feedReadingOf } from './feedReadingOf.ts'
import { feedReleasesOf } from './feedReleasesOf.ts'
import { plainText } from './plainText.ts'
import { releaseLinesOf } from './releaseLinesOf.ts'
import type { FeedOptions, FeedRelease } from './types.ts'
import { uuidOf } from './uuidOf.ts'

/** How many entries the feed holds: the most recently changed releases. */
export const FEED_ENTRIES = 50

/** The feed's file in the built site, beside the home page. */
export const FEED_FILE = 'feed.xml'

/**
 * The site's Atom feed (RFC 4287) of releases as they change status (docs/communication.md, "Feed
 * and calendar"). An entry is one release *in one status*: its id, `urn:uuid:` of the release's
 * identity (component, version, environment) and its status, stays the same across builds while the
 * status does, and is new when the status changes, so a feed reader shows the change as a new
 * entry; edits within a status move its `updated`. `updated` is when the record last changed (its
 * newest commit, else the newest date it holds: `recordUpdatedOf`); entries newest first, at most
 * `FEED_ENTRIES`. The feed's own `updated` is its newest entry's, so the same records give the same
 * bytes. Links to the release pages are absolute and only there with `siteUrl`; every entry carries
 * its text as content, which Atom accepts in place of a link. Record text is escaped as HTML before
 * the feed library wraps it (`type="html"`), so a reader shows it as text and never runs it.
 */
export function atomFeedOf(records: readonly ReleaseRecord[], options: FeedOptions): string {
  return atomFeedFrom(feedReleasesOf(records.map(feedReadingOf), options), options)
}

/** `atomFeedOf` from the releases read of the records (`feedReleasesOf`): the site reads them once for the feed and the calendar. */
export function atomFeedFrom(all: readonly FeedRelease[], options: FeedOptions): string {
  const releases = all
    .filter((release): release is FeedRelease & { updated: Date } => release.updated !== null)
    .sort((a, b) => b.updated.getTime() - a.updated.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, FEED_ENTRIES)
  const title = plainText(options.title)
  const feed = new Feed({
    id: `urn:uuid:${uuidOf(`shiplog feed\u0000${options.title}`)}`,
    title,
    updated: releases[0]?.updated ?? new Date(0),
    generator: 'shiplog',
    author: { name: title },
    ...(options.siteUrl === null ? {} : { link: options.siteUrl, feed: new URL(FEED_FILE, options.siteUrl).href }),
  })
  for (const release of releases) {
    const lines = releaseLinesOf(release, options.timeZone ?? null)
    // The library's type asks for a link; without an address there is none (its empty element is removed below).
    feed.addItem({
      id: `urn:uuid:${uuidOf(`${release.key}\u0000${release.statusText}`)}`,
      title: escapeHtml(plainText(entryTitleOf(release))),
      ...(release.url === null ? {} : { link: release.url }),
      date: release.updated,
      description: escapeHtml(lines.join(' · ')),
      content: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''),
      ...(release.owner === null ? {} : { author: [{ name: plainText(release.owner) }] }),
    } as Item)
  }
  const xml = feed.atom1()
  // An item without a link leaves an empty `<link/>` (no href): not Atom, so it goes.
  return `${options.siteUrl === null ? xml.replace(/^[ \t]*<link\/>\n/gm, '') : xml}\n`
}

/** `payments-api 2.5.0 (production): deployed`. */
export function entryTitleOf(release: FeedRelease): string {
  return `${release.component} ${release.version} (${release.environment}): ${release.statusText}`
}
