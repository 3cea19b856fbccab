import type { ItemSpan } from './collectStages.ts'
import type { LineIndex } from './createLineIndex.ts'
import { findPlaceholders } from './findPlaceholders.ts'
import type { Frontmatter, Placeholder } from './types.ts'

export interface PlaceholderContext {
  /** The record's text (LF line breaks, no BOM). */
  text: string
  /** Lines of `text`. */
  lines: LineIndex
  frontmatter: Frontmatter
  /** Offsets of the body's HTML comments, in order and not overlapping; placeholders there do not count. */
  comments: ReadonlyArray<readonly [number, number]>
  /** Top-level task items' lines, in order. */
  spans: readonly ItemSpan[]
}

/**
 * Every unfilled template variable in a record (FORMAT.md §3), frontmatter and body alike
 * (code included), except inside HTML comments: with the frontmatter key it belongs to, or the
 * stage and group of the task item whose lines hold it.
 */
export function collectPlaceholders(context: PlaceholderContext): Placeholder[] {
  const { text, lines, frontmatter, comments, spans } = context
  const keys = Object.values(frontmatter.fields).sort((a, b) => a.line - b.line)
  const { startLine, endLine } = frontmatter
  const placeholders: Placeholder[] = []

  for (const found of findPlaceholders(text)) {
    if (inComment(comments, found.offset)) continue
    const point = lines.point(found.offset)
    const placeholder: Placeholder = { name: found.name, ...point, inFrontmatter: false }
    if (startLine !== null && endLine !== null && point.line >= startLine && point.line <= endLine) {
      placeholder.inFrontmatter = true
      const field = keys.findLast((candidate) => candidate.line <= point.line)
      if (field && point.line < endLine) placeholder.key = field.key
    } else {
      const span = findSpan(spans, point.line)
      if (span) {
        placeholder.stage = span.stage
        placeholder.group = span.group
      }
    }
    placeholders.push(placeholder)
  }
  return placeholders
}

/** Whether `offset` lies in one of the (ordered, disjoint) comment ranges: a binary search, not a scan per placeholder. */
function inComment(comments: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  let low = 0
  let high = comments.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [start, end] = comments[middle] as readonly [number, number]
    if (offset < start) high = middle - 1
    else if (offset >= end) low = middle + 1
    else return true
  }
  return false
}

function findSpan(spans: readonly ItemSpan[], line: number): ItemSpan | undefined {
  let low = 0
  let high = spans.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const span = spans[middle] as ItemSpan
    if (line < span.startLine) high = middle - 1
    else if (line > span.endLine) low = middle + 1
    else return span
  }
  return undefined
}
