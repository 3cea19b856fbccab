import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import type { GroupRow } from './bundled.ts'

/** Every group of a record as `[stage, group, role, gate, items]`. */
export function layoutOf(record: ReleaseRecord): Array<[string, string, string, string | null, number]> {
  return record.stages.flatMap((stage) => stage.groups.map((group): [string, string, string, string | null, number] => [stage.name, group.name, group.role, group.gate, group.items.length]))
}

/**
 * Every group's item texts, keyed `stage › group`, to compare a record with a fresh render
 * (sign-off items without the name after `:`).
 */
export function itemTexts(record: ReleaseRecord): { [group: string]: string[] } {
  const texts: { [group: string]: string[] } = {}
  for (const stage of record.stages) {
    for (const group of stage.groups) {
      texts[`${stage.name} › ${group.name}`] = group.items.map((item) => (group.role === 'signoff' ? (item.text.split(':')[0] ?? '') : item.text))
    }
  }
  return texts
}

/** Progress rows of a record, as `shiplog status` counts them. */
export function progressRows(record: ReleaseRecord): GroupRow[] {
  return computeProgress(record).stages.flatMap((stage) => stage.groups.map((group): GroupRow => [stage.name, group.name, group.role, group.done, group.total, group.counted]))
}
