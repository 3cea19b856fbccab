import { oneLine } from '../core/check/format/sanitize.ts'
import type { ReleaseRecord } from '../core/record/types.ts'

/**
 * Writes every error-level problem of the records on stderr (`file:line:column: message (rule)`,
 * on one line, without control characters) and says whether there was one.
 */
export function printReadErrors(records: readonly ReleaseRecord[]): boolean {
  let any = false
  for (const record of records) {
    for (const problem of record.problems) {
      if (problem.severity !== 'error') continue
      any = true
      process.stderr.write(`${oneLine(record.file)}:${problem.line}:${problem.column}: ${oneLine(problem.reason)} (${problem.ruleId})\n`)
    }
  }
  return any
}
