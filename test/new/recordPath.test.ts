import { describe, expect, it } from 'vitest'
import { recordPath } from '../../src/new/recordPath.ts'

describe('recordPath', () => {
  it('should put a record at releases/<version>.md by default', () => {
    expect(recordPath('releases', '{version}.md', { version: '2.4.0' })).toBe('releases/2.4.0.md')
  })

  it('should fill component and environment into a pattern', () => {
    expect(recordPath('releases/', '{component}/{environment}-{version}.md', { version: '1.0.0-rc.1', component: 'payments-api', environment: 'production' })).toBe(
      'releases/payments-api/production-1.0.0-rc.1.md',
    )
  })

  it.each([
    ['../x'],
    ['/etc/x'],
    ['a/b'],
    ['..'],
    ['CON'],
    ['lpt1.txt'],
    ['x'.repeat(300)],
    ['2.4.0 '],
    ['2.4.0.'],
    ['.hidden'],
    ['a\u0000b'],
    ['é'],
  ])('should refuse the version %j', (version) => {
    expect(() => recordPath('releases', '{version}.md', { version })).toThrow(/Unexpected version/)
  })

  it('should ask for a component the pattern needs', () => {
    expect(() => recordPath('releases', '{component}/{version}.md', { version: '1.0.0' })).toThrow('pass it with --set component=')
  })
})
