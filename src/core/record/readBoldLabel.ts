import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { cleanLabel } from './cleanLabel.ts'

/**
 * The label of a paragraph that is only bold text and an optional colon (`**Pre-Deployment**:`
 * or `**Pre-Deployment:**`), or null for any other node.
 */
export function readBoldLabel(node: RootContent): string | null {
  if (node.type !== 'paragraph') return null
  const [strong, rest, ...more] = node.children
  if (strong?.type !== 'strong' || more.length > 0) return null
  if (rest && !(rest.type === 'text' && /^\s*:?\s*$/.test(rest.value))) return null
  const label = cleanLabel(toString(strong, { includeHtml: false }))
  return label === '' ? null : label
}
