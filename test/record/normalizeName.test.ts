import { describe, expect, it } from 'vitest'
import { normalizeName } from '../../src/core/record/normalizeName.ts'

describe('normalizeName', () => {
  it('should collapse whitespace, trim, drop trailing colons and lower-case, the same on every call', () => {
    for (let call = 0; call < 3; call++) {
      expect(normalizeName('  Pre-Deployment \t Checks:: ')).toBe('pre-deployment checks')
      expect(normalizeName('QA Sign-off')).toBe('qa sign-off')
    }
  })

  it('should normalize names too long to be remembered the same way', () => {
    const long = `${'Stage '.repeat(60)}:`
    expect(normalizeName(long)).toBe('stage '.repeat(60).trim())
    expect(normalizeName(long)).toBe('stage '.repeat(60).trim())
  })
})
