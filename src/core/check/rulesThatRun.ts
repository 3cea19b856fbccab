import type { RuleInfo } from './format/ruleInfo.ts'
import type { RuleId } from './ruleIds.ts'
import { settingName, type RuleSettings } from './ruleSetting.ts'
import { rules } from './rules/index.ts'

/**
 * The check rules that run under `settings` (every rule but those set to `off`), as the report
 * formats name them: JUnit and SARIF list these, so a rule turned off is not shown as passed.
 */
export function rulesThatRun(settings: RuleSettings = {}): RuleInfo[] {
  return rules
    .filter((rule) => {
      const setting = settings[rule.id as RuleId]
      return setting === undefined || settingName(setting) !== 'off'
    })
    .map(({ id, description }) => ({ id, description }))
}
