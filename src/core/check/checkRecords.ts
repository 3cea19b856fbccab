import type { ReleaseRecord } from '../record/types.ts'
import type { TemplateManifest } from '../template/types.ts'
import { createChecker } from './createChecker.ts'
import type { RuleSettings } from './ruleSetting.ts'
import type { CheckResult, CheckRule } from './types.ts'

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
 * they are (messages under their own rule ids), comparing them with `allRecords` for rules across
 * records (`createChecker`, which takes records one at a time). Never throws on a record: a rule
 * that fails is reported as an `internal-error` message at the record's first line.
 */
export function checkRecords(records: readonly ReleaseRecord[], options: CheckOptions = {}): CheckResult {
  const checker = createChecker(options)
  for (const record of records) checker.add(record)
  const checked = new Set(records)
  for (const record of options.allRecords ?? []) if (!checked.has(record)) checker.add(record, false)
  return checker.finish()
}
