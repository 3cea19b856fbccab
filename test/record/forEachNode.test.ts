import { describe, expect, it } from 'vitest'
import { forEachNode } from '../../src/core/record/forEachNode.ts'
import { parseBody } from '../../src/core/record/parseBody.ts'

const BODY = [
  '# Title',
  '',
  '<!-- a comment -->',
  '',
  '- an item with <b>bold</b> inline HTML',
  '  > | Risk | Owner |',
  '  > |------|-------|',
  '  > | <i>drift</i> | Ana |',
  '',
  '```bash',
  './deploy.sh',
  '```',
  '',
  '| Step | Done |',
  '|------|------|',
  '| one  | yes  |',
  '',
].join('\n')

describe('forEachNode', () => {
  it('should give every node of the type in document order, inline HTML, nested tables and table cells included', () => {
    const tree = parseBody(BODY)
    const html: string[] = []
    forEachNode(tree, 'html', (node) => html.push(node.value))
    expect(html).toEqual(['<!-- a comment -->', '<b>', '</b>', '<i>', '</i>'])

    const tables: number[] = []
    forEachNode(tree, 'table', (node) => tables.push(node.position?.start.line ?? 0))
    // The table in the block quote of the list item (line 6), then the top-level one (line 14).
    expect(tables).toEqual([6, 14])

    const code: string[] = []
    forEachNode(tree, 'code', (node) => code.push(`${node.lang}:${node.value}`))
    expect(code).toEqual(['bash:./deploy.sh'])
  })

  it('should include the node it starts from, and give nothing for a type the tree does not hold', () => {
    const tree = parseBody('Just a paragraph.\n')
    let roots = 0
    forEachNode(tree, 'root', () => roots++)
    expect(roots).toBe(1)
    let headings = 0
    forEachNode(tree, 'heading', () => headings++)
    expect(headings).toBe(0)
  })
})
