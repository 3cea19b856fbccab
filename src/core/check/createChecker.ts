import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage, Severity } from '../message/ShiplogMessage.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { applyRuleSetting } from './applyRuleSetting.ts'
import type { CheckOptions } from './checkRecords.ts'
import { compareDiagnostics } from './compareDiagnostics.ts'
import type { RuleSettings } from './ruleSetting.ts'
import { rules as defaultRules } from './rules/index.ts'
import type { CheckContext, CheckResult, CheckRule, KeptFacts, RecordCheck } from './types.ts'

/** A check run fed one record at a time (`shiplog check` streams the records through it). */
export interface Checker {
  /**
   * Checks `record` and lets it go, keeping only its messages and the few facts rules across
   * records compare (`CheckRule.across`); with `checked` false, the record is only compared with
   * (as the records `check --changed` leaves out), never reported on. Returns what checking it
   * gave (null when not `checked`), which `replay` takes instead of the record.
   */
  add(record: ReleaseRecord, checked?: boolean): RecordCheck | null
  /**
   * Counts a record checked before, from what `add` returned for it, as `add` would count the
   * record itself: the same options and rules must have given it (`check`'s cache of results).
   */
  replay(result: RecordCheck, checked?: boolean): void
  /** The result, once every record has been added: the rules across records report now. */
  finish(): CheckResult
}

/**
 * Starts a check run: the same rules, settings and messages as `checkRecords`, for records given
 * one at a time. Never throws on a record: a rule that fails is reported as an `internal-error`
 * message at the record's first line.
 */
export function createChecker(options: Omit<CheckOptions, 'allRecords'> = {}): Checker {
  const manifests = options.manifests ?? {}
  const rules = options.rules ?? defaultRules
  const settings: { readonly [id: string]: RuleSettings[keyof RuleSettings] } = options.settings ?? {}
  const diagnostics: PlacedMessage[] = []
  const paths = new Set<string>()
  const kept = new Map<CheckRule, KeptFacts[]>()
  for (const rule of rules) if (rule.across) kept.set(rule, [])

  const failure = (rule: CheckRule, file: string, error: unknown): PlacedMessage =>
    messageAt(`Unexpected failure of rule \`${rule.id}\` (${error instanceof Error ? error.message : String(error)}), expected a report: please file a bug`, {
      file,
      place: { line: 1, column: 1 },
      ruleId: 'internal-error',
      source: 'shiplog-check',
    })

  const replay = (result: RecordCheck, checked: boolean): void => {
    for (const [rule, facts] of kept) {
      const keep = result.kept.find((entry) => entry.rule === rule.id)
      if (keep?.facts) facts.push({ ...keep.facts, file: result.file, checked })
    }
    if (!checked) return
    paths.add(result.file)
    diagnostics.push(...result.keepFailures, ...result.messages)
  }

  return {
    add(record, checked = true) {
      const result: RecordCheck = { file: record.file, messages: [...record.problems], kept: [], keepFailures: [], lasting: true }
      for (const rule of kept.keys()) {
        try {
          result.kept.push({ rule: rule.id, facts: rule.across?.keep(record) ?? null })
        } catch (error) {
          result.kept.push({ rule: rule.id, facts: null })
          result.keepFailures.push(failure(rule, record.file, error))
        }
      }
      if (!checked) {
        replay(result, false)
        return null
      }
      for (const rule of rules) {
        const context: CheckContext = {
          manifests,
          today: options.today ?? null,
          now: options.now,
          timeZone: options.timeZone,
          report: (at, reason, severity = rule.severity) =>
            messageAt(reason, { file: record.file, place: { line: at.line, column: at.column }, ruleId: rule.id, severity, source: 'shiplog-check' }),
        }
        try {
          const messages = applyRuleSetting(rule.check(record, context), rule.id, settings[rule.id])
          if (rule.readsNow === true && messages.length > 0) result.lasting = false
          result.messages.push(...messages)
        } catch (error) {
          result.messages.push(failure(rule, record.file, error))
        }
      }
      replay(result, true)
      return result
    },
    replay(result, checked = true) {
      replay(result, checked)
    },
    finish() {
      for (const [rule, facts] of kept) {
        const report = (at: KeptFacts, reason: string, severity: Severity = rule.severity): PlacedMessage =>
          messageAt(reason, { file: at.file, place: { line: at.at.line, column: at.at.column }, ruleId: rule.id, severity, source: 'shiplog-check' })
        try {
          diagnostics.push(...applyRuleSetting(rule.across?.compare(facts, report) ?? [], rule.id, settings[rule.id]))
        } catch (error) {
          for (const file of new Set(facts.filter((f) => f.checked).map((f) => f.file))) diagnostics.push(failure(rule, file, error))
        }
      }
      diagnostics.sort(compareDiagnostics)
      let errors = 0
      for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') errors++
      const sorted = [...paths].sort(compareText)
      return { files: sorted.length, errors, warnings: diagnostics.length - errors, diagnostics, paths: sorted }
    },
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
