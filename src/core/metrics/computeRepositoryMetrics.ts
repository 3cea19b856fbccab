import type { ReleaseRecord } from '../record/types.ts'
import { createRepositoryMetricsReader } from './createRepositoryMetricsReader.ts'
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

/**
 * The figures of several repositories (`metrics` over several project roots): the combined
 * figures of every record, each record named `<repository>/<file>` (`inRepository`) so that
 * explanations and warnings say which repository a file is in, and each repository's figures over
 * the same window, so that a repository's deployments per week are counted over the days the
 * combined figures are (one window over all). With `repository`, only that repository is measured.
 * Pure, like `computeMetrics`; the same as `createRepositoryMetricsReader` given every record at once.
 */
export function computeRepositoryMetrics(repositories: readonly RepositoryRecords[], options: RepositoryMetricsOptions = {}): RepositoryMetricsResult {
  const reader = createRepositoryMetricsReader(
    repositories.map((r) => r.name),
    options,
  )
  for (const r of repositories) {
    for (const record of r.records) reader.add(r.name, record)
  }
  return reader.finish()
}
