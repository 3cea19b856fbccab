import { describe, expect, it } from 'vitest'
import { median, percentile } from '../../src/core/metrics/percentile.ts'

describe('percentile', () => {
  it('should interpolate linearly between closest ranks (type 7)', () => {
    // sorted [1, 2, 4, 6, 24, 25, 48]: h = 6 × 0.9 = 5.4 → 25 + 0.4 × (48 − 25) = 34.2
    expect(percentile([25, 1, 48, 6, 2, 24, 4], 0.9)).toBeCloseTo(34.2, 10)
    // [1, 2, 3, 4]: h = 3 × 0.9 = 2.7 → 3 + 0.7 × 1 = 3.7
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10)
    expect(percentile([5], 0.9)).toBe(5)
    expect(percentile([1, 2, 3], 0)).toBe(1)
    expect(percentile([1, 2, 3], 1)).toBe(3)
  })

  it('should return null for no values', () => {
    expect(percentile([], 0.9)).toBeNull()
    expect(median([])).toBeNull()
  })
})

describe('median', () => {
  it('should take the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 24, 2])).toBe(3) // sorted [1, 2, 4, 24]: (2 + 4) / 2
  })
})
