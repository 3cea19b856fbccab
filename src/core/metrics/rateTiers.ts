import { DORA_TIERS, LATEST_BENCHMARK } from './tiers/doraTiers.ts'
import { FREQUENCY_LEVELS, type BandSplit, type FrequencyBand, type FrequencyLevel, type TierTable, type UpperBand } from './tiers/types.ts'
import type { BenchmarkYear, Figures, FrequencyClass, TierRating, TierRatings } from './types.ts'

/**
 * Rates the four key figures against one year's published DORA table.
 *
 * - Lead time (median), recovery time (median) and change failure rate: the best tier whose
 *   published band's worse edge the value meets ("less than one day" excludes 24 h, "between one
 *   day and one week" includes 168 h). A value in a gap between two bands gets the worse
 *   neighbour; a value outside every band, the year's lowest tier. A band published for several
 *   tiers is split as a peer splits it, where one does (2021's change failure rate, Apache
 *   DevLake); otherwise the best tier whose band the value meets is given, and `tie` says so.
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
        : rated(table, 'deploymentFrequency', rateFrequency(table.deploymentFrequency, level), tieOfFrequency(table.deploymentFrequency, level)),
    leadTime:
      figures.leadTime.medianHours === null
        ? unrated(table, 'leadTime', figures.leadTime.reason ?? 'no lead time')
        : rated(table, 'leadTime', rateUpper(table.leadTime, figures.leadTime.medianHours), tieOfUpper(table.leadTime, figures.leadTime.medianHours, 'leadTime')),
    changeFailureRate:
      figures.changeFailureRate.rate === null
        ? unrated(table, 'changeFailureRate', figures.changeFailureRate.reason ?? 'no change failure rate')
        : rated(table, 'changeFailureRate', rateUpper(table.changeFailureRate, figures.changeFailureRate.rate), tieOfUpper(table.changeFailureRate, figures.changeFailureRate.rate, 'changeFailureRate')),
    recoveryTime:
      figures.recoveryTime.medianHours === null
        ? unrated(table, 'recoveryTime', figures.recoveryTime.reason ?? 'no recovery time')
        : rated(table, 'recoveryTime', rateUpper(table.recoveryTime, figures.recoveryTime.medianHours), tieOfUpper(table.recoveryTime, figures.recoveryTime.medianHours, 'recoveryTime')),
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

/**
 * The best band whose worse edge the value meets; else the last band (not within). A band with a
 * `split` (a peer's split of a band the report shares between tiers) is met by its split's edge.
 */
export function rateUpper(bands: readonly UpperBand[], value: number): BandMatch<UpperBand> {
  const band = bands.find((candidate) => meets(edgeOf(candidate), value))
  return band ? { band, within: true } : { band: bands[bands.length - 1] as UpperBand, within: false }
}

/** The edge a band is rated by: its split's, when a peer splits it. */
function edgeOf(band: UpperBand): { max: number | null; inclusive: boolean } {
  return band.split ?? band
}

function meets(edge: { max: number | null; inclusive: boolean }, value: number): boolean {
  return edge.max === null || value < edge.max || (edge.inclusive && value === edge.max)
}

type UpperKey = 'leadTime' | 'changeFailureRate' | 'recoveryTime'

/**
 * The tie rule that chose among the tiers a value could be given: the peer's split of a shared
 * band, or, when the value meets the bands of several tiers as published, the best of them.
 */
export function tieOfUpper(bands: readonly UpperBand[], value: number, key: UpperKey): string | undefined {
  const match = rateUpper(bands, value)
  if (!match.within) return undefined
  const band = match.band
  const split = band.split
  if (split) {
    const sharing = bands.filter((other) => other.published === band.published).map((other) => other.tier)
    const parts = bands.filter((other) => other.split && other.published === band.published).map((other) => `${other.split?.published} ${other.tier}`)
    return `${band.published} is published for ${list(sharing)}; split as ${split.source}: ${parts.join(', ')}`
  }
  // A worse tier ties when the value meets its band too and its edge is not past the one met:
  // a band shared (2024 recovery: "less than one day" for high and medium) or out of order (2024
  // change fail rate: medium 10% under high 20%). A worse band that merely reaches further
  // (low's 40%) is no tie: the value is in the better band, as ordered bands mean.
  const worse = bands.slice(bands.indexOf(band) + 1)
  const ties = worse.filter((other) => meets(other, value) && other.max !== null && band.max !== null && other.max <= band.max)
  if (ties.length === 0) return undefined
  const meeting = [band, ...ties].map((other) => `${other.tier} (${edgeText(other, key)})`)
  return `the value meets the published bands of ${list(meeting)}: the best of them is given`
}

/** The tie rule for frequency: the level reaches the bands of several tiers; the best is given. */
export function tieOfFrequency(bands: readonly FrequencyBand[], level: FrequencyLevel): string | undefined {
  const rank = FREQUENCY_LEVELS.indexOf(level)
  const meeting = bands.filter((band) => rank <= FREQUENCY_LEVELS.indexOf(band.atLeast))
  const same = meeting.filter((band) => band.atLeast === meeting[0]?.atLeast)
  return same.length > 1
    ? `${same[0]?.published} is published for ${list(same.map((band) => band.tier))}: the best of them is given`
    : undefined
}

/** A band's edge in the metric's unit: `< 24 h`, `≤ 168 h`, `≤ 20%`, `> 30%`, `any`. */
export function edgeText(band: UpperBand | BandSplit, key: UpperKey): string {
  if (band.max === null) {
    const previous = 'published' in band && /^>/.test(band.published) ? band.published : null
    return previous ?? 'no upper edge'
  }
  return `${band.inclusive ? '≤' : '<'} ${unit(band.max, key)}`
}

/** Beyond a last band's edge: `> 60%` past an inclusive edge, `≥ 720 h` past an exclusive one. */
function beyondText(band: UpperBand | BandSplit, key: UpperKey): string {
  return band.max === null ? 'no upper edge' : `${band.inclusive ? '>' : '≥'} ${unit(band.max, key)}`
}

function unit(value: number, key: UpperKey): string {
  return key === 'changeFailureRate' ? `${Math.round(value * 10000) / 100}%` : `${value} h`
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

type Key = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime'

function rated(table: TierTable, key: Key, match: BandMatch<FrequencyBand | UpperBand>, tie: string | undefined): TierRating {
  const band = match.band
  const edge =
    'atLeast' in band
      ? `${match.within ? 'at least' : 'less often than'} ${band.atLeast}`
      : match.within
        ? edgeText(band.split ?? band, key as UpperKey)
        : beyondText(band.split ?? band, key as UpperKey)
  return {
    metric: table.names[key],
    tier: band.tier,
    band: band.published,
    within: match.within,
    year: table.year,
    edge,
    ...('split' in band && band.split && match.within ? { split: band.split.published } : {}),
    ...(tie === undefined ? {} : { tie }),
  }
}

function unrated(table: TierTable, key: Key, reason: string): TierRating {
  return { metric: table.names[key], tier: null, band: null, within: false, year: table.year, reason }
}
