import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import { evidence, explainedOf, noDeployments, statusRef, type Figure, type FigureWindow } from './figure.ts'

/**
 * Rollback rate (FORMAT.md §5): `rolled-back` deployments / deployments, 4 decimals.
 *
 * @example
 *   // 1 rolled back of 8 deployments: 0.125
 */
export function rollbackRate(deployments: readonly Deployment[], window: FigureWindow, explain = true): Figure<number | null> {
  const explanation = {
    from: explainedOf(explain, deployments, (d) => evidence(d, d.status === 'rolled-back' ? 1 : 0, `status \`${d.status}\``, [statusRef(d)])),
    excluded: [],
  }
  if (deployments.length === 0) return { value: null, reason: noDeployments(window), explanation }
  const rolledBack = deployments.filter((d) => d.status === 'rolled-back').length
  return { value: round(rolledBack / deployments.length, 4), explanation }
}
