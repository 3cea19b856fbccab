import type { ElementContent, Root as HastRoot } from 'hast'

/** A hast node's text: its text nodes joined, as written. */
export function hastText(node: ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((child) => hastText(child as ElementContent)).join('')
  return ''
}
