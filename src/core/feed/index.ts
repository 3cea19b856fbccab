// The feed and the calendar: records → Atom (feed.xml) and iCalendar (releases.ics). Pure; the
// site plans them as files (planSite) and `shiplog calendar` prints the calendar.
export { atomFeedOf, atomFeedFrom, entryTitleOf, FEED_ENTRIES, FEED_FILE } from './atomFeedOf.ts'
export { releaseCalendarOf, releaseCalendarFrom, eventSummaryOf, CALENDAR_FILE } from './releaseCalendarOf.ts'
export { calendarStatusOf, type EventStatus } from './calendarStatusOf.ts'
export { eventEndOf, DEFAULT_WINDOW_MINUTES, type EventEnd } from './eventEndOf.ts'
export { feedReadingOf, type FeedReading } from './feedReadingOf.ts'
export { feedReleasesOf } from './feedReleasesOf.ts'
export { recordUpdatedOf, recordDatesUpdatedOf } from './recordUpdatedOf.ts'
export { uuidOf } from './uuidOf.ts'
export type { FeedOptions, FeedRelease, RecordRevision } from './types.ts'
