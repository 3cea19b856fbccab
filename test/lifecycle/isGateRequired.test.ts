import { describe, expect, it } from 'vitest'
import { isGateRequired } from '../../src/core/lifecycle/isGateRequired.ts'
import { STATUSES, type Status } from '../../src/core/lifecycle/statuses.ts'

describe('isGateRequired', () => {
  it('should require linear gates at and after their status', () => {
    expect(isGateRequired('approved', 'planned')).toBe(false)
    expect(isGateRequired('approved', 'approved')).toBe(true)
    expect(isGateRequired('approved', 'closed')).toBe(true)
    expect(isGateRequired('verified', 'deployed')).toBe(false)
    expect(isGateRequired('verified', 'verified')).toBe(true)
    expect(isGateRequired('closed', 'verified')).toBe(false)
  })

  it('should make rolled-back and failed require what in-progress requires', () => {
    for (const status of ['rolled-back', 'failed'] as const) {
      expect(isGateRequired('approved', status)).toBe(true)
      expect(isGateRequired('in-progress', status)).toBe(true)
      expect(isGateRequired('deployed', status)).toBe(false)
      expect(isGateRequired('verified', status)).toBe(false)
      expect(isGateRequired('closed', status)).toBe(false)
    }
  })

  it('should require a rolled-back gate only at rolled-back', () => {
    expect(isGateRequired('rolled-back', 'rolled-back')).toBe(true)
    expect(isGateRequired('rolled-back', 'failed')).toBe(false)
    expect(isGateRequired('rolled-back', 'closed')).toBe(false)
    expect(isGateRequired('failed', 'failed')).toBe(true)
  })

  it('should require nothing of a cancelled record', () => {
    const required = STATUSES.filter((gate: Status) => isGateRequired(gate, 'cancelled'))
    expect(required).toEqual([])
  })
})
