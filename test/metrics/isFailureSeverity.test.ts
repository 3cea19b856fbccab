import { describe, expect, it } from 'vitest'
import { isFailureSeverity } from '../../src/core/metrics/isFailureSeverity.ts'

describe('isFailureSeverity', () => {
  it('should accept critical, high, sev1, sev2, p1 and p2 in any case', () => {
    for (const text of ['critical', 'Critical', 'HIGH', 'Sev1', 'Sev2', 'SEV2', 'p1', 'P2', ' sev-2 ', 'Sev 1', 'P_1']) {
      expect(isFailureSeverity(text), text).toBe(true)
    }
  })

  it('should refuse other severities', () => {
    for (const text of ['medium', 'low', 'Sev3', 'P3', 'minor', 'High impact', '', 'sev12']) {
      expect(isFailureSeverity(text), text).toBe(false)
    }
  })
})
