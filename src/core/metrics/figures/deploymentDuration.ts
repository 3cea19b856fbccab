import { deploymentMinutes } from '../deploymentMinutes.ts'
import { median } from '../percentile.ts'
import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import type { DeploymentDuration, FigureExplanation } from '../types.ts'
import { evidence, exclusion, noDeployments, plural, type Figure, type FigureWindow } from './figure.ts'

/**
 * Deployment duration (FORMAT.md §5): per deployment, the sum of its Deployment Timeline rows'
 * durations (Duration, else End − Start); the median in minutes (1 decimal). A deployment with no
 * timeline row to read, or a row whose duration cannot be read, is left out and said so.
 *
 * @example
 *   // timelines of 30 + 15 min and of 50 min: median of [45, 50] = 47.5 min
 */
export function deploymentDuration(deployments: readonly Deployment[], window: FigureWindow, explain = true): Figure<DeploymentDuration> {
  const durations: number[] = []
  const explanation: FigureExplanation = { from: [], excluded: [] }
  for (const d of deployments) {
    const reading = deploymentMinutes(d)
    if (reading.kind === 'no-rows') {
      if (explain) explanation.excluded.push(exclusion(d, 'no-duration', 'no Deployment Timeline row with a Duration or Start and End Time'))
      continue
    }
    if (reading.kind === 'unknown') {
      const unknown = reading.row
      if (explain) explanation.excluded.push({
        file: d.file,
        line: unknown.line,
        code: unknown.unreadable ? 'unparseable-cell' : 'no-duration',
        reason: unknown.unreadable
          ? `Deployment Timeline row \`${unknown.phase}\`: a Start Time, End Time or Duration cell could not be read`
          : `Deployment Timeline row \`${unknown.phase}\`: no Duration, and Start or End Time missing`,
      })
      continue
    }
    const { minutes, rows } = reading
    durations.push(minutes)
    if (explain) explanation.from.push(
      evidence(
        d,
        round(minutes, 1),
        `sum of ${plural(rows.length, 'timeline row')}`,
        rows.map((row) => ({ in: 'timeline' as const, line: row.line, column: row.column, text: `${row.phase}: ${round(row.minutes as number, 1)} min` })),
      ),
    )
  }
  const value: DeploymentDuration = {
    medianMinutes: durations.length > 0 ? round(median(durations) as number, 1) : null,
    measured: durations.length,
  }
  if (value.medianMinutes !== null) return { value, explanation }
  value.reason = deployments.length === 0 ? noDeployments(window) : 'no deployment with a readable Deployment Timeline duration'
  return { value, reason: value.reason, explanation }
}
