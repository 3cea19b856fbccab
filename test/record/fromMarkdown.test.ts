import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { List, Paragraph, Root, Table } from 'mdast'
import { fromMarkdown as original } from 'mdast-util-from-markdown'
import { describe, expect, it } from 'vitest'
import { fromMarkdown } from '../../src/core/record/fromMarkdown.ts'
import { parseBody } from '../../src/core/record/parseBody.ts'
import { recordGfm } from '../../src/core/record/recordGfm.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { filesIn } from '../site/filesIn.ts'

// src/core/record/fromMarkdown.ts is mdast-util-from-markdown's tree builder with one change: one
// context object for all events instead of a copy per event. It must stay exactly that: the
// package's own file with the change applied, building the same trees.

const PACKAGE = join(REPO_ROOT, 'node_modules/mdast-util-from-markdown')
const MARKER = '// ---- mdast-util-from-markdown 2.1.0, lib/index.js, changed as said above ----\n'

/** The change, applied to the package's lib/index.js (less its opening JSDoc `@import` of types). */
function withOneContext(source: string): string {
  expect(source.startsWith('/**\n * @import {')).toBe(true)
  source = source.slice(source.indexOf('\n */\n') + 5)
  const spread = '{\n          ...context,\n          sliceSerialize: events[index][2].sliceSerialize\n        }'
  const handler = '      const handler = config[events[index][0]];\n'
  const note = '        // Note: spread first, V8 has optimizations for object shape cloning.\n'
  expect(source.split(spread).length - 1, 'context copies in compile').toBe(3)
  expect(source.split(handler).length - 1).toBe(1)
  expect(source.split(note).length - 1).toBe(1)
  return source
    .replaceAll(spread, 'context')
    .replace(handler, `${handler}      context.sliceSerialize = events[index][2].sliceSerialize;\n`)
    .replace(note, '')
}

/** Every Markdown file under the repository's `folders`, as [path, text]. */
function markdownIn(...folders: string[]): Array<[string, string]> {
  return folders.flatMap((folder) =>
    filesIn(join(REPO_ROOT, folder))
      .filter((file) => file.endsWith('.md'))
      .map((file): [string, string] => [`${folder}/${file}`, readFileSync(join(REPO_ROOT, folder, file), 'utf8')]),
  )
}

/** Constructs the records' own files may not hold: each one's handlers must see the right token text. */
const CONSTRUCTS = [
  '# Title\n\nSetext\n======\n\nAnother\n---\n',
  '- [x] done\n- [ ] open\n  - [X] nested\n\n1. one\n2. two\n\n   spread\n\n3) three\n',
  '| Left | Centre | Right |\n| :--- | :---: | ---: |\n| a `b` | **c** | ~~d~~ |\n| \\| pipe | e | |\n',
  'Text with &amp; &#35; &#x41; &copy; &bogus; \\* escape, *em*, _em_, **strong**, `code`, ~strike~.\n',
  '[link](https://example.com "title") ![image](a.png) <https://auto.example> <mail@example.com>\n\n[ref][Label] [Label]\n\n[label]: https://example.com/ref  "Ref"\n',
  '```ts title\nconst a = 1\n```\n\n~~~\nfence\n~~~\n\n    indented\n    code\n\n<div>\n*html*\n</div>\n\n<!-- comment -->\n',
  '> quote\n> - [ ] item in a quote\n>\n> > nested\n\nline  \nbreak\\\nand\n***\n',
  '* unclosed *emphasis and `code\n\n| not | a table\n\n- \n-\n  \n+ [ ]\n',
  '',
]

describe('fromMarkdown (mdast-util-from-markdown with one context object)', () => {
  it("is the package's lib/index.js with the one change and nothing else", () => {
    expect(JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')).version, 'the version fromMarkdown.ts was made from').toBe('2.1.0')
    const copy = readFileSync(join(REPO_ROOT, 'src/core/record/fromMarkdown.ts'), 'utf8')
    const at = copy.indexOf(MARKER)
    expect(at).toBeGreaterThan(0)
    const code = copy.slice(at + MARKER.length)
    expect(code).toBe(withOneContext(readFileSync(join(PACKAGE, 'lib/index.js'), 'utf8')))
    expect(code).not.toContain('...context')
  })

  it('builds the same trees as the package on every record, template and fixture here, and on edge cases', () => {
    const inputs: Array<[string, string]> = [...markdownIn('releases', 'templates', 'test/fixtures'), ...CONSTRUCTS.map((text, index): [string, string] => [`construct ${index}`, text])]
    expect(inputs.length).toBeGreaterThan(150)
    for (const [name, text] of inputs) {
      expect(fromMarkdown(text, undefined, recordGfm), name).toStrictEqual(original(text, recordGfm))
    }
  })

  it('reads task items, a table and positions as CommonMark and GFM say', () => {
    const tree: Root = parseBody('# Go\n\n- [x] Deploy\n- [ ] Verify &amp; sign\n\n| Step | Who |\n| --- | :-: |\n| Roll ~~out~~ | Ana |\n')
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'list', 'table'])
    expect(tree.children[0]?.position).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 5, offset: 4 } })
    const list = tree.children[1] as List
    expect(list.spread).toBe(false)
    expect(list.children.map((item) => item.checked)).toEqual([true, false])
    expect(list.children.map((item) => ((item.children[0] as Paragraph).children[0] as { value: string }).value)).toEqual(['Deploy', 'Verify & sign'])
    const table = tree.children[2] as Table
    expect(table.align).toEqual([null, 'center'])
    const cell = table.children[1]?.children[0]
    expect(cell?.children.map((node) => node.type)).toEqual(['text', 'delete'])
    expect(cell?.position?.start).toEqual({ line: 8, column: 1, offset: 73 })
  })
})
