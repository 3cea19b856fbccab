import { describe, expect, it } from 'vitest'
import { skippedRecords, withSkipped } from '../../src/node/fs/skippedRecords.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { problemsOf } from '../helpers/messages.ts'

describe('skippedRecords', () => {
  it('should turn each skipped file into a record with one file-skipped error at line 1', () => {
    const [record] = skippedRecords([{ file: 'releases/leak.md', reason: 'symbolic link pointing outside the releases folder' }], 'deployment')
    expect(record?.file).toBe('releases/leak.md')
    expect(record?.stages).toEqual([])
    expect(problemsOf(record?.problems ?? [])).toEqual([
      {
        line: 1,
        column: 1,
        rule: 'file-skipped',
        severity: 'error',
        message: 'Unexpected symbolic link pointing outside the releases folder, expected a record file inside the releases folder: not read',
      },
    ])
  })

  it('should put them among the records in file order', () => {
    const records = ['releases/a.md', 'releases/c.md'].map((file) => parseRecord('', { file }))
    const all = withSkipped({ records, skipped: [{ file: 'releases/b.md', reason: 'broken symbolic link' }] }, 'deployment')
    expect(all.map((r) => r.file)).toEqual(['releases/a.md', 'releases/b.md', 'releases/c.md'])
  })
})
