export { evaluateTargets, readTargets } from './evaluateTargets.ts'
export { parseTarget } from './parseTarget.ts'
export { TARGET_METRICS, TARGET_METRIC_NAMES, targetMetricInfo, type TargetKind, type TargetMetricInfo } from './targetMetrics.ts'
export type * from './types.ts'
