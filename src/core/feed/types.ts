import type { FeedReading } from './feedReadingOf.ts'

/** A record file's history in git: how many commits changed it and when the newest did (`readRevisions`). */
export interface RecordRevision {
  /** Commits that changed the file under its current path (renames are not followed). */
  commits: number
  /** The committer date of the newest of them, as git wrote it (`2026-03-05T09:30:00-05:00`). */
  lastUpdated: string
}

/** What the Atom feed and the calendar are made from, besides the records. */
export interface FeedOptions {
  /** The site's title (config `site.title`): the feed's and the calendar's name. */
  title: string
  /** The address the site is published at, ending in `/` (config `site.url`); null: no links. */
  siteUrl: string | null
  /**
   * The releases folder relative to the project root (release pages are routed by their path in
   * it), or, for a site over several repositories, each repository's releases folder by its
   * label, as the site routes its pages (`releaseRoutes`).
   */
  releasesDir: string | ReadonlyMap<string, string>
  /** Each record file's history in git, by path relative to the project root; absent or missing: none. */
  revisions?: ReadonlyMap<string, RecordRevision>
  /** The configured display timezone (IANA name); null or absent: dates in the offset they were written with. */
  timeZone?: string | null
}

/** One release as the feed and the calendar see it: what was read of its record (`FeedReading`), and where it stands in git and on the site. */
export interface FeedRelease extends Pick<FeedReading, 'component' | 'version' | 'environment' | 'name' | 'status' | 'statusText' | 'owner' | 'scheduled' | 'end'> {
  /**
   * Component, version and environment as one key (`releaseKey`): the release's identity; in a
   * site over several repositories, preceded by the record's repository, whose releases are its own.
   */
  key: string
  /** A UUID derived from `key` alone, stable across builds, machines and file moves. */
  uuid: string
  /** When the record last changed: its newest commit, else the newest date it holds; null when it has none. */
  updated: Date | null
  /** Commits that changed the record (0 without git, or before its first commit). */
  commits: number
  /** The absolute address of the release's page, or null without `siteUrl`. */
  url: string | null
}
