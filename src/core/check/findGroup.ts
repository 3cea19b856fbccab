import type { Group, ReleaseRecord } from '../record/types.ts'

/** The group named `group` in the stage named `stage`, or undefined. */
export function findGroup(record: ReleaseRecord, stage: string | undefined, group: string | undefined): Group | undefined {
  if (stage === undefined || group === undefined) return undefined
  for (const s of record.stages) {
    if (s.name !== stage) continue
    for (const g of s.groups) if (g.name === group) return g
  }
  return undefined
}
