import type { Node } from 'unist'
import type { Point } from './types.ts'

/** Where a node starts (1:1 for a node without a position). */
export function pointOf(node: Node): Point {
  const start = node.position?.start
  return { line: start?.line ?? 1, column: start?.column ?? 1 }
}
