import type { Point } from '../record/types.ts'
import type { MetricsDiagnostic } from './types.ts'

/** A warning about a record's content at `point`. */
export function diagnostic(file: string, point: Point, rule: string, message: string): MetricsDiagnostic {
  return { file, line: point.line, column: point.column, rule, severity: 'warning', message }
}
