import type { Placeholder, ReleaseRecord } from '../record/types.ts'
import { isGateRequired } from './isGateRequired.ts'

/**
 * The names of the stages a record's status has reached: those with a group whose gate the
 * status reaches (`isGateRequired`). What lies in the other stages is not yet due (FORMAT.md §4);
 * a record without a status has reached none.
 */
export function reachedStages(record: ReleaseRecord): Set<string> {
  const reached = new Set<string>()
  const status = record.status
  if (status === null) return reached
  for (const stage of record.stages) {
    if (stage.groups.some((group) => group.gate !== null && isGateRequired(group.gate, status))) reached.add(stage.name)
  }
  return reached
}

/**
 * The stage a body placeholder stands in: that of its task item, else that of its table, else the
 * last stage whose heading comes before it; undefined before the first stage.
 */
export function stageOf(record: ReleaseRecord, placeholder: Placeholder): string | undefined {
  if (placeholder.stage !== undefined) return placeholder.stage
  const line = placeholder.line
  for (const table of record.tables) {
    const last = table.rows.length > 0 ? (table.rows[table.rows.length - 1] as { line: number }).line : table.line + 1
    if (table.stage !== null && line >= table.line && line <= last) return table.stage
  }
  let found: string | undefined
  for (const stage of record.stages) if (stage.line <= line) found = stage.name
  return found
}
