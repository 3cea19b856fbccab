/** The figures a team target can be set for (`targets` in the configuration and template manifest). */
export type TargetMetric =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'deploymentSuccessRate'
  | 'recoveryTime'
  | 'rollbackRate'
  | 'reworkRate'
  | 'deploymentDuration'

/** Targets as written by hand: a metric → a comparison, e.g. `{ changeFailureRate: '< 5%' }`. */
export type TargetSettings = { [metric in TargetMetric]?: string }

export type TargetOperator = '<' | '<=' | '>' | '>='

/** The unit of a target's `value` and `threshold`: the unit the metrics JSON reports the figure in. */
export type TargetUnit = 'per week' | 'hours' | 'minutes' | 'ratio'

/** A target read from its text. */
export interface ParsedTarget {
  metric: TargetMetric
  /** The target as written, trimmed. */
  target: string
  operator: TargetOperator
  /** The bound in `unit` (a percentage as a ratio: `5%` → 0.05; `15m` → 0.25 hours). */
  threshold: number
  unit: TargetUnit
}

/** A target checked against the figure the window gave. */
export interface TargetResult extends ParsedTarget {
  /** The figure as the metrics JSON reports it, in `unit`, or null when there is no data. */
  value: number | null
  /** Whether the value meets the target; null when the value is null (no data is not a miss). */
  met: boolean | null
  /** Why `met` is null: the figure's own reason. */
  reason?: string
}
