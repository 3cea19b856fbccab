import type { CheckResult } from '../types.ts'

/**
 * The machine format of FORMAT.md §6:
 * `{ files, errors, warnings, diagnostics: [{file, line, column, rule, severity, message}] }`,
 * keys in that order, two-space indented, ending with a newline.
 */
export function formatJson(result: CheckResult): string {
  const output = {
    files: result.files,
    errors: result.errors,
    warnings: result.warnings,
    // Each message serializes to exactly those keys (`ShiplogMessage.toJSON`).
    diagnostics: result.diagnostics.map((d) => d.toJSON()),
  }
  return `${JSON.stringify(output, null, 2)}\n`
}
