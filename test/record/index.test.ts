import { describe, expect, it } from 'vitest'
import * as record from '../../src/core/record/index.ts'

describe('record (public API)', () => {
  it('should export exactly these functions', () => {
    expect(Object.keys(record).sort()).toEqual(['classifyGroup', 'findPlaceholders', 'isYamlNumber', 'normalizeName', 'parseRecord'])
  })
})
