import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { calendarStatusOf } from '../../src/core/feed/calendarStatusOf.ts'
import { releaseCalendar, releaseCalendarOf } from '../../src/core/feed/releaseCalendarOf.ts'
import { feedReadingOf } from '../../src/core/feed/feedReadingOf.ts'
import { feedReleasesOf } from '../../src/core/feed/feedReleasesOf.ts'
import { STATUSES } from '../../src/core/lifecycle/statuses.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { deployment, HOSTILE, hostileRelease, stageGate } from './fixtures.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const base = (version: string, status: string, extra: string[] = []): string[] => [
  'release: Checkout',
  `version: "${version}"`,
  'component: payments-api',
  'environment: production',
  `status: ${status}`,
  'owner: Marta',
  ...extra,
]

// Scheduled 21:00 at +01:00 (20:00 UTC); the timeline's last End is 21:41 at +01:00 (20:41 UTC).
const TIMED = deployment('releases/payments-api/2.5.0.md', [...base('2.5.0', 'approved', ['scheduled: "2026-10-28T21:00:00+01:00"', 'updated: "2026-10-16"'])], [
  '| Pre-deployment checks | 21:00 | 21:12 | 12m | Done | |',
  '| Database migration | 21:12 | 21:41 | 29m | Done | |',
])
// stage-gate expects Deployment Execution to take 1-4 hours: the window is 4 hours.
const STAGED = stageGate('releases/portal/1.2.0.md', [
  'release: Portal',
  'version: "1.2.0"',
  'component: portal',
  'environment: staging',
  'status: in-progress',
  'owner: Ana',
  'scheduled: "2026-03-02T09:00:00Z"',
])
// No timeline times, no stage plans: the default hour.
const BARE = deployment('releases/payments-api/2.4.9.md', base('2.4.9', 'cancelled', ['scheduled: "2026-10-01T08:30:00-04:00"']))
// No `scheduled`: no event.
const UNSCHEDULED = deployment('releases/payments-api/2.6.0.md', base('2.6.0', 'planned'))

interface Event {
  uid: string
  sequence: number
  status: string
  start: string
  end: string
  stamp: string
  summary: string
  description: string
  url: string | null
}

/** Reads a calendar with ical.js (an independent RFC 5545 parser), events by summary. */
function parse(text: string): Map<string, Event> {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = new Map<string, Event>()
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const value = (name: string): string => String(vevent.getFirstPropertyValue(name))
    const summary = value('summary')
    events.set(summary, {
      uid: value('uid'),
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      status: value('status'),
      start: value('dtstart'),
      end: value('dtend'),
      stamp: value('dtstamp'),
      summary,
      description: value('description'),
      url: vevent.hasProperty('url') ? value('url') : null,
    })
  }
  return events
}

const OPTIONS = { title: 'Acme releases', siteUrl: null, releasesDir: 'releases' }

describe('releaseCalendarOf', () => {
  it('gives one event per scheduled release, windows from the timeline, the template or the default hour', () => {
    const events = parse(releaseCalendarOf([TIMED, STAGED, BARE, UNSCHEDULED], OPTIONS))
    expect([...events.keys()]).toEqual(['portal 1.2.0 to staging', 'payments-api 2.4.9 to production', 'payments-api 2.5.0 to production'])
    expect(events.get('payments-api 2.5.0 to production')).toMatchObject({ start: '2026-10-28T20:00:00Z', end: '2026-10-28T20:41:00Z', status: 'TENTATIVE' })
    expect(events.get('portal 1.2.0 to staging')).toMatchObject({ start: '2026-03-02T09:00:00Z', end: '2026-03-02T13:00:00Z', status: 'CONFIRMED' })
    // 08:30 at -04:00 is 12:30 UTC.
    expect(events.get('payments-api 2.4.9 to production')).toMatchObject({ start: '2026-10-01T12:30:00Z', end: '2026-10-01T13:30:00Z', status: 'CANCELLED' })
  })

  it('maps every lifecycle status to TENTATIVE, CONFIRMED or CANCELLED', () => {
    expect(Object.fromEntries(STATUSES.map((status) => [status, calendarStatusOf(status)]))).toEqual({
      planned: 'TENTATIVE',
      approved: 'TENTATIVE',
      'in-progress': 'CONFIRMED',
      deployed: 'CONFIRMED',
      verified: 'CONFIRMED',
      closed: 'CONFIRMED',
      'rolled-back': 'CONFIRMED',
      failed: 'CONFIRMED',
      cancelled: 'CANCELLED',
    })
    expect(calendarStatusOf(null)).toBe('TENTATIVE')
  })

  it('keeps a UID from component, version and environment: the same across builds and file moves, another for another environment', () => {
    const first = parse(releaseCalendarOf([TIMED], OPTIONS)).get('payments-api 2.5.0 to production')?.uid
    const again = parse(releaseCalendarOf([TIMED, BARE], OPTIONS)).get('payments-api 2.5.0 to production')?.uid
    const moved = deployment('releases/archive/2025/checkout.md', [...base('v2.5.0', 'deployed', ['scheduled: "2026-10-28T22:00:00+01:00"'])])
    const movedUid = parse(releaseCalendarOf([moved], OPTIONS)).get('payments-api v2.5.0 to production')?.uid
    const staging = deployment('releases/payments-api/2.5.0-staging.md', [
      ...base('2.5.0', 'approved', ['scheduled: "2026-10-28T21:00:00+01:00"']).map((line) => line.replace('production', 'staging')),
    ])
    const stagingUid = parse(releaseCalendarOf([staging], OPTIONS)).get('payments-api 2.5.0 to staging')?.uid
    expect(first).toMatch(UUID)
    expect(again).toBe(first)
    // `v2.5.0` is the same version as `2.5.0` (semver), as `duplicate-release` compares them.
    expect(movedUid).toBe(first)
    expect(stagingUid).toMatch(UUID)
    expect(stagingUid).not.toBe(first)
  })

  it('numbers the SEQUENCE by the commits that changed the record and stamps it with the last one; 0 and the record’s own date without git', () => {
    const withGit = parse(
      releaseCalendarOf([TIMED], { ...OPTIONS, revisions: new Map([['releases/payments-api/2.5.0.md', { commits: 3, lastUpdated: '2026-10-20T08:00:00+02:00' }]]) }),
    ).get('payments-api 2.5.0 to production')
    expect(withGit).toMatchObject({ sequence: 3, stamp: '2026-10-20T06:00:00Z' })
    const without = parse(releaseCalendarOf([TIMED], OPTIONS)).get('payments-api 2.5.0 to production')
    // `updated: 2026-10-16`, a date, read as 00:00 UTC.
    expect(without).toMatchObject({ sequence: 0, stamp: '2026-10-16T00:00:00Z' })
  })

  it('links each event to its page only when the site has an address', () => {
    const linked = parse(releaseCalendarOf([TIMED], { ...OPTIONS, siteUrl: 'https://acme.example/rel/' })).get('payments-api 2.5.0 to production')
    expect(linked?.url).toBe('https://acme.example/rel/releases/payments-api/2.5.0.html')
    expect(parse(releaseCalendarOf([TIMED], OPTIONS)).get('payments-api 2.5.0 to production')?.url).toBeNull()
  })

  it('escapes and folds hostile record text so that a parser reads it back exactly', () => {
    const hostile = hostileRelease('"api; a, b"', '"O\'Neil,\\x07 \\"Ops\\"; team"')
    const text = releaseCalendarOf([hostile] as ReleaseRecord[], OPTIONS)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    const event = parse(text).get('api; a, b 1.0.0 to production')
    expect(event?.description).toBe(
      [`Release: ${HOSTILE}`, 'Status: planned', 'Environment: production', 'Scheduled: 2026-10-28 21:00 +01:00', 'Owner: O\'Neil, "Ops"; team'].join('\n'),
    )
  })

  it('writes the calendar ical-generator writes, byte for byte', () => {
    const hostile = hostileRelease('"paiements-été 😀"', 'Zoë Ångström')
    const records = [TIMED, STAGED, BARE, UNSCHEDULED, hostile] as ReleaseRecord[]
    const options = { ...OPTIONS, title: 'Releases of Åre 😀', siteUrl: 'https://acme.example/rel/' }
    const text = releaseCalendarOf(records, options)
    expect(text).toBe(releaseCalendar(feedReleasesOf(records.map(feedReadingOf), options), options).toString())
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(4)
    expect(text.endsWith('END:VEVENT\r\nEND:VCALENDAR')).toBe(true)
  })
})
