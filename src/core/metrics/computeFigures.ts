import { changeFailureRate } from './figures/changeFailureRate.ts'
import { deploymentDuration } from './figures/deploymentDuration.ts'
import { deploymentFrequency } from './figures/deploymentFrequency.ts'
import { evidence, explainedOf, failedDetail, iso, sourceName, type Figure, type FigureWindow } from './figures/figure.ts'
import { leadTime } from './figures/leadTime.ts'
import { recoveryTime } from './figures/recoveryTime.ts'
import { reworkRate } from './figures/reworkRate.ts'
import { rollbackRate } from './figures/rollbackRate.ts'
import type { Deployment } from './readDeployment.ts'
import type { FigureExplanation, FigureName, Figures } from './types.ts'

export interface ComputedFigures {
  figures: Figures
  explanation: { [figure in FigureName]: FigureExplanation }
}

/**
 * The figures of FORMAT.md §5 over `deployments` (already filtered to the window [since, until)
 * in ms, or null when there is no window): the two counts and the seven figures, one function
 * each (`./figures/`), with what every record contributed to each and what was left out. With
 * `explain` false the explanations are left empty (the trend series' periods show figures only).
 */
export function computeFigures(deployments: readonly Deployment[], window: FigureWindow, dailyDeployDays?: number, explain = true): ComputedFigures {
  const failed = deployments.filter((d) => d.failure.failed)
  const figures = {
    deploymentFrequency: deploymentFrequency(deployments, window, dailyDeployDays, explain),
    leadTime: leadTime(deployments, window, explain),
    changeFailureRate: changeFailureRate(deployments, window, explain),
    recoveryTime: recoveryTime(deployments, window, explain),
    rollbackRate: rollbackRate(deployments, window, explain),
    reworkRate: reworkRate(deployments, window, explain),
    deploymentDuration: deploymentDuration(deployments, window, explain),
  }
  const reasons: Figures['reasons'] = {}
  for (const [name, figure] of Object.entries(figures) as Array<[FigureName, Figure<unknown>]>) {
    if (figure.reason !== undefined) reasons[name] = figure.reason
  }
  return {
    figures: {
      deployments: deployments.length,
      failed: failed.length,
      deploymentFrequency: figures.deploymentFrequency.value,
      leadTime: figures.leadTime.value,
      changeFailureRate: figures.changeFailureRate.value,
      recoveryTime: figures.recoveryTime.value,
      rollbackRate: figures.rollbackRate.value,
      reworkRate: figures.reworkRate.value,
      deploymentDuration: figures.deploymentDuration.value,
      reasons,
    },
    explanation: {
      deployments: {
        from: explainedOf(explain, deployments, (d) => evidence(d, 1, `status \`${d.status}\`, deployed ${iso(d.time.date)} (${sourceName(d)})`, [d.time.from])),
        excluded: [],
      },
      failed: {
        from: explainedOf(explain, failed, (d) => evidence(d, 1, failedDetail(d), d.failure.because.map((b) => b.from))),
        excluded: [],
      },
      deploymentFrequency: figures.deploymentFrequency.explanation,
      leadTime: figures.leadTime.explanation,
      changeFailureRate: figures.changeFailureRate.explanation,
      recoveryTime: figures.recoveryTime.explanation,
      rollbackRate: figures.rollbackRate.explanation,
      reworkRate: figures.reworkRate.explanation,
      deploymentDuration: figures.deploymentDuration.explanation,
    },
  }
}
