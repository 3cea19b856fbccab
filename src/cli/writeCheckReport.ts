import { appendFileSync } from 'node:fs'
import { formatCheckResult, type CheckFormat } from '../core/check/format/formatCheckResult.ts'
import { formatJobSummary, type SummaryRecord } from '../core/check/format/jobSummary.ts'
import type { RuleInfo } from '../core/check/format/ruleInfo.ts'
import type { CheckResult } from '../core/check/types.ts'
import { shiplogVersion } from '../node/fs/shiplogVersion.ts'

export interface CheckReportOptions {
  color: boolean
  /** When the check started (`performance.now()`): JUnit's `time`. */
  startedAt: number
  /** The rules that ran, when not the check rules (`--templates`: none of them). */
  rules?: readonly RuleInfo[]
  /** The job summary's row of each checked record (`summaryRowOf`), when there is a job summary (`jobSummaryFile`). */
  summaryRows: readonly SummaryRecord[]
}

/** The file the job summary is appended to (`GITHUB_STEP_SUMMARY`, as on GitHub Actions), or null. */
export function jobSummaryFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = env['GITHUB_STEP_SUMMARY']
  return file === undefined || file === '' ? null : file
}

/**
 * Prints a check result in `format` on stdout and, when `GITHUB_STEP_SUMMARY` names a file (as on
 * GitHub Actions), appends the job summary to it: whatever the format, so nothing hides behind
 * the annotation cap.
 */
export function writeCheckReport(result: CheckResult, format: CheckFormat, options: CheckReportOptions): void {
  const output = formatCheckResult(result, format, {
    color: options.color,
    version: shiplogVersion(),
    elapsedMs: performance.now() - options.startedAt,
    ...(options.rules === undefined ? {} : { rules: options.rules }),
  })
  process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`)
  const summaryFile = jobSummaryFile()
  if (summaryFile !== null) appendJobSummary(summaryFile, result, options.summaryRows)
}

/**
 * Appends the job summary to `file` (never overwriting what earlier steps wrote). A file that
 * cannot be written costs a warning on stderr, never the check's result or exit code.
 */
function appendJobSummary(file: string, result: CheckResult, rows: readonly SummaryRecord[]): void {
  try {
    appendFileSync(file, formatJobSummary(result, rows))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    process.stderr.write(`shiplog: warning: could not append the job summary to ${file} (${code}); the check's result is unchanged\n`)
  }
}
