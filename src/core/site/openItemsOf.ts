import { isGateRequired, statusOf } from '../lifecycle/index.ts'
import type { ReleaseRecord } from '../record/types.ts'
import type { OpenItem } from '../../shared/pageData.ts'

export interface RecordRef {
  id: string
  href: string
  title: string
}

/**
 * The items a record's status requires that are still unchecked: items of groups whose gate the
 * status has reached (`isGateRequired`), whose condition holds (`active`), neither checked nor
 * not applicable. The status is read by `statusOf` (`Closed` is `closed`); a record whose status is
 * not a lifecycle state requires nothing.
 */
export function openItemsOf(record: ReleaseRecord, ref: RecordRef): OpenItem[] {
  const status = statusOf(record)
  if (status === null) return []
  const component = record.frontmatter.data['component']
  const items: OpenItem[] = []
  for (const stage of record.stages) {
    for (const group of stage.groups) {
      if (group.gate === null || !group.active || !isGateRequired(group.gate, status)) continue
      for (const item of group.items) {
        if (item.checked || item.notApplicable) continue
        items.push({
          id: ref.id,
          href: ref.href,
          file: record.file,
          title: ref.title,
          component: typeof component === 'string' && component.trim() !== '' ? component.trim() : null,
          status,
          stage: stage.name,
          group: group.name,
          gate: group.gate,
          text: item.text,
          line: item.line,
        })
      }
    }
  }
  return items
}
