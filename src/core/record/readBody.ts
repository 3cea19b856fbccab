import { collectStages, type ItemSpan } from './collectStages.ts'
import { collectTables } from './collectTables.ts'
import type { LineIndex } from './createLineIndex.ts'
import { findCommentRanges } from './findCommentRanges.ts'
import { findUnclosedFences } from './findUnclosedFences.ts'
import { parseBody } from './parseBody.ts'
import type { Root } from 'mdast'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Stage, Table } from './types.ts'

export interface ReadBody {
  /** Stages with unclassified groups. */
  stages: Stage[]
  spans: ItemSpan[]
  tables: Table[]
  /** Offsets in `text` of the body's HTML comments. */
  comments: Array<[number, number]>
  /** Problems of the Markdown itself (an unclosed code fence). */
  problems: PlacedMessage[]
  /** The body's tree, as read (none of the readers change it). */
  tree?: Root
}

/**
 * Parses a record's body and reads its stages, tables and HTML comments. `body` is the file's
 * text with the frontmatter lines emptied, so positions in it are positions in `text`.
 * Throws when the Markdown cannot be read (for example a RangeError on very deep nesting).
 */
export function readBody(body: string, text: string, lines: LineIndex): ReadBody {
  const tree = parseBody(body)
  const { stages, spans } = collectStages(tree)
  return {
    stages,
    spans,
    tables: collectTables(tree),
    comments: findCommentRanges(tree, text, lines),
    problems: findUnclosedFences(tree, text, lines),
    tree,
  }
}
