import type { Point, ReleaseRecord } from './types.ts'

/**
 * Where the frontmatter value at `path` (`['version']`, `['changes', 0, 'committed_at']`) stands:
 * the nested position when the parser kept one, else the nearest enclosing value, else the
 * top-level key's value, else the opening `---`, else the first line. The one way `check` and
 * `metrics` point at a frontmatter value.
 */
export function valuePoint(record: ReleaseRecord, path: ReadonlyArray<string | number>): Point {
  const { fields, paths, startLine } = record.frontmatter
  for (let length = path.length; length >= 2; length--) {
    const point = paths[path.slice(0, length).join('.')]
    if (point) return { line: point.line, column: point.column }
  }
  const field = path.length > 0 ? fields[String(path[0])] : undefined
  if (field) return { line: field.value.line, column: field.value.column }
  return { line: startLine ?? 1, column: 1 }
}

/** Where a top-level key itself stands (its line anchors a record in explanations), else as `valuePoint`. */
export function keyPoint(record: ReleaseRecord, key: string): Point {
  const field = record.frontmatter.fields[key]
  if (field) return { line: field.line, column: field.column }
  return { line: record.frontmatter.startLine ?? 1, column: 1 }
}
