import type { Point } from './types.ts'

export interface LineIndex {
  /** The line and column of an offset. */
  point(offset: number): Point
  /** The offset of a line and column. */
  offset(point: Point): number
}

/** Maps between offsets in `text` (LF line breaks) and 1-based lines and columns. */
export function createLineIndex(text: string): LineIndex {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1)
  }
  return {
    point(offset) {
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if ((starts[middle] as number) <= offset) low = middle
        else high = middle - 1
      }
      return { line: low + 1, column: offset - (starts[low] as number) + 1 }
    },
    offset(point) {
      const start = starts[Math.min(Math.max(point.line, 1), starts.length) - 1] as number
      return start + point.column - 1
    },
  }
}
