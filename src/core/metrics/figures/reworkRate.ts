import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import { evidence, explainedOf, releaseTypeRef, noDeployments, type Figure, type FigureWindow } from './figure.ts'

/**
 * Rework rate (DORA 2024, FORMAT.md §5): `hotfix` deployments / deployments, 4 decimals.
 *
 * @example
 *   // 1 hotfix of 8 deployments: 0.125
 */
export function reworkRate(deployments: readonly Deployment[], window: FigureWindow, explain = true): Figure<number | null> {
  const explanation = {
    from: explainedOf(explain, deployments, (d) =>
      evidence(d, d.releaseType === 'hotfix' ? 1 : 0, `release_type \`${d.releaseType ?? '(none)'}\``, [releaseTypeRef(d)]),
    ),
    excluded: [],
  }
  if (deployments.length === 0) return { value: null, reason: noDeployments(window), explanation }
  const hotfixes = deployments.filter((d) => d.releaseType === 'hotfix').length
  return { value: round(hotfixes / deployments.length, 4), explanation }
}
