import type { OpenGroupView } from '../../shared/pageData.ts'

/**
 * Open items gathered under their groups, in document order: consecutive items of the same stage
 * and group form one entry (two groups of one name in different stages stay apart).
 */
export function openGroupsOf(items: ReadonlyArray<{ stage: string; group: string; gate: string; text: string; line: number }>): OpenGroupView[] {
  const groups: OpenGroupView[] = []
  for (const item of items) {
    const last = groups[groups.length - 1]
    if (last && last.stage === item.stage && last.group === item.group && last.gate === item.gate) {
      last.items.push({ text: item.text, line: item.line })
    } else {
      groups.push({ stage: item.stage, group: item.group, gate: item.gate, items: [{ text: item.text, line: item.line }] })
    }
  }
  return groups
}
