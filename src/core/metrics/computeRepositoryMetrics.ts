import type { ReleaseRecord } from '../record/types.ts'
import { inRepository } from '../record/inRepository.ts'
import { computeMetrics } from './computeMetrics.ts'
import { MetricsOptionError } from './MetricsOptionError.ts'
import type { Figures, MetricsOptions, MetricsResult } from './types.ts'

/** One repository's records (`repositoryOf` names it). */
export interface RepositoryRecords {
  name: string
  records: readonly ReleaseRecord[]
}

/** One repository's figures, over the window of all of them (`metrics --json` key `repositories`). */
export interface RepositoryFigures extends Figures {
  name: string
}

/** The combined figures of several repositories, and each one's own. */
export interface RepositoryMetricsResult extends MetricsResult {
  /** Per repository, in the order given: its figures over the combined window. */
  repositories: RepositoryFigures[]
}

export interface RepositoryMetricsOptions extends MetricsOptions {
  /** Only this repository (its name, as given). */
  repository?: string
}

const FIGURES = [
  'deployments',
  'failed',
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'rollbackRate',
  'reworkRate',
  'deploymentDuration',
  'reasons',
] as const satisfies ReadonlyArray<keyof Figures>

/**
 * The figures of several repositories (`metrics` over several project roots): the combined
 * figures of every record, each record named `<repository>/<file>` (`inRepository`) so that
 * explanations and warnings say which repository a file is in, and each repository's figures over
 * the same window, so that a repository's deployments per week are counted over the days the
 * combined figures are (one window over all). With `repository`, only that repository is measured.
 * Pure, like `computeMetrics`.
 */
export function computeRepositoryMetrics(repositories: readonly RepositoryRecords[], options: RepositoryMetricsOptions = {}): RepositoryMetricsResult {
  const { repository, ...metricsOptions } = options
  let measured = repositories
  if (repository !== undefined) {
    measured = repositories.filter((r) => r.name === repository)
    if (measured.length === 0) {
      throw new MetricsOptionError(
        `Unexpected repository \`${repository}\`, expected one of ${repositories.map((r) => `\`${r.name}\``).join(', ') || '(none)'}`,
      )
    }
  }
  const labelled = measured.map((r) => ({ name: r.name, records: inRepository(r.records, r.name) }))
  const combined = computeMetrics(
    labelled.flatMap((r) => r.records),
    metricsOptions,
  )
  const window = combined.window.since !== null && combined.window.until !== null ? { since: combined.window.since, until: combined.window.until } : {}
  const perRepository = labelled.map((r): RepositoryFigures => {
    const own = computeMetrics(r.records, { ...metricsOptions, ...window })
    const figures = Object.fromEntries(FIGURES.map((key) => [key, own[key]])) as unknown as Figures
    return { name: r.name, ...figures }
  })
  return { ...combined, repositories: perRepository }
}
