import { DORA_TIERS } from '../metrics/tiers/doraTiers.ts'
import type { TierRating } from '../metrics/types.ts'
import type { TierLegend } from '../../shared/pageData.ts'

type KeyMetric = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime'

/**
 * The legend of a DORA key metric: every tier the rating's report year publishes, best first, with
 * its band as worded there (and a peer's split of a shared band), the tier given marked.
 */
export function tierLegendOf(key: KeyMetric, rating: TierRating): TierLegend {
  const table = DORA_TIERS[rating.year]
  const bands: ReadonlyArray<{ tier: TierLegend['rows'][number]['tier']; published: string; split?: { published: string; source: string } }> = table[key]
  return {
    metric: table.names[key],
    year: table.year,
    report: table.report,
    url: table.url,
    rows: bands.map((band) => ({
      tier: band.tier,
      band: band.published,
      split: band.split ? `${band.split.published} (split as ${band.split.source})` : null,
      current: rating.tier === band.tier,
    })),
  }
}
