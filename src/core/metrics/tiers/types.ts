import type { BenchmarkYear, Tier } from '../types.ts'

/**
 * How often a team deploys, finest first. `daily`, `weekly` and `monthly` are the frequency
 * classes; a `yearly` class splits into `semiannual` (at least one deployment per 180 days on
 * average over the window) and `rarer`.
 */
export type FrequencyLevel = 'daily' | 'weekly' | 'monthly' | 'semiannual' | 'rarer'

export const FREQUENCY_LEVELS: readonly FrequencyLevel[] = ['daily', 'weekly', 'monthly', 'semiannual', 'rarer']

/**
 * A published deployment frequency band. `atLeast` is its less frequent edge: "between once per
 * week and once per month" admits every team deploying at least monthly.
 */
export interface FrequencyBand {
  tier: Tier
  /** The band as the report words it. */
  published: string
  atLeast: FrequencyLevel
}

/**
 * A published band of a lower-is-better metric (lead time and recovery time in hours, change
 * failure rate as a fraction). `max` is its worse edge (null: none, e.g. "more than six months");
 * `inclusive` is false for "less than …". A single published figure (2023–2024 change failure
 * rates, e.g. `5%`) is read as "at most that".
 */
export interface UpperBand {
  tier: Tier
  published: string
  max: number | null
  inclusive: boolean
  /**
   * Where the report publishes one band for several tiers (2021's change failure rate: 16%–30%
   * for high, medium and low), the split a peer publishes, which breaks the tie: this tier's part
   * of the shared band (`max` null: no upper edge, e.g. "> 30%"), and who publishes it.
   */
  split?: BandSplit
}

/** A tier's part of a band the report shares between tiers, as a peer splits it. */
export interface BandSplit {
  /** The part, as the peer words it (`16%–20%`, `> 30%`). */
  published: string
  max: number | null
  inclusive: boolean
  /** Who splits the band so, with the file it is read from (cited in docs/metrics.md). */
  source: string
}

/** One year's DORA software delivery performance table, as published, with its source. */
export interface TierTable {
  year: BenchmarkYear
  /** The report's title. */
  report: string
  url: string
  /** The report's own names of the four key metrics (they changed over the years). */
  names: {
    deploymentFrequency: string
    leadTime: string
    changeFailureRate: string
    recoveryTime: string
  }
  /** Tiers published that year, best first. */
  tiers: readonly Tier[]
  deploymentFrequency: readonly FrequencyBand[]
  /** Hours. */
  leadTime: readonly UpperBand[]
  /** Fraction of deployments (0.15 = 15%). */
  changeFailureRate: readonly UpperBand[]
  /** Hours. */
  recoveryTime: readonly UpperBand[]
  /** What the year's table says that the bands alone do not. */
  notes: readonly string[]
}

/** Units the published bands are converted with: a month is 30 days, six months 180 days. */
export const HOURS = {
  hour: 1,
  day: 24,
  week: 7 * 24,
  month: 30 * 24,
  sixMonths: 180 * 24,
} as const
