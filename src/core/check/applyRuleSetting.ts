import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import { GATE_RULE_IDS, PARTLY_GATE_RULE_IDS, type RuleId } from './ruleIds.ts'
import { settingName, type RuleSetting } from './ruleSetting.ts'

const KEEPS_ERRORS = new Set<string>([...GATE_RULE_IDS, ...PARTLY_GATE_RULE_IDS])

/**
 * A rule's messages under its setting: `off` drops them, `warn` and `error` set their severity.
 * Errors of a rule that is (partly) the release gate (FORMAT.md §3, §4) are kept as they are
 * whatever the setting: a configuration never makes the gate pass.
 */
export function applyRuleSetting(messages: readonly PlacedMessage[], id: string, setting: RuleSetting | undefined): PlacedMessage[] {
  if (setting === undefined) return [...messages]
  const name = settingName(setting)
  const kept: PlacedMessage[] = []
  for (const message of messages) {
    if (message.severity === 'error' && KEEPS_ERRORS.has(id as RuleId)) {
      kept.push(message)
    } else if (name !== 'off') {
      message.severity = name === 'warn' ? 'warning' : 'error'
      kept.push(message)
    }
  }
  return kept
}
