import { DAY_MS } from '../calendar.ts'
import { readFrequencyClass } from '../frequencyClass.ts'
import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import type { DeploymentFrequency } from '../types.ts'
import { evidence, explainedOf, iso, noDeployments, type Figure, type FigureWindow } from './figure.ts'

/**
 * Deployment frequency (FORMAT.md §5, 1.1): every deployment per week over the window, failed ones
 * included (DORA asks how often changes are deployed; failure is what the change failure rate
 * measures), count / (window days / 7), 2 decimals, and the frequency class of their deploy days
 * (`readFrequencyClass`, `daily` from `dailyDeployDays` deploy days in the median week), with the
 * median deploy days per week and per month it was read from.
 *
 * @example
 *   // 3 deployments, 1 of them failed, over a 14-day window: 3 / (14 / 7) = 1.5 per week
 */
export function deploymentFrequency(
  deployments: readonly Deployment[],
  window: FigureWindow,
  dailyDeployDays?: number,
  explain = true,
): Figure<DeploymentFrequency> {
  const value: DeploymentFrequency = { count: deployments.length, perWeek: null, class: null }
  if (deployments.length === 0 || window === null) {
    value.reason = noDeployments(window)
    value.medianDaysPerWeek = null
    value.medianDaysPerMonth = null
  } else {
    const days = (window.until - window.since) / DAY_MS
    value.perWeek = round(deployments.length / (days / 7), 2)
    const reading = readFrequencyClass(
      deployments.map((d) => d.time.date),
      window.since,
      window.until,
      dailyDeployDays,
    )
    value.class = reading.class
    value.medianDaysPerWeek = reading.medianDaysPerWeek
    value.medianDaysPerMonth = reading.medianDaysPerMonth
    value.dailyDeployDays = reading.dailyDeployDays
  }
  const explanation = {
    from: explainedOf(explain, deployments, (d) =>
      evidence(d, 1, `${d.failure.failed ? 'failed ' : ''}deployment on ${iso(d.time.date).slice(0, 10)} (UTC)`, [d.time.from]),
    ),
    excluded: [],
  }
  return value.perWeek === null && value.reason ? { value, reason: value.reason, explanation } : { value, explanation }
}
