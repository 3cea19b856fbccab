import { oneLine } from '../core/check/format/sanitize.ts'
import type { ReleaseRecord } from '../core/record/types.ts'

/** A record's file and problems: all `printReadErrors` reads of a record. */
export type UnreadRecord = Pick<ReleaseRecord, 'file' | 'problems'>

/**
 * Writes every error-level problem of the records on stderr (`file:line:column: message (rule)`,
 * on one line, without control characters) and says whether there was one.
 */
export function printReadErrors(records: readonly UnreadRecord[]): boolean {
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
