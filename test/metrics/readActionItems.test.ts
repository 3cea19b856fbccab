import { describe, expect, it } from 'vitest'
import { readActionItems } from '../../src/core/metrics/readActionItems.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'

function record(table: string) {
  return parseRecord(`---\nstatus: closed\n---\n\n## Retrospective & Improvements\n\n### Action Items\n\n${table}`, { file: 'releases/1.0.0.md' })
}

// Lines: 1 `---` … 7 the heading, 9 the header row, 10 the separator, 11 the first row.
const TABLE = [
  '| Action | Owner | Due Date | Priority | Status |',
  '|--------|-------|----------|----------|--------|',
  '| Add canary alerts | Ana Ruiz | 2026-03-10 | high | Done |',
  '| {{action_2}} | {{owner_2}} | {{due_2}} | {{priority_2}} | {{action_status_2}} |',
  '| Automate the rollback | Bo Chen | 2026-04-15 | medium | in progress |',
  '| Write the runbook | | TBD | {{priority_4}} | {{action_status_4}} |',
  '',
].join('\n')

describe('readActionItems', () => {
  it('should read each filled row by header, leave out the unfilled template row, and give its line', () => {
    expect(readActionItems(record(TABLE), '2026-04-01')).toEqual([
      expect.objectContaining({ line: 11, action: 'Add canary alerts', owner: 'Ana Ruiz', due: '2026-03-10', priority: 'high', status: 'Done', open: false, overdue: false }),
      expect.objectContaining({ line: 13, action: 'Automate the rollback', owner: 'Bo Chen', due: '2026-04-15', priority: 'medium', status: 'in progress', open: true, overdue: false }),
      // A blank owner, `TBD` as due date and placeholders left in Priority and Status are blank: open, never overdue.
      expect.objectContaining({ line: 14, action: 'Write the runbook', owner: null, due: null, priority: null, status: null, open: true, overdue: false, unreadableDue: null }),
    ])
  })

  it('should close an item whose Status starts with a done word, in any case, and keep every other open', () => {
    const statuses = ['Done', 'CLOSED', 'complete', 'Completed 2026-03-12', 'Resolved.', 'cancelled', 'Canceled', 'n/a', 'in progress', 'Not done', 'blocked', 'Donezo', '']
    const rows = statuses.map((status, index) => `| Item ${index} | Ana | 2026-03-01 | low | ${status} |`)
    const items = readActionItems(record(['| Action | Owner | Due Date | Priority | Status |', '|---|---|---|---|---|', ...rows, ''].join('\n')), '2026-04-01')
    expect(items.map((item) => [item.status, item.open])).toEqual([
      ['Done', false],
      ['CLOSED', false],
      ['complete', false],
      ['Completed 2026-03-12', false],
      ['Resolved.', false],
      ['cancelled', false],
      ['Canceled', false],
      ['n/a', false],
      ['in progress', true],
      ['Not done', true],
      ['blocked', true],
      ['Donezo', true],
      [null, true],
    ])
  })

  it('should read a table without a Status column (records made before it), every item open', () => {
    const items = readActionItems(
      record(['| Action | Owner | Due Date | Priority |', '|---|---|---|---|', '| Add canary alerts | Ana Ruiz | 2026-03-10 | high |', ''].join('\n')),
      '2026-04-01',
    )
    expect(items).toEqual([expect.objectContaining({ action: 'Add canary alerts', owner: 'Ana Ruiz', due: '2026-03-10', status: null, open: true, overdue: true })])
  })

  it('should find an open item overdue only when its due date is before today', () => {
    const table = [
      '| Action | Owner | Due Date | Status |',
      '|---|---|---|---|',
      '| A | Ana | 2026-03-31 | |',
      '| B | Ana | 2026-04-01 | |',
      '| C | Ana | 2026-03-31T23:30:00-05:00 | |',
      '| D | Ana | 2026-01-01 | done |',
      '',
    ].join('\n')
    // C is a date-time: its date as written, 2026-03-31, is before 2026-04-01.
    expect(readActionItems(record(table), '2026-04-01').map((item) => [item.action, item.overdue])).toEqual([
      ['A', true],
      ['B', false],
      ['C', true],
      ['D', false],
    ])
    expect(readActionItems(record(table)).map((item) => item.overdue)).toEqual([false, false, false, false])
  })

  it('should mark a filled Due Date that is not a date, with its cell', () => {
    const items = readActionItems(record(['| Action | Owner | Due Date |', '|---|---|---|', '| A | Ana | next sprint |', '| B | Ana | 2026-02-30 |', ''].join('\n')), '2026-04-01')
    // `| A | Ana | ` is 12 characters: the cell's text starts in column 13.
    expect(items.map((item) => [item.due, item.overdue, item.unreadableDue && [item.unreadableDue.line, item.unreadableDue.column]])).toEqual([
      ['next sprint', false, [11, 13]],
      ['2026-02-30', false, [12, 13]],
    ])
  })

  it('should read the table the manifest names under tables.action_items, with Who, Deadline and State headers', () => {
    const manifest = parseManifest('{{!--\nshiplog:\n  description: Retro\n  tables:\n    action_items: Follow-ups\n--}}\n', 'retro').manifest
    if (!manifest) throw new Error('expected a manifest')
    const text = ['---', 'template: retro', 'status: closed', '---', '', '## Retro', '', '### Follow-ups', '', '| Action | Who | Deadline | State |', '|---|---|---|---|', '| Fix alerts | Ana | 2026-03-01 | open |', ''].join('\n')
    const items = readActionItems(parseRecord(text, { file: 'releases/r.md', templates: { retro: manifest } }), '2026-04-01')
    expect(items).toEqual([expect.objectContaining({ line: 12, action: 'Fix alerts', owner: 'Ana', due: '2026-03-01', status: 'open', open: true, overdue: true })])
  })
})
