import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/core/config/resolveConfig.ts'
import { ShiplogError } from '../../src/core/errors.ts'

describe('resolveConfig', () => {
  it('should apply defaults to an empty configuration', () => {
    expect(resolveConfig({}, 'x')).toEqual({
      releases: 'releases',
      fileName: '{version}.md',
      template: 'deployment',
      templates: 'templates',
      site: { title: 'Releases', repoUrl: null, branch: 'main', outDir: 'dist', base: '/', url: null },
      rules: {},
      metrics: { dailyDeployDays: 3 },
      targets: {},
      timezone: null,
      repository: null,
      workspaces: [],
    })
  })

  it('should take metrics.dailyDeployDays from 1 to 7, and name the key of a bad one', () => {
    expect(resolveConfig({ metrics: { dailyDeployDays: 5 } }, 'x').metrics.dailyDeployDays).toBe(5)
    expect(resolveConfig({ metrics: { dailyDeployDays: 1 } }, 'x').metrics.dailyDeployDays).toBe(1)
    expect(resolveConfig({ metrics: { dailyDeployDays: 7 } }, 'x').metrics.dailyDeployDays).toBe(7)
    expect(resolveConfig({ metrics: {} }, 'x').metrics.dailyDeployDays).toBe(3)
    const message = (value: unknown): string => {
      try {
        resolveConfig(value, 'shiplog.config.json')
      } catch (error) {
        expect(error).toBeInstanceOf(ShiplogError)
        return (error as ShiplogError).message
      }
      throw new Error('expected a configuration error')
    }
    const expected = 'Invalid configuration:\nshiplog.config.json: `metrics.dailyDeployDays`: expected a number of deploy days per week from 1 to 7 (default 3)'
    expect(message({ metrics: { dailyDeployDays: 0 } })).toBe(expected)
    expect(message({ metrics: { dailyDeployDays: 8 } })).toBe(expected)
    expect(message({ metrics: { dailyDeployDays: '3' } })).toBe(expected)
    expect(message({ metrics: { dailyDeployDay: 3 } })).toBe('Invalid configuration:\nshiplog.config.json: `metrics`: unknown key(s) `dailyDeployDay`')
  })

  it('should take site.url as the home page address, ending in `/`, and refuse one that is not http(s) or has a query', () => {
    expect(resolveConfig({ site: { url: 'https://acme.example/releases' } }, 'x').site.url).toBe('https://acme.example/releases/')
    expect(resolveConfig({ site: { url: 'http://acme.example/' } }, 'x').site.url).toBe('http://acme.example/')
    for (const url of ['acme.example/releases/', 'ftp://acme.example/', 'https://acme.example/?a=1', 'https://acme.example/#top']) {
      expect(() => resolveConfig({ site: { url } }, 'shiplog.config.json'), url).toThrow(
        'shiplog.config.json: `site.url`: expected the http(s) address the site is published at (no `?` or `#`)',
      )
    }
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

  /** The ShiplogError `resolveConfig` throws for these arguments. */
  function refusal(...args: Parameters<typeof resolveConfig>): ShiplogError {
    try {
      resolveConfig(...args)
    } catch (error) {
      if (error instanceof ShiplogError) return error
      throw error
    }
    throw new Error('resolveConfig accepted the configuration')
  }

  it.each([['.'], ['./'], ['./.'], ['releases/..']])('should refuse %j, the project root, as the releases or templates folder', (folder) => {
    const releases = refusal({ releases: folder }, 'shiplog.config.json')
    expect(releases.exitCode).toBe(2)
    expect(releases.message).toMatch(/^Invalid configuration:\nshiplog\.config\.json: `releases`: expected (a sub-folder of the project \(e\.g\. `releases`\), not the project root itself|a folder inside the project \(no absolute path, no `\.\.`\))$/)
    expect(refusal({ templates: folder }, 'shiplog.config.json').message).toContain('shiplog.config.json: `templates`: expected a')
  })

  it('should say what a releases folder must be when it is the project root', () => {
    expect(refusal({ releases: '.' }, 'shiplog.config.json').message).toBe(
      'Invalid configuration:\nshiplog.config.json: `releases`: expected a sub-folder of the project (e.g. `releases`), not the project root itself',
    )
  })

  it('should refuse a file-name pattern whose records no command would read', () => {
    for (const fileName of ['{version}/index.md', '_drafts/{version}.md', '.{version}.md', '{version}/README.md']) {
      expect(refusal({ fileName }, 'shiplog.config.json').message, fileName).toBe(
        'Invalid configuration:\nshiplog.config.json: `fileName`: expected a pattern whose names are read as records: no folder or file starting with `_` or `.`, no `README.md` or `index.md`',
      )
    }
  })

  it('should validate command-line overrides exactly as the file, naming the flag', () => {
    const base = refusal({}, 'shiplog.config.json', { site: { base: 'relative' } })
    expect(base.exitCode).toBe(2)
    expect(base.message).toBe('Unexpected --base "relative": expected a path that starts and ends with `/`')
    expect(refusal({}, '(defaults)', { site: { outDir: '../outside' } }).message).toBe(
      'Unexpected --out-dir "../outside": expected a folder inside the project (no `..`, not the project itself), or an absolute path',
    )
    // The same values in the file are refused the same way, naming the key.
    expect(refusal({ site: { base: 'relative' } }, 'shiplog.config.json').message).toBe(
      'Invalid configuration:\nshiplog.config.json: `site.base`: expected a path that starts and ends with `/`',
    )
  })

  it.each([
    ['releases', 'is the releases folder `releases`'],
    ['releases/site', 'lies inside the releases folder `releases`'],
    ['./releases/', 'is the releases folder `releases`'],
    ['templates', 'is the templates folder `templates`'],
    ['.git', 'is `.git`'],
    ['.shiplog', 'is `.shiplog`'],
    ['.shiplog/dist', 'lies inside `.shiplog`'],
    ['.', null],
  ])('should refuse the output folder %j, from the flag or the file', (outDir, relation) => {
    const fromFlag = refusal({}, 'shiplog.config.json', { site: { outDir } })
    const fromFile = refusal({ site: { outDir } }, 'shiplog.config.json')
    expect(fromFlag.exitCode).toBe(2)
    expect(fromFile.exitCode).toBe(2)
    const why =
      relation === null
        ? 'expected a folder inside the project (no `..`, not the project itself), or an absolute path'
        : `it ${relation}, expected an output folder apart from the project's own files (e.g. \`dist\`): it is replaced on every build`
    expect(fromFlag.message).toBe(`Unexpected --out-dir ${JSON.stringify(outDir)}: ${why}`)
    expect(fromFile.message).toBe(`Invalid configuration:\nshiplog.config.json: \`site.outDir\`: ${why}`)
  })

  it('should refuse an output folder that holds the configured releases folder', () => {
    expect(refusal({ releases: 'docs/releases' }, 'shiplog.config.json', { site: { outDir: 'docs' } }).message).toBe(
      "Unexpected --out-dir \"docs\": it holds the releases folder `docs/releases`, expected an output folder apart from the project's own files (e.g. `dist`): it is replaced on every build",
    )
  })

  it('should accept an absolute output folder (a deploy target; its real path is checked at build time)', () => {
    expect(resolveConfig({}, 'x', { site: { outDir: '/srv/www/releases' } }).site.outDir).toBe('/srv/www/releases')
    expect(resolveConfig({ site: { outDir: 'public/site' } }, 'x').site.outDir).toBe('public/site')
  })
})
