import { oneLine as plain } from '../check/format/sanitize.ts'
import { formatHours, formatPercent, formatPerWeek, NO_VALUE } from '../../shared/formatFigure.ts'
import type { RepositoryFigures } from './computeRepositoryMetrics.ts'

/**
 * The per-repository part of `shiplog metrics` over several project roots: a line per repository
 * with its deployments (failed), deployments per week over the combined window, change failure
 * rate, median lead time and median recovery time (`—` without data). Pure; ends with a newline.
 */
export function formatRepositoryFigures(repositories: readonly RepositoryFigures[]): string {
  if (repositories.length === 0) return ''
  const width = Math.max(...repositories.map((r) => plain(r.name).length)) + 2
  const lines = ['', 'Per repository (over the same window)']
  for (const r of repositories) {
    const parts = [
      `${r.deployments} deployment${r.deployments === 1 ? '' : 's'} (${r.failed} failed)`,
      r.deploymentFrequency.perWeek === null ? `${NO_VALUE} per week` : formatPerWeek(r.deploymentFrequency.perWeek),
      `change failure rate ${r.changeFailureRate.rate === null ? NO_VALUE : formatPercent(r.changeFailureRate.rate)}`,
      `lead time ${r.leadTime.medianHours === null ? NO_VALUE : formatHours(r.leadTime.medianHours)}`,
      `recovery ${r.recoveryTime.medianHours === null ? NO_VALUE : formatHours(r.recoveryTime.medianHours)}`,
    ]
    lines.push(`  ${plain(r.name).padEnd(width)}${parts.join(' · ')}`)
  }
  return `${lines.join('\n')}\n`
}
