import { median, percentile } from '../percentile.ts'
import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import type { FigureExplanation, LeadTime } from '../types.ts'
import { exclusion, HOUR_MS, iso, noDeployments, sourceName, type Figure, type FigureWindow } from './figure.ts'

/**
 * Lead time for changes (FORMAT.md §5): per change of a successful deployment, its deploy time −
 * `committed_at`, in hours; the median and the 90th percentile (2 decimals). A change without a
 * readable `committed_at`, or committed at or after its deploy time, is dropped and said so; the
 * changes of failed deployments are not counted.
 *
 * @example
 *   // changes committed 26 h and 2 h before their deploy times: median 14 h, p90 2 + 0.9 · 24 = 23.6 h
 */
export function leadTime(deployments: readonly Deployment[], window: FigureWindow): Figure<LeadTime> {
  const successful = deployments.filter((d) => !d.failure.failed)
  const hours: number[] = []
  const explanation: FigureExplanation = { from: [], excluded: [] }
  for (const d of deployments) {
    if (d.failure.failed && d.changes.length > 0) {
      explanation.excluded.push(exclusion(d, 'failed-deployment', `failed deployment: its changes (${d.changes.length}) are not counted`))
    }
  }
  let dropped = 0
  for (const d of successful) {
    if (d.changes.length === 0) {
      explanation.excluded.push(exclusion(d, 'no-changes', 'no `changes` listed'))
      continue
    }
    for (const change of d.changes) {
      const label = `change \`${change.id}\``
      if (change.committedAt === null) {
        dropped += 1
        explanation.excluded.push({
          file: d.file,
          line: change.line,
          code: change.committedAtText === null ? 'missing-value' : 'unparseable-cell',
          reason: change.committedAtText === null ? `${label}: no \`committed_at\`` : `${label}: unreadable \`committed_at\` \`${change.committedAtText}\``,
        })
        continue
      }
      const lead = (d.time.date.getTime() - change.committedAt.getTime()) / HOUR_MS
      if (lead <= 0) {
        dropped += 1
        explanation.excluded.push({
          file: d.file,
          line: change.line,
          code: 'not-positive',
          reason: `${label} committed ${iso(change.committedAt)}, not before its deploy time ${iso(d.time.date)}: lead time ${round(lead, 2)} h dropped`,
        })
        continue
      }
      hours.push(lead)
      explanation.from.push({
        file: d.file,
        line: change.line,
        value: round(lead, 2),
        detail: `${label} committed ${iso(change.committedAt)}, deployed ${iso(d.time.date)} (${sourceName(d)})`,
        from: [
          { in: 'frontmatter', key: `changes.${change.index}.committed_at`, line: change.line, column: change.column, text: change.committedAtText ?? '' },
          d.time.from,
        ],
      })
    }
  }
  const value: LeadTime = { medianHours: null, p90Hours: null, changes: hours.length, dropped }
  if (hours.length > 0) {
    value.medianHours = round(median(hours) as number, 2)
    value.p90Hours = round(percentile(hours, 0.9) as number, 2)
    return { value, explanation }
  }
  if (deployments.length === 0) value.reason = noDeployments(window)
  else if (successful.length === 0) value.reason = 'no successful deployments in the window'
  else {
    value.reason =
      dropped > 0
        ? `no change committed before its deploy time with a readable \`committed_at\` (${dropped} dropped)`
        : 'no `changes` listed in the successful deployments'
  }
  return { value, reason: value.reason, explanation }
}
