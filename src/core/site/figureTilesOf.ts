import { frequencyReason } from '../metrics/frequencyReason.ts'
import type { FigureName, MetricsResult, TierRating } from '../metrics/types.ts'
import { FIGURES, formatValue, type FigureInfo } from './figureCatalog.ts'
import { formatHours, NO_VALUE } from '../../shared/formatFigure.ts'
import { targetViewsOf } from './targetViewsOf.ts'
import type { FigureTile } from '../../shared/pageData.ts'

/** The headline of every figure: value, detail, DORA tier and the report year, linked to the metrics page. */
export function figureTilesOf(metrics: MetricsResult, metricsHref = '/metrics.html'): FigureTile[] {
  return FIGURES.map((info) => figureTileOf(metrics, info, metricsHref))
}

export function figureTileOf(metrics: MetricsResult, info: FigureInfo, metricsHref = '/metrics.html'): FigureTile {
  const raw = info.value(metrics)
  const rating = info.tier === null ? null : metrics.tiers[info.tier]
  return {
    key: info.key,
    label: info.label,
    value: raw === null ? NO_VALUE : formatValue(info.unit, raw),
    raw,
    detail: detailOf(metrics, info.key),
    tier: rating?.tier ?? null,
    band: rating?.band ?? null,
    year: metrics.benchmark.year,
    reason: raw === null ? reasonOf(metrics, info.key) : null,
    href: `${metricsHref}#${info.anchor}`,
    targets: targetViewsOf(metrics.targets, info.key),
    rating: rating ? ratingText(rating) : null,
    basis: rating && rating.tier !== null && raw !== null ? basisOf(metrics, info, rating, raw) : null,
  }
}

/** The rating in words, shown beside the badge: `High by DORA 2024: between once per day and once per week`. */
export function ratingText(rating: TierRating): string {
  if (rating.tier === null || rating.band === null) return `Not rated by DORA ${rating.year}: ${rating.reason ?? 'no data'}`
  const tier = `${rating.tier.charAt(0).toUpperCase()}${rating.tier.slice(1)}`
  const band = `${rating.band.charAt(0).toLowerCase()}${rating.band.slice(1)}`
  return rating.within
    ? `${tier} by DORA ${rating.year}: ${band}${rating.split ? ` (${rating.split})` : ''}`
    : `${tier} by DORA ${rating.year}: outside every published band (${rating.edge ?? band})`
}

/**
 * What the rating was read from. Deployment frequency is rated by its class (the deploy days of the
 * median week and month), not by the per-week average in the headline, so the class and its reason
 * are given; the other key metrics by the value against the band's edge.
 */
function basisOf(metrics: MetricsResult, info: FigureInfo, rating: TierRating, raw: number): string {
  const tie = rating.tie ? `; ${rating.tie}` : ''
  if (info.key === 'deploymentFrequency') {
    const frequency = metrics.deploymentFrequency
    return `${frequency.class ?? 'no class'}: ${frequencyReason(frequency)} (${rating.edge ?? ''}); the rating follows the class, not the ${formatValue(info.unit, raw)} average${tie}`
  }
  const median = info.unit === 'hours' ? 'median ' : ''
  return `${median}${formatValue(info.unit, raw)}: ${rating.edge ?? ''}${tie}`
}

function reasonOf(metrics: MetricsResult, key: FigureName): string {
  const nested = (metrics[key] as { reason?: string } | number | null)
  const own = typeof nested === 'object' && nested !== null ? nested.reason : undefined
  return metrics.reasons[key] ?? own ?? 'no data'
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function detailOf(m: MetricsResult, key: FigureName): string {
  switch (key) {
    case 'deploymentFrequency':
      return [
        plural(m.deploymentFrequency.count, 'deployment'),
        m.deploymentFrequency.class === null ? null : `${m.deploymentFrequency.class}: ${frequencyReason(m.deploymentFrequency)}`,
      ]
        .filter(Boolean)
        .join(' · ')
    case 'leadTime':
      return [m.leadTime.p90Hours === null ? null : `p90 ${formatHours(m.leadTime.p90Hours)}`, plural(m.leadTime.changes, 'change')]
        .filter(Boolean)
        .join(' · ')
    case 'changeFailureRate':
      return `${m.failed} of ${plural(m.deployments, 'deployment')} failed`
    case 'recoveryTime':
      return `${m.recoveryTime.known} known · ${m.recoveryTime.unknown} unknown`
    case 'deployments':
      return `${m.failed} failed`
    case 'rollbackRate':
    case 'reworkRate':
      return `of ${plural(m.deployments, 'deployment')}`
    case 'deploymentDuration':
      return `${m.deploymentDuration.measured} measured`
    case 'failed':
      return ''
  }
}
