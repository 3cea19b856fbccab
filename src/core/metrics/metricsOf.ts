import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import { DAY_MS, startOfUtcDay } from './calendar.ts'
import { computeFigures } from './computeFigures.ts'
import { stageDurationsOf } from './computeStageDurations.ts'
import { diagnostic } from './diagnostic.ts'
import { implausibleDates } from './implausibleDates.ts'
import { rateTiers } from './rateTiers.ts'
import type { MetricsReading } from './readForMetrics.ts'
import type { MetricsSettings } from './readMetricsOptions.ts'
import type { Deployment } from './readDeployment.ts'
import { splitPeriods } from './splitPeriods.ts'
import { evaluateTargets } from './targets/evaluateTargets.ts'
import { DORA_TIERS } from './tiers/doraTiers.ts'
import type { Exclusion, Implausible, MetricsResult, MetricsWindow, PeriodFigures } from './types.ts'

/**
 * The most periods the trend series lists: the latest ones. A window of thousands of years (a
 * deployment dated 9999 by mistake) would otherwise give hundreds of thousands of periods, more
 * output than can be printed; `series.omitted` says how many earlier periods were left out.
 */
export const MAX_SERIES_PERIODS = 1000

/**
 * `computeMetrics` over what was kept of each record (`readForMetrics`), with checked options
 * (`readMetricsOptions`): the readings are put in file order first, so that the result does not
 * depend on the order they were read in.
 */
export function metricsOf(readings: readonly MetricsReading[], settings: MetricsSettings): MetricsResult {
  return resultOf(measureWindow(readings, settings), settings.by, settings)
}

/**
 * `metricsOf` by week and by month (two settings that differ in `by` alone): the window, its
 * figures and explanations are worked out once for both, the trend series once per unit.
 */
export function metricsByWeekAndMonth(readings: readonly MetricsReading[], settings: MetricsSettings): { week: MetricsResult; month: MetricsResult } {
  const measured = measureWindow(readings, settings)
  return { week: resultOf(measured, 'week', settings), month: resultOf(measured, 'month', settings) }
}

/** What a result holds besides its trend series: the same whatever unit the series is counted in. */
type MeasuredWindow = Omit<MetricsResult, 'series'> & { inWindow: Deployment[]; span: { since: number; until: number } | null }

function measureWindow(readings: readonly MetricsReading[], settings: MetricsSettings): MeasuredWindow {
  const { year, dailyDeployDays, since, until, environment, component } = settings
  const excluded: Exclusion[] = []
  const warnings: PlacedMessage[] = []
  const candidates: Deployment[] = []
  // In file order, so that the result (explanations included) does not depend on the order given.
  const ordered = [...readings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  for (const { reading } of ordered) {
    if (reading.kind === 'excluded') {
      excluded.push(reading.exclusion)
      warnings.push(...reading.problems)
    } else {
      candidates.push(reading.deployment)
    }
  }

  const times = candidates.map((d) => d.time.date.getTime())
  const afterSince = times.filter((ms) => since === undefined || ms >= since)
  const beforeUntil = times.filter((ms) => until === undefined || ms < until)
  // reduce, not Math.min(...times): a spread of 100k+ arguments overflows the stack
  const windowSince = since ?? (beforeUntil.length > 0 ? startOfUtcDay(beforeUntil.reduce((a, b) => Math.min(a, b))) : undefined)
  const windowUntil = until ?? (afterSince.length > 0 ? startOfUtcDay(afterSince.reduce((a, b) => Math.max(a, b))) + DAY_MS : undefined)
  const hasWindow = windowSince !== undefined && windowUntil !== undefined && windowSince < windowUntil
  const window: MetricsWindow = {
    since: windowSince === undefined ? null : new Date(windowSince).toISOString(),
    until: windowUntil === undefined ? null : new Date(windowUntil).toISOString(),
    days: hasWindow ? (windowUntil - windowSince) / DAY_MS : null,
    from: {
      since: since !== undefined ? 'option' : windowSince !== undefined ? 'deployments' : null,
      until: until !== undefined ? 'option' : windowUntil !== undefined ? 'deployments' : null,
    },
  }
  if (!hasWindow) {
    window.reason =
      candidates.length === 0
        ? `no ${environment} deployments${component === null ? '' : ` of \`${component}\``} to measure`
        : 'no deployments in the window given'
  }

  const inWindow: Deployment[] = []
  const implausible: Implausible[] = []
  for (const d of candidates) {
    const ms = d.time.date.getTime()
    if (hasWindow && ms >= windowSince && ms < windowUntil) {
      inWindow.push(d)
      warnings.push(...d.problems)
      // Counted as written (the figures depend on the records alone, not on when they are
      // measured); warned about and listed, so the team fixes the record.
      for (const item of implausibleDates(d, { now: settings.now, timeZone: settings.timeZone })) {
        implausible.push({ file: d.file, line: item.line, code: item.code, reason: item.reason })
        warnings.push(diagnostic(d.file, item, 'implausible-date', item.reason))
      }
    } else {
      excluded.push({
        file: d.file,
        line: d.time.from.line,
        code: 'outside-window',
        reason: `deployed ${d.time.date.toISOString()}, outside the window [${window.since ?? '…'}, ${window.until ?? '…'})`,
      })
    }
  }

  const span = hasWindow ? { since: windowSince, until: windowUntil } : null
  const { figures, explanation } = computeFigures(inWindow, span, dailyDeployDays)
  const table = DORA_TIERS[year]
  return {
    window,
    deployments: figures.deployments,
    failed: figures.failed,
    deploymentFrequency: figures.deploymentFrequency,
    leadTime: figures.leadTime,
    changeFailureRate: figures.changeFailureRate,
    recoveryTime: figures.recoveryTime,
    rollbackRate: figures.rollbackRate,
    reworkRate: figures.reworkRate,
    deploymentDuration: figures.deploymentDuration,
    reasons: figures.reasons,
    filters: { component, environment },
    benchmark: { year, report: table.report, url: table.url },
    tiers: rateTiers(figures, window.days, year),
    explain: { excluded: sortByPlace(excluded), figures: explanation, implausible: sortByPlace(implausible) },
    warnings: sortByPlace(dedupe(warnings)),
    stages: stageDurationsOf(
      ordered.map((r) => r.stages),
      { since, until },
    ),
    targets: evaluateTargets(figures, settings.targets, window.days),
    inWindow,
    span,
  }
}

/** The result of `measured` with its trend series counted by `by`. */
function resultOf(measured: MeasuredWindow, by: MetricsSettings['by'], settings: MetricsSettings): MetricsResult {
  const { inWindow, span, ...result } = measured
  const allPeriods = span ? splitPeriods(span.since, span.until, by) : []
  const listed = allPeriods.slice(-MAX_SERIES_PERIODS)
  // Deployments in time order, so that each period finds its own by binary search rather than
  // every period going over every deployment; within a period they keep the file order.
  const order = new Map(inWindow.map((d, index) => [d, index]))
  const byFile = (a: Deployment, b: Deployment): number => (order.get(a) as number) - (order.get(b) as number)
  const byTime = [...inWindow].sort((a, b) => a.time.date.getTime() - b.time.date.getTime() || byFile(a, b))
  const periods: PeriodFigures[] = listed.map((period) => {
    const inPeriod = byTime.slice(firstAtOrAfter(byTime, period.since), firstAtOrAfter(byTime, period.until)).sort(byFile)
    // A period clipped by the window is measured over its whole length, never scaled up to it:
    // one deployment in the last day of a window is 1 per week, not 7 (FORMAT.md §5, 1.1).
    return {
      period: period.label,
      since: new Date(period.since).toISOString(),
      until: new Date(period.until).toISOString(),
      partial: period.partial,
      // Figures only: a period's explanations are not part of the result.
      ...computeFigures(inPeriod, { since: period.start, until: period.end }, settings.dailyDeployDays, false).figures,
    }
  })

  // Keys in the order `MetricsResult` has always printed them.
  const { explain, warnings, stages, targets, ...head } = result
  return { ...head, series: { by, periods, omitted: allPeriods.length - listed.length }, explain, warnings, stages, targets }
}

/** Index of the first deployment at or after `ms` in deployments sorted by time. */
function firstAtOrAfter(sorted: readonly Deployment[], ms: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((sorted[middle] as Deployment).time.date.getTime() < ms) low = middle + 1
    else high = middle
  }
  return low
}

function sortByPlace<T extends { file: string; line: number; column?: number }>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  )
}

function dedupe(warnings: PlacedMessage[]): PlacedMessage[] {
  const seen = new Set<string>()
  return warnings.filter((w) => {
    const key = `${w.file}:${w.line}:${w.column}:${w.ruleId}:${w.reason}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
