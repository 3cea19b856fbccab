import { describe, expect, it } from 'vitest'
import { vitepressEntryOf } from '../../src/core/site/vitepressEntryOf.ts'

const NOTICE =
  '// Written by shiplog for `shiplog build` and `shiplog dev`, replaced each time: a project customises its\n' +
  '// site in its own site/.vitepress/config.* and site/.vitepress/theme/index.* (docs/site.md).\n'

describe('vitepressEntryOf', () => {
  it("should point VitePress at shiplog's configuration factory and theme by absolute path, with the folders inline", () => {
    const files = vitepressEntryOf({ srcDir: '/p/.shiplog/site', siteDir: '/opt/shiplog/site', custom: null })
    expect(files).toEqual([
      [
        '.vitepress/config.mjs',
        NOTICE +
          'import { shiplogConfig } from "/opt/shiplog/site/.vitepress/shiplogConfig.ts"\n' +
          '\nexport default shiplogConfig({\n' +
          '  srcDir: "/p/.shiplog/site",\n' +
          '  siteDir: "/opt/shiplog/site",\n' +
          '})\n',
      ],
      ['.vitepress/theme/index.mjs', `${NOTICE}export { default } from "/opt/shiplog/site/.vitepress/theme/index.ts"\n`],
    ])
  })

  it("should hand the project's own configuration to the factory and use its own theme entry", () => {
    const files = new Map(
      vitepressEntryOf({
        srcDir: '/p/.shiplog/site',
        siteDir: '/opt/shiplog/site',
        custom: { dir: '/p/site', config: '/p/site/.vitepress/config.mts', theme: '/p/site/.vitepress/theme/index.js' },
      }),
    )
    expect(files.get('.vitepress/config.mjs')).toBe(
      NOTICE +
        'import { shiplogConfig } from "/opt/shiplog/site/.vitepress/shiplogConfig.ts"\n' +
        'import project from "/p/site/.vitepress/config.mts"\n' +
        '\nexport default shiplogConfig({\n' +
        '  srcDir: "/p/.shiplog/site",\n' +
        '  siteDir: "/opt/shiplog/site",\n' +
        '  project: { config: project, dir: "/p/site" },\n' +
        '})\n',
    )
    expect(files.get('.vitepress/theme/index.mjs')).toBe(`${NOTICE}export { default } from "/p/site/.vitepress/theme/index.js"\n`)
  })

  it('should write a path holding quotes, backslashes or a line break as a JavaScript string', () => {
    const files = new Map(vitepressEntryOf({ srcDir: '/p/"x"\\\n/.shiplog/site', siteDir: '/s', custom: null }))
    expect(files.get('.vitepress/config.mjs')).toContain('  srcDir: "/p/\\"x\\"\\\\\\n/.shiplog/site",\n')
  })

  it("should use a theme-only customisation with shiplog's configuration", () => {
    const files = new Map(vitepressEntryOf({ srcDir: '/p/.shiplog/site', siteDir: '/s', custom: { dir: '/p/site', config: null, theme: '/p/site/.vitepress/theme/index.ts' } }))
    const plain = new Map(vitepressEntryOf({ srcDir: '/p/.shiplog/site', siteDir: '/s', custom: null }))
    expect(files.get('.vitepress/config.mjs')).toBe(plain.get('.vitepress/config.mjs'))
    expect(files.get('.vitepress/theme/index.mjs')).toBe(`${NOTICE}export { default } from "/p/site/.vitepress/theme/index.ts"\n`)
  })
})
