import type { GroupRule } from '../template/types.ts'
import { normalizeName } from './normalizeName.ts'

/** The group names a rule lists (`group` as a list, or one name). */
export function ruleGroupNames(rule: GroupRule): readonly string[] {
  return Array.isArray(rule.group) ? rule.group : [rule.group]
}

/** Whether `rule` is about the stage named `stage` (case-insensitive, whitespace collapsed, trailing colon dropped). */
export function ruleNamesStage(rule: GroupRule, stage: string): boolean {
  return normalizeName(rule.stage) === normalizeName(stage)
}

/** Whether `rule` names the group `group` of the stage `stage` (`*` names every group of its stage). */
export function ruleNamesGroup(rule: GroupRule, stage: string, group: string): boolean {
  if (!ruleNamesStage(rule, stage)) return false
  const name = normalizeName(group)
  return ruleGroupNames(rule).some((candidate) => candidate.trim() === '*' || normalizeName(candidate) === name)
}
