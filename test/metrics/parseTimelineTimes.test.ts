import { describe, expect, it } from 'vitest'
import { readDateTime } from '../../src/core/record/dateTime.ts'
import { parseTimelineTimes } from '../../src/core/metrics/parseTimelineTimes.ts'

const iso = (cells: ReturnType<typeof parseTimelineTimes>): Array<string | null> => cells.map((cell) => cell.date?.toISOString() ?? null)

describe('parseTimelineTimes', () => {
  it('should place `HH:MM` on the date and offset of `scheduled`', () => {
    const scheduled = readDateTime('2026-03-04T14:00:00+01:00')
    // 14:00 and 14:45 at +01:00 are 13:00 and 13:45 UTC
    expect(iso(parseTimelineTimes(['14:00', '14:45'], scheduled))).toEqual(['2026-03-04T13:00:00.000Z', '2026-03-04T13:45:00.000Z'])
  })

  it('should roll a time earlier than the one before it over to the next day, in a +10:00 offset', () => {
    const scheduled = readDateTime('2026-03-04T23:00:00+10:00')
    const times = parseTimelineTimes(['23:10', '23:50', '23:55', '00:20', '00:20', '00:35'], scheduled)
    expect(iso(times)).toEqual([
      '2026-03-04T13:10:00.000Z', // 23:10 +10:00 on 03-04
      '2026-03-04T13:50:00.000Z',
      '2026-03-04T13:55:00.000Z',
      '2026-03-04T14:20:00.000Z', // 00:20 < 23:55: 00:20 on 03-05 at +10:00 = 14:20 UTC on 03-04
      '2026-03-04T14:20:00.000Z', // equal to the one before: no second rollover
      '2026-03-04T14:35:00.000Z',
    ])
  })

  it('should not compare the first time with `scheduled` itself', () => {
    const scheduled = readDateTime('2026-03-04T22:00:00Z')
    // the team started at 21:30, before the planned window: same day, no rollover
    expect(iso(parseTimelineTimes(['21:30'], scheduled))).toEqual(['2026-03-04T21:30:00.000Z'])
  })

  it('should read full date-times as written and place later `HH:MM` on their date', () => {
    const scheduled = readDateTime('2026-03-04T09:00:00Z')
    const times = parseTimelineTimes(['2026-03-06T23:30:00Z', '00:15'], scheduled)
    // 00:15 < 23:30 on 03-06 → 00:15 on 03-07
    expect(iso(times)).toEqual(['2026-03-06T23:30:00.000Z', '2026-03-07T00:15:00.000Z'])
    expect(times[0]?.form).toBe('date-time')
    expect(times[1]?.form).toBe('clock')
  })

  it('should flag a full date-time without an offset, read as UTC', () => {
    const times = parseTimelineTimes(['2026-03-04T10:00'], null)
    expect(times[0]?.date?.toISOString()).toBe('2026-03-04T10:00:00.000Z')
    expect(times[0]?.noOffset).toBe(true)
  })

  it('should leave blank cells null without a problem, and report unreadable ones', () => {
    const scheduled = readDateTime('2026-03-04T09:00:00Z')
    const times = parseTimelineTimes(['', '{{app_start}}', '—', 'noonish', '25:00', '2026-03-04'], scheduled)
    expect(times.map((time) => time.problem)).toEqual([null, null, null, 'unreadable', 'unreadable', 'unreadable'])
    expect(times.every((time) => time.date === null)).toBe(true)
  })

  it('should report `HH:MM` with no date to place it on', () => {
    const times = parseTimelineTimes(['10:00', '2026-03-04T11:00:00+02:00', '11:30'], null)
    expect(times[0]?.problem).toBe('no-reference')
    // after a full date-time, its date and offset place the next HH:MM: 11:30 +02:00 = 09:30 UTC
    expect(times[2]?.date?.toISOString()).toBe('2026-03-04T09:30:00.000Z')
  })
})
