import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import type { ChangeFailureRate } from '../types.ts'
import { evidence, explainedOf, failedDetail, noDeployments, type Figure, type FigureWindow } from './figure.ts'

/**
 * Change failure rate (FORMAT.md §5): failed deployments / deployments, 4 decimals; each
 * deployment counts 1 when failed (with why) and 0 otherwise.
 *
 * @example
 *   // 3 failed of 8 deployments: 0.375
 */
export function changeFailureRate(deployments: readonly Deployment[], window: FigureWindow, explain = true): Figure<ChangeFailureRate> {
  const explanation = {
    from: explainedOf(explain, deployments, (d) =>
      d.failure.failed ? evidence(d, 1, failedDetail(d), d.failure.because.map((b) => b.from)) : evidence(d, 0, 'not failed', [d.time.from]),
    ),
    excluded: [],
  }
  if (deployments.length === 0) {
    const reason = noDeployments(window)
    return { value: { rate: null, reason }, reason, explanation }
  }
  const failed = deployments.filter((d) => d.failure.failed).length
  return { value: { rate: round(failed / deployments.length, 4) }, explanation }
}
