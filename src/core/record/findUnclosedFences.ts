import type { Root } from 'mdast'
import type { LineIndex } from './createLineIndex.ts'
import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import { forEachNode } from './forEachNode.ts'

const OPENING = /^(`{3,}|~{3,})/
const TASK = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\](?:[ \t]|$)/
const HEADING = /^[ \t>]*#{1,6}(?:[ \t]|$)/

/**
 * Fenced code blocks that never close: Markdown reads every line after the opening fence, up to
 * the end of the document (or of the list item or block quote holding it), as code. When those
 * lines hold task items or headings, they are lost to the record: an error; otherwise a warning.
 */
export function findUnclosedFences(tree: Root, text: string, lines: LineIndex): PlacedMessage[] {
  const problems: PlacedMessage[] = []
  forEachNode(tree, 'code', (node) => {
    const { start, end } = node.position ?? {}
    if (!start || !end) return
    const opening = OPENING.exec(text.slice(lines.offset(start), lines.offset(start) + 1000))?.[1]
    if (!opening) return
    const lastLine = text.slice(lines.offset({ line: end.line, column: 1 }), lines.offset(end)).replace(/^[ \t>]*/, '')
    const closing = new RegExp(`^${opening.charAt(0) === '`' ? '`' : '~'}{${opening.length},}[ \\t]*$`)
    if (end.line > start.line && closing.test(lastLine)) return
    const swallowed = text.slice(lines.offset({ line: start.line + 1, column: 1 }), lines.offset(end)).split('\n')
    const tasks = swallowed.filter((line) => TASK.test(line)).length
    const headings = swallowed.filter((line) => HEADING.test(line)).length
    const fence = `a closing line of at least ${opening.length} ${opening.charAt(0) === '`' ? 'backticks' : 'tildes'}`
    const lost = [tasks > 0 ? `${tasks} task item${tasks === 1 ? '' : 's'}` : '', headings > 0 ? `${headings} heading${headings === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(' and ')
    const message = lost
      ? `Unexpected unclosed code fence: ${lost} after it are read as code and ignored, expected ${fence}`
      : `Unexpected unclosed code fence, expected ${fence} (the lines after it are read as code)`
    problems.push(messageAt(message, { place: { line: start.line, column: start.column }, ruleId: 'unclosed-code-fence', severity: lost ? 'error' : 'warning' }))
  })
  return problems
}
