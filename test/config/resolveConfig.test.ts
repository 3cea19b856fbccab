import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolveConfig.ts'
import { ShiplogError } from '../../src/errors.ts'

describe('resolveConfig', () => {
  it('should apply defaults to an empty configuration', () => {
    expect(resolveConfig({}, 'x')).toEqual({
      releases: 'releases',
      fileName: '{version}.md',
      template: 'deployment',
      templates: 'templates',
      site: { title: 'Releases', repoUrl: null, branch: 'main', outDir: 'dist', base: '/' },
    })
  })

  it('should let the file override defaults and flags override the file', () => {
    const config = resolveConfig(
      { releases: 'docs/releases', fileName: '{component}/{version}.md', site: { title: 'Payments releases' } },
      'shiplog.config.json',
      { releases: 'other' },
    )
    expect(config.releases).toBe('other')
    expect(config.fileName).toBe('{component}/{version}.md')
    expect(config.site.title).toBe('Payments releases')
    expect(config.site.outDir).toBe('dist')
  })

  it('should name the file and every bad key', () => {
    let error: unknown
    try {
      resolveConfig({ releases: '../outside', fileName: 'x.md', colour: true, site: { repoUrl: 'ftp://x' } }, 'shiplog.config.json')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ShiplogError)
    const { message, exitCode } = error as ShiplogError
    expect(exitCode).toBe(2)
    expect(message).toContain('shiplog.config.json: `releases`: expected a folder inside the project')
    expect(message).toContain('shiplog.config.json: `fileName`: expected a pattern containing `{version}`')
    expect(message).toContain('unknown key(s) `colour`')
    expect(message).toContain('shiplog.config.json: `site.repoUrl`: expected an http(s) address')
  })

  it('should reject a configuration that is not an object', () => {
    expect(() => resolveConfig('releases', 'shiplog.config.js')).toThrow(/shiplog.config.js/)
  })
})
