import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { ReleaseRecord } from '../record/types.ts'
import type { TemplateManifest } from '../template/types.ts'
import { applyRuleSetting } from './applyRuleSetting.ts'
import type { RuleSettings } from './ruleSetting.ts'
import { rules as defaultRules } from './rules/index.ts'
import type { CheckContext, CheckResult, CheckRule } from './types.ts'

export interface CheckOptions {
  /** Template manifests by name (for rules that read a template's groups). */
  manifests?: { readonly [name: string]: TemplateManifest }
  /** The rules to run; default: every rule. */
  rules?: readonly CheckRule[]
  /**
   * Every record of the project, for rules that compare records (`duplicate-release`) when only
   * some are checked (`--changed`); default: the records checked. Only `records` are reported on.
   */
  allRecords?: readonly ReleaseRecord[]
  /**
   * Rule settings (`rules` of the configuration): `off` drops a rule's messages, `warn`/`error`
   * set their severity; errors FORMAT.md requires are kept whatever the setting (`applyRuleSetting`).
   */
  settings?: RuleSettings
  /**
   * Today's date, `YYYY-MM-DD`, for rules about dates that pass (`overdue-action-item`); default:
   * none, and nothing is overdue. The core never reads the clock: the CLI passes the date of `now`
   * in the configured `timezone`, else on the machine's own.
   */
  today?: string
  /**
   * The present instant, for `implausible-date` (a deploy time in the future). The core reads no
   * clock: the CLI passes the real one, tests a fixed one; without it that test is not made.
   */
  now?: Date
  /** The configured display `timezone` (IANA name): dates in messages are shown in it. */
  timeZone?: string
}

/**
 * Checks records: runs every rule on every record and passes the parser's problems through as
 * they are (messages under their own rule ids). Never throws on a record: a rule that fails is
 * reported as an `internal-error` message at the record's first line.
 */
export function checkRecords(records: readonly ReleaseRecord[], options: CheckOptions = {}): CheckResult {
  const all = options.allRecords ?? records
  const manifests = options.manifests ?? {}
  const rules = options.rules ?? defaultRules
  const settings: { readonly [id: string]: RuleSettings[keyof RuleSettings] } = options.settings ?? {}
  const diagnostics: PlacedMessage[] = []
  for (const record of records) {
    diagnostics.push(...record.problems)
    for (const rule of rules) {
      const context: CheckContext = {
        records: all,
        manifests,
        today: options.today ?? null,
        now: options.now,
        timeZone: options.timeZone,
        report: (at, reason, severity = rule.severity) =>
          messageAt(reason, { file: record.file, place: { line: at.line, column: at.column }, ruleId: rule.id, severity, source: 'shiplog-check' }),
      }
      try {
        diagnostics.push(...applyRuleSetting(rule.check(record, context), rule.id, settings[rule.id]))
      } catch (error) {
        diagnostics.push(
          messageAt(`Unexpected failure of rule \`${rule.id}\` (${error instanceof Error ? error.message : String(error)}), expected a report: please file a bug`, {
            file: record.file,
            place: { line: 1, column: 1 },
            ruleId: 'internal-error',
            source: 'shiplog-check',
          }),
        )
      }
    }
  }
  diagnostics.sort(compareDiagnostics)
  const paths = [...new Set(records.map((record) => record.file))].sort(compareText)
  let errors = 0
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') errors++
  return { files: paths.length, errors, warnings: diagnostics.length - errors, diagnostics, paths }
}

/** Orders messages by file, line, column, then rule and reason (a stable, total order). */
export function compareDiagnostics(a: PlacedMessage, b: PlacedMessage): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.reason, b.reason)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
