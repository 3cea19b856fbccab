import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/index.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import { formatStatusReport } from '../../src/core/status/formatStatusReport.ts'

// Rows on lines 11–15: Ana's first item is done, her second open and past due on 2026-04-01,
// Bo's open and due later, the fourth open with no owner and no due date; line 14 is a blank template row.
const TEXT = [
  '---',
  'version: "2.0.0"',
  'status: closed',
  '---',
  '## Retrospective & Improvements',
  '',
  '### Action Items',
  '',
  '| Action | Owner | Due Date | Priority | Status |',
  '|--------|-------|----------|----------|--------|',
  '| Tune the alerts | Ana Ruiz | 2026-03-01 | low | Done |',
  '| Add canary alerts | Ana Ruiz | 2026-03-10 | high | in progress |',
  '| Automate the rollback | Bo Chen | 2026-04-15 | medium | |',
  '| {{action_4}} | {{owner_4}} | {{due_4}} | {{priority_4}} | {{action_status_4}} |',
  '| Write the runbook | | TBD | | |',
  '',
].join('\n')

const progress = (today?: string) => computeProgress(parseRecord(TEXT, { file: 'releases/2.0.0.md' }), today === undefined ? {} : { today })

// The record has no checklist, so no stage widens the label column: labels are followed by two spaces.
describe('action items in status', () => {
  it('should list every action item for status --json, with open and overdue on the today given', () => {
    expect(progress('2026-04-01').actionItems).toEqual([
      { action: 'Tune the alerts', owner: 'Ana Ruiz', due: '2026-03-01', priority: 'low', status: 'Done', open: false, overdue: false, line: 11 },
      { action: 'Add canary alerts', owner: 'Ana Ruiz', due: '2026-03-10', priority: 'high', status: 'in progress', open: true, overdue: true, line: 12 },
      { action: 'Automate the rollback', owner: 'Bo Chen', due: '2026-04-15', priority: 'medium', status: null, open: true, overdue: false, line: 13 },
      { action: 'Write the runbook', owner: null, due: null, priority: null, status: null, open: true, overdue: false, line: 15 },
    ])
    expect(progress().actionItems.map((item) => item.overdue)).toEqual([false, false, false, false])
  })

  it('should print the open items per owner in one line, with the overdue ones', () => {
    const text = formatStatusReport([progress('2026-04-01')], { color: false, bars: false })
    expect(text.split('\n').filter((line) => line.includes('action items'))).toEqual(['  Open action items  Ana Ruiz 1 (1 overdue), Bo Chen 1, no owner 1'])
  })

  it('should say none are open when every item is done, and print no line for a record without action items', () => {
    const done = progress('2026-04-01')
    done.actionItems = done.actionItems.map((item) => ({ ...item, open: false, overdue: false }))
    expect(formatStatusReport([done], { color: false, bars: false })).toContain('  Open action items  none of 4\n')
    const none = computeProgress(parseRecord('---\nversion: "1.0.0"\nstatus: planned\n---\n## Stage\n\n- [ ] item\n', { file: 'releases/1.0.0.md' }))
    expect(formatStatusReport([none], { color: false, bars: false })).not.toContain('action items')
  })
})
