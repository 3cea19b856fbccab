import type { Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { cleanLabel } from './cleanLabel.ts'
import { pointOf } from './pointOf.ts'
import { readBoldLabel } from './readBoldLabel.ts'
import type { Point } from './types.ts'

export interface NamedPlace {
  name: string
  /** Where the heading or label stands; null for the `Untitled` stage, which has none. */
  point: Point | null
}

export interface SectionContext {
  /** The stage: the H2 section; before any H2 (or after a later H1), the H1, else `Untitled`. */
  stage: NamedPlace
  /** The H2 section's name, or null before the first H2 and after a later H1. */
  h2: string | null
  /** The nearest bold label (since the last heading) or H3/H4 heading; null when neither. */
  group: NamedPlace | null
  /** The nearest heading (any level) or bold label before this block, '' when there is none. */
  heading: string
}

const UNTITLED: NamedPlace = { name: 'Untitled', point: null }

/**
 * Walks the top-level blocks of a record in order and calls `visit` for each block that is not a
 * heading, a bold label or an HTML comment, with the section it stands in (FORMAT.md §3).
 * A bold paragraph directly before a list (HTML comments between are skipped) is a group label:
 * the group lasts until the next heading or bold label, so a checklist split into several lists
 * (a change of list marker starts a new list) stays one group.
 */
export function walkSections(tree: Root, visit: (node: RootContent, context: SectionContext) => void): void {
  let h1: NamedPlace | null = null
  let h2: NamedPlace | null = null
  let headingGroup: NamedPlace | null = null
  let label: NamedPlace | null = null
  let heading = ''

  tree.children.forEach((node, index) => {
    if (node.type === 'heading') {
      const name = cleanLabel(toString(node, { includeHtml: false }))
      const place = { name: name || 'Untitled', point: pointOf(node) }
      heading = name
      label = null
      if (node.depth === 1) {
        h1 = place
        h2 = null
        headingGroup = null
      } else if (node.depth === 2) {
        h2 = place
        headingGroup = null
      } else if (node.depth <= 4) {
        headingGroup = name ? place : null
      }
      return
    }
    const boldLabel = readBoldLabel(node)
    if (boldLabel !== null) {
      heading = boldLabel
      label = nextBlock(tree.children, index)?.type === 'list' ? { name: boldLabel, point: pointOf(node) } : null
      return
    }
    if (node.type === 'html' && isComment(node.value)) return
    visit(node, { stage: h2 ?? h1 ?? UNTITLED, h2: h2?.name ?? null, group: label ?? headingGroup, heading })
  })
}

/** The next block after `index` that is not an HTML comment. */
function nextBlock(nodes: RootContent[], index: number): RootContent | undefined {
  for (let next = index + 1; next < nodes.length; next++) {
    const node = nodes[next]
    if (node && !(node.type === 'html' && isComment(node.value))) return node
  }
  return undefined
}

function isComment(html: string): boolean {
  const trimmed = html.trim()
  return trimmed.startsWith('<!--') && trimmed.endsWith('-->')
}
