import type { Status } from '../lifecycle/statuses.ts'
import type { GroupRule } from '../template/types.ts'
import { conditionHolds } from './conditionHolds.ts'
import { ruleNamesGroup } from './ruleNames.ts'
import type { GroupRole, YamlValue } from './types.ts'

export interface GroupClass {
  role: GroupRole
  gate: Status | null
  active: boolean
}

/**
 * What a group is, by the first rule of the template that names its stage and group
 * (case-insensitive, whitespace collapsed, trailing colon dropped; `*` names every group).
 * A `task` rule with `when` makes the group `conditional`; a rule whose `when` does not hold
 * makes it inactive. A group no rule names is a `task` with no gate.
 */
export function classifyGroup(
  stage: string,
  group: string,
  rules: readonly GroupRule[],
  data: { readonly [key: string]: YamlValue },
): GroupClass {
  const rule = rules.find((candidate) => ruleNamesGroup(candidate, stage, group))
  if (!rule) return { role: 'task', gate: null, active: true }
  const role: GroupRole = rule.when && rule.role === 'task' ? 'conditional' : rule.role
  return { role, gate: rule.gate ?? null, active: rule.when ? conditionHolds(rule.when, data) : true }
}
