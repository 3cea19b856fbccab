import { openItemsAt } from '../lifecycle/openItemsAt.ts'
import type { ReleaseRecord } from '../record/types.ts'
import type { OpenItem } from '../../shared/pageData.ts'

export interface RecordRef {
  id: string
  href: string
  title: string
}

/**
 * The items a record's status requires that are still unchecked (`openItemsAt`: items of groups
 * required at the record's normalised status, neither checked nor not applicable), as the site
 * lists them. A record whose status is not a lifecycle state requires nothing.
 */
export function openItemsOf(record: ReleaseRecord, ref: RecordRef): OpenItem[] {
  const component = record.frontmatter.data['component']
  return openItemsAt(record).map(({ stage, group, item }) => ({
    id: ref.id,
    href: ref.href,
    file: record.file,
    title: ref.title,
    component: typeof component === 'string' && component.trim() !== '' ? component.trim() : null,
    status: record.status,
    stage: stage.name,
    group: group.name,
    gate: group.gate,
    text: item.text,
    line: item.line,
  }))
}
