import type { Root } from 'mdast'
import { fromMarkdown } from './fromMarkdown.ts'
import { recordGfm } from './recordGfm.ts'

/**
 * Parses a record's Markdown (CommonMark with GFM tables, task-list items and strikethrough) into
 * mdast: micromark's events, built into a tree by `fromMarkdown` (remark-parse's own tree builder,
 * with one context object for all events: see fromMarkdown.ts).
 */
export function parseBody(markdown: string): Root {
  return fromMarkdown(markdown, undefined, recordGfm) as Root
}
