import { describe, expect, it } from 'vitest'
import { isYamlNumber } from '../../src/core/record/isYamlNumber.ts'

describe('isYamlNumber', () => {
  it('should recognise YAML 1.2 core ints and floats', () => {
    for (const text of ['1', '-2', '+3', '0123', '0o17', '0x1F', '1.10', '.5', '1.', '2e3', '-1.5E-3', '.inf', '-.Inf', '.NaN']) {
      expect(isYamlNumber(text), text).toBe(true)
    }
  })

  it('should not recognise versions, dates or words', () => {
    for (const text of ['1.2.0', 'v1.10', '2026-01-02', '1_000', '0b101', 'nan', 'inf', '', '1e', '12:30']) {
      expect(isYamlNumber(text), text).toBe(false)
    }
  })
})
