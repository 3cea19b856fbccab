import { readSignoff } from '../record/readSignoff.ts'
import type { ReleaseRecord } from '../record/types.ts'
import type { SignoffGroupView } from '../../shared/pageData.ts'

/**
 * Who signs off a release: each sign-off group (role `signoff` in the template's manifest, e.g.
 * Stakeholder Sign-off) whose condition holds, with each item read as `Role: Name` (`readSignoff`,
 * as `check`'s `signoff` rule reads it) and whether it is signed (checked).
 */
export function signoffsOf(record: ReleaseRecord): SignoffGroupView[] {
  return record.stages.flatMap((stage) =>
    stage.groups
      .filter((group) => group.role === 'signoff' && group.active)
      .map((group) => {
        const counted = group.items.filter((item) => !item.notApplicable)
        return {
          stage: stage.name,
          group: group.name,
          gate: group.gate,
          required: group.required,
          signed: counted.filter((item) => item.checked).length,
          total: counted.length,
          items: group.items.map((item) => ({
            ...readSignoff(item.text),
            signed: item.checked && !item.notApplicable,
            notApplicable: item.notApplicable,
            line: item.line,
          })),
        }
      }),
  )
}
