import { describe, expect, it } from 'vitest'
import { readIssues } from '../../src/core/metrics/readIssues.ts'
import { record } from './loadRecords.ts'

describe('readIssues', () => {
  it('should read severity, failure and Duration of each filled row', () => {
    const reading = readIssues(
      record({
        frontmatter: 'owner: "Ana"',
        issues: [
          '| 14:50 | Checkout 502s | Sev2 | Payments | Rolled forward | 1h 30m |',
          '| 15:00 | Log noise | low | None | Lowered level | 2h |',
          '| {{issue_time_2}} | {{issue_2}} | {{severity_2}} | {{impact_2}} | {{resolution_2}} | {{duration_2}} |',
        ],
      }),
    )
    expect(reading.rows.map((row) => [row.issue, row.severity, row.failure, row.durationMinutes])).toEqual([
      ['Checkout 502s', 'Sev2', true, 90], // 1h 30m = 90 min
      ['Log noise', 'low', false, 120],
    ])
  })

  it('should report an unreadable Duration', () => {
    const reading = readIssues(record({ frontmatter: 'owner: "Ana"', issues: ['| 14:50 | Outage | P1 | All | Fixed | a while |'] }))
    expect(reading.rows[0]).toMatchObject({ failure: true, durationMinutes: null })
    expect(reading.problems.map((problem) => [problem.ruleId, problem.message])).toEqual([
      ['unreadable-duration', 'Unexpected Duration `a while` in Issues Encountered, expected `45m`, `1h 30m`, `PT1H30M` or `01:30`'],
    ])
  })

  it('should read each Time like a timeline cell (null when unreadable)', () => {
    const reading = readIssues(
      record({
        frontmatter: 'scheduled: "2026-03-04T23:00:00+10:00"',
        issues: [
          '| 23:50 | A | low | x | y | |',
          '| 00:10 | B | sev1 | x | y | |', // before 23:50: the next day
          '| 2026-03-05T02:00:00Z | C | low | x | y | |',
          '| soon | D | low | x | y | |',
        ],
      }),
    )
    // 23:50 +10:00 on 03-04 = 13:50Z; 00:10 +10:00 on 03-05 = 14:10Z
    expect(reading.rows.map((row) => row.time?.toISOString() ?? null)).toEqual([
      '2026-03-04T13:50:00.000Z',
      '2026-03-04T14:10:00.000Z',
      '2026-03-05T02:00:00.000Z',
      null,
    ])
    // `soon` is reported by check's table-cell rule, not twice here
    expect(reading.problems).toEqual([])
  })
})
