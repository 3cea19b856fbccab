import type { GroupRule } from '../template/types.ts'
import { normalizeName } from './normalizeName.ts'

/** The group names a rule lists (`group` as a list, or one name). */
export function ruleGroupNames(rule: GroupRule): readonly string[] {
  return Array.isArray(rule.group) ? rule.group : [rule.group]
}

/** A rule's names as they are compared (`normalizeName`): its stage, its groups, and whether it names every group (`*`). */
interface RuleKeys {
  stage: string
  groups: ReadonlySet<string>
  every: boolean
}

/** Each rule's names, normalized once: a manifest's rules are matched against every record's stages and groups. */
const keysOfRule = new WeakMap<GroupRule, RuleKeys>()

function ruleKeys(rule: GroupRule): RuleKeys {
  let keys = keysOfRule.get(rule)
  if (keys === undefined) {
    const names = ruleGroupNames(rule)
    keys = { stage: normalizeName(rule.stage), groups: new Set(names.map(normalizeName)), every: names.some((name) => name.trim() === '*') }
    keysOfRule.set(rule, keys)
  }
  return keys
}

/** Whether `rule` is about the stage named `stage` (case-insensitive, whitespace collapsed, trailing colon dropped). */
export function ruleNamesStage(rule: GroupRule, stage: string): boolean {
  return ruleNamesStageKey(rule, normalizeName(stage))
}

/** `ruleNamesStage` for a stage name already normalized (`normalizeName`). */
export function ruleNamesStageKey(rule: GroupRule, stageKey: string): boolean {
  return ruleKeys(rule).stage === stageKey
}

/** Whether `rule` names the group `group` of the stage `stage` (`*` names every group of its stage). */
export function ruleNamesGroup(rule: GroupRule, stage: string, group: string): boolean {
  return ruleNamesGroupKey(rule, normalizeName(stage), normalizeName(group))
}

/** `ruleNamesGroup` for names already normalized (`normalizeName`). */
export function ruleNamesGroupKey(rule: GroupRule, stageKey: string, groupKey: string): boolean {
  const keys = ruleKeys(rule)
  return keys.stage === stageKey && (keys.every || keys.groups.has(groupKey))
}
