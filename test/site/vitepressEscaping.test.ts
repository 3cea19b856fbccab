import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linkSiteDependencies } from '../../src/node/site/linkSiteDependencies.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

// shiplog escapes every text it hands to VitePress (src/core/site/escapeHtml.ts) because of how
// VitePress 1.6.4 writes them into pages. These tests build a bare VitePress site and pin those
// behaviours: when one fails, VitePress changed, and the escaping in frontmatterYaml.ts,
// siteDataOf.ts and the theme's title handling must be revisited (it may now be escaped twice,
// or not enough).

let root: string
let html: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shiplog-vitepress-'))
  linkSiteDependencies(root)
  mkdirSync(join(root, 'docs/.vitepress'), { recursive: true })
  writeFileSync(
    join(root, 'docs/.vitepress/config.mjs'),
    `export default ${JSON.stringify({ title: 'S', description: 'site', themeConfig: { siteTitle: '&#60;b&#62; &#38;', nav: [{ text: 'N &#60;i&#62;', link: '/' }] } })}\n`,
  )
  writeFileSync(
    join(root, 'docs/index.md'),
    ['---', 'title: "a &#60;b&#62; &#38; &#34;c&#34; & d > e"', 'description: "x\\"><i>y</i> &#60;"', '---', '', 'Hello', ''].join('\n'),
  )
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', 'docs'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
    killSignal: 'SIGKILL',
  })
  if (built.status !== 0) throw new Error(`vitepress build failed (${built.status}):\n${built.stderr}`)
  html = readFileSync(join(root, 'docs/.vitepress/dist/index.html'), 'utf8')
}, 330_000)

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true })
})

describe('VitePress 1.6.4 (what shiplog’s escaping relies on)', () => {
  it('should escape the page title in <title> but keep the character references in it', () => {
    // Raw `&`, `>` escaped; `&#60;`, `&#38;`, `&#34;` kept: a title shiplog escaped shows as written.
    expect(/<title>(.*)<\/title>/.exec(html)?.[1]).toBe('a &#60;b&#62; &#38; &#34;c&#34; &amp; d &gt; e | S')
  })

  it('should write the page description into <meta name="description"> as it is', () => {
    // Not escaped at all: a record's text there would break out of the attribute.
    expect(html).toContain('<meta name="description" content="x"><i>y</i> &#60;">')
  })

  it('should show siteTitle and navigation texts as HTML (v-html)', () => {
    expect(html).toMatch(/<span data-v-[0-9a-f]+>&#60;b&#62; &#38;<\/span>/)
    expect(html).toMatch(/<span data-v-[0-9a-f]+>N &#60;i&#62;<\/span>/)
  })
})
