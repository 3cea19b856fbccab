import { describe, expect, it } from 'vitest'
import * as record from '../../src/core/record/index.ts'

describe('record (public API)', () => {
  it('should export exactly these functions', () => {
    expect(Object.keys(record).sort()).toEqual([
      'DATE_TIME_PATTERN',
      'classifyGroup',
      'findPlaceholders',
      'isBlankCell',
      'isNoValueCell',
      'isUnfilledCell',
      'isYamlNumber',
      'normalizeName',
      'parseRecord',
      'readDate',
      'readDateTime',
      'readTimeOfDay',
    ])
  })
})
