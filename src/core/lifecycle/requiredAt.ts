import type { Group } from '../record/types.ts'
import { isGateRequired } from './isGateRequired.ts'
import type { Status } from './statuses.ts'

/**
 * Whether a record at `status` must have every item of `group` done (FORMAT.md §3–§4): the group
 * has a gate that the status reaches (`isGateRequired`), its condition holds (`active`), and it is
 * not a trigger group (trigger items are conditions, not work). No status requires nothing.
 *
 * The one answer to "is this group required?": `parseRecord` stores it for the record's own status
 * (`Group.required`), and any other status can be asked, such as the next one (`nextStatus`).
 */
export function requiredAt(group: Pick<Group, 'role' | 'gate' | 'active'>, status: Status | null): boolean {
  return status !== null && group.gate !== null && group.active && group.role !== 'trigger' && isGateRequired(group.gate, status)
}
