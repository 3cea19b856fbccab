import type { Status } from '../lifecycle/statuses.ts'
import type { GroupRule } from '../template/types.ts'
import { normalizeName } from './normalizeName.ts'
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
  const stageName = normalizeName(stage)
  const groupName = normalizeName(group)
  const rule = rules.find((candidate) => {
    if (normalizeName(candidate.stage) !== stageName) return false
    const names = Array.isArray(candidate.group) ? candidate.group : [candidate.group]
    return names.some((name) => name.trim() === '*' || normalizeName(name) === groupName)
  })
  if (!rule) return { role: 'task', gate: null, active: true }
  const role: GroupRole = rule.when && rule.role === 'task' ? 'conditional' : rule.role
  return { role, gate: rule.gate ?? null, active: rule.when ? holds(rule.when, data) : true }
}

/** Every key's frontmatter value (as lower-cased text, '' when missing) is one of its listed values. */
function holds(when: NonNullable<GroupRule['when']>, data: { readonly [key: string]: YamlValue }): boolean {
  return Object.entries(when).every(([key, expected]) => {
    const actual = Object.hasOwn(data, key) ? asText(data[key] ?? null) : ''
    const values = Array.isArray(expected) ? expected : [expected]
    return values.some((value) => String(value).trim().toLowerCase() === actual)
  })
}

function asText(value: YamlValue): string {
  if (typeof value === 'string') return value.trim().toLowerCase()
  if (typeof value === 'boolean') return String(value)
  return ''
}
