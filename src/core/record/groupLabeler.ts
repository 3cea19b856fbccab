import { normalizeName } from './normalizeName.ts'
import type { Group, ReleaseRecord } from './types.ts'

/**
 * How messages and lists name the groups of a record: a group's name, qualified with its stage
 * (`Step 6 › Checklist`) when another group of the record has the same name (case and trailing
 * colon aside), so that a message says which one. The names are counted once, in one pass over
 * the record's groups; the labeller it gives then names any group of that record.
 */
export function groupLabeler(record: Pick<ReleaseRecord, 'stages'>): (group: Pick<Group, 'name' | 'stage'>) => string {
  const counts = new Map<string, number>()
  for (const stage of record.stages) {
    for (const group of stage.groups) {
      const name = normalizeName(group.name)
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
  }
  return (group) => ((counts.get(normalizeName(group.name)) ?? 0) > 1 ? `${group.stage} › ${group.name}` : group.name)
}
