import { DAY_MS } from '../calendar.ts'
import { frequencyClass } from '../frequencyClass.ts'
import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import type { DeploymentFrequency } from '../types.ts'
import { evidence, exclusion, iso, noDeployments, type Figure, type FigureWindow } from './figure.ts'

/**
 * Deployment frequency (FORMAT.md §5): successful deployments per week over the window,
 * count / (window days / 7), 2 decimals, and the frequency class of their deploy days
 * (`frequencyClass`). Failed deployments are left out, each with its reason.
 *
 * @example
 *   // 3 successful deployments (and 1 failed) over a 14-day window: 3 / (14 / 7) = 1.5 per week
 */
export function deploymentFrequency(deployments: readonly Deployment[], window: FigureWindow): Figure<DeploymentFrequency> {
  const successful = deployments.filter((d) => !d.failure.failed)
  const value: DeploymentFrequency = { count: successful.length, perWeek: null, class: null }
  if (deployments.length === 0 || window === null) {
    value.reason = noDeployments(window)
  } else {
    const days = (window.until - window.since) / DAY_MS
    value.perWeek = round(successful.length / (days / 7), 2)
    value.class = frequencyClass(
      successful.map((d) => d.time.date),
      window.since,
      window.until,
    )
  }
  const explanation = {
    from: successful.map((d) => evidence(d, 1, `successful deployment on ${iso(d.time.date).slice(0, 10)} (UTC)`, [d.time.from])),
    excluded: deployments
      .filter((d) => d.failure.failed)
      .map((d) => exclusion(d, 'failed-deployment', 'failed deployment: not a successful deployment')),
  }
  return value.perWeek === null && value.reason ? { value, reason: value.reason, explanation } : { value, explanation }
}
