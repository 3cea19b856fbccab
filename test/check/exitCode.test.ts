import { describe, expect, it } from 'vitest'
import { CheckUsageError, exitCode, maxWarningsLine } from '../../src/core/check/exitCode.ts'
import type { CheckResult } from '../../src/core/check/types.ts'

const result = (errors: number, warnings: number): CheckResult => ({ files: 1, errors, warnings, diagnostics: [], paths: ['a.md'] })

describe('exitCode', () => {
  it('should be 0 when clean or with warnings only', () => {
    expect(exitCode(result(0, 0))).toBe(0)
    expect(exitCode(result(0, 12))).toBe(0)
  })

  it('should be 1 when there is an error', () => {
    expect(exitCode(result(1, 0))).toBe(1)
    expect(exitCode(result(3, 0), { maxWarnings: 10 })).toBe(1)
  })

  it('should be 1 when there are more warnings than maxWarnings', () => {
    expect(exitCode(result(0, 3), { maxWarnings: 2 })).toBe(1)
    expect(exitCode(result(0, 2), { maxWarnings: 2 })).toBe(0)
    expect(exitCode(result(0, 1), { maxWarnings: 0 })).toBe(1)
  })

  it('should be 2 for a usage error or a maxWarnings that is not a non-negative integer', () => {
    expect(exitCode(new CheckUsageError('Unexpected format `xml`, expected text, json, github or junit'))).toBe(2)
    expect(exitCode(result(0, 0), { maxWarnings: -1 })).toBe(2)
    expect(exitCode(result(0, 0), { maxWarnings: 1.5 })).toBe(2)
    expect(exitCode(result(0, 0), { maxWarnings: Number.NaN })).toBe(2)
  })
})

describe('maxWarningsLine', () => {
  it('should say in one line that --max-warnings was exceeded, and nothing otherwise', () => {
    expect(maxWarningsLine({ warnings: 12 }, 10)).toBe('shiplog found 12 warnings, more than --max-warnings 10')
    expect(maxWarningsLine({ warnings: 1 }, 0)).toBe('shiplog found 1 warning, more than --max-warnings 0')
    expect(maxWarningsLine({ warnings: 10 }, 10)).toBeNull()
    expect(maxWarningsLine({ warnings: 12 }, undefined)).toBeNull()
  })
})
