import type { CheckResult } from './types.ts'

/**
 * The result as `--quiet` prints it: its errors only, `warnings` 0 (ESLint's `getErrorResults`).
 * The exit code is still taken from the whole result, so `--max-warnings` counts every warning.
 */
export function errorsOnly(result: CheckResult): CheckResult {
  return { ...result, warnings: 0, diagnostics: result.diagnostics.filter((message) => message.severity === 'error') }
}
