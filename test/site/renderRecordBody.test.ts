import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMarkdownRenderer } from 'vitepress'
import { describe, expect, it } from 'vitest'
import { parseBody } from '../../src/core/record/parseBody.ts'
import { isRecordHtmlShape } from '../../src/core/site/inertRecordHtml.ts'
import { renderRecordBody, toSingleLine } from '../../src/core/site/renderRecordBody.ts'

const render = (markdown: string, repo: { url: string; branch: string } | null = null): string =>
  renderRecordBody(markdown, { file: 'releases/payments/2.4.0.md', repo })

describe('renderRecordBody', () => {
  it('should write the HTML on one line, with no mustache, comment opener or line break left', () => {
    const html = render('# Title {{ x }}\n\nPara one\n\n```\na\n\nb {{ y }}\n```\n')
    expect(html).not.toMatch(/[\r\n{}]/)
    expect(html).not.toContain('<!')
    expect(html).toContain('&#10;')
    expect(html).toContain('&#123;&#123; x &#125;&#125;')
  })

  it('should show raw HTML as text and never as markup', () => {
    const html = render('<script>alert(1)</script>\n\nInline <img src=x onerror="alert(2)"> here\n\n<iframe src="https://evil"></iframe>\n')
    expect(html).not.toMatch(/<script|<img|<iframe/i)
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>')
    expect(html).toContain('&#x3C;img src=x onerror="alert(2)">')
  })

  it('should let the keyboard focus a code block, which scrolls sideways on a narrow screen', () => {
    expect(render('```bash\nkubectl argo rollouts get rollout web-storefront -n prod --watch\n```\n')).toBe(
      '<pre tabindex="0"><code class="language-bash">kubectl argo rollouts get rollout web-storefront -n prod --watch&#10;</code></pre>',
    )
  })

  it('should keep <br> as a line break and drop HTML comments', () => {
    const html = render('line<br>next\n\n<!-- a note for authors -->\n\n<!--@include: ../../package.json-->\n')
    expect(html).toContain('line<br>')
    expect(html).not.toContain('note for authors')
    expect(html).not.toContain('@include')
  })

  it('should drop javascript: links and keep http(s) ones without a referrer', () => {
    const html = render('[bad](javascript:alert(1)) [good](https://example.com/x)')
    expect(html).not.toContain('javascript:')
    expect(html).toContain('<a>bad</a>')
    expect(html).toContain('<a href="https://example.com/x" rel="noopener noreferrer">good</a>')
  })

  it('should point relative links and images at the repository when one is configured', () => {
    const repo = { url: 'https://github.com/acme/releases/', branch: 'main' }
    const html = render('[runbook](../../docs/runbook.md#roll-back) ![diagram](./arch.png)', repo)
    expect(html).toContain('href="https://github.com/acme/releases/blob/main/docs/runbook.md#roll-back"')
    expect(html).toContain('src="https://github.com/acme/releases/raw/main/releases/payments/arch.png"')
  })

  it('should drop relative links and images without a repository, and links leaving it', () => {
    expect(render('[runbook](../docs/runbook.md)')).toContain('<a>runbook</a>')
    expect(render('![diagram](./arch.png)')).toContain('[image: diagram]')
    expect(render('[x](../../../../etc/passwd)', { url: 'https://github.com/a/b', branch: 'main' })).toContain('<a>x</a>')
  })

  it('should show task items as disabled checkboxes in their state, with an id from their line', () => {
    const html = render('## Stage\n\n- [x] done\n- [ ] open\n  - [X] nested\n')
    expect(html).toContain('<li class="task-list-item" id="L3"><input type="checkbox" checked disabled aria-label="done"> done</li>')
    expect(html).toContain('<li class="task-list-item" id="L4"><input type="checkbox" disabled aria-label="open"> open')
    expect(html).toContain('<li class="task-list-item" id="L5"><input type="checkbox" checked disabled aria-label="nested"> nested</li>')
  })

  it("should name each checkbox after its item's own text, without nested items or a loose item's further paragraphs", () => {
    const html = render('- [x] Smoke **tests** pass `ok`\n- [ ] Parent item\n  - [ ] Child item\n\n- [ ] Loose item\n\n  A second paragraph\n')
    const labels = [...html.matchAll(/<input type="checkbox"[^>]*aria-label="([^"]*)"/g)].map((m) => m[1])
    expect(labels).toEqual(['Smoke tests pass ok', 'Parent item', 'Child item', 'Loose item'])
    expect(html.match(/<input /g)).toHaveLength(4)
  })

  it('should put each table in a focusable region named after the heading it is under, which scrolls it on narrow screens', () => {
    const html = render('| a | b |\n|---|---|\n| 1 | 2 |\n\n## Deployment Timeline\n\n| Phase | Start |\n|---|---|\n| Deploy | 10:00 |\n')
    const regions = [...html.matchAll(/<div class="shiplog-table-scroll" tabindex="0" role="region" aria-label="([^"]*)"><table>/g)].map((m) => m[1])
    expect(regions).toEqual(['Table', 'Table: Deployment Timeline'])
    expect(html.match(/<\/table><\/div>/g)).toHaveLength(2)
    expect(isRecordHtmlShape(html)).toBe(true)
  })

  it('should lower headings by one level and give them unique anchors', () => {
    const html = render('# Release\n\n## Checks\n\n## Checks\n')
    expect(html).toContain('<h2 id="release">Release<a class="header-anchor" href="#release"')
    expect(html).toContain('<h3 id="checks">')
    expect(html).toContain('<h3 id="checks-1">')
  })

  it('should make every footnote link and back-link land on an id that exists', () => {
    const html = render('# Footnote label\n\nFirst[^1] and second[^note], first again[^1].\n\n[^1]: The first note.\n[^note]: The second note.\n')
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])
    const targets = [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1])
    const described = [...html.matchAll(/\saria-describedby="([^"]*)"/g)].map((m) => m[1])
    // Three references, two notes with a back-link each (the first note two: it is cited twice),
    // and the headings' permalinks (the record's own, named like the footnotes' label, and the label's).
    expect(targets.filter((id) => id?.includes('fn-'))).toHaveLength(3)
    expect(targets.filter((id) => id?.includes('fnref-'))).toHaveLength(3)
    expect(described).toHaveLength(3)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of [...targets, ...described]) expect(ids, `#${id}`).toContain(id)
    // Each reference points at its own note, and each back-link at a reference.
    const refOf = (label: string) => new RegExp(`href="#([^"]*fn-${label})"[^>]*id="([^"]*fnref-${label}(?:-2)?)"`).exec(html)
    expect(refOf('1')?.[1]).toBe(ids.find((id) => id?.endsWith('fn-1')))
    expect(refOf('note')?.[1]).toBe(ids.find((id) => id?.endsWith('fn-note')))
  })

  it('should link the URLs and e-mail addresses written as plain text (GFM autolink literals), and nothing in code or link text', () => {
    const html = render('Run https://ci.example.com/runs/42 and www.example.org/status, ask ops@example.com.\n\n`https://not.a.link` [https://label.example](https://target.example)\n')
    expect(html).toContain('<a href="https://ci.example.com/runs/42" rel="noopener noreferrer">https://ci.example.com/runs/42</a>')
    // `www.` gets http:// in its address; the trailing comma and full stop are not part of a link.
    expect(html).toContain('<a href="http://www.example.org/status" rel="noopener noreferrer">www.example.org/status</a>, ask')
    expect(html).toContain('<a href="mailto:ops@example.com" rel="noopener noreferrer">ops@example.com</a>.')
    expect(html).toContain('<code>https://not.a.link</code>')
    expect(html).toContain('<a href="https://target.example" rel="noopener noreferrer">https://label.example</a>')
    expect(html.match(/<a /g)).toHaveLength(4)
  })

  it("should render the record parser's own tree of a body as it renders the body's text, and footnotes from a second parse", () => {
    const options = { file: 'releases/a.md', repo: null }
    for (const markdown of ['## Checks\n\n- [x] see https://ci.example.com/1\n\n| A | B |\n|---|---|\n| ~~x~~ | y |\n', 'Note[^1].\n\n[^1]: Told.\n']) {
      const tree = parseBody(markdown)
      expect(renderRecordBody(markdown, options, tree)).toBe(renderRecordBody(markdown, options))
    }
    // The footnote: a reference and its note, not a link reference to a definition labelled `^1`.
    expect(renderRecordBody('Note[^1].\n\n[^1]: Told.\n', options, parseBody('Note[^1].\n\n[^1]: Told.\n'))).toMatch(/<sup><a href="#user-content-fn-1"[^>]*>1<\/a><\/sup>/)
  })

  it('should not let an attribute carry a comment opener (VitePress expands <!--@include: anywhere)', () => {
    const html = render('## `<!--@include: ../../secret.txt-->`\n')
    expect(html).not.toContain('<!--')
    expect(html).toContain('&#x3C;!--@include')
  })
})

describe('heading anchors', () => {
  // Accents, punctuation, emoji, a leading digit, other scripts, inline code and headings of the same name.
  const HEADINGS = [
    "Déploiement à l'échelle",
    'Fix: the "cache" (again)!',
    '🚀 Launch & roll-out',
    '2.4.1 hotfix',
    'Checks',
    'Checks',
    'Überprüfung — Straße',
    'Checks-1',
    'Checks',
    'Run `npm ci`',
    '发布说明',
  ]
  const markdown = HEADINGS.map((heading) => `## ${heading}\n`).join('\n')
  const idsOf = (html: string): string[] => [...html.matchAll(/<h\d id="([^"]*)"/g)].map((match) => match[1] ?? '')

  it("should name headings by VitePress's rule: accents dropped, punctuation to one dash, emoji kept, a leading digit prefixed, repeats numbered", () => {
    expect(idsOf(render(markdown))).toEqual([
      'deploiement-a-l-echelle',
      'fix-the-cache-again',
      '🚀-launch-roll-out',
      '_2-4-1-hotfix',
      'checks',
      'checks-1',
      'uberprufung-—-straße',
      // `checks-1` is taken by the second "Checks": markdown-it-anchor numbers it on.
      'checks-1-1',
      'checks-2',
      'run-npm-ci',
      '发布说明',
    ])
  })

  it("should give the ids VitePress's own Markdown renderer gives the same headings", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-anchors-'))
    try {
      const md = await createMarkdownRenderer(dir, {}, '/')
      expect(idsOf(render(markdown))).toEqual(idsOf(md.render(markdown)))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('toSingleLine', () => {
  it('should encode line breaks, braces and comment openers', () => {
    expect(toSingleLine('<p a="<!x">{{a}}\r\nb</p>\n')).toBe('<p a="&#x3C;!x">&#123;&#123;a&#125;&#125;&#10;b</p>&#10;')
  })
})
