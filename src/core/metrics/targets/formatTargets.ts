import type picocolors from 'picocolors'
import { oneLine as plain } from '../../check/format/sanitize.ts'
import { round } from '../round.ts'
import { targetMetricInfo } from './targetMetrics.ts'
import type { TargetResult, TargetUnit } from './types.ts'

type Colors = ReturnType<typeof picocolors.createColors>

/** A target's value for reading, in the unit it was written in (`25%`, `1.5 h`, `12 min`, `3.5 per week`). */
export function formatTargetValue(unit: TargetUnit, value: number): string {
  switch (unit) {
    case 'ratio':
      return `${round(value * 100, 2)}%`
    case 'hours':
      return value < 1 ? `${round(value * 60, 1)} min` : `${round(value, 2)} h`
    case 'minutes':
      return value < 120 ? `${round(value, 1)} min` : `${round(value / 60, 2)} h`
    case 'per week':
      return `${round(value, 2)} per week`
  }
}

/** `met`, `MISSED` or `no data`: words, so the outcome reads without colour. */
export function targetOutcome(result: TargetResult): 'met' | 'missed' | 'no data' {
  return result.met === null ? 'no data' : result.met ? 'met' : 'missed'
}

/**
 * The Targets section of the terminal report: per target its label, the target as written, the
 * value and `met` / `MISSED` / `no data (reason)`, then how many were missed.
 */
export function formatTargets(c: Colors, targets: readonly TargetResult[], width: number): string[] {
  const rows = targets.map((t) => ({
    label: targetMetricInfo(t.metric)?.label ?? t.metric,
    target: plain(t.target),
    value: t.value === null ? '—' : formatTargetValue(t.unit, t.value),
    outcome:
      t.met === null ? c.dim(`no data: ${plain(t.reason ?? 'no data')}`) : t.met ? c.green('met') : c.red(c.bold('MISSED')),
  }))
  const targetWidth = rows.reduce((w, r) => Math.max(w, [...r.target].length), 0)
  const valueWidth = rows.reduce((w, r) => Math.max(w, [...r.value].length), 0)
  const missed = targets.filter((t) => t.met === false).length
  const unknown = targets.filter((t) => t.met === null).length
  const summary = `${missed} of ${targets.length} missed${unknown > 0 ? `, ${unknown} without data` : ''}`
  return [
    `${c.bold('Targets')} ${c.dim(`(${summary})`)}`,
    ...rows.map((r) => `${r.label.padEnd(width)}${r.target.padEnd(targetWidth)}  ${r.value.padEnd(valueWidth)}  ${r.outcome}`),
  ]
}

const WORDS: { [operator: string]: string } = { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least' }

/** For `--explain`: where each target's value comes from and the comparison made. */
export function explainTargets(targets: readonly TargetResult[]): string[] {
  return targets.map((t) => {
    const info = targetMetricInfo(t.metric)
    const bound = `${WORDS[t.operator] ?? t.operator} ${formatTargetValue(t.unit, t.threshold)}`
    const value = t.value === null ? `no value (${plain(t.reason ?? 'no data')})` : `${t.value} (${formatTargetValue(t.unit, t.value)})`
    return `  ${t.metric} ${plain(t.target)}: ${info?.source ?? t.metric} = ${value}; target ${bound} → ${targetOutcome(t)}`
  })
}
