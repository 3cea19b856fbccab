import type { FigureName, Figures, TierRatings } from '../metrics/types.ts'
import { formatDecimal, formatValue, type FigureUnit } from '../../shared/formatFigure.ts'

export { formatValue, type FigureUnit }

export interface FigureInfo {
  key: FigureName
  /** Short label for tiles and charts. */
  label: string
  /** Anchor on the metrics page. */
  anchor: string
  /** What the figure is, in one sentence (FORMAT.md §5). */
  definition: string
  unit: FigureUnit
  /** Unit of the chart's axis. */
  axis: string
  /** Column heading of an evidence row's value on the metrics page. */
  evidenceLabel: string
  /** The DORA key metric rated against the report's tiers, if any. */
  tier: keyof Omit<TierRatings, 'year'> | null
  /** The figure's value, in its unit, or null. */
  value: (figures: Figures) => number | null
  /** What the value was measured over (a bar's `n`), and its noun, singular and plural. */
  sample: (figures: Figures) => number
  sampleNoun: [string, string]
}

/** The figures of FORMAT.md §5 in the order the site shows them: DORA's four keys first. */
export const FIGURES: readonly FigureInfo[] = [
  {
    key: 'deploymentFrequency',
    label: 'Deployment frequency',
    anchor: 'deployment-frequency',
    definition: 'Production deployments per week over the window, failed ones included (count ÷ window days × 7); its class follows the deploy days of the median week and month.',
    unit: 'perWeek',
    axis: 'per week',
    evidenceLabel: 'Counted',
    tier: 'deploymentFrequency',
    value: (f) => f.deploymentFrequency.perWeek,
    sample: (f) => f.deploymentFrequency.count,
    sampleNoun: ['deployment', 'deployments'],
  },
  {
    key: 'leadTime',
    label: 'Lead time for changes',
    anchor: 'lead-time',
    definition: 'Median time from each change’s commit (`changes[].committed_at`) to the earliest deployment that kept it in production (deployed, verified or closed), each change counted once.',
    unit: 'hours',
    axis: 'hours',
    evidenceLabel: 'Lead time',
    tier: 'leadTime',
    value: (f) => f.leadTime.medianHours,
    sample: (f) => f.leadTime.changes,
    sampleNoun: ['change', 'changes'],
  },
  {
    key: 'changeFailureRate',
    label: 'Change failure rate',
    anchor: 'change-failure-rate',
    definition: 'Failed deployments ÷ deployments. A deployment failed when it was rolled back or failed, marked `incident: true`, or had a critical/high/sev1/sev2/p1/p2 issue.',
    unit: 'rate',
    axis: '%',
    evidenceLabel: 'Failed',
    tier: 'changeFailureRate',
    value: (f) => f.changeFailureRate.rate,
    sample: (f) => f.deployments,
    sampleNoun: ['deployment', 'deployments'],
  },
  {
    key: 'recoveryTime',
    label: 'Failed deployment recovery time',
    anchor: 'recovery-time',
    definition: 'Median time to restore service after a failed deployment: `restored_at` − deploy time, else the longest failure issue’s Duration.',
    unit: 'hours',
    axis: 'hours',
    evidenceLabel: 'Recovery',
    tier: 'recoveryTime',
    value: (f) => f.recoveryTime.medianHours,
    sample: (f) => f.recoveryTime.known,
    sampleNoun: ['known recovery', 'known recoveries'],
  },
  {
    key: 'deployments',
    label: 'Deployments',
    anchor: 'deployments',
    definition: 'Production records with status deployed, verified, closed, rolled-back or failed whose deploy time is inside the window.',
    unit: 'count',
    axis: 'deployments',
    evidenceLabel: 'Counted',
    tier: null,
    value: (f) => f.deployments,
    sample: (f) => f.deployments,
    sampleNoun: ['deployment', 'deployments'],
  },
  {
    key: 'rollbackRate',
    label: 'Rollback rate',
    anchor: 'rollback-rate',
    definition: 'Rolled-back deployments ÷ deployments.',
    unit: 'rate',
    axis: '%',
    evidenceLabel: 'Rolled back',
    tier: null,
    value: (f) => f.rollbackRate,
    sample: (f) => f.deployments,
    sampleNoun: ['deployment', 'deployments'],
  },
  {
    key: 'reworkRate',
    label: 'Rework rate',
    anchor: 'rework-rate',
    definition: 'Hotfix deployments ÷ deployments (DORA 2024).',
    unit: 'rate',
    axis: '%',
    evidenceLabel: 'Hotfix',
    tier: null,
    value: (f) => f.reworkRate,
    sample: (f) => f.deployments,
    sampleNoun: ['deployment', 'deployments'],
  },
  {
    key: 'deploymentDuration',
    label: 'Deployment duration',
    anchor: 'deployment-duration',
    definition: 'Median length of a deployment: the sum of its Deployment Timeline durations (End − Start where Duration is empty).',
    unit: 'minutes',
    axis: 'minutes',
    evidenceLabel: 'Duration',
    tier: null,
    value: (f) => f.deploymentDuration.medianMinutes,
    sample: (f) => f.deploymentDuration.measured,
    sampleNoun: ['measured deployment', 'measured deployments'],
  },
]

/** A figure's value in its chart's axis unit (rates in per cent). */
export function chartValue(unit: FigureUnit, value: number): number {
  return unit === 'rate' ? Number(formatDecimal(value * 100, 1)) : Number(formatDecimal(value, 2))
}

/** A value on a chart, printed: `25%`, `26.5 h`, `3`. */
export function formatChartValue(unit: FigureUnit, value: number | null): string {
  if (value === null) return 'no data'
  return formatValue(unit, value)
}
