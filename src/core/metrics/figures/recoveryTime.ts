import { median } from '../percentile.ts'
import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import type { FigureExplanation, RecoveryTime } from '../types.ts'
import { evidence, exclusion, HOUR_MS, iso, noDeployments, plural, sourceName, type Figure, type FigureWindow } from './figure.ts'

/**
 * Failed deployment recovery time (FORMAT.md §5, 1.1): per failed deployment, `restored_at` − its
 * start, the earlier of the deploy time and the Time of its first failure-severity Issues row
 * (`Deployment.recoveryStart`); else the largest Duration among its failure-severity Issues rows; else unknown
 * (counted, not guessed). The median over the known ones, in hours (2 decimals).
 *
 * @example
 *   // restored 1.5 h after deploying; another with a 45m critical issue (0.75 h): median 1.13 h
 */
export function recoveryTime(deployments: readonly Deployment[], window: FigureWindow, explain = true): Figure<RecoveryTime> {
  const failed = deployments.filter((d) => d.failure.failed)
  const hours: number[] = []
  const explanation: FigureExplanation = { from: [], excluded: [] }
  for (const d of failed) {
    if (d.restoredAt.date) {
      const start = d.recoveryStart
      const restored = (d.restoredAt.date.getTime() - start.date.getTime()) / HOUR_MS
      hours.push(restored)
      if (!explain) continue
      const since = start.issue
        ? `first failure-severity issue ${iso(start.date)} (${start.issue.severity}, before the deploy time)`
        : `deployed ${iso(d.time.date)} (${sourceName(d)})`
      explanation.from.push(
        evidence(d, round(restored, 2), `restored_at ${iso(d.restoredAt.date)} − ${since}`, [
          { in: 'frontmatter', key: 'restored_at', line: d.restoredAt.point.line, column: d.restoredAt.point.column, text: d.restoredAt.text ?? '' },
          start.issue ? { in: 'issues', line: start.issue.line, column: start.issue.column, text: start.issue.issue || start.issue.severity } : d.time.from,
        ]),
      )
      continue
    }
    const timed = d.issues.rows.filter((row) => row.failure && row.durationMinutes !== null)
    const longest = timed.reduce<(typeof timed)[number] | undefined>(
      (best, row) => (best === undefined || (row.durationMinutes as number) > (best.durationMinutes as number) ? row : best),
      undefined,
    )
    if (longest) {
      const issueHours = (longest.durationMinutes as number) / 60
      hours.push(issueHours)
      if (explain) explanation.from.push(
        evidence(d, round(issueHours, 2), `largest Duration among failure-severity Issues rows (${longest.severity})`, [
          { in: 'issues', line: longest.line, column: longest.column, text: longest.issue || longest.severity },
        ]),
      )
      continue
    }
    if (explain) explanation.excluded.push(
      exclusion(d, 'unknown-recovery', 'no readable `restored_at` after the deploy time and no Duration on a failure-severity Issues row: recovery time unknown'),
    )
  }
  const value: RecoveryTime = {
    medianHours: hours.length > 0 ? round(median(hours) as number, 2) : null,
    known: hours.length,
    unknown: failed.length - hours.length,
  }
  if (value.medianHours !== null) return { value, explanation }
  value.reason =
    deployments.length === 0
      ? noDeployments(window)
      : failed.length === 0
        ? 'no failed deployments in the window'
        : `recovery time unknown for all ${plural(failed.length, 'failed deployment')}`
  return { value, reason: value.reason, explanation }
}
