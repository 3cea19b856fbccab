import { normalizeName } from './normalizeName.ts'
import type { Group, ReleaseRecord } from './types.ts'

/**
 * How messages and lists name a group: its name, qualified with its stage (`Step 6 › Checklist`)
 * when another group of the record has the same name, so that a message says which one.
 */
export function groupLabel(record: Pick<ReleaseRecord, 'stages'>, group: Pick<Group, 'name' | 'stage'>): string {
  const name = normalizeName(group.name)
  let count = 0
  for (const stage of record.stages) for (const other of stage.groups) if (normalizeName(other.name) === name) count++
  return count > 1 ? `${group.stage} › ${group.name}` : group.name
}
