import { describe, expect, it } from 'vitest'
import { readTimeline } from '../../src/core/metrics/readTimeline.ts'
import { record } from './loadRecords.ts'
import { jsonOf, problemsOf } from '../helpers/messages.ts'

// With a one-line frontmatter (plus `template:`), the record helper puts the first timeline row
// on line 14: `---` 1, template 2, the key 3, `---` 4, blank 5, H1 6, blank 7, H2 8, blank 9,
// H3 10, blank 11, header 12, delimiter 13.
const FIRST_ROW = 14

describe('readTimeline', () => {
  it('should read Start, End and Duration of each row, and the row duration', () => {
    const reading = readTimeline(
      record({
        frontmatter: 'scheduled: "2026-03-04T14:00:00+01:00"',
        timeline: [
          '| Pre-deployment checks | 14:00 | 14:10 | 10m | Done | |',
          '| Application deployment | 14:10 | 14:55 | | Done | |',
        ],
      }),
    )
    expect(reading.problems).toEqual([])
    expect(reading.rows.map((row) => [row.line, row.phase, row.start?.toISOString(), row.end?.toISOString(), row.durationMinutes, row.minutes])).toEqual([
      [FIRST_ROW, 'Pre-deployment checks', '2026-03-04T13:00:00.000Z', '2026-03-04T13:10:00.000Z', 10, 10],
      // no Duration: End − Start = 14:55 − 14:10 = 45 min
      [FIRST_ROW + 1, 'Application deployment', '2026-03-04T13:10:00.000Z', '2026-03-04T13:55:00.000Z', null, 45],
    ])
  })

  it('should read a window crossing midnight in +10:00', () => {
    const reading = readTimeline(
      record({
        frontmatter: 'scheduled: "2026-03-04T23:00:00+10:00"',
        timeline: ['| Application deployment | 23:40 | 00:10 | | Done | |'],
      }),
    )
    const row = reading.rows[0]
    // 23:40 +10:00 = 13:40 UTC; 00:10 rolls over to 03-05 +10:00 = 14:10 UTC; 30 minutes
    expect(row?.start?.toISOString()).toBe('2026-03-04T13:40:00.000Z')
    expect(row?.end?.toISOString()).toBe('2026-03-04T14:10:00.000Z')
    expect(row?.minutes).toBe(30)
  })

  it('should prefer the Duration cell over End − Start', () => {
    const reading = readTimeline(
      record({ frontmatter: 'scheduled: "2026-03-04T10:00:00Z"', timeline: ['| Application deployment | 10:00 | 11:00 | 1h 30m | Done | |'] }),
    )
    expect(reading.rows[0]?.minutes).toBe(90)
  })

  it('should report unreadable cells with their position and the forms expected', () => {
    const reading = readTimeline(
      record({
        frontmatter: 'scheduled: "2026-03-04T10:00:00Z"',
        timeline: ['| Application deployment | ten | 11:00 | about an hour | Done | |'],
      }),
    )
    expect(reading.rows[0]).toMatchObject({ start: null, minutes: null, unreadable: true })
    expect(jsonOf(reading.problems)).toEqual([
      {
        file: 'releases/test.md',
        line: FIRST_ROW,
        column: 28, // `| Application deployment | ` is 27 characters
        rule: 'unreadable-time',
        severity: 'warning',
        message: 'Unexpected Start Time `ten` in Deployment Timeline, expected `HH:MM` or an ISO date-time like `2026-03-04T14:30+01:00`',
      },
      {
        file: 'releases/test.md',
        line: FIRST_ROW,
        column: 42, // 27 + `ten | ` (6) + `11:00 | ` (8) = 41 characters before it
        rule: 'unreadable-duration',
        severity: 'warning',
        message: 'Unexpected Duration `about an hour` in Deployment Timeline, expected `45m`, `1h 30m`, `PT1H30M` or `01:30`',
      },
    ])
  })

  it('should report an End Time before its Start Time, and a date-time without an offset', () => {
    const reading = readTimeline(
      record({
        frontmatter: 'scheduled: "2026-03-04T10:00:00Z"',
        timeline: ['| Application deployment | 2026-03-04T11:00:00Z | 2026-03-04T10:00 | | Done | |'],
      }),
    )
    expect(reading.rows[0]?.minutes).toBeNull()
    expect(reading.problems.map((problem) => problem.ruleId)).toEqual(['date-time-without-offset', 'end-before-start'])
  })

  it('should report `HH:MM` with no readable `scheduled`', () => {
    const reading = readTimeline(record({ frontmatter: 'owner: "Ana"', timeline: ['| Application deployment | 10:00 | 10:30 | | Done | |'] }))
    expect(reading.problems.map((problem) => problem.ruleId)).toEqual(['unreadable-time', 'unreadable-time'])
    expect(reading.rows[0]?.minutes).toBeNull()
  })

  it('should mark a row with nothing recorded as empty, and skip unfilled rows', () => {
    const reading = readTimeline(
      record({
        frontmatter: 'scheduled: "2026-03-04T10:00:00Z"',
        timeline: [
          '| Database migration | {{db_start}} | {{db_end}} | {{db_duration}} | {{db_status}} | {{db_notes}} |',
          '| {{phase}} | {{start}} | {{end}} | {{duration}} | {{status}} | {{notes}} |',
          '| Application deployment | - | N/A | | Skipped | |',
        ],
      }),
    )
    // the all-placeholder row is unfilled (FORMAT.md §3) and skipped: two rows remain
    expect(reading.rows.map((row) => [row.phase, row.empty])).toEqual([
      ['Database migration', true],
      ['Application deployment', true],
    ])
    expect(reading.problems).toEqual([])
  })

  it('should read nothing from a record without a timeline table', () => {
    const source = record({ frontmatter: 'owner: "Ana"' })
    expect(readTimeline({ ...source, timeline: null })).toEqual({ rows: [], problems: [] })
  })
})
