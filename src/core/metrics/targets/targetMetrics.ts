import { round } from '../round.ts'
import type { Figures } from '../types.ts'
import type { TargetMetric, TargetUnit } from './types.ts'

/** How a target's bound is written: a percentage, a duration, or a number of deployments per day or week. */
export type TargetKind = 'rate' | 'duration' | 'frequency'

export interface TargetMetricInfo {
  metric: TargetMetric
  label: string
  kind: TargetKind
  unit: TargetUnit
  /**
   * The figure a target is checked against, as the metrics JSON reports it, and why it is null.
   * `windowDays` is the window's length when it has one (`window.days`).
   */
  value: (figures: Figures, windowDays: number | null) => { value: number | null; reason?: string }
  /** Where the value comes from, for `--explain`. */
  source: string
}

const withReason = (value: number | null, reason: string | undefined): { value: number | null; reason?: string } =>
  value === null ? { value, reason: reason ?? 'no data' } : { value }

/** Every metric a target can be set for, in the order the reports list them. */
export const TARGET_METRICS: readonly TargetMetricInfo[] = [
  {
    metric: 'deploymentFrequency',
    label: 'Deployment frequency',
    kind: 'frequency',
    unit: 'per week',
    // A window that holds no deployment (one given by since/until) deployed 0 per week: that is
    // data for a target, though the figure itself is null (FORMAT.md §5).
    value: (f, windowDays) =>
      f.deploymentFrequency.perWeek === null && f.deploymentFrequency.count === 0 && windowDays !== null && windowDays > 0
        ? { value: 0 }
        : withReason(f.deploymentFrequency.perWeek, f.deploymentFrequency.reason),
    source: 'deploymentFrequency.perWeek (0 for a window without deployments)',
  },
  {
    metric: 'leadTime',
    label: 'Lead time for changes',
    kind: 'duration',
    unit: 'hours',
    value: (f) => withReason(f.leadTime.medianHours, f.leadTime.reason),
    source: 'leadTime.medianHours',
  },
  {
    metric: 'changeFailureRate',
    label: 'Change failure rate',
    kind: 'rate',
    unit: 'ratio',
    value: (f) => withReason(f.changeFailureRate.rate, f.changeFailureRate.reason),
    source: 'changeFailureRate.rate',
  },
  {
    metric: 'deploymentSuccessRate',
    label: 'Deployment success rate',
    kind: 'rate',
    unit: 'ratio',
    value: (f) =>
      withReason(f.changeFailureRate.rate === null ? null : round(1 - f.changeFailureRate.rate, 4), f.changeFailureRate.reason),
    source: '1 − changeFailureRate.rate',
  },
  {
    metric: 'recoveryTime',
    label: 'Recovery time',
    kind: 'duration',
    unit: 'hours',
    value: (f) => withReason(f.recoveryTime.medianHours, f.recoveryTime.reason),
    source: 'recoveryTime.medianHours',
  },
  {
    metric: 'rollbackRate',
    label: 'Rollback rate',
    kind: 'rate',
    unit: 'ratio',
    value: (f) => withReason(f.rollbackRate, f.reasons.rollbackRate),
    source: 'rollbackRate',
  },
  {
    metric: 'reworkRate',
    label: 'Rework rate',
    kind: 'rate',
    unit: 'ratio',
    value: (f) => withReason(f.reworkRate, f.reasons.reworkRate),
    source: 'reworkRate',
  },
  {
    metric: 'deploymentDuration',
    label: 'Deployment duration',
    kind: 'duration',
    unit: 'minutes',
    value: (f) => withReason(f.deploymentDuration.medianMinutes, f.deploymentDuration.reason),
    source: 'deploymentDuration.medianMinutes',
  },
]

/** The names of the metrics a target can be set for. */
export const TARGET_METRIC_NAMES: readonly TargetMetric[] = TARGET_METRICS.map((info) => info.metric)

/** The metric's entry, or undefined when `name` is not one. */
export function targetMetricInfo(name: string): TargetMetricInfo | undefined {
  return TARGET_METRICS.find((info) => info.metric === name)
}
