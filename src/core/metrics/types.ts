import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Point } from '../record/types.ts'
import type { ExpectedDuration } from '../template/types.ts'
import type { TargetResult, TargetSettings } from './targets/types.ts'

/** A DORA performance tier. 2022 published high, medium and low only. */
export type Tier = 'elite' | 'high' | 'medium' | 'low'

/** How often a team deploys: its class from the deploy days of the median week and month (FORMAT.md §5; docs/metrics.md, "Deployment frequency class"). */
export type FrequencyClass = 'daily' | 'weekly' | 'monthly' | 'yearly'

/** Report years whose tier tables shiplog keeps. */
export type BenchmarkYear = 2021 | 2022 | 2023 | 2024

/** Periods a window can be split into for trend series. */
export type PeriodUnit = 'week' | 'month'

export interface MetricsOptions {
  /** Start of the window, inclusive: a date (`2026-03-01`, 00:00 UTC), a date-time or a Date. */
  since?: string | Date
  /** End of the window, exclusive. */
  until?: string | Date
  /** Only records of this component (case-insensitive). */
  component?: string
  /** The environment whose deployments are measured (case-insensitive); default `production`. */
  environment?: string
  /** Period of the trend series; default `week`. */
  by?: PeriodUnit
  /** The DORA report year whose tiers rate the figures; default the latest kept (2024). */
  benchmark?: BenchmarkYear
  /**
   * Deploy days in the median week that make the frequency class `daily` (config
   * `metrics.dailyDeployDays`); default 3, Four Keys' rule. A number from 1 to 7.
   */
  dailyDeployDays?: number
  /** Team targets to check the figures against, e.g. `{ changeFailureRate: '< 5%' }` (docs/metrics.md, "Targets"). */
  targets?: TargetSettings
  /**
   * The present instant, for the plausibility rule (`implausibleDates`): a deploy time after it is
   * warned about. The core reads no clock; the CLI passes the real one. Without it that test is not made.
   * It never changes a figure.
   */
  now?: Date
  /** The display `timezone` (IANA name) the dates of warnings and explanations are shown in. */
  timeZone?: string
}

/** The figures whose value can be null (FORMAT.md §6), and the two counts. */
export type FigureName =
  | 'deployments'
  | 'failed'
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'recoveryTime'
  | 'rollbackRate'
  | 'reworkRate'
  | 'deploymentDuration'

export interface DeploymentFrequency {
  /** Deployments in the window, failed ones included (FORMAT.md 1.1). */
  count: number
  /** Deployments per week: count / (window days / 7), 2 decimals. */
  perWeek: number | null
  class: FrequencyClass | null
  reason?: string
  /**
   * Deploy days (UTC days with a deployment) in the median week of the window, weeks with none
   * counting: what `class` is read from (≥ `dailyDeployDays` → daily, ≥ 1 → weekly). Null as `perWeek`.
   */
  medianDaysPerWeek?: number | null
  /** Deploy days in the median calendar month of the window: ≥ 1 → monthly, else yearly. */
  medianDaysPerMonth?: number | null
  /** The threshold `class` was read with (option `dailyDeployDays`, default 3). */
  dailyDeployDays?: number
}

export interface LeadTime {
  /** Median of deploy time − committed_at over every counted change, hours, 2 decimals. */
  medianHours: number | null
  /** 90th percentile (linear interpolation), hours, 2 decimals. */
  p90Hours: number | null
  /** Changes counted. */
  changes: number
  /** Changes left out: committed at or after their deploy time, or no readable committed_at. */
  dropped: number
  reason?: string
}

export interface ChangeFailureRate {
  /** failed / deployments, 4 decimals. */
  rate: number | null
  reason?: string
}

export interface RecoveryTime {
  /** Median over the failed deployments whose recovery time is known, hours, 2 decimals. */
  medianHours: number | null
  known: number
  unknown: number
  reason?: string
}

export interface DeploymentDuration {
  /** Median of the per-deployment durations, minutes, 1 decimal. */
  medianMinutes: number | null
  /** Deployments whose duration could be read. */
  measured: number
  reason?: string
}

/** The figures of FORMAT.md §5, for a window or one period of it. */
export interface Figures {
  deployments: number
  failed: number
  deploymentFrequency: DeploymentFrequency
  leadTime: LeadTime
  changeFailureRate: ChangeFailureRate
  recoveryTime: RecoveryTime
  /** rolled-back deployments / deployments, 4 decimals. */
  rollbackRate: number | null
  /** hotfix deployments / deployments, 4 decimals. */
  reworkRate: number | null
  deploymentDuration: DeploymentDuration
  /** Why each null figure is null (every null figure has one). */
  reasons: { [figure in FigureName]?: string }
}

export interface MetricsWindow {
  /** ISO 8601 (UTC) start, inclusive, or null when there is nothing to measure. */
  since: string | null
  /** ISO 8601 (UTC) end, exclusive. */
  until: string | null
  /** Length in days (may be fractional when the bounds carry times). */
  days: number | null
  /** `option` when given, `deployments` when derived from the first and last deployment. */
  from: { since: 'option' | 'deployments' | null; until: 'option' | 'deployments' | null }
  reason?: string
}

/** One period of the trend series: the same figures over the period ∩ the window. */
export interface PeriodFigures extends Figures {
  /** `2026-W10` (ISO week) or `2026-03`. */
  period: string
  /** The period ∩ the window. */
  since: string
  until: string
  /**
   * The window clips the period: its figures cover only [since, until), and per-week rates are
   * over the whole period's length, never scaled up (FORMAT.md §5, 1.1).
   */
  partial: boolean
}

export interface Series {
  by: PeriodUnit
  /** The periods of the window, in order: the latest `MAX_SERIES_PERIODS` (1,000) of them. */
  periods: PeriodFigures[]
  /** How many earlier periods of the window are not listed (0 unless it has more than 1,000). */
  omitted: number
}

/** The DORA report whose tiers are used. */
export interface BenchmarkReference {
  year: BenchmarkYear
  report: string
  url: string
}

/** A figure rated against a report's published bands. */
export interface TierRating {
  /** The report's name for the metric (e.g. `Time to restore service` in 2021). */
  metric: string
  tier: Tier | null
  /** The published band of that tier, as the report words it. */
  band: string | null
  /**
   * True when the value is within the band (gaps between bands count as within the worse one);
   * false when it is worse than every published band and gets the lowest tier.
   */
  within: boolean
  year: BenchmarkYear
  reason?: string
  /**
   * The edge the value was compared with, e.g. `< 24 h`, `≤ 168 h`, `≤ 20%`, `at least weekly`
   * (`> 30%` for a last band without an upper edge; `worse than …` when not within).
   */
  edge?: string
  /** The part of a shared band the value is in, as the peer that splits it words it (2021: `16%–20%`). */
  split?: string
  /**
   * Which rule chose the tier when the value is in a band published for several tiers: a peer's
   * split of the shared band (2021's change failure rate), or "the best tier whose band the value
   * meets" (2023's shared frequency and lead time bands, 2024's change fail rate and recovery).
   */
  tie?: string
}

export interface TierRatings {
  year: BenchmarkYear
  deploymentFrequency: TierRating
  leadTime: TierRating
  changeFailureRate: TierRating
  recoveryTime: TierRating
}

/** A table row or frontmatter value a figure was read from. */
export interface SourceRef extends Point {
  /** `frontmatter` (then `key` names the path), `timeline` or `issues`. */
  in: 'frontmatter' | 'timeline' | 'issues'
  key?: string
  text: string
}

/** What one record (or one change of it) contributed to a figure. */
export interface Evidence {
  file: string
  line: number
  /** The value in the figure's unit (hours, minutes, 1 when counted), or null when unknown. */
  value: number | null
  detail: string
  from: SourceRef[]
}

export type ExclusionCode =
  | 'unreadable'
  | 'no-frontmatter'
  | 'other-environment'
  | 'other-component'
  | 'cancelled'
  | 'not-a-deployment-status'
  | 'unknown-status'
  | 'no-deploy-time'
  | 'outside-window'
  | 'failed-deployment'
  | 'counted-earlier'
  | 'not-positive'
  | 'unparseable-cell'
  | 'no-changes'
  | 'no-duration'
  | 'missing-value'
  | 'unknown-recovery'

/** A record (or a change, a row) left out, and why. */
export interface Exclusion {
  file: string
  line: number
  code: ExclusionCode
  reason: string
}

export interface FigureExplanation {
  from: Evidence[]
  excluded: Exclusion[]
}

export interface Explanation {
  /** Records left out of every figure. */
  excluded: Exclusion[]
  figures: { [figure in FigureName]: FigureExplanation }
  /**
   * Dates of the deployments measured that are very likely wrong (`implausibleDates`): a change
   * committed more than a year before its deploy time, a deploy time after `now`. Still counted.
   */
  implausible: Implausible[]
}

/** An implausible date, counted in the figures but listed so the team can fix the record. */
export interface Implausible {
  file: string
  line: number
  code: 'committed-long-before' | 'deployed-in-future'
  reason: string
}

/** What `computeMetrics` returns: the keys of FORMAT.md §6 first, then shiplog's additions. */
export interface MetricsResult extends Figures {
  window: MetricsWindow
  filters: { component: string | null; environment: string }
  benchmark: BenchmarkReference
  tiers: TierRatings
  series: Series
  explain: Explanation
  /** Problems in the records' content met while measuring: warnings (`--json` prints each as FORMAT.md §6's diagnostic keys). */
  warnings: PlacedMessage[]
  /** Each configured target with the figure's value and whether it is met (null: no data); `[]` without targets. */
  targets: TargetResult[]
  /** Per stage of each template, the median actual duration against the expected one (`computeStageDurations`). */
  stages: StageDuration[]
}

/** A record's stage behind a `StageDuration` (its actual times, as `status` measures them). */
export interface StageEvidence {
  file: string
  /** The stage's `started` in the frontmatter. */
  line: number
  started: string
  ended: string
  /** Clock hours, 2 decimals. */
  hours: number
  /** Business days (Monday–Friday hours / 24), 2 decimals. */
  days: number
}

/** One stage of a template: its median actual duration against the expected one (`metrics --json` key `stages`). */
export interface StageDuration {
  template: string
  name: string
  role: string | null
  expected: ExpectedDuration | null
  /** Records whose stage started and ended (in the window, when one was given). */
  count: number
  /** Median clock hours, 2 decimals; null when no record measured the stage. */
  medianHours: number | null
  /** Median business days, 2 decimals; null as `medianHours`. */
  medianDays: number | null
  /** The median, in the expected unit (`hours`: medianHours, `days`: medianDays), exceeds the expected maximum; null without both. */
  over: boolean | null
  /** The records measured, by file. */
  from: StageEvidence[]
}
