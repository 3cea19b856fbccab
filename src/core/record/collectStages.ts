import type { Nodes, Root } from 'mdast'
import { normalizeName } from './normalizeName.ts'
import { readItem } from './readItem.ts'
import type { Group, Stage } from './types.ts'
import { walkSections } from './walkSections.ts'

/** The lines a task item spans, and the stage and group it belongs to. */
export interface ItemSpan {
  startLine: number
  endLine: number
  stage: string
  group: string
}

export interface CollectedStages {
  /** Stages that hold items, in order; groups are not classified yet (role `task`, gate null, active, not required). */
  stages: Stage[]
  /** The lines of every top-level task item (nested items lie inside them), in order. */
  spans: ItemSpan[]
}

/**
 * Gathers the task-list items of a record into stages and groups (FORMAT.md §3). Stages and groups
 * with the same name (compared like rule names) are one; items with no group go to a group named
 * after their stage. Nested items join their parent's group, with `depth` counting enclosing list items.
 */
export function collectStages(tree: Root): CollectedStages {
  const stages = new Map<string, { stage: Stage; groups: Map<string, Group> }>()
  const spans: ItemSpan[] = []

  walkSections(tree, (block, context) => {
    const stack: Array<{ node: Nodes; depth: number }> = [{ node: block, depth: 0 }]
    while (stack.length > 0) {
      const { node, depth } = stack.pop() as { node: Nodes; depth: number }
      let childDepth = depth
      if (node.type === 'listItem') {
        childDepth = depth + 1
        if (node.checked === true || node.checked === false) {
          const item = readItem(node as typeof node & { checked: boolean }, depth)
          const stageKey = normalizeName(context.stage.name)
          let stageEntry = stages.get(stageKey)
          if (!stageEntry) {
            const point = context.stage.point ?? { line: item.line, column: item.column }
            stageEntry = { stage: { name: context.stage.name, ...point, groups: [] }, groups: new Map() }
            stages.set(stageKey, stageEntry)
          }
          const groupPlace = context.group ?? { name: context.stage.name, point: null }
          const groupKey = normalizeName(groupPlace.name)
          let group = stageEntry.groups.get(groupKey)
          if (!group) {
            const point = groupPlace.point ?? { line: item.line, column: item.column }
            group = { name: groupPlace.name, stage: stageEntry.stage.name, ...point, role: 'task', gate: null, active: true, required: false, items: [] }
            stageEntry.groups.set(groupKey, group)
            stageEntry.stage.groups.push(group)
          }
          group.items.push(item)
          const endLine = node.position?.end.line ?? item.line
          const last = spans[spans.length - 1]
          if (!last || item.line > last.endLine) {
            spans.push({ startLine: item.line, endLine, stage: group.stage, group: group.name })
          }
        }
      }
      if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node === block) {
        if ('children' in node) {
          for (let index = node.children.length - 1; index >= 0; index--) {
            stack.push({ node: node.children[index] as Nodes, depth: childDepth })
          }
        }
      }
    }
  })

  return { stages: [...stages.values()].map((entry) => entry.stage), spans }
}
