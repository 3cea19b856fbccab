import type { Group, Item, ReleaseRecord, Stage } from '../record/types.ts'
import { requiredAt } from './requiredAt.ts'
import type { Status } from './statuses.ts'

/** An item that stands between a record and a status, with its stage and group. */
export interface OpenItem {
  stage: Stage
  /** Its group, whose `gate` the status reaches. */
  group: Group & { gate: Status }
  item: Item
}

/**
 * The items that stand between a record and `status` (by default the record's own): every item,
 * neither checked nor not applicable, of a group required at that status (`requiredAt`), in
 * document order. At the record's status these are what `check` fails on (`status-gate`), what the
 * site lists as open; at `nextStatus(record.status)`, what is left to do before moving on.
 */
export function openItemsAt(record: ReleaseRecord, status: Status | null = record.status): OpenItem[] {
  const open: OpenItem[] = []
  for (const stage of record.stages) {
    for (const group of stage.groups) {
      if (!requiredAt(group, status)) continue
      for (const item of group.items) {
        if (!item.checked && !item.notApplicable) open.push({ stage, group: group as Group & { gate: Status }, item })
      }
    }
  }
  return open
}
