import { describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { recordPath } from '../../src/core/new/recordPath.ts'

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

  it.each([
    ['index', '{version}.md', 'releases/index.md'],
    ['README', '{version}.md', 'releases/README.md'],
    ['readme', '{version}.md', 'releases/readme.md'],
    ['Index', '{version}.md', 'releases/Index.md'],
    ['2.4.0', '_drafts/{version}.md', 'releases/_drafts/2.4.0.md'],
    ['2.4.0', '.hidden/{version}.md', 'releases/.hidden/2.4.0.md'],
    ['2.4.0', '_{version}.md', 'releases/_2.4.0.md'],
    ['2.4.0', '{version}/index.md', 'releases/2.4.0/index.md'],
  ])('should refuse the version %j with the pattern %j: no command reads %s as a record', (version, pattern, path) => {
    let error: unknown
    try {
      recordPath('releases', pattern, { version })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ShiplogError)
    expect((error as ShiplogError).exitCode).toBe(2)
    expect((error as ShiplogError).message).toBe(
      `Unexpected record path ${path}: no command reads README.md, index.md or a file or folder whose name starts with \`_\` or \`.\` as a record, expected a version giving another name (e.g. 2.4.0)`,
    )
  })

  it('should accept names that merely contain index or readme', () => {
    expect(recordPath('releases', '{version}.md', { version: 'index-2' })).toBe('releases/index-2.md')
    expect(recordPath('releases', 'v{version}/notes.md', { version: '1.0.0' })).toBe('releases/v1.0.0/notes.md')
  })
})
