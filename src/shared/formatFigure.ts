/**
 * How figures are printed, by the terminal report (`shiplog metrics`) and by the site alike: one
 * function per kind of figure (durations in hours, durations in minutes, rates, per week), so the
 * CLI and the site show the same string for the same records, and the tests can state the
 * expected strings by hand. The JSON keeps the full numbers (FORMAT.md §6); only display rounds.
 */
import type { FigureName } from '../core/metrics/types.ts'

/** Up to `digits` decimals, trailing zeros dropped: `2.50` → `2.5`, `3.00` → `3`. */
export function formatDecimal(value: number, digits = 2): string {
  const factor = 10 ** digits
  const rounded = Math.round((value + Math.sign(value) * Number.EPSILON) * factor) / factor
  return String(rounded === 0 ? 0 : rounded)
}

/** A unit a duration is printed in: its name and how many of it make one hour. */
export interface DurationUnit {
  name: 'min' | 'h' | 'days'
  perHour: number
  /** Decimals printed. */
  digits: number
}

/** The unit a duration in hours is printed in: under 1 h minutes, under 72 h hours, else days. */
export function durationUnitOf(hours: number): DurationUnit {
  if (hours < 1) return { name: 'min', perHour: 60, digits: 0 }
  if (hours < 72) return { name: 'h', perHour: 1, digits: 1 }
  return { name: 'days', perHour: 1 / 24, digits: 1 }
}

/** A duration in hours: under 1 h in minutes, under 72 h in hours, else in days (`26.5 h`, `3.2 days`). */
export function formatHours(hours: number): string {
  return formatIn(durationUnitOf(hours), hours)
}

/** A duration in hours printed in the unit given (`26.5 h`, `0.5 days`), as a chart prints its bars in its headline's unit. */
export function formatIn(unit: DurationUnit, hours: number): string {
  return `${formatDecimal(hours * unit.perHour, unit.digits)} ${unit.name}`
}

/** A duration in minutes: `45 min`, `1 h 30 min`, `2 h`. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${formatDecimal(minutes, 1)} min`
  const whole = Math.round(minutes)
  const h = Math.floor(whole / 60)
  const m = whole % 60
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** A fraction as a percentage with at most one decimal: `0.25` → `25%`, `1/3` → `33.3%`. */
export function formatPercent(fraction: number): string {
  return `${formatDecimal(fraction * 100, 1)}%`
}

/** Deployments per week: `2.33 per week`. */
export function formatPerWeek(perWeek: number): string {
  return `${formatDecimal(perWeek, 2)} per week`
}

/** Printed for a figure without data. */
export const NO_VALUE = '—'

export type FigureUnit = 'count' | 'perWeek' | 'hours' | 'rate' | 'minutes'

/** The unit each figure is measured and printed in. */
export const FIGURE_UNITS: { readonly [figure in FigureName]: FigureUnit } = {
  deployments: 'count',
  failed: 'count',
  deploymentFrequency: 'perWeek',
  leadTime: 'hours',
  changeFailureRate: 'rate',
  recoveryTime: 'hours',
  rollbackRate: 'rate',
  reworkRate: 'rate',
  deploymentDuration: 'minutes',
}

/** A figure's value as printed, by its unit. */
export function formatValue(unit: FigureUnit, value: number): string {
  switch (unit) {
    case 'count':
      return formatDecimal(value, 0)
    case 'perWeek':
      return formatPerWeek(value)
    case 'hours':
      return formatHours(value)
    case 'rate':
      return formatPercent(value)
    case 'minutes':
      return formatMinutes(value)
  }
}

/** Business days for people: `1 business day`, `1.35 business days` (Monday to Friday, 24 hours each). */
export function formatBusinessDays(days: number): string {
  return `${days} business day${days === 1 ? '' : 's'}`
}
