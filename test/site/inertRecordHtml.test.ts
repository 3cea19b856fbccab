import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inertRecordHtml, isRecordHtmlShape } from '../../src/core/site/inertRecordHtml.ts'
import { recordBodyDataOf } from '../../src/core/site/recordBodyDataOf.ts'
import { renderRecordBody } from '../../src/core/site/renderRecordBody.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

/** Every Markdown file of the fixtures and templates small enough to render quickly. */
function markdownFixtures(): string[] {
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      const stat = statSync(path, { throwIfNoEntry: false })
      if (stat?.isDirectory()) walk(path)
      else if (stat?.isFile() && name.endsWith('.md') && stat.size < 32_000) found.push(path)
    }
  }
  for (const dir of ['test/fixtures', 'templates']) walk(join(REPO_ROOT, dir))
  return found
}

/** The HTML a release page shows with `v-html`, as its `data/bodies/` module holds it. */
const bodyHtml = (forged: string): string => (JSON.parse(recordBodyDataOf('payments/2.4.0', forged).content) as { html: string }).html

describe('inertRecordHtml', () => {
  it('should keep every body the renderer writes as it is', () => {
    const files = markdownFixtures()
    expect(files.length).toBeGreaterThan(40)
    const extra = '\n\nNote[^a] [irc](irc://x) [rel](//example.com/x) ![img](https://x/y.png "t<>\\"")\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n3. three\n\n[^a]: The note.\n'
    for (const file of files) {
      const markdown = readFileSync(file, 'utf8') + extra
      // With a repository, relative links and images become addresses in it; without one, they are dropped.
      const repo = file.includes('/site/') ? { url: 'https://github.com/acme/releases', branch: 'main' } : null
      const html = renderRecordBody(markdown, { file: 'releases/x/y.md', repo })
      expect(isRecordHtmlShape(html), file).toBe(true)
      expect(inertRecordHtml(html), file).toBe(html)
    }
  }, 60_000)

  it('should write braces and comment openers as character references, and line breaks on one line', () => {
    expect(inertRecordHtml('<p title="<!x">{{ x }}\nnext</p>')).toBe('<p title="&#x3C;!x">&#123;&#123; x &#125;&#125;&#10;next</p>')
  })

  it('should refuse tags, attributes and nesting the renderer never writes', () => {
    const refused = [
      '<script>x</script>',
      '<style>p{}</style>',
      '<template><p>x</p></template>',
      '<svg><a href="#x">x</a></svg>',
      '<p onclick="x">a</p>',
      '<img src="x" onerror="x">',
      '<p style="x">a</p>',
      '<p v-html="x">a</p>',
      '<div is="vue:x"></div>',
      '<a href="javascript:x">a</a>',
      '<a href="&#x6A;avascript:x">a</a>',
      '<a href=https://x>a</a>',
      "<a href='https://x'>a</a>",
      '<p>a',
      '</div><p>a</p>',
      '<p>a</div>',
      '<div><p></div></p>',
      '<ul><li><div><li>a</li></div></li></ul>',
      '<div><li>a</li></div>',
      '<a href="#a"><a href="#b">b</a></a>',
      'a < b',
    ]
    for (const html of refused) expect(isRecordHtmlShape(html), html).toBe(false)
    const accepted = ['', 'text &#x26; more', '<p>a<br>b</p>', '<ul><li><input type="checkbox" checked disabled> a</li></ul>', '<a href="mailto:a@b">a</a>']
    for (const html of accepted) expect(isRecordHtmlShape(html), html).toBe(true)
  })
})

describe('recordBodyDataOf with a forged body (as from a cache entry whose MAC was bypassed)', () => {
  it('should keep HTML that would close the record wrapper as text, with no Vue interpolation', () => {
    const forged = '<p>ok</p></div>{{ $options.constructor.constructor("x")() }}<img src=x onerror="alert(1)"><div>'
    const html = bodyHtml(forged)
    expect(html).toBe(
      '&#60;p&#62;ok&#60;/p&#62;&#60;/div&#62;&#123;&#123; $options.constructor.constructor(&#34;x&#34;)() &#125;&#125;&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#60;div&#62;',
    )
    expect(html).not.toContain('<')
    expect(recordBodyDataOf('payments/2.4.0', forged).path).toBe('data/bodies/payments/2.4.0.json')
  })

  it('should keep a forged body of the renderer’s shape as HTML, with its braces as character references and one line', () => {
    expect(bodyHtml('<p>{{ $options }}</p>\n<p>b</p>')).toBe('<p>&#123;&#123; $options &#125;&#125;</p>&#10;<p>b</p>')
  })

  it('should write a script, and several lines, as text on one line', () => {
    expect(bodyHtml('<p>a</p>\n\n<script>')).toBe('&#60;p&#62;a&#60;/p&#62;&#10;&#10;&#60;script&#62;')
  })
})
