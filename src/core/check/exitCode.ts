import { ShiplogError } from '../errors.ts'
import type { CheckResult } from './types.ts'

/** Exit codes of `shiplog check` (FORMAT.md §6). */
export const ExitCode = {
  /** No errors, and no more warnings than allowed. */
  ok: 0,
  /** Errors, or more warnings than `maxWarnings`. */
  failed: 1,
  /** A usage or configuration error: nothing was checked. */
  usage: 2,
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** A usage or configuration problem found before checking (bad flag, bad config, unknown git ref). */
export class CheckUsageError extends ShiplogError {
  constructor(message: string) {
    super(message, 2)
    this.name = 'CheckUsageError'
  }
}

export interface ExitCodeOptions {
  /** Fail when there are more warnings than this (a non-negative integer); default: warnings never fail. */
  maxWarnings?: number
}

/**
 * The exit code for a check: 2 for a usage or configuration error (a `CheckUsageError`, or a
 * `maxWarnings` that is not a non-negative integer), 1 when there is any error or more warnings
 * than `maxWarnings`, 0 otherwise.
 */
export function exitCode(outcome: CheckResult | CheckUsageError, options: ExitCodeOptions = {}): ExitCode {
  if (outcome instanceof CheckUsageError) return ExitCode.usage
  const { maxWarnings } = options
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) return ExitCode.usage
  if (outcome.errors > 0) return ExitCode.failed
  if (maxWarnings !== undefined && outcome.warnings > maxWarnings) return ExitCode.failed
  return ExitCode.ok
}

/**
 * The line saying that `--max-warnings` was exceeded ("shiplog found 12 warnings, more than
 * --max-warnings 10"), or null when it was not given or not exceeded. Warnings are counted
 * whether or not they are printed (`--quiet`), as ESLint counts them.
 */
export function maxWarningsLine(result: Pick<CheckResult, 'warnings'>, maxWarnings: number | undefined): string | null {
  if (maxWarnings === undefined || result.warnings <= maxWarnings) return null
  return `shiplog found ${result.warnings} warning${result.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`
}
