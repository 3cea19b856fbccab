import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { keyPoint, valuePoint } from '../../src/core/record/valuePoint.ts'

const record = parseRecord(
  [
    '---', //                                   1
    'status: deployed', //                      2
    'deployed_at:   2026-03-04T15:00:00Z', //   3: the value starts in column 16
    'changes:', //                              4
    '  - id: PAY-1', //                         5
    '    committed_at: 2026-03-01T09:30:00Z', // 6: the value starts in column 19
    'empty:', //                                7
    '---',
    '',
  ].join('\n'),
  { file: 'releases/x.md' },
)

describe('valuePoint', () => {
  it('should point at a top-level value, and at a nested one by its path', () => {
    expect(valuePoint(record, ['deployed_at'])).toEqual({ line: 3, column: 16 })
    expect(valuePoint(record, ['changes', 0, 'committed_at'])).toEqual({ line: 6, column: 19 })
  })

  it('should fall back to the nearest enclosing value, then the key of an empty value, then the opening `---`', () => {
    // `changes.0.title` does not exist: its change (line 5, column 5) stands for it
    expect(valuePoint(record, ['changes', 0, 'title'])).toEqual({ line: 5, column: 5 })
    expect(valuePoint(record, ['empty'])).toEqual({ line: 7, column: 1 })
    expect(valuePoint(record, ['owner'])).toEqual({ line: 1, column: 1 })
    expect(valuePoint(record, [])).toEqual({ line: 1, column: 1 })
    expect(valuePoint(parseRecord('# No frontmatter\n', { file: 'releases/y.md' }), ['status'])).toEqual({ line: 1, column: 1 })
  })
})

describe('keyPoint', () => {
  it('should point at the key itself, else at the opening `---`', () => {
    expect(keyPoint(record, 'deployed_at')).toEqual({ line: 3, column: 1 })
    expect(keyPoint(record, 'owner')).toEqual({ line: 1, column: 1 })
  })
})
