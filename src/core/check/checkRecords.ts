import type { ReleaseRecord } from '../record/types.ts'
import type { TemplateManifest } from '../template/types.ts'
import { rules as defaultRules } from './rules/index.ts'
import type { CheckContext, CheckResult, CheckRule, Diagnostic } from './types.ts'

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
}

/**
 * Checks records: runs every rule on every record and passes the parser's problems through as
 * diagnostics under their own rule ids. Never throws on a record: a rule that fails is reported as
 * an `internal-error` diagnostic at the record's first line.
 */
export function checkRecords(records: readonly ReleaseRecord[], options: CheckOptions = {}): CheckResult {
  const context: CheckContext = { records: options.allRecords ?? records, manifests: options.manifests ?? {} }
  const rules = options.rules ?? defaultRules
  const diagnostics: Diagnostic[] = []
  for (const record of records) {
    for (const problem of record.problems) {
      diagnostics.push({
        file: record.file,
        line: problem.line,
        column: problem.column,
        rule: problem.rule,
        severity: problem.severity,
        message: problem.message,
      })
    }
    for (const rule of rules) {
      try {
        for (const report of rule.check(record, context)) {
          diagnostics.push({
            file: record.file,
            line: report.line,
            column: report.column,
            rule: rule.id,
            severity: report.severity ?? rule.severity,
            message: report.message,
          })
        }
      } catch (error) {
        diagnostics.push({
          file: record.file,
          line: 1,
          column: 1,
          rule: 'internal-error',
          severity: 'error',
          message: `Unexpected failure of rule \`${rule.id}\` (${error instanceof Error ? error.message : String(error)}), expected a report: please file a bug`,
        })
      }
    }
  }
  diagnostics.sort(compareDiagnostics)
  const paths = [...new Set(records.map((record) => record.file))].sort(compareText)
  let errors = 0
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') errors++
  return { files: paths.length, errors, warnings: diagnostics.length - errors, diagnostics, paths }
}

/** Orders diagnostics by file, line, column, then rule and message (a stable, total order). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule) || compareText(a.message, b.message)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
