import type { TargetResult } from '../metrics/targets/types.ts'
import type { FigureName } from '../metrics/types.ts'
import { targetOutcome } from '../metrics/targets/formatTargets.ts'
import type { TargetView } from '../../shared/pageData.ts'

/**
 * The figure whose tile and charts show a target: its own, but the deployment success rate on the
 * change failure rate (its complement) and the frequency also on the deployments chart (not on
 * the deployments tile, a count that the frequency tile beside it already rates).
 */
const FIGURES_OF: { [metric: string]: readonly FigureName[] } = {
  deploymentSuccessRate: ['changeFailureRate'],
  deploymentFrequency: ['deploymentFrequency', 'deployments'],
}

/**
 * The targets shown on a figure's tile or chart, with the line in the chart's axis unit: per cent
 * for rates (a success rate bound `b` is drawn at the failure rate `1 − b`), hours or minutes as
 * the figure, deployments per week on a weekly chart. Charts by month and tiles get no line.
 */
export function targetViewsOf(targets: readonly TargetResult[], key: FigureName, chart: 'week' | 'month' | null = null): TargetView[] {
  return targets
    .filter((t) => (FIGURES_OF[t.metric] ?? [t.metric as FigureName]).includes(key) && (chart !== null || key !== 'deployments'))
    .map((t) => ({
      metric: t.metric,
      text: `target ${t.metric === 'deploymentSuccessRate' ? 'success rate ' : ''}${t.target}`,
      outcome: targetOutcome(t),
      line: chart === null ? null : lineOf(t, chart),
    }))
}

function lineOf(t: TargetResult, chart: 'week' | 'month'): number | null {
  switch (t.unit) {
    case 'ratio':
      return Math.round((t.metric === 'deploymentSuccessRate' ? 1 - t.threshold : t.threshold) * 1000) / 10
    case 'hours':
    case 'minutes':
      return t.threshold
    case 'per week':
      // A month's bar counts a month's deployments: a bound per week has no single height there.
      return chart === 'week' ? t.threshold : null
  }
}
