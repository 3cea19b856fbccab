import type { Point, ReleaseRecord } from '../record/types.ts'

/**
 * Where a frontmatter value stands: `path` is a top-level key (`deployed_at`) or a nested path
 * (`changes.0.committed_at`). Falls back to the nearest enclosing value, then to the key, then to
 * the frontmatter's first line (line 1 without frontmatter).
 */
export function frontmatterPoint(record: ReleaseRecord, path: string): Point {
  const { fields, paths, startLine } = record.frontmatter
  const parts = path.split('.')
  while (parts.length > 1) {
    const point = paths[parts.join('.')]
    if (point) return { line: point.line, column: point.column }
    parts.pop()
  }
  const field = fields[parts[0] ?? '']
  if (field) return { line: field.value.line, column: field.value.column }
  return { line: startLine ?? 1, column: 1 }
}

/** Where a top-level key itself stands (its line anchors a record in explanations). */
export function keyPoint(record: ReleaseRecord, key: string): Point {
  const field = record.frontmatter.fields[key]
  if (field) return { line: field.line, column: field.column }
  return { line: record.frontmatter.startLine ?? 1, column: 1 }
}
