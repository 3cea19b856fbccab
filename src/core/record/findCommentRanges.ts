import type { Root } from 'mdast'
import type { LineIndex } from './createLineIndex.ts'
import { forEachNode } from './forEachNode.ts'

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g

/**
 * Offsets in `text` of the HTML comments of a body, in order, `<!--` to `-->` (or the end of the HTML
 * node when unclosed). Nodes are placed by line and column, which the body shares with `text`.
 */
export function findCommentRanges(tree: Root, text: string, lines: LineIndex): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  forEachNode(tree, 'html', (node) => {
    if (!node.position) return
    const start = lines.offset(node.position.start)
    const end = lines.offset(node.position.end)
    for (const match of text.slice(start, end).matchAll(COMMENT)) {
      ranges.push([start + match.index, start + match.index + match[0].length])
    }
  })
  return ranges.sort((a, b) => a[0] - b[0])
}
