import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { visit, SKIP } from 'unist-util-visit'

/**
 * Runs on the sanitized tree and makes the record readable on any screen and by any reader:
 *
 * - each task item's checkbox is named after the item's own text (`aria-label`; nested items and
 *   a loose item's further paragraphs left out): the checkbox is disabled and stands alone in the markup, so nothing else names it;
 * - each table is wrapped in a scroll container (`div.shiplog-table-scroll`) that can take the
 *   keyboard's focus and is a region named after the heading the table sits under, so a table
 *   wider than the screen scrolls inside it instead of widening the page, and a keyboard user
 *   can scroll it;
 * - each code block (`pre`), which scrolls sideways rather than wrap its lines, can take the
 *   keyboard's focus, so a keyboard user can scroll it too.
 */
export function rehypeAccessibleRecord() {
  return (tree: HastRoot): void => {
    let heading = ''
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName)) {
        heading = ownText(node)
        return SKIP
      }
      if (node.tagName === 'li' && hasClass(node, 'task-list-item')) {
        const found = checkboxOf(node)
        if (found !== null) found.box.properties['ariaLabel'] = attributeText(ownText(found.in)) || 'Checklist item'
        return undefined
      }
      if (node.tagName === 'pre') {
        node.properties['tabIndex'] = 0
        return SKIP
      }
      if (node.tagName === 'table' && parent && index !== undefined) {
        const label = heading ? `Table: ${attributeText(heading)}` : 'Table'
        ;(parent.children as ElementContent[])[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['shiplog-table-scroll'], tabIndex: 0, role: 'region', ariaLabel: label },
          children: [node],
        }
        return SKIP
      }
      return undefined
    })
  }
}

/**
 * Record text as an attribute value: every `<` becomes the full-width `＜` (read aloud the same),
 * so the page keeps its invariant that each raw `<` starts one of the sanitizer's own tags —
 * the serializer escapes `<` in text but not inside attribute values.
 */
function attributeText(text: string): string {
  return text.replace(/</g, '\uFF1C')
}

/** The item's checkbox and what holds it: the item itself, or its first paragraph (in a loose list). */
function checkboxOf(item: Element): { box: Element; in: Element } | null {
  for (const child of item.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'input') return { box: child, in: item }
    if (child.tagName === 'p') return checkboxOf(child)
    return null
  }
  return null
}

/** The element's text without nested lists, whitespace collapsed, the heading permalink's zero-width space dropped. */
function ownText(node: ElementContent): string {
  const text = (n: ElementContent): string => {
    if (n.type === 'text') return n.value
    if (n.type !== 'element' || n.tagName === 'ul' || n.tagName === 'ol') return ''
    return n.children.map(text).join('')
  }
  return text(node).replace(/\u200b/g, '').replace(/\s+/g, ' ').trim()
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties['className']
  return Array.isArray(value) && value.includes(name)
}
