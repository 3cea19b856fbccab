import { feedReadingOf, type FeedReading } from '../feed/feedReadingOf.ts'
import { readForMetrics, type MetricsReading } from '../metrics/readForMetrics.ts'
import { readMetricsOptions } from '../metrics/readMetricsOptions.ts'
import { componentKeywordOf, type ComponentKeyword } from '../metrics/readingForComponent.ts'
import type { ReleaseRecord } from '../record/types.ts'

/**
 * What the site's pages beyond a release's own (Metrics, components, feed, calendar:
 * `planAggregates`) read of one record, never the record itself (a few KB instead of ~90 KB with
 * its body): `shiplog dev` keeps these and lets each record go once its page is written.
 */
export interface AggregateReading {
  file: string
  /** The record read for the site's figures (every component, the environment the site measures). */
  metrics: MetricsReading
  /** Whether the record is of a component, for that component's figures (`readingForComponent`). */
  component: ComponentKeyword
  /** The record read for the feed and the calendar. */
  feed: FeedReading
}

/** The environment the site's figures measure: metrics' default (production). */
const SITE_ENVIRONMENT = readMetricsOptions({}).environment

/** Reads one record for the site's aggregate pages. */
export function aggregateReadingOf(record: ReleaseRecord): AggregateReading {
  return {
    file: record.file,
    metrics: readForMetrics(record, { environment: SITE_ENVIRONMENT, component: null }),
    component: componentKeywordOf(record),
    feed: feedReadingOf(record),
  }
}
