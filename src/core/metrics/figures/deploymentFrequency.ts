import { DAY_MS } from '../calendar.ts'
import { frequencyClass } from '../frequencyClass.ts'
import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import type { DeploymentFrequency } from '../types.ts'
import { evidence, iso, noDeployments, type Figure, type FigureWindow } from './figure.ts'

/**
 * Deployment frequency (FORMAT.md §5, 1.1): every deployment per week over the window, failed ones
 * included (DORA asks how often changes are deployed; failure is what the change failure rate
 * measures), count / (window days / 7), 2 decimals, and the frequency class of their deploy days
 * (`frequencyClass`).
 *
 * @example
 *   // 3 deployments, 1 of them failed, over a 14-day window: 3 / (14 / 7) = 1.5 per week
 */
export function deploymentFrequency(deployments: readonly Deployment[], window: FigureWindow): Figure<DeploymentFrequency> {
  const value: DeploymentFrequency = { count: deployments.length, perWeek: null, class: null }
  if (deployments.length === 0 || window === null) {
    value.reason = noDeployments(window)
  } else {
    const days = (window.until - window.since) / DAY_MS
    value.perWeek = round(deployments.length / (days / 7), 2)
    value.class = frequencyClass(
      deployments.map((d) => d.time.date),
      window.since,
      window.until,
    )
  }
  const explanation = {
    from: deployments.map((d) =>
      evidence(d, 1, `${d.failure.failed ? 'failed ' : ''}deployment on ${iso(d.time.date).slice(0, 10)} (UTC)`, [d.time.from]),
    ),
    excluded: [],
  }
  return value.perWeek === null && value.reason ? { value, reason: value.reason, explanation } : { value, explanation }
}
