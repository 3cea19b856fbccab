import picocolors from 'picocolors'
import { oneLine as plain } from '../check/format/sanitize.ts'
import { frequencyReason } from './frequencyReason.ts'
import { round } from './round.ts'
import { FIGURE_UNITS, formatBusinessDays, formatDecimal, formatHours, formatMinutes, formatPercent, formatPerWeek, formatValue } from '../../shared/formatFigure.ts'
import { sparkline } from './sparkline.ts'
import type { RepositoryFigures } from './computeRepositoryMetrics.ts'
import { formatRepositoryFigures } from './formatRepositoryFigures.ts'
import { formatTargets, explainTargets } from './targets/formatTargets.ts'
import type { DeploymentFrequency, FigureExplanation, FigureName, MetricsResult, StageDuration, Tier, TierRating } from './types.ts'

export interface FormatMetricsReportOptions {
  /** Use ANSI colours (the CLI passes true only on a TTY without NO_COLOR). */
  color: boolean
  /** Add, per figure, the records and rows it came from and what was left out, and every warning. */
  explain?: boolean
  /** Several repositories measured together: a line per repository after the figures (`formatRepositoryFigures`). */
  repositories?: readonly RepositoryFigures[]
}

type Colors = ReturnType<typeof picocolors.createColors>

const LABELS: { [figure in FigureName]: string } = {
  deployments: 'Deployments',
  failed: 'Failed deployments',
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  recoveryTime: 'Recovery time',
  rollbackRate: 'Rollback rate',
  reworkRate: 'Rework rate',
  deploymentDuration: 'Deployment duration',
}

const WIDTH = 24

/**
 * The terminal report of `shiplog metrics`: the window, every figure (or why it is null), the
 * DORA tier of the four keys with the report year beside it, and a sparkline of deployments per
 * period. Pure: returns the text, ending with a newline. Text from records (file names, messages)
 * is written on one line without control characters, so no escape sequence reaches the terminal.
 */
export function formatMetricsReport(result: MetricsResult, options: FormatMetricsReportOptions): string {
  const c = picocolors.createColors(options.color)
  const lines: string[] = []
  const scope = plain([result.filters.environment, result.filters.component].filter((part) => part !== null).join(' · '))
  const window =
    result.window.since && result.window.until
      ? `${day(result.window.since)} → ${day(result.window.until)} (${formatDecimal(result.window.days ?? 0, 2)} days, UTC, end exclusive)`
      : `no window: ${result.window.reason ?? 'nothing to measure'}`
  lines.push(`${c.bold('Delivery metrics')} ${c.dim('·')} ${scope} ${c.dim('·')} ${window}`)
  lines.push(c.dim(`Tiers: ${result.benchmark.report}, ${result.benchmark.url}`))
  lines.push('')

  const none = (reason: string | undefined): string => `${c.dim('—')} ${c.dim(reason ?? 'no data')}`
  const table: Array<{ label: string; value: string; tier: string }> = []
  const row = (label: string, value: string, rating?: TierRating): void => {
    table.push({ label, value, tier: rating ? formatTier(c, rating) : '' })
  }

  row(LABELS.deployments, `${result.deployments}${result.deployments > 0 ? c.dim(` (${result.failed} failed)`) : ''}`)
  const frequency = result.deploymentFrequency
  row(
    LABELS.deploymentFrequency,
    frequency.perWeek === null ? none(frequency.reason) : `${formatPerWeek(frequency.perWeek)} · ${frequency.class ?? ''}`,
    result.tiers.deploymentFrequency,
  )
  const lead = result.leadTime
  row(
    LABELS.leadTime,
    lead.medianHours === null
      ? none(lead.reason)
      : `median ${formatHours(lead.medianHours)} · p90 ${formatHours(lead.p90Hours ?? 0)} · ${count(lead.changes, 'change')}${lead.dropped > 0 ? c.dim(` (${lead.dropped} dropped)`) : ''}`,
    result.tiers.leadTime,
  )
  const failure = result.changeFailureRate
  row(LABELS.changeFailureRate, failure.rate === null ? none(failure.reason) : formatPercent(failure.rate), result.tiers.changeFailureRate)
  const recovery = result.recoveryTime
  row(
    LABELS.recoveryTime,
    recovery.medianHours === null
      ? `${none(recovery.reason)}${recovery.unknown > 0 ? c.dim(` (${recovery.unknown} unknown)`) : ''}`
      : `median ${formatHours(recovery.medianHours)} · ${recovery.known} known · ${recovery.unknown} unknown`,
    result.tiers.recoveryTime,
  )
  row(LABELS.rollbackRate, result.rollbackRate === null ? none(result.reasons.rollbackRate) : formatPercent(result.rollbackRate))
  row(LABELS.reworkRate, result.reworkRate === null ? none(result.reasons.reworkRate) : formatPercent(result.reworkRate))
  const duration = result.deploymentDuration
  row(
    LABELS.deploymentDuration,
    duration.medianMinutes === null ? none(duration.reason) : `median ${formatMinutes(duration.medianMinutes)} · ${count(duration.measured, 'deployment')}`,
  )

  const valueWidth = table.reduce((width, r) => (r.tier === '' ? width : Math.max(width, visibleLength(r.value))), 0)
  for (const r of table) {
    const value = r.tier === '' ? r.value : r.value + ' '.repeat(Math.max(0, valueWidth - visibleLength(r.value)))
    lines.push(`${r.label.padEnd(WIDTH)}${value}${r.tier === '' ? '' : `  ${r.tier}`}`.trimEnd())
  }

  const periods = result.series.periods
  if (periods.length > 0) {
    lines.push('')
    const first = periods[0]?.period ?? ''
    const last = periods[periods.length - 1]?.period ?? ''
    const counts = periods.map((period) => period.deployments)
    const max = counts.reduce((a, b) => Math.max(a, b), 0)
    const omitted = result.series.omitted > 0 ? `; the last ${periods.length} of ${periods.length + result.series.omitted} ${result.series.by}s` : ''
    lines.push(
      `${`Deployments per ${result.series.by}`.padEnd(WIDTH)}${c.cyan(sparkline(counts))}  ${c.dim(
        periods.length === 1 && omitted === '' ? first : `${first} … ${last} (max ${max}${omitted})`,
      )}`,
    )
  }

  if (result.stages.length > 0) {
    lines.push('', `${c.bold('Stage durations')} ${c.dim('(median actual against expected; days are business days, Monday to Friday)')}`)
    const width = Math.max(WIDTH, ...result.stages.map((stage) => plain(stage.name).length + 4))
    for (const stage of result.stages) lines.push(`  ${plain(stage.name).padEnd(width - 2)}${stageSummary(c, stage)}`)
  }
  if (result.targets.length > 0) lines.push('', ...formatTargets(c, result.targets, WIDTH))
  if (options.repositories !== undefined && options.repositories.length > 0) lines.push(formatRepositoryFigures(options.repositories).replace(/\n$/, ''))

  if (options.explain) {
    if (result.stages.length > 0) {
      lines.push('', c.bold('Stage durations'))
      for (const stage of result.stages) {
        if (stage.from.length === 0) lines.push(`  ${plain(stage.name)}  ${c.dim('nothing: no record has started and ended it')}`)
        for (const item of stage.from) {
          const took = stage.expected?.unit === 'hours' ? `${item.hours} h` : `${formatBusinessDays(item.days)} (${item.hours} h)`
          lines.push(`  ${c.dim(`${plain(item.file)}:${item.line}`)}  ${plain(stage.name)}: ${took}  ${c.dim(`${plain(item.started)} → ${plain(item.ended)}`)}`)
        }
      }
    }
    for (const figure of Object.keys(LABELS) as FigureName[]) {
      lines.push('', c.bold(LABELS[figure]))
      if (figure === 'deploymentFrequency') lines.push(...explainFrequencyClass(result.deploymentFrequency))
      lines.push(...explainFigure(c, result.explain.figures[figure], figure))
    }
    if (result.explain.implausible.length > 0) {
      lines.push('', c.bold('Implausible dates (counted as written; fix the records)'))
      for (const item of result.explain.implausible) lines.push(`  ${c.dim(`${plain(item.file)}:${item.line}`)}  ${plain(item.reason)}`)
    }
    lines.push('', c.bold(`Tiers (DORA ${result.tiers.year})`))
    for (const key of ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime'] as const) {
      lines.push(...explainTier(c, result.tiers[key]))
    }
    if (result.targets.length > 0) lines.push('', c.bold('Targets'), ...explainTargets(result.targets))
    if (result.explain.excluded.length > 0) {
      lines.push('', c.bold('Records left out'))
      for (const item of result.explain.excluded) lines.push(`  ${c.dim(`${plain(item.file)}:${item.line}`)}  ${plain(item.reason)}`)
    }
  }
  if (result.warnings.length > 0) {
    lines.push('', c.yellow(`${count(result.warnings.length, 'warning')} in the records measured`))
    const shown = options.explain ? result.warnings : result.warnings.slice(0, 5)
    for (const w of shown) lines.push(`  ${c.dim(`${plain(w.file)}:${w.line}:${w.column}`)}  ${plain(w.reason)}`)
    if (shown.length < result.warnings.length) lines.push(c.dim(`  … ${result.warnings.length - shown.length} more`))
  }
  return `${lines.join('\n')}\n`
}

/** `Release Manager · median 1.2 business days · expected 1 day · 3 records · over`. */
function stageSummary(c: Colors, stage: StageDuration): string {
  const parts: string[] = []
  if (stage.role) parts.push(plain(stage.role))
  const inHours = stage.expected?.unit === 'hours'
  if (stage.medianHours === null || stage.medianDays === null) parts.push(c.dim('no record has started and ended it'))
  else parts.push(inHours ? `median ${stage.medianHours} h` : `median ${formatBusinessDays(stage.medianDays)}`)
  if (stage.expected) parts.push(`expected ${plain(stage.expected.text)}`)
  parts.push(count(stage.count, 'record'))
  if (stage.over === true) parts.push(c.red('over'))
  else if (stage.over === false) parts.push(c.green('within'))
  return parts.join(c.dim(' · '))
}

function explainFigure(c: Colors, explanation: FigureExplanation, figure: FigureName): string[] {
  const lines: string[] = []
  if (explanation.from.length === 0 && explanation.excluded.length === 0) return [c.dim('  nothing')]
  const unit = FIGURE_UNITS[figure]
  for (const item of explanation.from) {
    // Durations as the figure shows them (as on the site); counts and rates contribute 1 or 0.
    const shown = item.value === null ? null : unit === 'hours' || unit === 'minutes' ? formatValue(unit, item.value) : String(item.value)
    const value = shown === null ? '' : `${shown}  `
    const rows = item.from.map((ref) => `${ref.in}:${ref.line}`).join(', ')
    lines.push(`  ${c.dim(`${plain(item.file)}:${item.line}`)}  ${value}${plain(item.detail)}${rows ? c.dim(`  [${rows}]`) : ''}`)
  }
  for (const item of explanation.excluded) lines.push(`  ${c.dim(`${plain(item.file)}:${item.line}`)}  ${c.dim('left out:')} ${plain(item.reason)}`)
  return lines
}

/** Why the frequency class was given: the two medians it was read from and the thresholds. */
function explainFrequencyClass(frequency: DeploymentFrequency): string[] {
  if (frequency.class === null || frequency.medianDaysPerWeek == null || frequency.medianDaysPerMonth == null) return []
  const daily = frequency.dailyDeployDays ?? 3
  return [
    `  class ${frequency.class}: ${frequencyReason(frequency)}` +
      ` (daily from ${daily} deploy days in the median week, weekly from 1; else monthly from 1 deploy day in the median month)`,
  ]
}

/** A rating's band, the edge the value was compared with, and the rule that broke a tie. */
function explainTier(c: Colors, rating: TierRating): string[] {
  if (rating.tier === null) return [`  ${rating.metric}: ${c.dim(`not rated: ${rating.reason ?? 'no data'}`)}`]
  const lines = [
    `  ${rating.metric}: ${rating.tier.toUpperCase()}, band ${rating.band ?? ''}${rating.split === undefined ? '' : ` (split: ${rating.split})`}${rating.within ? '' : ' (worse than every band)'}, edge ${rating.edge ?? ''}`,
  ]
  if (rating.tie !== undefined) lines.push(`    ${c.dim('tie:')} ${rating.tie}`)
  return lines
}

function formatTier(c: Colors, rating: TierRating): string {
  if (rating.tier === null) return ''
  const paint: { [tier in Tier]: (text: string) => string } = { elite: c.green, high: c.cyan, medium: c.yellow, low: c.red }
  const band = rating.within
    ? `${rating.band ?? ''}${rating.split === undefined ? '' : `; split: ${rating.split}`}`
    : `worse than every band; lowest: ${rating.band ?? ''}`
  return `${paint[rating.tier](rating.tier.toUpperCase())} ${c.dim(`(DORA ${rating.year}: ${band})`)}`
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g

function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length
}

function day(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
