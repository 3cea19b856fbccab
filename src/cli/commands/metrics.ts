import { ShiplogError } from '../../core/errors.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import { loadRecords } from '../../node/fs/loadRecords.ts'
import { withSkipped } from '../../node/fs/skippedRecords.ts'
import { printReadErrors } from '../printReadErrors.ts'
import { computeMetrics } from '../../core/metrics/computeMetrics.ts'
import { formatMetricsReport } from '../../core/metrics/formatMetricsReport.ts'
import { BENCHMARK_YEARS } from '../../core/metrics/tiers/doraTiers.ts'
import type { BenchmarkYear, MetricsOptions } from '../../core/metrics/types.ts'
import type { GlobalOptions } from '../globals.ts'

export interface MetricsFlags {
  since?: string
  until?: string
  component?: string
  environment?: string
  by?: string
  benchmark?: string
  explain?: boolean
  json?: boolean
  /** Exit 1 when a configured target is missed (`--fail-on-targets`). */
  failOnTargets?: boolean
  /** False with `--no-cache`: parse every record, neither reading nor writing the record cache. */
  cache?: boolean
}

/** A flag's value that must hold more than spaces (an empty one would match nothing, silently). */
function nonEmpty(flag: string, value: string, expected: string): string {
  if (value.trim() === '') throw new ShiplogError(`Unexpected empty ${flag}: expected ${expected}`, 2)
  return value
}

/** `shiplog metrics`: DORA figures and more over the project's records. */
export async function metricsCommand(flags: MetricsFlags, globals: GlobalOptions): Promise<number> {
  const options: MetricsOptions = {}
  if (flags.since !== undefined) options.since = flags.since
  if (flags.until !== undefined) options.until = flags.until
  if (flags.component !== undefined) options.component = nonEmpty('--component', flags.component, 'a component name, e.g. payments-api')
  if (flags.environment !== undefined) options.environment = nonEmpty('--environment', flags.environment, 'an environment name, e.g. production')
  if (flags.by !== undefined) {
    if (flags.by !== 'week' && flags.by !== 'month') throw new ShiplogError(`Unexpected --by ${JSON.stringify(flags.by)}: expected week or month`, 2)
    options.by = flags.by
  }
  if (flags.benchmark !== undefined) {
    const year = Number(flags.benchmark)
    if (!/^\d{4}$/.test(flags.benchmark) || !(BENCHMARK_YEARS as readonly number[]).includes(year)) {
      throw new ShiplogError(`Unexpected --benchmark ${JSON.stringify(flags.benchmark)}: expected one of ${BENCHMARK_YEARS.join(', ')}`, 2)
    }
    options.benchmark = year as BenchmarkYear
  }
  const project = await loadProject(globals.root)
  options.dailyDeployDays = project.config.metrics.dailyDeployDays
  const records = withSkipped(await loadRecords(project, [], { cache: flags.cache !== false }), project.config.template)
  if (Object.keys(project.config.targets).length > 0) options.targets = project.config.targets
  const result = computeMetrics(records, { ...options, now: new Date(), ...(project.config.timezone ? { timeZone: project.config.timezone } : {}) })
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } else {
    process.stdout.write(formatMetricsReport(result, { color: globals.color, explain: flags.explain === true }))
  }
  // Like status: the figures are printed, and a record that could not be read fails the command.
  const unreadable = printReadErrors(records)
  // A missed target fails a scheduled job with --fail-on-targets; a target without data does not.
  const missed = flags.failOnTargets === true ? result.targets.filter((target) => target.met === false) : []
  if (missed.length > 0) {
    process.stderr.write(`${missed.length} of ${result.targets.length} target${result.targets.length === 1 ? '' : 's'} missed: ${missed.map((t) => `${t.metric} ${t.target}`).join(', ')}\n`)
  }
  return unreadable || missed.length > 0 ? 1 : 0
}
