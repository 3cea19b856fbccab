import { nextStatus } from '../lifecycle/nextStatus.ts'
import { openItemsAt, type OpenItem } from '../lifecycle/openItemsAt.ts'
import { requiredAt } from '../lifecycle/requiredAt.ts'
import type { ReleaseRecord } from '../record/types.ts'
import type { NextStepView } from '../../shared/pageData.ts'
import { openGroupsOf } from './openGroupsOf.ts'

/**
 * What stands between a record and its next status (`nextStatus`): the items open there
 * (`openItemsAt(record, next)`, what `check` and `promote` would fail on), split into those the
 * record's status already requires (overdue) and those first due at the next status. Null in an
 * end state (`closed`, `rolled-back`, `failed`, `cancelled`) and without a status.
 */
export function nextStepOf(record: ReleaseRecord): NextStepView | null {
  const status = record.status
  const next = nextStatus(status)
  if (status === null || next === null) return null
  const open = openItemsAt(record, next)
  const overdue = open.filter(({ group }) => requiredAt(group, status))
  const due = open.filter(({ group }) => !requiredAt(group, status))
  return { status, next, left: open.length, overdue: openGroupsOf(overdue.map(flat)), due: openGroupsOf(due.map(flat)) }
}

function flat({ stage, group, item }: OpenItem): { stage: string; group: string; gate: string; text: string; line: number } {
  return { stage: stage.name, group: group.name, gate: group.gate, text: item.text, line: item.line }
}
