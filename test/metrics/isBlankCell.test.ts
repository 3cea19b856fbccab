import { describe, expect, it } from 'vitest'
import { isBlankCell } from '../../src/core/metrics/isBlankCell.ts'

describe('isBlankCell', () => {
  it.each([[''], ['  '], ['-'], ['—'], ['N/A'], ['none'], ['TBD'], ['tba'], ['Pending'], ['{{app_end}}'], ['{{ app_end }}']])('should read %j as blank', (text) => {
    expect(isBlankCell(text)).toBe(true)
  })

  it.each([['14:05'], ['45m'], ['0'], ['TBD 14:00'], ['{{a}} {{b}}x']])('should not read %j as blank', (text) => {
    expect(isBlankCell(text)).toBe(false)
  })
})
