import { describe, expect, it } from 'vitest'
import { buildHeapLimitMb } from '../../src/node/site/runVitepressBuild.ts'

const GiB = 1024 * 1024 * 1024

describe('buildHeapLimitMb', () => {
  it('should let the build thread grow to three quarters of the machine’s memory', () => {
    expect(buildHeapLimitMb(24 * GiB)).toBe(18_432)
    expect(buildHeapLimitMb(64 * GiB)).toBe(49_152)
  })

  it('should never cap it below the 4 GB a thread gets by default', () => {
    expect(buildHeapLimitMb(2 * GiB)).toBe(4096)
    expect(buildHeapLimitMb(5 * GiB)).toBe(4096)
  })
})
