import type { RuleId } from './ruleIds.ts'

/** A rule's setting in the configuration, as in ESLint: `off`/`0`, `warn`/`1`, `error`/`2`. */
export type RuleSetting = 'off' | 'warn' | 'error' | 0 | 1 | 2

/** Rule settings by rule id (`rules` in shiplog.config.*). */
export type RuleSettings = { readonly [id in RuleId]?: RuleSetting }

/** The setting by name: `0` is `off`, `1` is `warn`, `2` is `error`. */
export function settingName(setting: RuleSetting): 'off' | 'warn' | 'error' {
  return setting === 0 ? 'off' : setting === 1 ? 'warn' : setting === 2 ? 'error' : setting
}
