import { inRepository } from '../record/inRepository.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { metricsOf } from './metricsOf.ts'
import { MetricsOptionError } from './MetricsOptionError.ts'
import { readForMetrics, type MetricsReading } from './readForMetrics.ts'
import { readMetricsOptions } from './readMetricsOptions.ts'
import type { Figures } from './types.ts'
import type { RepositoryFigures, RepositoryMetricsOptions, RepositoryMetricsResult } from './computeRepositoryMetrics.ts'

/** `computeRepositoryMetrics` one record at a time. */
export interface RepositoryMetricsReader {
  /**
   * Reads one record of `repository` (one of the names given), as read from its project root: it
   * is named `<repository>/<file>` (`inRepository`) and only what the figures need of it is kept.
   * A record of a repository that `repository` leaves out is ignored.
   */
  add(repository: string, record: ReleaseRecord): void
  /** The result `computeRepositoryMetrics` gives over every record added. */
  finish(): RepositoryMetricsResult
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
 * `computeRepositoryMetrics` for records read one at a time (`shiplog metrics` over several
 * roots): `names` are the repositories, in the order their figures are listed. Each record is
 * read as it is added and let go; the combined figures and each repository's own (over the
 * combined window) are computed at `finish` from what was kept. The options, and `repository`
 * against `names`, are checked here, before any record is read (`MetricsOptionError`).
 */
export function createRepositoryMetricsReader(names: readonly string[], options: RepositoryMetricsOptions = {}): RepositoryMetricsReader {
  const { repository, ...metricsOptions } = options
  const twice = names.find((name, index) => names.indexOf(name) !== index)
  if (twice !== undefined) throw new MetricsOptionError(`Unexpected repository \`${twice}\` given twice, expected each repository once`)
  let measured = names
  if (repository !== undefined) {
    measured = names.filter((name) => name === repository)
    if (measured.length === 0) {
      throw new MetricsOptionError(`Unexpected repository \`${repository}\`, expected one of ${names.map((name) => `\`${name}\``).join(', ') || '(none)'}`)
    }
  }
  const settings = readMetricsOptions(metricsOptions)
  const readings = new Map<string, MetricsReading[]>(measured.map((name) => [name, []]))
  return {
    add(name, record) {
      if (!names.includes(name)) {
        throw new MetricsOptionError(`Unexpected repository \`${name}\`, expected one of ${names.map((n) => `\`${n}\``).join(', ') || '(none)'}`)
      }
      const [labelled] = inRepository([record], name)
      readings.get(name)?.push(readForMetrics(labelled as ReleaseRecord, settings))
    },
    finish() {
      const combined = metricsOf([...readings.values()].flat(), settings)
      const window = combined.window.since !== null && combined.window.until !== null ? { since: combined.window.since, until: combined.window.until } : {}
      // Each repository over the combined window: its deployments per week are counted over the same days.
      const own = readMetricsOptions({ ...metricsOptions, ...window })
      const repositories = [...readings].map(([name, list]): RepositoryFigures => {
        const result = metricsOf(list, own)
        const figures = Object.fromEntries(FIGURES.map((key) => [key, result[key]])) as unknown as Figures
        return { name, ...figures }
      })
      return { ...combined, repositories }
    },
  }
}
