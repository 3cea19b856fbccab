import type { ListItem, PhrasingContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { pointOf } from './pointOf.ts'
import type { Item } from './types.ts'

const NOT_APPLICABLE = /^n\/a(?![\p{L}\p{N}])/iu

/**
 * Reads a task-list item (a `listItem` whose `checked` is true or false): its own paragraphs as
 * plain text (not its nested lists), and whether it is not applicable (wholly struck through,
 * or starting with `N/A`). The role is the group's, filled in by the caller.
 */
export function readItem(node: ListItem & { checked: boolean }, depth: number): Item {
  const paragraphs = node.children.filter((child) => child.type === 'paragraph')
  const text = paragraphs
    .map((paragraph) => toString(paragraph, { includeHtml: false }))
    .join('\n')
    .trim()
  const phrasing = paragraphs.flatMap((paragraph) => paragraph.children)
  return {
    ...pointOf(node),
    text,
    checked: node.checked,
    notApplicable: isStruckThrough(phrasing) || NOT_APPLICABLE.test(text),
    depth,
    role: 'task',
  }
}

/** Every piece of text is inside `~~…~~` (whitespace, line breaks and HTML aside). */
function isStruckThrough(nodes: PhrasingContent[]): boolean {
  let struck = false
  for (const node of nodes) {
    if (node.type === 'delete') struck = true
    else if (node.type === 'text' ? node.value.trim() !== '' : node.type !== 'break' && node.type !== 'html') return false
  }
  return struck
}
