import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { templates } from './deploymentManifest.ts'

// Line 12: open and due 2026-03-10; line 13: done; line 14: open, due after today; line 15: a
// Due Date that is not a date (`| Fix the dashboards | Bo Chen | ` is 33 characters: column 34).
const record = (status: string) =>
  parseRecord(
    [
      '---',
      'template: deployment',
      `status: ${status}`,
      '---',
      '',
      '## Retrospective & Improvements',
      '',
      '### Action Items',
      '',
      '| Action | Owner | Due Date | Priority | Status |',
      '|--------|-------|----------|----------|--------|',
      '| Add canary alerts | Ana Ruiz | 2026-03-10 | high | in progress |',
      '| Tune the alerts | Ana Ruiz | 2026-03-01 | low | Done |',
      '| Automate the rollback | Bo Chen | 2026-04-15 | medium | |',
      '| Fix the dashboards | Bo Chen | after the freeze | low | |',
      '',
    ].join('\n'),
    { file: 'releases/2.0.0.md', templates },
  )

const overdue = (status: string, options: { today?: string; off?: boolean } = {}) =>
  checkRecords([record(status)], {
    manifests: templates,
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(options.off ? { settings: { 'overdue-action-item': 'off' as const } } : {}),
  }).diagnostics.filter((d) => d.ruleId === 'overdue-action-item')

describe('overdue-action-item', () => {
  it('should warn about an open action item past its due date once the record is closed, naming file, row line, owner and due date', () => {
    expect(overdue('closed', { today: '2026-04-01' }).map((d) => [d.file, d.line, d.column, d.severity, d.reason])).toEqual([
      [
        'releases/2.0.0.md',
        12,
        1,
        'warning',
        'Unexpected open action item `Add canary alerts` of `Ana Ruiz` due 2026-03-10 in a `closed` record (today is 2026-04-01), expected its Status saying done or a later due date',
      ],
      ['releases/2.0.0.md', 15, 34, 'warning', 'Unexpected Due Date `after the freeze` in Action Items, expected a date like `2026-03-04`'],
    ])
  })

  it('should not find items overdue before the record is closed, nor without a today', () => {
    for (const status of ['planned', 'deployed', 'verified', 'rolled-back']) {
      expect(overdue(status, { today: '2026-04-01' }).map((d) => d.line)).toEqual([15])
    }
    expect(overdue('closed').map((d) => d.line)).toEqual([15])
  })

  it('should report the unreadable due date at its cell at any status, and nothing when the rule is off', () => {
    const [unreadable] = overdue('planned', { today: '2026-04-01' })
    expect(unreadable).toMatchObject({ line: 15, column: 34, severity: 'warning' })
    expect(overdue('closed', { today: '2026-04-01', off: true })).toEqual([])
  })

  it('should count the days by the today given: due on today is not overdue yet', () => {
    expect(overdue('closed', { today: '2026-03-10' }).map((d) => d.line)).toEqual([15])
    expect(overdue('closed', { today: '2026-03-11' }).map((d) => d.line)).toEqual([12, 15])
  })
})
