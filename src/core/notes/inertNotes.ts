import type { Nodes, RootContent } from 'mdast'
import { safeUrl } from '../site/safeUrl.ts'

/**
 * Record Markdown made inert for release notes, which GitHub and changelog readers render: raw
 * HTML becomes text (escaped when written, so `<script>` reads as the characters `<script>`),
 * HTML comments are dropped (they are notes to the writer), images become their alt text (no
 * image is fetched from an address a record names), links keep their address only when it is
 * http(s) (else they become their text), and references and definitions become text or nothing.
 */
export function inertNotes(nodes: readonly RootContent[], block: boolean): RootContent[] {
  return nodes.flatMap((node) => inertNode(node, block))
}

function inertNode(node: RootContent, block: boolean): RootContent[] {
  switch (node.type) {
    case 'html': {
      if (isComment(node.value)) return []
      const text = { type: 'text' as const, value: node.value }
      return block ? [{ type: 'paragraph', children: [text] }] : [text]
    }
    case 'image':
    case 'imageReference':
      return node.alt ? [{ type: 'text', value: node.alt }] : []
    case 'link':
      return safeUrl(node.url) === null ? inertNotes(node.children, false) : [{ type: 'link', url: node.url, title: null, children: inertNotes(node.children, false) } as RootContent]
    case 'linkReference':
      return inertNotes(node.children, false)
    case 'definition':
    case 'footnoteDefinition':
    case 'footnoteReference':
      return []
    default:
      break
  }
  if ('children' in node) {
    const container = node.type === 'listItem' || node.type === 'blockquote'
    return [{ ...node, children: inertNotes(node.children as RootContent[], container) } as Nodes as RootContent]
  }
  return [node]
}

function isComment(html: string): boolean {
  const trimmed = html.trim()
  return trimmed.startsWith('<!--') && trimmed.endsWith('-->')
}
