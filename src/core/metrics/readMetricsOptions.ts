import { DEFAULT_DAILY_DEPLOY_DAYS } from './frequencyClass.ts'
import { MetricsOptionError } from './MetricsOptionError.ts'
import { resolveWindowBound } from './resolveWindowBound.ts'
import { readTargets } from './targets/evaluateTargets.ts'
import type { ParsedTarget } from './targets/types.ts'
import { BENCHMARK_YEARS, LATEST_BENCHMARK } from './tiers/doraTiers.ts'
import type { BenchmarkYear, MetricsOptions, PeriodUnit } from './types.ts'

/** `MetricsOptions` checked and filled in with their defaults. */
export interface MetricsSettings {
  year: BenchmarkYear
  by: PeriodUnit
  dailyDeployDays: number
  /** The window bounds given, in ms; undefined when the deployments set them. */
  since: number | undefined
  until: number | undefined
  targets: ParsedTarget[]
  /** Lower-cased environment measured. */
  environment: string
  /** Lower-cased component, or null for every component. */
  component: string | null
  now: Date | undefined
  timeZone: string | undefined
}

/**
 * Checks the options of `computeMetrics` and gives them with their defaults, or throws a
 * `MetricsOptionError` naming the option and what was expected: before any record is read.
 */
export function readMetricsOptions(options: MetricsOptions): MetricsSettings {
  const year = options.benchmark ?? LATEST_BENCHMARK
  if (!BENCHMARK_YEARS.includes(year)) {
    throw new MetricsOptionError(`Unexpected benchmark year \`${String(year)}\`, expected one of ${BENCHMARK_YEARS.join(', ')}`)
  }
  const by = options.by ?? 'week'
  if (by !== 'week' && by !== 'month') {
    throw new MetricsOptionError(`Unexpected \`by\` \`${String(by)}\`, expected \`week\` or \`month\``)
  }
  const dailyDeployDays = options.dailyDeployDays ?? DEFAULT_DAILY_DEPLOY_DAYS
  if (typeof dailyDeployDays !== 'number' || !(dailyDeployDays >= 1 && dailyDeployDays <= 7)) {
    throw new MetricsOptionError(`Unexpected \`dailyDeployDays\` \`${String(dailyDeployDays)}\`, expected a number of deploy days per week from 1 to 7`)
  }
  const since = resolveWindowBound('since', options.since)
  const until = resolveWindowBound('until', options.until)
  if (since !== undefined && until !== undefined && since >= until) {
    throw new MetricsOptionError(
      `Unexpected window: \`since\` ${new Date(since).toISOString()} is not before \`until\` ${new Date(until).toISOString()}`,
    )
  }
  const targets = readTargets(options.targets)
  if (targets.errors.length > 0) throw new MetricsOptionError(targets.errors.join('; '))
  return {
    year,
    by,
    dailyDeployDays,
    since,
    until,
    targets: targets.targets,
    environment: (options.environment ?? 'production').trim().toLowerCase(),
    component: options.component === undefined ? null : options.component.trim().toLowerCase(),
    now: options.now,
    timeZone: options.timeZone,
  }
}
