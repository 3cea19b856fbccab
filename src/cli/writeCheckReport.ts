import { appendFileSync } from 'node:fs'
import { formatCheckResult, type CheckFormat } from '../core/check/format/formatCheckResult.ts'
import { formatJobSummary, type SummaryRecord } from '../core/check/format/jobSummary.ts'
import type { RuleInfo } from '../core/check/format/ruleInfo.ts'
import type { CheckResult } from '../core/check/types.ts'
import type { ReleaseRecord } from '../core/record/types.ts'
import { computeProgress } from '../core/status/computeProgress.ts'
import { shiplogVersion } from '../node/fs/shiplogVersion.ts'

export interface CheckReportOptions {
  color: boolean
  /** When the check started (`performance.now()`): JUnit's `time`. */
  startedAt: number
  /** The rules that ran, when not the check rules (`--templates`: none of them). */
  rules?: readonly RuleInfo[]
  /** The checked records, for the job summary's status and progress columns. */
  records: readonly ReleaseRecord[]
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
  const summaryFile = process.env['GITHUB_STEP_SUMMARY']
  if (summaryFile !== undefined && summaryFile !== '') appendJobSummary(summaryFile, result, options.records)
}

/**
 * Appends the job summary to `file` (never overwriting what earlier steps wrote). A file that
 * cannot be written costs a warning on stderr, never the check's result or exit code.
 */
function appendJobSummary(file: string, result: CheckResult, records: readonly ReleaseRecord[]): void {
  const rows: SummaryRecord[] = records.map((record) => {
    const { done, total, status } = computeProgress(record)
    return { file: record.file, status, done, total }
  })
  try {
    appendFileSync(file, formatJobSummary(result, rows))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    process.stderr.write(`shiplog: warning: could not append the job summary to ${file} (${code}); the check's result is unchanged\n`)
  }
}
