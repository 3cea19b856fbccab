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
})
