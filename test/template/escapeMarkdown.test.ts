import fc from 'fast-check'
import type { List, ListItem, Paragraph, Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { escapeMarkdown } from '../../src/core/template/escapeMarkdown.ts'

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown)
const inline = { table: false, blockStart: false }
const cell = { table: true, blockStart: false }
const lineStart = { table: false, blockStart: true }

describe('escapeMarkdown', () => {
  it('should escape `{{`, `<` and line breaks and keep `&&`', () => {
    expect(escapeMarkdown('{{evil}} <script> a && b\nc', inline)).toBe('\\{\\{evil}} \\<script> a && b c')
  })

  it('should escape pipes only in table rows', () => {
    expect(escapeMarkdown('a && b | c', cell)).toBe('a && b \\| c')
    expect(escapeMarkdown('a && b | c', inline)).toBe('a && b | c')
  })

  it('should double a backslash only where it would escape', () => {
    expect(escapeMarkdown('C:\\ops \\* x\\', inline)).toBe('C:\\ops \\\\* x\\\\')
  })

  it('should escape a lone brace at either end, so two values cannot form `{{`', () => {
    expect(escapeMarkdown('{a}', inline)).toBe('\\{a}')
    expect(escapeMarkdown('a {', inline)).toBe('a \\{')
  })

  it('should escape what would open a block at the start of a line', () => {
    const cases: Array<[string, string]> = [
      ['# Heading', '\\# Heading'],
      ['> quote', '\\> quote'],
      ['- item', '\\- item'],
      ['* item', '\\* item'],
      ['12. step', '12\\. step'],
      ['3) step', '3\\) step'],
      ['[x] done', '\\[x] done'],
      ['[ ] open', '\\[ ] open'],
      ['[ref]: https://example.com', '\\[ref]: https://example.com'],
      ['```js', '\\```js'],
      ['~~~', '\\~~~'],
      ['* * *', '\\* * *'],
      ['___', '\\___'],
      ['===', '\\==='],
      ['--', '\\--'],
      ['   indented', 'indented'],
      ['**bold** text', '**bold** text'],
      ['[link](https://example.com)', '[link](https://example.com)'],
      ['#hashtag', '#hashtag'],
      ['2026 plan', '2026 plan'],
    ]
    for (const [value, expected] of cases) expect(escapeMarkdown(value, lineStart)).toBe(expected)
  })

  it('should read back from a table cell as written', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '|', '&', '\\', '{', '}', '<', '>', '"', ':', '/', '$')
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1 }), (value) => {
        fc.pre(value.trim() !== '')
        const tree = parse(`| h |\n|---|\n| ${escapeMarkdown(value, cell)} |\n`)
        const table = tree.children[0] as Table
        expect(table.type).toBe('table')
        expect(table.children).toHaveLength(2)
        expect(table.children[1]?.children).toHaveLength(1)
        expect(toString(table.children[1])).toBe(value.trim())
      }),
      { numRuns: 300 },
    )
  })

  it('should never open a block after a list marker', () => {
    const unit = fc.constantFrom('#', '>', '-', '+', '*', '=', '_', '1', '.', ')', '[', ']', 'x', ' ', '`', '~', 'a', ':', '<')
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1 }), (value) => {
        fc.pre(value.trim() !== '')
        const tree = parse(`- ${escapeMarkdown(value, lineStart)}\n`)
        expect(tree.children).toHaveLength(1)
        const list = tree.children[0] as List
        expect(list.type).toBe('list')
        expect(list.children).toHaveLength(1)
        const item = list.children[0] as ListItem
        expect(item.checked ?? null).toBeNull()
        expect(item.children.map((child) => child.type)).toEqual(['paragraph'])
        expect((item.children[0] as Paragraph).children.every((child) => child.type !== 'html')).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
