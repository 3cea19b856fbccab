import ical, { ICalEventStatus, type ICalCalendar, type ICalCalendarData } from 'ical-generator'
import type { ReleaseRecord } from '../record/types.ts'
import { calendarStatusOf } from './calendarStatusOf.ts'
import { feedReadingOf } from './feedReadingOf.ts'
import { feedReleasesOf } from './feedReleasesOf.ts'
import { foldIcsLines } from './foldIcsLines.ts'
import { plainText } from './plainText.ts'
import { releaseLinesOf } from './releaseLinesOf.ts'
import type { FeedOptions, FeedRelease } from './types.ts'

/** The calendar's file in the built site, beside the home page. */
export const CALENDAR_FILE = 'releases.ics'

const STATUS = { TENTATIVE: ICalEventStatus.TENTATIVE, CONFIRMED: ICalEventStatus.CONFIRMED, CANCELLED: ICalEventStatus.CANCELLED }

/**
 * The releases' calendar (iCalendar, RFC 5545; docs/communication.md, "Feed and calendar"): one
 * VEVENT per release with a readable `scheduled`, its deployment window. UID: a UUID of the
 * release's identity (component, version, environment), the same across builds and file moves, so
 * a subscribed calendar updates the event instead of adding another. SEQUENCE: the number of
 * commits that changed the record (0 without git), so it grows with every committed change.
 * DTSTART: `scheduled`, in UTC; DTEND: `eventEndOf`; STATUS: `calendarStatusOf`; DTSTAMP and
 * LAST-MODIFIED: when the record last changed (`recordUpdatedOf`, else `scheduled`), so the same
 * records give the same bytes. SUMMARY, DESCRIPTION and URL (with `siteUrl` only) are escaped by
 * ical-generator and folded at 75 octets. Events in start order.
 */
export function releaseCalendarOf(records: readonly ReleaseRecord[], options: FeedOptions): string {
  return releaseCalendarFrom(feedReleasesOf(records.map(feedReadingOf), options), options)
}

/** `releaseCalendarOf` from the releases read of the records (`feedReleasesOf`): the site reads them once for the feed and the calendar. */
export function releaseCalendarFrom(releases: readonly FeedRelease[], options: FeedOptions): string {
  const calendar = releaseCalendar(releases, options)
  // What `calendar.toString()` gives, folded in one pass (`foldIcsLines`): ical-generator 10 folds
  // at ~0.3 ms per event (2.4 s for 5,000 releases, on every save in `shiplog dev`); 11, which is
  // faster (sebbo2002/ical-generator#765), needs Node 22. The calendar's own lines (no time zone
  // generator, no custom attributes) do not depend on its events.
  const empty = ical(calendarData(options)).toString()
  const end = 'END:VCALENDAR'
  if (!empty.endsWith(end)) return calendar.toString()
  return `${empty.slice(0, -end.length)}${foldIcsLines(calendar.events().map((event) => event.toString()).join(''))}${end}`
}

/** The releases' calendar (`releaseCalendarOf`) as ical-generator's object, before it is written out. */
export function releaseCalendar(all: readonly FeedRelease[], options: FeedOptions): ICalCalendar {
  const calendar = ical(calendarData(options))
  const releases = all
    // (`end` is there whenever `scheduled` is: `feedReadingOf`.)
    .filter((release): release is FeedRelease & { scheduled: NonNullable<FeedRelease['scheduled']>; end: Date } => release.scheduled !== null && release.end !== null)
    .sort((a, b) => a.scheduled.date.getTime() - b.scheduled.date.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  for (const release of releases) {
    const start = release.scheduled.date
    const changed = release.updated ?? start
    calendar.createEvent({
      id: release.uuid,
      sequence: release.commits,
      stamp: changed,
      lastModified: changed,
      start,
      end: release.end,
      status: STATUS[calendarStatusOf(release.status)],
      summary: eventSummaryOf(release),
      description: releaseLinesOf(release, options.timeZone ?? null).join('\n'),
      ...(release.url === null ? {} : { url: release.url }),
    })
  }
  return calendar
}

/** `payments-api 2.5.0 to production`. */
export function eventSummaryOf(release: FeedRelease): string {
  return plainText(`${release.component} ${release.version} to ${release.environment}`)
}

function calendarData(options: FeedOptions): ICalCalendarData {
  return { name: plainText(options.title), prodId: { company: 'shiplog', product: 'releases', language: 'EN' } }
}
