import { ShiplogError } from '../../core/errors.ts'
import { loadProjects } from '../../node/fs/loadProjects.ts'
import { streamRecords } from '../../node/fs/streamRecords.ts'
import { printReadErrors, type UnreadRecord } from '../printReadErrors.ts'
import { createMetricsReader, type MetricsReader } from '../../core/metrics/createMetricsReader.ts'
import { createRepositoryMetricsReader } from '../../core/metrics/createRepositoryMetricsReader.ts'
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
  /** Only this repository, when several project roots are read. */
  repository?: string
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
  if (flags.repository !== undefined) nonEmpty('--repository', flags.repository, 'a repository name, e.g. payments-api')
  // One root, or several (--root given twice, or the config's `workspaces`): the settings are the main project's.
  const { main: project, repositories } = await loadProjects(globals.roots, {}, { cache: flags.cache !== false })
  options.dailyDeployDays = project.config.metrics.dailyDeployDays
  if (Object.keys(project.config.targets).length > 0) options.targets = project.config.targets
  const measureOptions = { ...options, now: new Date(), ...(project.config.timezone ? { timeZone: project.config.timezone } : {}) }
  const several = repositories.length > 1
  if (!several && flags.repository !== undefined && flags.repository !== repositories[0]?.name) {
    throw new ShiplogError(`Unexpected --repository ${JSON.stringify(flags.repository)}: expected \`${repositories[0]?.name ?? ''}\`, the one repository read (give several --root, or config \`workspaces\`)`, 2)
  }
  // The options are checked before any record is read; each record is measured as it comes and let go.
  const byRepository = several
    ? createRepositoryMetricsReader(
        repositories.map((r) => r.name),
        { ...measureOptions, ...(flags.repository === undefined ? {} : { repository: flags.repository }) },
      )
    : null
  const single = byRepository === null ? createMetricsReader(measureOptions) : null
  // Kept for the end: the records that could not be read, with their errors alone.
  const unread: UnreadRecord[] = []
  // One root after the other: each parses in its own worker pool, never two pools at once.
  for (const r of repositories) {
    const own: UnreadRecord[] = []
    const stream = streamRecords(r.project, [], { cache: flags.cache !== false, prune: true, ...(several ? { cacheScope: r.name } : {}) })
    for await (const record of stream) {
      byRepository?.add(r.name, record)
      single?.add(record)
      const errors = record.problems.filter((problem) => problem.severity === 'error')
      if (errors.length > 0) own.push({ file: several ? `${r.name}/${record.file}` : record.file, problems: errors })
    }
    // In file order, as the records are listed (skipped files come last from the stream).
    unread.push(...own.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)))
  }
  const repositoryResult = byRepository?.finish() ?? null
  const result = repositoryResult ?? (single as MetricsReader).finish()
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } else {
    process.stdout.write(
      formatMetricsReport(result, { color: globals.color, explain: flags.explain === true, ...(repositoryResult === null ? {} : { repositories: repositoryResult.repositories }) }),
    )
  }
  // Like status: the figures are printed, and a record that could not be read fails the command.
  const unreadable = printReadErrors(unread)
  // A missed target fails a scheduled job with --fail-on-targets; a target without data does not.
  const missed = flags.failOnTargets === true ? result.targets.filter((target) => target.met === false) : []
  if (missed.length > 0) {
    process.stderr.write(`${missed.length} of ${result.targets.length} target${result.targets.length === 1 ? '' : 's'} missed: ${missed.map((t) => `${t.metric} ${t.target}`).join(', ')}\n`)
  }
  return unreadable || missed.length > 0 ? 1 : 0
}
