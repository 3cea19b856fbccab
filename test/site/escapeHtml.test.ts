import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/core/site/escapeHtml.ts'
import { componentSearchHtml } from '../../src/core/site/searchHtmlOf.ts'
import { siteDataOf } from '../../src/core/site/siteDataOf.ts'
import type { ComponentPage } from '../../src/shared/pageData.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

const HOSTILE = `a"><img src=x onerror='alert(1)'> {{ x }} & </script>`
const ESCAPED = 'a&#34;&#62;&#60;img src=x onerror=&#39;alert(1)&#39;&#62; &#123;&#123; x &#125;&#125; &#38; &#60;/script&#62;'

describe('escapeHtml (the rule for all text handed to VitePress)', () => {
  it('should write &, <, >, quotes and braces as character references and leave the rest', () => {
    expect(escapeHtml(HOSTILE)).toBe(ESCAPED)
    expect(escapeHtml('Payments API 2.4.1 · ünïcode')).toBe('Payments API 2.4.1 · ünïcode')
    // An escaped text escaped again is not the same: escaping is done once, at the boundary.
    expect(escapeHtml('&#60;')).toBe('&#38;#60;')
  })
})

describe('siteDataOf (site settings handed to VitePress)', () => {
  it('should escape the title, the description and the navigation texts, and keep only an http(s) repository address', () => {
    const settings = {
      title: HOSTILE,
      description: `About ${HOSTILE}`,
      base: '/releases/',
      repoUrl: 'javascript:alert(1)//https://x',
      nav: [{ text: HOSTILE, href: '/metrics.html' }],
      cacheDir: '/p/.shiplog/cache/vite',
      outDir: '/p/dist',
    }
    expect(siteDataOf(settings)).toEqual({
      titleHtml: ESCAPED,
      descriptionHtml: `About ${ESCAPED}`,
      base: '/releases/',
      repoUrl: null,
      nav: [{ html: ESCAPED, href: '/metrics.html' }],
      cacheDir: '/p/.shiplog/cache/vite',
      outDir: '/p/dist',
    })
    expect(siteDataOf({ ...settings, repoUrl: 'https://github.com/acme/releases' }).repoUrl).toBe('https://github.com/acme/releases')
  })
})

describe('search text (shown by VitePress with v-html)', () => {
  it('should escape a component’s name and its releases’ titles', () => {
    const page = { name: HOSTILE, releases: [{ title: HOSTILE }] } as unknown as ComponentPage
    expect(componentSearchHtml(page)).toBe(
      `<h1 id="shiplog-summary">${ESCAPED} <a class="header-anchor" href="#shiplog-summary"></a></h1>\n<p>Component · ${ESCAPED}</p>\n`,
    )
  })
})

describe('the theme', () => {
  it('should render record data only through Vue’s escaping: no v-html, innerHTML or dynamic component', () => {
    const dir = join(REPO_ROOT, 'site/.vitepress/theme')
    const files = [join(dir, 'index.ts'), ...readdirSync(join(dir, 'components')).map((name) => join(dir, 'components', name))]
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/v-html|innerHTML|outerHTML|insertAdjacentHTML|<component\s+:is/)
    }
  })
})
