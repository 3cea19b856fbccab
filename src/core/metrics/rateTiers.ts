import { DORA_TIERS, LATEST_BENCHMARK } from './tiers/doraTiers.ts'
import { FREQUENCY_LEVELS, type FrequencyBand, type FrequencyLevel, type TierTable, type UpperBand } from './tiers/types.ts'
import type { BenchmarkYear, Figures, FrequencyClass, TierRating, TierRatings } from './types.ts'

/**
 * Rates the four key figures against one year's published DORA table.
 *
 * - Lead time (median), recovery time (median) and change failure rate: the best tier whose
 *   published band's worse edge the value meets ("less than one day" excludes 24 h, "between one
 *   day and one week" includes 168 h). A value in a gap between two bands gets the worse
 *   neighbour; a value outside every band, the year's lowest tier.
 * - Deployment frequency: its class (daily, weekly, monthly) or, for a `yearly` class, whether the
 *   window averages at least one deployment per 180 days (`semiannual`) or not
 *   (`rarer`), against each band's less frequent edge.
 *
 * A null figure is not rated: the rating's `tier` is null, with the figure's reason.
 */
export function rateTiers(figures: Figures, windowDays: number | null, year: BenchmarkYear = LATEST_BENCHMARK): TierRatings {
  const table = DORA_TIERS[year]
  const frequency = figures.deploymentFrequency
  const level = frequency.class === null ? null : frequencyLevel(frequency.class, frequency.count, windowDays)
  return {
    year,
    deploymentFrequency:
      level === null
        ? unrated(table, 'deploymentFrequency', frequency.reason ?? 'no deployment frequency')
        : rated(table, 'deploymentFrequency', rateFrequency(table.deploymentFrequency, level)),
    leadTime:
      figures.leadTime.medianHours === null
        ? unrated(table, 'leadTime', figures.leadTime.reason ?? 'no lead time')
        : rated(table, 'leadTime', rateUpper(table.leadTime, figures.leadTime.medianHours)),
    changeFailureRate:
      figures.changeFailureRate.rate === null
        ? unrated(table, 'changeFailureRate', figures.changeFailureRate.reason ?? 'no change failure rate')
        : rated(table, 'changeFailureRate', rateUpper(table.changeFailureRate, figures.changeFailureRate.rate)),
    recoveryTime:
      figures.recoveryTime.medianHours === null
        ? unrated(table, 'recoveryTime', figures.recoveryTime.reason ?? 'no recovery time')
        : rated(table, 'recoveryTime', rateUpper(table.recoveryTime, figures.recoveryTime.medianHours)),
  }
}

/** The frequency level of a class; a `yearly` class splits on one deployment per 180 days. */
export function frequencyLevel(frequencyClass: FrequencyClass, count: number, windowDays: number | null): FrequencyLevel {
  if (frequencyClass !== 'yearly') return frequencyClass
  return windowDays !== null && windowDays > 0 && (count * 180) / windowDays >= 1 ? 'semiannual' : 'rarer'
}

/** A rating: the band given, and whether the value is within it (false: worse than every band). */
export interface BandMatch<Band> {
  band: Band
  within: boolean
}

/** The best band whose less frequent edge the level reaches; else the last band (not within). */
export function rateFrequency(bands: readonly FrequencyBand[], level: FrequencyLevel): BandMatch<FrequencyBand> {
  const rank = FREQUENCY_LEVELS.indexOf(level)
  const band = bands.find((candidate) => rank <= FREQUENCY_LEVELS.indexOf(candidate.atLeast))
  return band ? { band, within: true } : { band: bands[bands.length - 1] as FrequencyBand, within: false }
}

/** The best band whose worse edge the value meets; else the last band (not within). */
export function rateUpper(bands: readonly UpperBand[], value: number): BandMatch<UpperBand> {
  const band = bands.find(
    (candidate) => candidate.max === null || value < candidate.max || (candidate.inclusive && value === candidate.max),
  )
  return band ? { band, within: true } : { band: bands[bands.length - 1] as UpperBand, within: false }
}

type Key = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime'

function rated(table: TierTable, key: Key, match: BandMatch<FrequencyBand | UpperBand>): TierRating {
  return {
    metric: table.names[key],
    tier: match.band.tier,
    band: match.band.published,
    within: match.within,
    year: table.year,
  }
}

function unrated(table: TierTable, key: Key, reason: string): TierRating {
  return { metric: table.names[key], tier: null, band: null, within: false, year: table.year, reason }
}
