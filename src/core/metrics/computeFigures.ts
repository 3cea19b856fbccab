import { changeFailureRate } from './figures/changeFailureRate.ts'
import { deploymentDuration } from './figures/deploymentDuration.ts'
import { deploymentFrequency } from './figures/deploymentFrequency.ts'
import { evidence, failedDetail, iso, sourceName, type Figure, type FigureWindow } from './figures/figure.ts'
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
 * each (`./figures/`), with what every record contributed to each and what was left out.
 */
export function computeFigures(deployments: readonly Deployment[], window: FigureWindow, dailyDeployDays?: number): ComputedFigures {
  const failed = deployments.filter((d) => d.failure.failed)
  const figures = {
    deploymentFrequency: deploymentFrequency(deployments, window, dailyDeployDays),
    leadTime: leadTime(deployments, window),
    changeFailureRate: changeFailureRate(deployments, window),
    recoveryTime: recoveryTime(deployments, window),
    rollbackRate: rollbackRate(deployments, window),
    reworkRate: reworkRate(deployments, window),
    deploymentDuration: deploymentDuration(deployments, window),
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
        from: deployments.map((d) => evidence(d, 1, `status \`${d.status}\`, deployed ${iso(d.time.date)} (${sourceName(d)})`, [d.time.from])),
        excluded: [],
      },
      failed: {
        from: failed.map((d) => evidence(d, 1, failedDetail(d), d.failure.because.map((b) => b.from))),
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
