import { describe, expect, it } from 'vitest'
import { sparkline } from '../../src/core/metrics/sparkline.ts'

describe('sparkline', () => {
  it('should scale bars to the largest value', () => {
    // 0 → 0/4 × 7 = 0 (▁); 1 → 1.75 → 2 (▃); 2 → 3.5 → 4 (▅); 4 → 7 (█)
    expect(sparkline([0, 1, 2, 4])).toBe('▁▃▅█')
  })

  it('should draw all-zero and empty series', () => {
    expect(sparkline([0, 0])).toBe('▁▁')
    expect(sparkline([])).toBe('')
  })
})
