import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { recordGfm } from './recordGfm.ts'

const processor = unified().use(remarkParse).use(recordGfm).freeze()

/** Parses a record's Markdown (CommonMark with GFM tables, task-list items and strikethrough) into mdast. */
export function parseBody(markdown: string): Root {
  return processor.parse(markdown)
}
